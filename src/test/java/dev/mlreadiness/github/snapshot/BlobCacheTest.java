package dev.mlreadiness.github.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlobCacheTest {

    @Test
    void leastRecentlyUsedBlobsLeaveFirstWhenFull() {
        BlobCache cache = new BlobCache(10);
        cache.put("a", new byte[4]);
        cache.put("b", new byte[4]);
        assertThat(cache.get("a")).isPresent(); // a is now the most recently used
        cache.put("c", new byte[4]);
        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.get("a")).isPresent();
        assertThat(cache.get("c")).isPresent();
        assertThat(cache.bytes()).isEqualTo(8);
    }

    @Test
    void blobLargerThanTheCacheIsNotKeptAndEvictsNothing() {
        BlobCache cache = new BlobCache(10);
        cache.put("a", new byte[4]);
        cache.put("huge", new byte[11]);
        assertThat(cache.get("huge")).isEmpty();
        assertThat(cache.get("a")).isPresent();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void noIdNoCaching() {
        BlobCache cache = new BlobCache(10);
        cache.put(null, new byte[1]);
        assertThat(cache.size()).isZero();
        assertThat(cache.get(null)).isEmpty();
    }
}
