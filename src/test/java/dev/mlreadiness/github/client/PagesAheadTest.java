package dev.mlreadiness.github.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/** The pages of a listing asked ahead, against a fake connector that records what reached it. */
class PagesAheadTest {

    private static final String FILES = "https://api.github.com/repos/acme/churn/pulls/5/files?per_page=100";
    /** How GitHub's Link header names the next pages: by repository id, not by name. */
    private static final String LINKED = "https://api.github.com/repositories/42/pulls/5/files?per_page=100&page=";

    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final Fake fake = new Fake();
    private final PagesAhead connector = new PagesAhead(fake);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Answers every request with its own URL as the body; records the URLs, and which were closed. */
    static final class Fake implements GitHubConnector {
        final List<String> asked = new CopyOnWriteArrayList<>();
        final Set<String> closed = ConcurrentHashMap.newKeySet();
        final Set<String> failing = ConcurrentHashMap.newKeySet();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();
        volatile CountDownLatch hold = new CountDownLatch(0);

        @Override
        public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
            String url = request.url().toString();
            asked.add(url);
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                if (!hold.await(10, TimeUnit.SECONDS)) {
                    throw new IOException("held too long");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            if (failing.stream().anyMatch(url::endsWith)) {
                throw new GitHubRequestFailed("GET " + url + " failed after 5 tries", null);
            }
            return new GitHubConnectorResponse.ByteArrayResponse(request, 200, Map.of()) {
                @Override
                protected InputStream rawBodyStream() {
                    return new ByteArrayInputStream(url.getBytes(StandardCharsets.UTF_8));
                }

                @Override
                public void close() throws IOException {
                    closed.add(url);
                    super.close();
                }
            };
        }
    }

    static GitHubConnectorRequest get(String url) throws IOException {
        URL u = new URL(url);
        return new GitHubConnectorRequest() {
            @Override
            public String method() {
                return "GET";
            }

            @Override
            public Map<String, List<String>> allHeaders() {
                return Map.of("Authorization", List.of("token t"));
            }

            @Override
            public String header(String name) {
                return name.equals("Authorization") ? "token t" : null;
            }

            @Override
            public String contentType() {
                return null;
            }

            @Override
            public InputStream body() {
                return null;
            }

            @Override
            public URL url() {
                return u;
            }

            @Override
            public boolean hasBody() {
                return false;
            }
        };
    }

    static String body(GitHubConnectorResponse r) throws IOException {
        try (InputStream in = r.bodyStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void withoutAnExpectationEveryRequestPassesOnAsItIs() throws Exception {
        assertThat(body(connector.send(get(FILES)))).isEqualTo(FILES);
        assertThat(body(connector.send(get(LINKED + 2)))).isEqualTo(LINKED + 2);
        assertThat(fake.asked).containsExactly(FILES, LINKED + 2);
    }

    /** Page 1 starts pages 2..k; github-api's requests for them, by the Link header's URL, get their answers. */
    @Test
    void theFirstPageStartsTheOthersAndTheirLinksAreAnsweredWithWhatCameBack() throws Exception {
        fake.hold = new CountDownLatch(1);
        try (PagesAhead.Scope s = PagesAhead.expect("/pulls/5/files", 3, pool)) {
            // page 1 is answered only once all three are asked: one after another, it would wait in vain
            CountDownLatch release = fake.hold;
            pool.execute(() -> {
                awaitUpTo10s(() -> fake.asked.size() == 3);
                release.countDown();
            });
            assertThat(body(connector.send(get(FILES)))).isEqualTo(FILES);
            assertThat(body(connector.send(get(LINKED + 2)))).isEqualTo(FILES + "&page=2");
            assertThat(body(connector.send(get(LINKED + 3)))).isEqualTo(FILES + "&page=3");
        }
        assertThat(fake.asked).containsExactlyInAnyOrder(FILES, FILES + "&page=2", FILES + "&page=3");
        assertThat(fake.closed).isEmpty(); // all taken: github-api closes them
    }

    /** Another listing, another method, or a page beyond the count: passed on. */
    @Test
    void onlyTheExpectedListingsPagesAreAnsweredFromWhatCameBack() throws Exception {
        try (PagesAhead.Scope s = PagesAhead.expect("/pulls/5/files", 2, pool)) {
            connector.send(get("https://api.github.com/repos/acme/churn/pulls/6/files?per_page=100"));
            assertThat(fake.asked).hasSize(1); // not the expected listing: nothing asked ahead
            connector.send(get(FILES));
            body(connector.send(get(LINKED + 2)));
            assertThat(body(connector.send(get(LINKED + 3)))).isEqualTo(LINKED + 3); // more than counted
        }
        assertThat(fake.asked).containsExactlyInAnyOrder(
                "https://api.github.com/repos/acme/churn/pulls/6/files?per_page=100", FILES, FILES + "&page=2",
                LINKED + 3);
    }

    /** A page that failed fails when github-api asks for it, with the request's own exception. */
    @Test
    void aFailedPageFailsWhenItIsAskedFor() throws Exception {
        fake.failing.add("&page=3");
        try (PagesAhead.Scope s = PagesAhead.expect("/pulls/5/files", 3, pool)) {
            connector.send(get(FILES));
            body(connector.send(get(LINKED + 2)));
            assertThatThrownBy(() -> connector.send(get(LINKED + 3))).isInstanceOf(GitHubRequestFailed.class)
                    .hasMessageContaining("page=3 failed after 5 tries");
        }
    }

    /**
     * A pool that runs nothing (saturated, or shutting down): each page is asked by the listing's thread when
     * github-api wants it, never twice; a count larger than the list leaves pages nobody asked, never sent.
     */
    @Test
    void aPoolThatRunsNothingLeavesThePagesToTheListingsThread() throws Exception {
        try (PagesAhead.Scope s = PagesAhead.expect("/pulls/5/files", 5, task -> {
        })) {
            connector.send(get(FILES));
            assertThat(body(connector.send(get(LINKED + 2)))).isEqualTo(FILES + "&page=2");
        }
        assertThat(fake.asked).containsExactly(FILES, FILES + "&page=2");
    }

    /** Pages asked and not taken (the list was shorter than its count) are closed with the expectation. */
    @Test
    void pagesAskedAndNotTakenAreClosed() throws Exception {
        try (PagesAhead.Scope s = PagesAhead.expect("/pulls/5/files", 3, pool)) {
            connector.send(get(FILES));
            body(connector.send(get(LINKED + 2)));
            awaitUpTo10s(() -> fake.asked.size() == 3);
        }
        awaitUpTo10s(() -> fake.closed.contains(FILES + "&page=3"));
        assertThat(fake.closed).containsExactly(FILES + "&page=3");
    }

    private static void awaitUpTo10s(java.util.function.BooleanSupplier done) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean() && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    /** 30 pages: at most {@link PagesAhead#LANES} asked ahead at once, besides the listing's own. */
    @Test
    void atMostLanesPagesAreInFlightAtOnce() throws Exception {
        try (PagesAhead.Scope s = PagesAhead.expect("/pulls/5/files", 30, pool)) {
            connector.send(get(FILES));
            for (int page = 2; page <= 30; page++) {
                assertThat(body(connector.send(get(LINKED + page)))).isEqualTo(FILES + "&page=" + page);
            }
        }
        assertThat(fake.asked).hasSize(30).doesNotHaveDuplicates();
        assertThat(fake.mostInFlight.get()).isLessThanOrEqualTo(PagesAhead.LANES + 1);
    }

    /**
     * github-api sends a page again (its own retry of a connection error): a new request, not the cached failure
     * (nor, after a success, the answer it already read and closed).
     */
    @Test
    void aPageAskedAgainIsAskedAgain() throws Exception {
        fake.failing.add("&page=2");
        try (PagesAhead.Scope s = PagesAhead.expect("/pulls/5/files", 2, pool)) {
            connector.send(get(FILES));
            assertThatThrownBy(() -> connector.send(get(LINKED + 2))).isInstanceOf(GitHubRequestFailed.class);
            fake.failing.clear(); // GitHub is fine again
            assertThat(body(connector.send(get(LINKED + 2)))).isEqualTo(LINKED + 2);
        }
    }
}
