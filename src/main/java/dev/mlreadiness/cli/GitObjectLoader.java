package dev.mlreadiness.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.mlreadiness.engine.snapshot.ContentLoader;
import dev.mlreadiness.engine.snapshot.FileEntry;

/**
 * Reads blobs through one long-running {@code git cat-file --batch} process, however many files are read: starting
 * a process per file would cost more than the reading. Shared by the base and head trees of one evaluation, which
 * the checklist may read from two threads, hence the lock.
 */
final class GitObjectLoader implements ContentLoader, AutoCloseable {

    private final Git git;
    private Process process;
    private OutputStream requests;
    private InputStream answers;

    GitObjectLoader(Git git) {
        this.git = git;
    }

    @Override
    public synchronized Optional<byte[]> load(FileEntry file) throws IOException {
        if (file.blobId() == null) {
            return Optional.empty();
        }
        start();
        requests.write((file.blobId() + "\n").getBytes(StandardCharsets.US_ASCII));
        requests.flush();
        String header = readLine();
        if (header == null) {
            throw new IOException("git cat-file ended unexpectedly");
        }
        // "<sha> <type> <size>" or "<sha> missing"
        String[] parts = header.split(" ");
        if (parts.length < 3) {
            return Optional.empty();
        }
        int size;
        try {
            size = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            throw new IOException("unexpected answer from git cat-file: " + header, e);
        }
        byte[] content = answers.readNBytes(size);
        if (content.length != size || answers.read() != '\n') {
            throw new IOException("git cat-file ended in the middle of " + file.path());
        }
        return Optional.of(content);
    }

    private void start() throws IOException {
        if (process != null) {
            return;
        }
        ProcessBuilder pb = new ProcessBuilder(git.command("cat-file", "--batch"));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        process = pb.start();
        requests = new BufferedOutputStream(process.getOutputStream());
        answers = new BufferedInputStream(process.getInputStream(), 1 << 16);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = answers.read()) != -1 && b != '\n') {
            line.write(b);
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    /** Started at all (tests check that one process served the whole evaluation). */
    synchronized boolean started() {
        return process != null;
    }

    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        try {
            requests.close();
        } catch (IOException e) {
            // the process is going away anyway
        }
        process.destroy();
        process = null;
    }
}
