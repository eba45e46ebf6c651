package dev.mlreadiness.github.deliveries;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.githubapp.runtime.signing.JwtTokenCreator;
import io.quarkiverse.githubapp.runtime.signing.PrivateKeyUtil;
import io.quarkus.scheduler.Scheduled;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.mlreadiness.github.queue.WorkQueues;

/**
 * Asks GitHub again for the deliveries that failed while the app was down or refused them (GitHub does not retry
 * them by itself), as GitHub's guide for apps recommends: every {@code ml-readiness.redeliver.every}, list the app's
 * recent deliveries ({@code GET /app/hook/deliveries}, newest first, page after page by the {@code cursor} of the
 * {@code link} header until a page reaches past {@code ml-readiness.redeliver.lookback}), group the attempts by
 * delivery (guid), and ask once for a redelivery ({@code POST /app/hook/deliveries/{id}/attempts}) of each delivery
 * none of whose attempts succeeded, while it has had fewer than {@code max-attempts}. Requests go one at a time,
 * {@code request-interval} apart; when GitHub limits the rate ({@code retry-after}, or no request left until
 * {@code x-ratelimit-reset}) the run waits as told, up to {@code max-rate-limit-wait}, and otherwise stops and leaves
 * the rest to the next run. Stateless: what GitHub lists is the record. With the PostgreSQL queue, one replica at a
 * time runs it, the one that holds a session advisory lock.
 */
@ApplicationScoped
public class RedeliverFailedDeliveries {

    private static final Logger LOG = Logger.getLogger(RedeliverFailedDeliveries.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The first half of the {@code pg_try_advisory_lock} key ("mlrr"); the second is the hash of the schema:
     * advisory locks are per database, and deployments (or test runs) in other schemas of the same database must not
     * wait for each other.
     */
    public static final int LOCK = 0x6d6c7272;
    /**
     * A guard against a paging that never ends (a cursor that comes back): pages of 100 deliveries read at most per
     * run, a million deliveries, far more than any lookback holds.
     */
    static final int MAX_PAGES = 10_000;
    /** A JWT is valid 10 minutes at most; a long run signs a new one after this many seconds. */
    private static final long JWT_RENEWAL_SECONDS = 300;
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    private final boolean enabled;
    private final Duration lookback;
    private final int maxAttempts;
    private final Duration requestInterval;
    private final Duration maxRateLimitWait;
    private final String endpoint;
    private final Optional<String> appId;
    private final Optional<String> privateKey;
    private final WorkQueues queues;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    RedeliverFailedDeliveries(RedeliverySettings settings,
            @ConfigProperty(name = "quarkus.github-app.instance-endpoint", defaultValue = "https://api.github.com") String endpoint,
            @ConfigProperty(name = "quarkus.github-app.app-id") Optional<String> appId,
            @ConfigProperty(name = "quarkus.github-app.private-key") Optional<String> privateKey, WorkQueues queues) {
        this.enabled = settings.enabled();
        this.lookback = settings.lookback();
        this.maxAttempts = settings.maxAttempts();
        this.requestInterval = settings.requestInterval();
        this.maxRateLimitWait = settings.maxRateLimitWait();
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.appId = appId;
        this.privateKey = privateKey;
        this.queues = queues;
    }

    @Scheduled(every = "${ml-readiness.redeliver.every}", delayed = "${ml-readiness.redeliver.delay}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (enabled) {
            recover();
        }
    }

    /** One run; the number of redeliveries asked for, -1 when another replica runs it now. Never throws. */
    public int recover() {
        if (appId.isEmpty() || privateKey.isEmpty()) {
            return 0;
        }
        if (!queues.postgres()) {
            return run();
        }
        try (Connection c = queues.datasource().getConnection()) {
            if (!tryLock(c)) {
                LOG.debug("redelivery: another replica runs it");
                return -1;
            }
            try {
                return run();
            } finally {
                unlock(c);
            }
        } catch (SQLException e) {
            LOG.warnf("redelivery: no lock (%s), skipped this time", e.getMessage());
            return -1;
        }
    }

    /** Takes the session lock of the connection's schema, unless another session holds it: false then. */
    public static boolean tryLock(Connection c) throws SQLException {
        return lock(c, "select pg_try_advisory_lock(?, hashtext(current_schema()))");
    }

    /** Releases the lock {@link #tryLock} took (a pooled connection would keep it for good otherwise). */
    public static void unlock(Connection c) throws SQLException {
        lock(c, "select pg_advisory_unlock(?, hashtext(current_schema()))");
    }

    private static boolean lock(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, LOCK);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private int run() {
        Run run = new Run();
        try {
            Map<String, Attempts> byGuid = recent(run);
            for (Attempts delivery : byGuid.values()) {
                if (delivery.succeeded || delivery.count >= maxAttempts) {
                    continue;
                }
                if (redeliver(run, delivery.newestId)) {
                    run.asked++;
                    LOG.infof("redelivery: asked GitHub again for delivery %s (%s, failed with %s)", delivery.guid,
                            delivery.event, delivery.newestStatus);
                }
            }
        } catch (RateLimited e) {
            LOG.warnf("redelivery: %s; the next run carries on", e.getMessage());
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.warnf("redelivery: failed deliveries could not be listed or redelivered: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return run.asked;
    }

    /** A 2xx answer; GitHub's {@code status} is "OK" then. A delivery still pending has status_code 0. */
    static boolean succeeded(JsonNode delivery) {
        int code = delivery.path("status_code").asInt();
        return code >= 200 && code < 300;
    }

    /** What a run knows of one delivery (guid): its attempts within the lookback, the newest first. */
    private static final class Attempts {
        final String guid;
        final long newestId;
        final String event;
        final int newestStatus;
        int count;
        boolean succeeded;

        Attempts(JsonNode newest) {
            this.guid = newest.path("guid").asText();
            this.newestId = newest.path("id").asLong();
            this.event = newest.path("event").asText();
            this.newestStatus = newest.path("status_code").asInt();
        }
    }

    /** The deliveries of the lookback window by guid, each with its attempts counted. */
    private Map<String, Attempts> recent(Run run)
            throws IOException, InterruptedException, GeneralSecurityException, RateLimited {
        Instant since = Instant.now().minus(lookback);
        Map<String, Attempts> byGuid = new LinkedHashMap<>();
        Set<String> read = new HashSet<>();
        String url = endpoint + "/app/hook/deliveries?per_page=100";
        while (url != null) {
            if (read.size() >= MAX_PAGES || !read.add(url)) {
                LOG.warnf("redelivery: stopped listing deliveries after %d pages (%s)", read.size(),
                        read.size() >= MAX_PAGES ? "the most a run reads" : "GitHub gave a page already read");
                break;
            }
            HttpResponse<String> response = run.send(url, HttpRequest.BodyPublishers.noBody(), "GET");
            if (response.statusCode() != 200) {
                throw new IOException("GET /app/hook/deliveries answered " + response.statusCode());
            }
            boolean older = false;
            for (JsonNode d : JSON.readTree(response.body())) {
                Instant at = Instant.parse(d.path("delivered_at").asText());
                if (at.isBefore(since)) {
                    older = true;
                    continue;
                }
                Attempts attempts = byGuid.computeIfAbsent(d.path("guid").asText(), g -> new Attempts(d));
                attempts.count++;
                attempts.succeeded |= succeeded(d);
            }
            url = older ? null : next(response.headers().firstValue("link").orElse(null));
        }
        return byGuid;
    }

    private static String next(String link) {
        if (link == null) {
            return null;
        }
        Matcher m = NEXT.matcher(link);
        return m.find() ? m.group(1) : null;
    }

    private boolean redeliver(Run run, long id)
            throws IOException, InterruptedException, GeneralSecurityException, RateLimited {
        HttpResponse<String> response = run.send(endpoint + "/app/hook/deliveries/" + id + "/attempts",
                HttpRequest.BodyPublishers.noBody(), "POST");
        if (response.statusCode() != 202) {
            LOG.warnf("redelivery: GitHub answered %d to the redelivery of %d", response.statusCode(), id);
            return false;
        }
        return true;
    }

    /** GitHub limits the rate longer than a run waits. */
    static final class RateLimited extends Exception {
        RateLimited(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * How long GitHub asks to wait before the next request, if the answer is a rate limit: {@code retry-after}
     * seconds; or, with no request left ({@code x-ratelimit-remaining: 0}), until {@code x-ratelimit-reset}; or a
     * minute for a secondary rate limit that says neither (GitHub's advice). Empty for any other answer.
     */
    static Optional<Duration> rateLimitWait(HttpResponse<String> response, Instant now) {
        int status = response.statusCode();
        if (status != 403 && status != 429) {
            return Optional.empty();
        }
        Optional<String> retryAfter = response.headers().firstValue("retry-after");
        if (retryAfter.isPresent() && retryAfter.get().strip().matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(retryAfter.get().strip())));
        }
        Optional<String> reset = response.headers().firstValue("x-ratelimit-reset");
        if (response.headers().firstValue("x-ratelimit-remaining").filter("0"::equals).isPresent() && reset.isPresent()
                && reset.get().strip().matches("\\d{1,12}")) {
            Duration wait = Duration.between(now, Instant.ofEpochSecond(Long.parseLong(reset.get().strip())));
            return Optional.of(wait.isNegative() ? Duration.ofSeconds(1) : wait);
        }
        if (status == 429 || response.body().toLowerCase(Locale.ROOT).contains("rate limit")) {
            return Optional.of(Duration.ofMinutes(1));
        }
        return Optional.empty(); // a 403 that is no rate limit: a refusal
    }

    /** One run's requests: one at a time, paced, authenticated as the app, waiting out GitHub's rate limits. */
    private final class Run {
        int asked;
        private String jwt;
        private long jwtAt;
        private long lastRequest;
        private boolean first = true;

        HttpResponse<String> send(String url, HttpRequest.BodyPublisher body, String method)
                throws IOException, InterruptedException, GeneralSecurityException, RateLimited {
            for (int attempt = 1;; attempt++) {
                pace();
                HttpResponse<String> response = http.send(request(jwt(), url).method(method, body).build(),
                        HttpResponse.BodyHandlers.ofString());
                lastRequest = System.nanoTime();
                Optional<Duration> wait = rateLimitWait(response, Instant.now());
                if (wait.isEmpty()) {
                    return response;
                }
                if (attempt == 3 || wait.get().compareTo(maxRateLimitWait) > 0) {
                    throw new RateLimited(String.format("GitHub limits the rate (%d to %s %s, wait %s)",
                            response.statusCode(), method, URI.create(url).getPath(), wait.get()));
                }
                LOG.infof("redelivery: GitHub limits the rate (%d), waiting %s", response.statusCode(), wait.get());
                Thread.sleep(wait.get().toMillis());
            }
        }

        private void pace() throws InterruptedException {
            if (!first) {
                long left = requestInterval.toNanos() - (System.nanoTime() - lastRequest);
                if (left > 0) {
                    Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
                }
            }
            first = false;
        }

        private String jwt() throws GeneralSecurityException, IOException {
            if (jwt == null || System.nanoTime() - jwtAt > JWT_RENEWAL_SECONDS * 1_000_000_000L) {
                jwt = new JwtTokenCreator().createJwtToken(appId.get(), PrivateKeyUtil.loadKey(privateKey.get()), 540);
                jwtAt = System.nanoTime();
            }
            return jwt;
        }
    }

    private static HttpRequest.Builder request(String jwt, String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + jwt).header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28");
    }
}
