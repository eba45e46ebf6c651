package dev.mlreadiness.engine.snapshot;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a {@link Snapshot} gets file contents from: a folder, git objects, the GitHub API. A snapshot calls it at
 * most once per file.
 */
public interface ContentLoader {

    /** The file's bytes, or empty when the file does not exist there. */
    Optional<byte[]> load(FileEntry file) throws IOException;

    /**
     * Loads several files at once. Loaders that talk to a remote service override this to batch or parallelise;
     * the default loads one after the other.
     */
    default Map<String, byte[]> loadAll(Collection<FileEntry> files) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (FileEntry f : files) {
            Optional<byte[]> bytes = load(f);
            if (bytes.isPresent()) {
                out.put(f.path(), bytes.get());
            }
        }
        return out;
    }
}
