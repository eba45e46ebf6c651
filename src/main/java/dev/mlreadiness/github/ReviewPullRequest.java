package dev.mlreadiness.github;

import java.util.Set;

import org.kohsuke.github.GHEventPayload;

import io.quarkiverse.githubapp.GitHubEvent;
import io.quarkiverse.githubapp.event.PullRequest;
import io.smallrye.graphql.client.dynamic.api.DynamicGraphQLClient;

/** Reviews a pull request when it is opened, pushed to, reopened or marked ready for review. */
class ReviewPullRequest {

    private final PullRequestReviewer reviewer;
    private final ReadinessMetrics metrics;

    ReviewPullRequest(PullRequestReviewer reviewer, ReadinessMetrics metrics) {
        this.reviewer = reviewer;
        this.metrics = metrics;
    }

    void onPullRequest(@PullRequest.Opened @PullRequest.Synchronize @PullRequest.Reopened
    @PullRequest.ReadyForReview GHEventPayload.PullRequest payload, DynamicGraphQLClient graphql, GitHubEvent event) {
        metrics.eventReceived("pull_request", payload.getAction());
        reviewer.review(payload.getRepository(), payload.getPullRequest(), graphql, event.getDeliveryId(), Set.of());
    }
}
