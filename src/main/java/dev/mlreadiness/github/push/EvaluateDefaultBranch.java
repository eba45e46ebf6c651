package dev.mlreadiness.github.push;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.quarkiverse.githubapp.GitHubEvent;
import io.quarkiverse.githubapp.event.RawEvent;
import io.vertx.core.json.JsonObject;
import org.jboss.logging.Logger;

import dev.mlreadiness.github.ReadinessMetrics;
import dev.mlreadiness.github.ReviewRequests;

/**
 * Scores the default branch of a repository at every push to it: a full scan of the pushed commit, whose
 * per-category scores are stored ({@link CommitScores}). No check run and no comment: a full scan would fail on
 * the debt a repository already has at every commit, and the pull requests that brought the commit were reviewed.
 * Only pushes to the default branch count; branches, tags and deleted refs are left alone, and so are repositories
 * that are not ML projects.
 */
class EvaluateDefaultBranch {

    private static final Logger LOG = Logger.getLogger(EvaluateDefaultBranch.class);
    private static final String NO_COMMIT = "0000000000000000000000000000000000000000";

    private final DefaultBranchScans scans;
    private final ReviewRequests requests;
    private final ReadinessMetrics metrics;
    private final PushSettings settings;

    EvaluateDefaultBranch(DefaultBranchScans scans, ReviewRequests requests, ReadinessMetrics metrics,
            PushSettings settings) {
        this.scans = scans;
        this.requests = requests;
        this.metrics = metrics;
        this.settings = settings;
    }

    // raw: github-api's typed push payload is not needed, only a few fields
    void onPush(@RawEvent(event = "push") GitHubEvent event) {
        metrics.eventReceived("push", "");
        JsonObject root = event.getParsedPayload();
        PushedCommit push = toDefaultBranch(root, event.getDeliveryId(), event.getPayload());
        if (push == null || !settings.enabled()) {
            return;
        }
        requests.await(scans.submit(push));
    }

    /** The push when it moves a default branch to a commit; null for branches, tags and deleted refs. */
    static PushedCommit toDefaultBranch(JsonObject root, String deliveryId, String payload) {
        JsonObject repository = root == null ? null : root.getJsonObject("repository");
        JsonObject installation = root == null ? null : root.getJsonObject("installation");
        if (repository == null || installation == null || installation.getLong("id") == null) {
            return null;
        }
        String branch = repository.getString("default_branch");
        String after = root.getString("after");
        if (branch == null || !("refs/heads/" + branch).equals(root.getString("ref"))
                || Boolean.TRUE.equals(root.getBoolean("deleted")) || after == null || NO_COMMIT.equals(after)) {
            LOG.debugf("%s: push to %s, not to the default branch's head, ignored", repository.getString("full_name"),
                    root.getString("ref"));
            return null;
        }
        return new PushedCommit(installation.getLong("id"), repository.getString("full_name"), after,
                pushedAt(repository.getValue("pushed_at")), deliveryId, payload);
    }

    /** GitHub sends {@code pushed_at} as epoch seconds in push payloads (a timestamp elsewhere); now if absent. */
    static Instant pushedAt(Object value) {
        if (value instanceof Number n) {
            return Instant.ofEpochSecond(n.longValue());
        }
        if (value instanceof String s) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                // below
            }
        }
        return Instant.now();
    }
}
