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

import dev.mlreadiness.github.publish.CheckRunPublisher;

/**
 * With the PostgreSQL queue, records a delivery that asks for a review in the queue before the app answers it: a
 * {@code pull_request} opened, synchronize, reopened or ready_for_review, and GitHub's Re-run buttons (a
 * re-requested check suite, or check run of the app) that name their pull requests. The extension answers 2xx
 * before its handlers run, so a replica that died in between would lose a delivery GitHub counts as delivered. A
 * delivery whose signature is wrong is left to the extension, which refuses it; one that cannot be recorded gets
 * 503, so that GitHub shows it failed and the recovery of failed deliveries asks for it again. The handler then
 * finds the delivery recorded and leaves it be.
 *
 * <p>
 * Left to their handlers: re-runs without pull requests in the payload (pushes from forks: which pull requests hold
 * the commit is an API request, too slow before the answer), and {@code /readiness} commands. A command is a
 * conversation more than an evaluation: reactions, a permission check, the reply that records an ignore decision,
 * then an evaluation that must see that decision. Recording its evaluation alone would evaluate without the
 * decision and leave the comment unanswered; a command lost with its replica shows (no reaction) and is typed again.
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
        String event = rc.request().getHeader("X-GitHub-Event");
        if (!EVENTS.contains(String.valueOf(event)) || body == null || delivery == null
                || secret.isPresent() && !signed(secret.get(), body.getBytes(),
                        rc.request().getHeader("X-Hub-Signature-256"))) {
            return true;
        }
        List<WorkRequest> requests;
        try {
            requests = requests(event, JSON.readTree(body.getBytes()), delivery, body.toString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            return true; // WebhookInputFilter refused what is not JSON; the extension judges the rest
        }
        for (WorkRequest request : requests) {
            try {
                // the delivery and its request in one transaction: a failure leaves nothing that would skip a
                // redelivery (the pull requests recorded before it are skipped then, as processed)
                ((PostgresWorkQueue) queues.queue()).recordOnly(request);
            } catch (SQLException | RuntimeException e) {
                LOG.errorf("%s: delivery %s could not be recorded, answered 503 for GitHub to show it failed: %s",
                        request.key(), delivery, e.getMessage());
                rc.response().setStatusCode(503).end("The work queue is unavailable.");
                return false;
            }
        }
        return true;
    }

    static final Set<String> EVENTS = Set.of("pull_request", "check_suite", "check_run");

    /** The evaluations the delivery asks for, as its handler would queue them; none when the handler decides. */
    static List<WorkRequest> requests(String event, JsonNode root, String delivery, String payload) {
        JsonNode installation = root.path("installation").path("id");
        JsonNode repository = root.path("repository").path("full_name");
        if (!installation.canConvertToLong() || !repository.isTextual()) {
            return List.of();
        }
        List<WorkRequest> out = new java.util.ArrayList<>();
        if (event.equals("pull_request")) {
            JsonNode pr = root.path("pull_request");
            if (ACTIONS.contains(root.path("action").asText()) && pr.path("number").canConvertToInt()) {
                out.add(new WorkRequest(installation.asLong(),
                        new PullRequestKey(repository.asText(), pr.path("number").asInt()),
                        WorkRequest.Kind.PULL_REQUEST,
                        pr.path("head").path("sha").asText(null), delivery, event, payload, List.of()));
            }
            return out;
        }
        // GitHub's Re-run buttons: the check suite, or the app's check run, re-requested
        JsonNode check = root.path(event);
        if (!"rerequested".equals(root.path("action").asText()) || !check.path("head_sha").isTextual()
                || event.equals("check_run") && !CheckRunPublisher.NAME.equals(check.path("name").asText())) {
            return out;
        }
        java.util.Set<Integer> numbers = new java.util.LinkedHashSet<>();
        for (JsonNode pr : check.path("pull_requests")) {
            if (pr.path("number").canConvertToInt()) {
                numbers.add(pr.path("number").asInt());
            }
        }
        for (int number : numbers) {
            out.add(new WorkRequest(installation.asLong(), new PullRequestKey(repository.asText(), number),
                    WorkRequest.Kind.RERUN, check.path("head_sha").asText(), delivery, event, payload, List.of()));
        }
        return out;
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
