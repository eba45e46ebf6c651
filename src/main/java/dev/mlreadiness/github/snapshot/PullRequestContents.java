package dev.mlreadiness.github.snapshot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.mlreadiness.engine.snapshot.ContentLoader;
import dev.mlreadiness.engine.snapshot.FileEntry;

/**
 * The file contents of one evaluation, for the head and the base commit alike: looked up in the process-wide
 * {@link BlobCache} first, then read from GitHub in batches, each file at most once. Head and base loaders share
 * it, so one {@link #prefetch} can read both sides in a single request.
 */
public final class PullRequestContents {

    private final BlobSource source;
    private final BlobCache cache;
    private final Map<BlobKey, byte[]> read = new ConcurrentHashMap<>();
    private final Set<BlobKey> missing = ConcurrentHashMap.newKeySet();
    private volatile int requests;

    public PullRequestContents(BlobSource source, BlobCache cache) {
        this.source = source;
        this.cache = cache;
    }

    /** A content already known without a request (an added file rebuilt from its patch). */
    public void known(BlobKey key, byte[] content) {
        read.put(key, content);
        cache.put(key.blobId(), content);
    }

    /** Whether the content of {@code key} is known, so reading it asks GitHub nothing. */
    public boolean known(BlobKey key) {
        return read.containsKey(key) || cache.get(key.blobId()).isPresent();
    }

    /** The loader of the tree at {@code ref}. */
    public ContentLoader loader(String ref) {
        return new ContentLoader() {
            @Override
            public Optional<byte[]> load(FileEntry file) throws IOException {
                return Optional.ofNullable(loadAll(List.of(file)).get(file.path()));
            }

            @Override
            public Map<String, byte[]> loadAll(Collection<FileEntry> files) throws IOException {
                Map<String, byte[]> out = new LinkedHashMap<>();
                List<BlobKey> keys = files.stream().map(f -> new BlobKey(ref, f.path(), f.blobId())).toList();
                fetch(keys).forEach((k, v) -> out.put(k.path(), v));
                return out;
            }
        };
    }

    /** Reads every key not known yet, all in one batch. */
    public void prefetch(Collection<BlobKey> keys) throws IOException {
        fetch(keys);
    }

    /** How many batches went to GitHub (for logs and tests). */
    public int requests() {
        return requests;
    }

    private Map<BlobKey, byte[]> fetch(Collection<BlobKey> keys) throws IOException {
        Map<BlobKey, byte[]> out = new LinkedHashMap<>();
        List<BlobKey> toRead = new ArrayList<>();
        for (BlobKey k : keys) {
            byte[] b = read.get(k);
            if (b == null) {
                b = cache.get(k.blobId()).orElse(null);
            }
            if (b != null) {
                out.put(k, b);
            } else if (!missing.contains(k)) {
                toRead.add(k);
            }
        }
        if (!toRead.isEmpty()) {
            requests++;
            Map<BlobKey, byte[]> got = source.read(toRead);
            for (BlobKey k : toRead) {
                byte[] b = got.get(k);
                if (b == null) {
                    missing.add(k);
                } else {
                    read.put(k, b);
                    cache.put(k.blobId(), b);
                    out.put(k, b);
                }
            }
        }
        return out;
    }
}
