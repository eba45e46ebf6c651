package dev.mlreadiness.github.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Tries a GitHub REST request again when GitHub had a passing problem: no connection, no answer in time, a 5xx, a
 * 429 or a secondary rate limit (403 saying so), within the {@link RetryPolicy} and the evaluation's
 * {@link RetryBudget}.
 *
 * <p>
 * A write is tried again here only when GitHub surely did not apply it (no connection, rate limited). A write
 * that may have landed although its answer was lost (a 5xx, a timeout) goes back to its caller, which looks at
 * GitHub before writing again: a second {@code POST} would post a second review, and GitHub appends the
 * annotations of every check-run {@code PATCH}. github-api's own retries stay off (its rate-limit handlers are set to
 * fail, and no {@link java.net.SocketException} reaches it), so nothing is retried twice over.
 */
public final class RetryingConnector implements GitHubConnector {

    private static final Logger LOG = Logger.getLogger(RetryingConnector.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    private final GitHubConnector delegate;
    private final RetryPolicy policy;

    public RetryingConnector(GitHubConnector delegate, RetryPolicy policy) {
        this.delegate = delegate;
        this.policy = policy;
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        boolean idempotent = idempotent(request);
        long deadline = RetryBudget.deadline(policy.budget());
        for (int failed = 1;; failed++) {
            GitHubConnectorResponse response;
            try {
                response = delegate.send(request);
            } catch (IOException e) {
                // a refused connection never reached GitHub; a timeout or a reset may have come after the write
                boolean retry = idempotent || e instanceof ConnectException;
                Optional<Duration> pause = retry ? policy.pause(failed, null, deadline) : Optional.empty();
                if (pause.isEmpty()) {
                    throw new GitHubRequestFailed(describe(request) + " failed after " + failed + " tries: " + e, e);
                }
                wait(request, e.toString(), failed, pause.get());
                continue;
            }
            Problem problem = problem(response);
            if (problem == Problem.NONE || (problem == Problem.SERVER && !idempotent)) {
                return response;
            }
            Optional<Duration> pause = policy.pause(failed, asked(response), deadline);
            if (pause.isEmpty()) {
                return response; // github-api turns it into the HttpException its callers know
            }
            response.close();
            wait(request, "HTTP " + response.statusCode(), failed, pause.get());
        }
    }

    private enum Problem {
        NONE,
        SERVER,
        LIMITED
    }

    private static Problem problem(GitHubConnectorResponse response) {
        int status = response.statusCode();
        if (status >= 500) {
            return Problem.SERVER;
        }
        if (status == 429 || (status == 403 && secondaryLimit(response))) {
            return Problem.LIMITED; // refused before anything was done: safe to send again, writes included
        }
        return Problem.NONE;
    }

    /** A 403 that is a rate limit (primary or secondary), not a missing permission. */
    private static boolean secondaryLimit(GitHubConnectorResponse response) {
        if (response.header("Retry-After") != null || response.header("gh-limited-by") != null
                || "0".equals(response.header("X-RateLimit-Remaining"))) {
            return true;
        }
        try (InputStream in = response.bodyStream()) {
            String body = new String(in.readNBytes(4096), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            return body.contains("rate limit") || body.contains("abuse");
        } catch (IOException e) {
            return false;
        }
    }

    /** The pause GitHub asked for: {@code Retry-After}, or the reset of an exhausted rate limit; else null. */
    static Duration asked(GitHubConnectorResponse response) {
        String retryAfter = response.header("Retry-After");
        if (retryAfter != null) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.trim())));
            } catch (NumberFormatException e) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    return nonNegative(Duration.between(now(response), at));
                } catch (RuntimeException notADate) {
                    return null;
                }
            }
        }
        String reset = response.header("X-RateLimit-Reset");
        if (reset != null && "0".equals(response.header("X-RateLimit-Remaining"))) {
            try {
                return nonNegative(Duration.ofSeconds(Long.parseLong(reset.trim()) - now(response).toEpochSecond()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** GitHub's clock where it says it ({@code Date}), so a skewed local clock does not matter. */
    private static ZonedDateTime now(GitHubConnectorResponse response) {
        String date = response.header("Date");
        if (date != null) {
            try {
                return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
            } catch (RuntimeException e) {
                // fall back to ours
            }
        }
        return ZonedDateTime.now();
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * Whether sending the request twice does no more than sending it once: reads, {@code PUT} and {@code DELETE};
     * a {@code PATCH} unless it adds check-run annotations (GitHub appends them); {@code POST} only where GitHub
     * answers a repeat with what is there (a reaction) or a repeat is harmless (an installation token).
     */
    static boolean idempotent(GitHubConnectorRequest request) {
        String method = request.method().toUpperCase(Locale.ROOT);
        if (IDEMPOTENT.contains(method)) {
            return true;
        }
        String path = request.url().getPath();
        if (method.equals("POST")) {
            return path.endsWith("/reactions") || path.endsWith("/access_tokens");
        }
        if (method.equals("PATCH")) {
            return !(path.contains("/check-runs/") && addsAnnotations(request));
        }
        return false;
    }

    private static boolean addsAnnotations(GitHubConnectorRequest request) {
        if (!request.hasBody()) {
            return false;
        }
        try (InputStream in = request.body()) {
            return JSON.readTree(in).path("output").path("annotations").size() > 0;
        } catch (IOException e) {
            return true; // cannot tell: treat it as the unsafe kind
        }
    }

    private static void wait(GitHubConnectorRequest request, String why, int failed, Duration pause)
            throws IOException {
        LOG.infof("GitHub %s: %s; try %d in %d ms", describe(request), why, failed + 1, pause.toMillis());
        RetryPolicy.sleep(pause);
    }

    private static String describe(GitHubConnectorRequest request) {
        return request.method() + " " + request.url().getPath();
    }
}
