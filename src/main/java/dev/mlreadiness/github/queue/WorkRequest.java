package dev.mlreadiness.github.queue;

import java.util.List;

import dev.mlreadiness.github.IgnoreDecision;

/**
 * A request to evaluate a pull request, as plain data (no GitHub client, no callback), so that a queue kept in a
 * database can store it as a row.
 *
 * @param installationId the app's installation whose token reads and writes the repository
 * @param key the pull request
 * @param kind what asked for the evaluation
 * @param headSha the head commit the event names; null when the asker does not know it (a command)
 * @param deliveryId the webhook's {@code X-GitHub-Delivery}
 * @param event the webhook's event name ({@code pull_request}, {@code check_suite}, ...)
 * @param payload the webhook's JSON body: the worker reads the repository (and, for a {@code pull_request}
 *        event, the pull request) from it instead of asking GitHub
 * @param decisions ignore decisions a command has just recorded, which GitHub may not list yet
 */
public record WorkRequest(long installationId, PullRequestKey key, Kind kind, String headSha, String deliveryId,
        String event, String payload, List<IgnoreDecision> decisions) {

    public WorkRequest {
        decisions = List.copyOf(decisions);
    }

    /** What asked for an evaluation. */
    public enum Kind {
        /** A {@code pull_request} event: opened, pushed to, reopened, ready for review. */
        PULL_REQUEST,
        /** GitHub's Re-run buttons: a re-requested check suite or check run of {@link #headSha}. */
        RERUN,
        /** A {@code /readiness} comment command. */
        COMMAND
    }
}
