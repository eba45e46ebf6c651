package dev.mlreadiness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import dev.mlreadiness.engine.ContentLoader;
import dev.mlreadiness.engine.FileEntry;

/** Reads files of a folder on disk, as they are now (uncommitted edits included). */
final class DiskLoader implements ContentLoader {

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
}
