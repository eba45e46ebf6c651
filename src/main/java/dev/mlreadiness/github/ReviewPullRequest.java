package dev.mlreadiness.github;

import io.quarkiverse.githubapp.GitHubEvent;
import io.quarkiverse.githubapp.event.PullRequest;
import org.kohsuke.github.GHEventPayload;

import dev.mlreadiness.github.queue.WorkRequest;

/** Reviews a pull request when it is opened, pushed to, reopened or marked ready for review. */
class ReviewPullRequest {

    private final ReviewRequests requests;
    private final ReadinessMetrics metrics;

    ReviewPullRequest(ReviewRequests requests, ReadinessMetrics metrics) {
        this.requests = requests;
        this.metrics = metrics;
    }

    void onPullRequest(
            @PullRequest.Opened @PullRequest.Synchronize @PullRequest.Reopened @PullRequest.ReadyForReview GHEventPayload.PullRequest payload,
            GitHubEvent event) {
        metrics.eventReceived("pull_request", payload.getAction());
        requests.submit(event, WorkRequest.Kind.PULL_REQUEST, payload.getPullRequest().getNumber(),
                payload.getPullRequest().getHead().getSha());
    }
}
