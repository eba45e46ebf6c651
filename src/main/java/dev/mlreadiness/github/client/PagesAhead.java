package dev.mlreadiness.github.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Asks the pages 2..k of a listing side by side with its first page, when the caller knows k up front (a pull
 * request's {@code changed_files} says how many pages its files take): github-api follows each page's {@code Link}
 * header one page after another, a round trip per page, and has no public way to ask for page k. Within an
 * {@linkplain #expect expectation} bound to the listing's thread, the first page's request starts the others (at most
 * {@link #LANES} in flight besides it), and github-api's own requests for them are answered with what came back.
 * Outside one, or for any other request, it only passes requests on.
 *
 * <p>
 * The listing's thread runs a page itself when no lane has started it yet, so a busy pool never holds it up; a page
 * that failed fails when github-api asks for it, as its own request would have, and a page it asks again (its own
 * retry) is asked again; pages asked and not wanted (the count was larger than the list) are closed with the
 * expectation. Each page is a GET, tried again by the connector below like any other, within the listing thread's
 * retry budget.
 */
public final class PagesAhead implements GitHubConnector {

    /** Pages in flight besides the one the listing asks itself. */
    public static final int LANES = 4;

    private static final ThreadLocal<Listing> EXPECTED = new ThreadLocal<>();

    private final GitHubConnector delegate;

    public PagesAhead(GitHubConnector delegate) {
        this.delegate = delegate;
    }

    /** Ends the expectation, closing what was asked and not taken. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Until the scope closes, the listing this thread asks for at a path ending in {@code pathSuffix} has
     * {@code pages} pages; the pages beyond the first are asked on {@code executor}. One page or fewer: nothing to
     * ask ahead.
     */
    public static Scope expect(String pathSuffix, int pages, Executor executor) {
        Listing outer = EXPECTED.get();
        Listing listing = new Listing(pathSuffix, pages, executor);
        EXPECTED.set(listing);
        return () -> {
            listing.close();
            if (outer == null) {
                EXPECTED.remove();
            } else {
                EXPECTED.set(outer);
            }
        };
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        Listing listing = EXPECTED.get();
        if (listing == null || listing.pages < 2 || !request.method().equalsIgnoreCase("GET")
                || !request.url().getPath().endsWith(listing.pathSuffix)) {
            return delegate.send(request);
        }
        int page = page(request.url());
        if (page == 1) {
            listing.start(request, this.delegate);
            return delegate.send(request);
        }
        // answered from what came back only the first time: a page github-api sends again (its own retry of a
        // connection error) is a new request, not the old failure or an answer it already read and closed
        Page ahead = listing.page(page);
        return ahead != null && ahead.taken.compareAndSet(false, true) ? ahead.take() : delegate.send(request);
    }

    /** The {@code page} query parameter; 1 when absent. */
    static int page(URL url) {
        String query = url.getQuery();
        if (query != null) {
            for (String param : query.split("&")) {
                if (param.startsWith("page=")) {
                    try {
                        return Integer.parseInt(param.substring(5));
                    } catch (NumberFormatException e) {
                        return -1;
                    }
                }
            }
        }
        return 1;
    }

    /** One listing's pages asked ahead, in page order. */
    private static final class Listing {
        final String pathSuffix;
        final int pages;
        final Executor executor;
        final List<Page> ahead = new ArrayList<>();
        final AtomicBoolean started = new AtomicBoolean();
        volatile boolean closed;

        Listing(String pathSuffix, int pages, Executor executor) {
            this.pathSuffix = pathSuffix;
            this.pages = pages;
            this.executor = executor;
        }

        /** Asks pages 2..k, at most {@link #LANES} at once, each lane taking the next page nobody took. */
        void start(GitHubConnectorRequest first, GitHubConnector delegate) throws IOException {
            if (!started.compareAndSet(false, true)) {
                return;
            }
            for (int n = 2; n <= pages; n++) {
                ahead.add(new Page(withPage(first, n), delegate, this));
            }
            Runnable lane = RetryBudget.carry(() -> {
                for (Page p : ahead) {
                    if (closed) {
                        return;
                    }
                    p.run();
                }
            });
            for (int i = 0; i < Math.min(LANES, ahead.size()); i++) {
                try {
                    executor.execute(lane);
                } catch (RejectedExecutionException e) {
                    break; // the listing's thread asks each page itself when github-api wants it
                }
            }
        }

        Page page(int n) {
            return started.get() && n >= 2 && n - 2 < ahead.size() ? ahead.get(n - 2) : null;
        }

        void close() {
            closed = true;
            ahead.forEach(Page::discard);
        }
    }

    /** A page asked ahead: run once, by a lane or by the listing's thread, whichever comes first. */
    private static final class Page {
        final GitHubConnectorRequest request;
        final GitHubConnector delegate;
        final Listing listing;
        final AtomicBoolean claimed = new AtomicBoolean();
        final AtomicBoolean taken = new AtomicBoolean();
        final CompletableFuture<GitHubConnectorResponse> result = new CompletableFuture<>();

        Page(GitHubConnectorRequest request, GitHubConnector delegate, Listing listing) {
            this.request = request;
            this.delegate = delegate;
            this.listing = listing;
        }

        void run() {
            if (claimed.compareAndSet(false, true)) {
                try {
                    result.complete(delegate.send(request));
                } catch (IOException | RuntimeException | Error e) {
                    result.completeExceptionally(e); // the listing's thread gets it as its own request's
                }
                if (listing.closed) {
                    discard();
                }
            }
        }

        GitHubConnectorResponse take() throws IOException {
            run(); // not started by a lane yet: asked here
            try {
                return result.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw cause instanceof RuntimeException r ? r : e;
            }
        }

        /** Closes the answer unless github-api took it; a page nobody started is never asked. */
        void discard() {
            claimed.set(true);
            if (!taken.get() && result.isDone() && !result.isCompletedExceptionally()) {
                try {
                    result.join().close();
                } catch (IOException e) {
                    // nothing held but memory
                }
            }
        }
    }

    /** {@code first} asking for page {@code n}: the same request with {@code page=n} added to its query. */
    static GitHubConnectorRequest withPage(GitHubConnectorRequest first, int n) throws MalformedURLException {
        String url = first.url().toString();
        return new Paged(first, new URL(url + (url.contains("?") ? "&" : "?") + "page=" + n));
    }

    /** A GET like {@code first}, at {@code url}. */
    private record Paged(GitHubConnectorRequest first, URL url) implements GitHubConnectorRequest {
        @Override
        public String method() {
            return first.method();
        }

        @Override
        public Map<String, List<String>> allHeaders() {
            return first.allHeaders();
        }

        @Override
        public String header(String name) {
            return first.header(name);
        }

        @Override
        public String contentType() {
            return first.contentType();
        }

        @Override
        public InputStream body() {
            return first.body();
        }

        @Override
        public boolean hasBody() {
            return first.hasBody();
        }
    }
}
