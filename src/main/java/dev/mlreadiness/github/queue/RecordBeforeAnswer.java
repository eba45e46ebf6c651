package dev.mlreadiness.github.queue;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * With the PostgreSQL queue, records a {@code pull_request} delivery that asks for a review (opened, synchronize,
 * reopened, ready_for_review) in the queue before the app answers it: the extension answers 2xx before its
 * handlers run, so a replica that died in between would lose a delivery GitHub counts as delivered. A delivery
 * whose signature is wrong is left to the extension, which refuses it; one that cannot be recorded gets 503, so
 * that GitHub shows it failed and the recovery of failed deliveries asks for it again. The handler then finds the
 * delivery recorded and leaves it be.
 */
@ApplicationScoped
class RecordBeforeAnswer {

    private static final Logger LOG = Logger.getLogger(RecordBeforeAnswer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> ACTIONS = Set.of("opened", "synchronize", "reopened", "ready_for_review");

    void install(@Observes Router router, WorkQueues queues, QueueSettings settings,
            @ConfigProperty(name = "quarkus.github-app.webhook-url-path", defaultValue = "/") String path,
            @ConfigProperty(name = "quarkus.github-app.webhook-secret") Optional<String> secret) {
        if (!queues.postgres() || settings.awaitEvaluation()) {
            return; // in memory nothing outlives the process; awaiting tests record in the handler
        }
        // after WebhookInputFilter (which read and checked the body), before the extension's route
        router.post(path).order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 2).blockingHandler(rc -> {
            if (record(rc, queues, secret)) {
                rc.next();
            }
        }, false);
    }

    /** False when the delivery was answered here (503). */
    private static boolean record(RoutingContext rc, WorkQueues queues, Optional<String> secret) {
        Buffer body = rc.body().buffer();
        String delivery = rc.request().getHeader("X-GitHub-Delivery");
        if (!"pull_request".equals(rc.request().getHeader("X-GitHub-Event")) || body == null || delivery == null
                || secret.isPresent() && !signed(secret.get(), body.getBytes(),
                        rc.request().getHeader("X-Hub-Signature-256"))) {
            return true;
        }
        WorkRequest request;
        try {
            JsonNode root = JSON.readTree(body.getBytes());
            JsonNode pr = root.path("pull_request");
            if (!ACTIONS.contains(root.path("action").asText()) || !pr.path("number").canConvertToInt()
                    || !root.path("installation").path("id").canConvertToLong()
                    || !root.path("repository").path("full_name").isTextual()) {
                return true;
            }
            request = new WorkRequest(root.path("installation").path("id").asLong(),
                    new PullRequestKey(root.path("repository").path("full_name").asText(), pr.path("number").asInt()),
                    WorkRequest.Kind.PULL_REQUEST, pr.path("head").path("sha").asText(null), delivery,
                    "pull_request", body.toString(StandardCharsets.UTF_8), List.of());
        } catch (java.io.IOException e) {
            return true; // WebhookInputFilter refused what is not JSON; the extension judges the rest
        }
        try {
            // the delivery and its request in one transaction: a failure leaves nothing that would skip a redelivery
            ((PostgresWorkQueue) queues.queue()).recordOnly(request);
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.errorf("%s: delivery %s could not be recorded, answered 503 for GitHub to show it failed: %s",
                    request.key(), delivery, e.getMessage());
            rc.response().setStatusCode(503).end("The work queue is unavailable.");
            return false;
        }
    }

    private static boolean signed(String secret, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = ("sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
                    .getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
