package dev.mlreadiness.github.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

class GraphQLBlobSourceTest {

    @Test
    void oneAliasPerFileWithQuotedExpressions() {
        String q = GraphQLBlobSource.query("acme", "churn", List.of(new BlobKey("abc", "README.md", null),
                new BlobKey("def", "docs/say \"hi\".md", "123")));
        assertThat(q).isEqualTo("query { repository(owner: \"acme\", name: \"churn\") {"
                + " f0: object(expression: \"abc:README.md\") { ... on Blob { text isBinary byteSize isTruncated } }"
                + " f1: object(expression: \"def:docs/say \\\"hi\\\".md\") { ... on Blob { text isBinary byteSize"
                + " isTruncated } } } }");
    }

    @Test
    void graphqlStringsEscapeLikeJson() {
        assertThat(GraphQLQuery.quote("a\\b\n\"c\"\u0001")).isEqualTo("\"a\\\\b\\n\\\"c\\\"\\u0001\"");
    }

    @Test
    void truncatedAndBinaryBlobsAreFetchedOverRestSideBySide() throws Exception {
        BlobKey text = new BlobKey("abc", "README.md", "1");
        BlobKey truncated = new BlobKey("abc", "data/big.csv", "2");
        BlobKey binary = new BlobKey("abc", "model.bin", "3");
        BlobKey missing = new BlobKey("abc", "gone.py", "4");
        BlobKey goneOverRest = new BlobKey("abc", "raced.txt", "5");
        GraphQLQuery graphql = q -> Json.createObjectBuilder().add("repository", Json.createObjectBuilder()
                .add("f0", Json.createObjectBuilder().add("text", "# Hi\n").add("isBinary", false)
                        .add("isTruncated", false))
                .add("f1", Json.createObjectBuilder().addNull("text").add("isBinary", false).add("isTruncated", true))
                .add("f2", Json.createObjectBuilder().addNull("text").add("isBinary", true).add("isTruncated", false))
                .addNull("f3")
                .add("f4", Json.createObjectBuilder().addNull("text").add("isBinary", true).add("isTruncated", false)))
                .build();
        AtomicInteger requests = new AtomicInteger();
        Set<String> asked = ConcurrentHashMap.newKeySet();
        // each REST read waits for the other real one: read one after another, the first would wait in vain
        CountDownLatch bothInFlight = new CountDownLatch(2);
        Set<String> sawTheOther = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            GraphQLBlobSource source = new GraphQLBlobSource(graphql, "acme", "churn", key -> {
                requests.incrementAndGet();
                asked.add(key.path());
                if (key.equals(goneOverRest)) {
                    return null;
                }
                bothInFlight.countDown();
                try {
                    if (bothInFlight.await(5, TimeUnit.SECONDS)) {
                        sawTheOther.add(key.path());
                    }
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
                return ("bytes of " + key.path()).getBytes(StandardCharsets.UTF_8);
            }, pool);
            Map<BlobKey, byte[]> read = source.read(List.of(text, truncated, binary, missing, goneOverRest));

            assertThat(read.keySet()).containsExactly(text, truncated, binary);
            assertThat(new String(read.get(text), StandardCharsets.UTF_8)).isEqualTo("# Hi\n");
            assertThat(new String(read.get(truncated), StandardCharsets.UTF_8)).isEqualTo("bytes of data/big.csv");
            assertThat(new String(read.get(binary), StandardCharsets.UTF_8)).isEqualTo("bytes of model.bin");
            assertThat(requests.get()).isEqualTo(3);
            assertThat(asked).containsExactlyInAnyOrder("data/big.csv", "model.bin", "raced.txt");
            assertThat(sawTheOther).containsExactlyInAnyOrder("data/big.csv", "model.bin");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * GitHub nulls {@code repository} (with errors) when it cannot serve it: renamed, access revoked, SAML. That is a
     * failed read, never "none of these files exist", which would review unreadable files as missing.
     */
    @Test
    void aBatchAnsweredWithoutItsRepositoryFailsTheRead() {
        GraphQLQuery graphql = q -> Json.createObjectBuilder().addNull("repository").build();
        GraphQLBlobSource source = new GraphQLBlobSource(graphql, "acme", "churn", key -> {
            throw new AssertionError("no REST fallback for a failed batch");
        }, Runnable::run);

        assertThatThrownBy(() -> source.read(List.of(new BlobKey("abc", "README.md", null))))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("repository");
    }

    /**
     * A batch GitHub fails to execute on every try, down to each file alone: halved down to single files (199
     * queries for 100 files, none smaller than one file), each of which is read over REST.
     */
    @Test
    void aBatchGitHubFailsToExecuteIsHalvedDownToFilesReadOverRest() throws Exception {
        List<BlobKey> keys = java.util.stream.IntStream.range(0, GraphQLBlobSource.BATCH)
                .mapToObj(i -> new BlobKey("abc", "f" + i + ".py", null)).toList();
        List<Integer> sizes = new java.util.concurrent.CopyOnWriteArrayList<>();
        GraphQLQuery graphql = q -> {
            sizes.add(q.split("object\\(expression").length - 1);
            throw new GraphQLQuery.ExecutionFailed("Something went wrong while executing your query", null);
        };
        AtomicInteger rest = new AtomicInteger();
        Map<BlobKey, byte[]> read = new GraphQLBlobSource(graphql, "acme", "churn", key -> {
            rest.incrementAndGet();
            return key.path().getBytes(StandardCharsets.UTF_8);
        }, Runnable::run).read(keys);

        assertThat(read).hasSize(keys.size());
        assertThat(new String(read.get(keys.get(42)), StandardCharsets.UTF_8)).isEqualTo("f42.py");
        assertThat(sizes).hasSize(2 * keys.size() - 1).startsWith(100, 50, 25, 13, 7, 4, 2, 1);
        assertThat(rest.get()).isEqualTo(keys.size());
    }

    /** More files than one request takes: the requests go side by side, each waiting for the other here. */
    @Test
    void batchesAreReadSideBySide() throws Exception {
        List<BlobKey> keys = java.util.stream.IntStream.range(0, GraphQLBlobSource.BATCH + 50)
                .mapToObj(i -> new BlobKey("abc", "f" + i + ".py", null)).toList();
        CountDownLatch bothInFlight = new CountDownLatch(2);
        AtomicInteger sawTheOther = new AtomicInteger();
        GraphQLQuery graphql = q -> {
            bothInFlight.countDown();
            try {
                if (bothInFlight.await(5, TimeUnit.SECONDS)) {
                    sawTheOther.incrementAndGet();
                }
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
            }
            return everyFileHoldsX(q);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Map<BlobKey, byte[]> read = new GraphQLBlobSource(graphql, "acme", "churn", key -> null, pool).read(keys);
            assertThat(read).hasSize(keys.size());
            assertThat(sawTheOther.get()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A pull request reading thousands of files must not take over the shared request pool, nor ask GitHub for
     * dozens of queries at once: at most {@link GraphQLBlobSource#IN_FLIGHT} batches are in flight. Each request
     * waits a little for one more than the cap to join it; with the cap none ever does.
     */
    @Test
    void atMostAFewBatchesAreInFlightAtOnce() throws Exception {
        int batches = 10;
        List<BlobKey> keys = java.util.stream.IntStream.range(0, GraphQLBlobSource.BATCH * batches)
                .mapToObj(i -> new BlobKey("abc", "f" + i + ".py", null)).toList();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        CountDownLatch overTheCap = new CountDownLatch(GraphQLBlobSource.IN_FLIGHT + 1);
        GraphQLQuery graphql = q -> {
            requests.incrementAndGet();
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            overTheCap.countDown();
            try {
                overTheCap.await(300, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
            } finally {
                inFlight.decrementAndGet();
            }
            return everyFileHoldsX(q);
        };
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Map<BlobKey, byte[]> read = new GraphQLBlobSource(graphql, "acme", "churn", key -> null, pool).read(keys);
            assertThat(read).hasSize(keys.size());
            assertThat(requests.get()).isEqualTo(batches);
            assertThat(most.get()).isBetween(2, GraphQLBlobSource.IN_FLIGHT);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One failed batch fails the read, and the batches not yet asked are not asked. */
    @Test
    void aFailedBatchStopsTheBatchesNotYetAsked() {
        int batches = 12;
        List<BlobKey> keys = java.util.stream.IntStream.range(0, GraphQLBlobSource.BATCH * batches)
                .mapToObj(i -> new BlobKey("abc", "f" + i + ".py", null)).toList();
        AtomicInteger requests = new AtomicInteger();
        GraphQLQuery graphql = q -> {
            requests.incrementAndGet();
            throw new java.io.IOException("GitHub GraphQL answered no data");
        };
        assertThatThrownBy(() -> new GraphQLBlobSource(graphql, "acme", "churn", key -> null, Runnable::run)
                .read(keys)).isInstanceOf(java.io.IOException.class);
        assertThat(requests.get()).isLessThanOrEqualTo(GraphQLBlobSource.IN_FLIGHT);
    }

    @Test
    void callerRunsTheFallbacksWhenThePoolIsBusy() throws Exception {
        // a pool whose only thread is taken: the reads must not wait for it
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        try {
            pool.execute(() -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Map<String, Integer> lengths = Concurrently.each(List.of("a", "bb", "ccc"), String::length, pool);
            assertThat(lengths).containsExactly(Map.entry("a", 1), Map.entry("bb", 2), Map.entry("ccc", 3));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /** GitHub's answer to a contents batch in which every file asked for ({@code f0}, {@code f1}, ...) holds "x". */
    static jakarta.json.JsonObject everyFileHoldsX(String query) {
        var repository = Json.createObjectBuilder();
        int n = query.split("object\\(expression").length - 1;
        for (int i = 0; i < n; i++) {
            repository.add("f" + i, Json.createObjectBuilder().add("text", "x").add("isBinary", false)
                    .add("isTruncated", false));
        }
        return Json.createObjectBuilder().add("repository", repository).build();
    }
}
