package dev.mlreadiness.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Runs git commands in one folder and returns their output; a failing command becomes an {@link InputException}. */
final class Git {

    private final Path dir;

    Git(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** The command line for {@code git <args>} in this folder, with settings that keep output machine-readable. */
    List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "core.quotePath=false"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Standard output of a git command that must succeed. */
    byte[] run(String... args) throws InputException {
        Result r = exec(args);
        if (r.exit() != 0) {
            String why = r.stderr().strip().lines().findFirst().orElse("exit code " + r.exit());
            throw new InputException("git " + args[0] + " failed in " + dir + ": " + why);
        }
        return r.stdout();
    }

    /**
     * {@link #run} on a thread of its own (not the common pool, which parallel reads keep busy), so the caller can
     * work while git does; collect the output with {@link #join}.
     */
    CompletableFuture<byte[]> runAsync(String... args) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return run(args);
            } catch (InputException e) {
                throw new CompletionException(e);
            }
        }, task -> {
            Thread t = new Thread(task, "git " + args[0]);
            t.setDaemon(true);
            t.start();
        });
    }

    /** The output of a {@link #runAsync} command, or the {@link InputException} it failed with. */
    static byte[] join(CompletableFuture<byte[]> output) throws InputException {
        try {
            return output.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof InputException ie) {
                throw ie;
            }
            throw e;
        }
    }

    String runText(String... args) throws InputException {
        return new String(run(args), StandardCharsets.UTF_8);
    }

    /** True when the command exits with 0 (a question such as "is this a work tree?"). */
    boolean succeeds(String... args) throws InputException {
        return exec(args).exit() == 0;
    }

    private Result exec(String... args) throws InputException {
        ProcessBuilder pb = new ProcessBuilder(command(args));
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new InputException("could not run git (is it installed and on the PATH?): " + e.getMessage(), e);
        }
        try {
            p.getOutputStream().close();
            // stderr is drained beside stdout so a chatty git never blocks on a full pipe
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            byte[] out = readAll(p.getInputStream());
            int exit = p.waitFor();
            return new Result(exit, out, new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InputException("git " + args[0] + " failed in " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            throw new InputException("interrupted while running git " + args[0], e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** Splits NUL-terminated output ({@code -z}) into its fields. */
    static List<String> fields(byte[] output) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < output.length; i++) {
            if (output[i] == 0) {
                out.add(new String(output, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < output.length) {
            out.add(new String(output, start, output.length - start, StandardCharsets.UTF_8));
        }
        return out;
    }

    private record Result(int exit, byte[] stdout, String stderr) {
    }
}
