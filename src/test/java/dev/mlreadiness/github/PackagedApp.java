package dev.mlreadiness.github;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged app ({@code target/quarkus-app/quarkus-run.jar}) in a process of its own, in prod mode, for the
 * benchmarks: started as the container image starts it ({@code java @src/main/jvm/app.options} with
 * {@code MALLOC_ARENA_MAX=2}) or with the JVM's defaults, on a free port, with the given settings as system
 * properties.
 */
final class PackagedApp implements AutoCloseable {

    static final String IMAGE_OPTIONS = "src/main/jvm/app.options";

    final Process process;
    final int port;
    final File log;

    private PackagedApp(Process process, int port, File log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * @param options an options file ({@link #IMAGE_OPTIONS}) or "none" for the JVM's defaults
     * @param heap a heap cap replacing the options file's ({@code 256m}), or null
     */
    static PackagedApp start(Map<String, String> config, String options, String heap) throws IOException {
        return start(config, Map.of(), options, heap);
    }

    /** Also with environment variables, as a container gets them. */
    static PackagedApp start(Map<String, String> config, Map<String, String> environment, String options,
            String heap) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dquarkus.http.port=" + port));
        if (!options.equals("none")) {
            command.add(1, "@" + options);
        }
        if (heap != null) {
            command.add("-Xmx" + heap);
        }
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        File log = Files.createTempFile("packaged-app", ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        if (!options.equals("none")) {
            builder.environment().put("MALLOC_ARENA_MAX", "2"); // as the container image sets it
        }
        builder.environment().putAll(environment);
        return new PackagedApp(builder.start(), port, log);
    }

    String base() {
        return "http://localhost:" + port;
    }

    /** Waits until {@code /q/health/ready} answers 200; fails if the process ends first. */
    PackagedApp awaitReady(HttpClient http) throws InterruptedException {
        while (!ready(http)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app ended before it was ready; log: " + log);
            }
            Thread.sleep(200);
        }
        return this;
    }

    private boolean ready(HttpClient http) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base() + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** The resident set of the process, from /proc (Linux). */
    long rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
