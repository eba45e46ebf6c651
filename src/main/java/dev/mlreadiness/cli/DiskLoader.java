package dev.mlreadiness.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.mlreadiness.engine.snapshot.ContentLoader;
import dev.mlreadiness.engine.snapshot.FileEntry;

/** Reads files of a folder on disk, as they are now (uncommitted edits included). */
final class DiskLoader implements ContentLoader {

    /** Below this many files a parallel read costs more in hand-over than it saves. */
    private static final int PARALLEL_FROM = 64;

    private final Path root;

    DiskLoader(Path root) {
        this.root = root;
    }

    @Override
    public Optional<byte[]> load(FileEntry file) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(root.resolve(file.path())));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads on every core: a full scan prefetches thousands of small files, and each read is mostly a system call
     * waiting on the file system, so one thread leaves the other cores idle.
     */
    @Override
    public Map<String, byte[]> loadAll(Collection<FileEntry> files) throws IOException {
        if (files.size() < PARALLEL_FROM) {
            return ContentLoader.super.loadAll(files);
        }
        Map<String, byte[]> out = new ConcurrentHashMap<>();
        try {
            List.copyOf(files).parallelStream().forEach(f -> {
                try {
                    load(f).ifPresent(b -> out.put(f.path(), b));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }
}
