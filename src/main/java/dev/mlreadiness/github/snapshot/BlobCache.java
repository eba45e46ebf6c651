package dev.mlreadiness.github.snapshot;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * File contents by git blob id, kept across evaluations in this process: a blob never changes, so the next push
 * re-reads only the files it changed. Bounded by total bytes, least recently used first out. Thread-safe.
 */
public final class BlobCache {

    private final long maxBytes;
    private final LinkedHashMap<String, byte[]> blobs = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    public BlobCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public synchronized Optional<byte[]> get(String blobId) {
        return blobId == null ? Optional.empty() : Optional.ofNullable(blobs.get(blobId));
    }

    /** Keeps the blob unless it alone is larger than the whole cache. */
    public synchronized void put(String blobId, byte[] content) {
        if (blobId == null || content.length > maxBytes) {
            return;
        }
        byte[] old = blobs.put(blobId, content);
        bytes += content.length - (old == null ? 0 : old.length);
        Iterator<Map.Entry<String, byte[]>> it = blobs.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            Map.Entry<String, byte[]> eldest = it.next();
            bytes -= eldest.getValue().length;
            it.remove();
        }
    }

    public synchronized int size() {
        return blobs.size();
    }

    public synchronized long bytes() {
        return bytes;
    }
}
