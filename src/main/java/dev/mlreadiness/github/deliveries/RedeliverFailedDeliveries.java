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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * recent deliveries ({@code GET /app/hook/deliveries}, newest first, following the {@code link} header back to
 * {@code ml-readiness.redeliver.lookback}), group the attempts by delivery (guid), and ask for a redelivery
 * ({@code POST /app/hook/deliveries/{id}/attempts}) of each delivery none of whose attempts succeeded, while it
 * has had fewer than {@code max-attempts}. Stateless: what GitHub lists is the record. With the PostgreSQL queue,
 * one replica at a time runs it, the one that holds a session advisory lock.
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
    /** Pages of 100 deliveries read at most per run. */
    static final int MAX_PAGES = 20;
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    private final boolean enabled;
    private final Duration lookback;
    private final int maxAttempts;
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
        try {
            String jwt = new JwtTokenCreator().createJwtToken(appId.get(), PrivateKeyUtil.loadKey(privateKey.get()),
                    540);
            Map<String, List<JsonNode>> byGuid = recent(jwt);
            int asked = 0;
            for (List<JsonNode> attempts : byGuid.values()) {
                boolean succeeded = attempts.stream().anyMatch(RedeliverFailedDeliveries::succeeded);
                if (succeeded || attempts.size() >= maxAttempts) {
                    continue;
                }
                JsonNode latest = attempts.get(0); // newest first
                if (redeliver(jwt, latest.path("id").asLong())) {
                    asked++;
                    LOG.infof("redelivery: asked GitHub again for delivery %s (%s, failed with %s)",
                            latest.path("guid").asText(), latest.path("event").asText(),
                            latest.path("status_code").asInt());
                }
            }
            return asked;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.warnf("redelivery: failed deliveries could not be listed or redelivered: %s", e.getMessage());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** A 2xx answer; GitHub's {@code status} is "OK" then. A delivery still pending has status_code 0. */
    static boolean succeeded(JsonNode delivery) {
        int code = delivery.path("status_code").asInt();
        return code >= 200 && code < 300;
    }

    /** The attempts of the lookback window by guid, newest first. */
    private Map<String, List<JsonNode>> recent(String jwt) throws IOException, InterruptedException {
        Instant since = Instant.now().minus(lookback);
        Map<String, List<JsonNode>> byGuid = new LinkedHashMap<>();
        String url = endpoint + "/app/hook/deliveries?per_page=100";
        for (int page = 0; page < MAX_PAGES && url != null; page++) {
            HttpResponse<String> response = http.send(request(jwt, url).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
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
                byGuid.computeIfAbsent(d.path("guid").asText(), g -> new ArrayList<>()).add(d);
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

    private boolean redeliver(String jwt, long id) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                request(jwt, endpoint + "/app/hook/deliveries/" + id + "/attempts")
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            LOG.warnf("redelivery: GitHub answered %d to the redelivery of %d", response.statusCode(), id);
            return false;
        }
        return true;
    }

    private static HttpRequest.Builder request(String jwt, String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + jwt).header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28");
    }
}
