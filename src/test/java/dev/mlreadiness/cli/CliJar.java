package dev.mlreadiness.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The packaged one-file CLI, {@code target/ml-readiness-cli.jar}, run as a separate process with the JVM options of
 * {@code src/main/jvm/cli.options}, as the launcher, the image and the Action run it.
 */
final class CliJar {

    static final Path JAR = Path.of("target/ml-readiness-cli.jar").toAbsolutePath();
    static final Path OPTIONS = Path.of("src/main/jvm/cli.options").toAbsolutePath();

    /** One finished run: exit code and both streams. */
    record Run(int exit, String out, String err) {
    }

    private CliJar() {
    }

    static Run run(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(List.of(), workDir, env, args);
    }

    /** {@link #run(Path, Map, String...)} with JVM options after those of the options file. */
    static Run run(List<String> jvmOptions, Path workDir, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run ./mvnw package (failsafe runs this after it)");
        }
        List<String> cmd = new ArrayList<>(List.of(java(), "@" + OPTIONS));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return exec(cmd, workDir, env);
    }

    /** Runs any command, waiting at most five minutes (a hung child must not hang the build). */
    static Run exec(List<String> cmd, Path workDir, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " did not finish");
        }
        return new Run(p.exitValue(), out, err.join());
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
