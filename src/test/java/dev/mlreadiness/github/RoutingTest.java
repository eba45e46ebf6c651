package dev.mlreadiness.github;

import static io.quarkiverse.githubapp.testing.GitHubAppTesting.given;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.concurrent.CompletableFuture;

import io.quarkiverse.githubapp.testing.GitHubAppTest;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHEvent;

import dev.mlreadiness.github.queue.InMemoryWorkQueue;
import dev.mlreadiness.github.queue.PullRequestKey;
import dev.mlreadiness.github.queue.WorkQueue;
import dev.mlreadiness.github.queue.WorkRequest.Kind;

/**
 * Which events reach the work queue, and as what request, on GitHub's example payloads, with the testing DSL's
 * mocked GitHub. Whether a re-run commit is still the head is decided when the evaluation runs
 * ({@code QueueOverHttpTest}).
 */
@QuarkusTest
@GitHubAppTest
class RoutingTest {

    static final String REPO = "Codertocat/Hello-World";
    static final String HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
    static final PullRequestKey PR = new PullRequestKey(REPO, 2);

    WorkQueue queue;

    @BeforeEach
    void mockQueue() {
        queue = mock(InMemoryWorkQueue.class); // the bean's class: its client proxy casts to it
        when(queue.submit(any())).thenReturn(CompletableFuture.completedFuture(
                ReviewResult.of(ReviewResult.Status.REVIEWED, "")));
        QuarkusMock.installMockForType(queue, WorkQueue.class);
    }

    @Test
    void openedReopenedSynchronizeAndReadyForReviewAreQueued() throws Exception {
        for (String file : new String[] { "pull_request.opened.json", "pull_request.reopened.json",
                "pull_request.synchronize.json", "pull_request.ready_for_review.with-installation.json" }) {
            given().when().payloadFromClasspath("/webhooks/" + file).event(GHEvent.PULL_REQUEST)
                    .then().github(mocks -> {
                    });
        }
        verify(queue, times(4)).submit(argThat(r -> r.key().equals(PR) && r.kind() == Kind.PULL_REQUEST
                && r.headSha() != null && r.event().equals("pull_request") && r.payload().contains("\"number\"")
                && r.decisions().isEmpty()));
    }

    @Test
    void closedPullRequestIsNotQueued() throws Exception {
        given().when().payloadFromClasspath("/webhooks/pull_request.closed.json").event(GHEvent.PULL_REQUEST)
                .then().github(mocks -> verify(queue, never()).submit(any()));
    }

    @Test
    void rerequestedCheckSuiteQueuesARerunOfItsHeadWithoutAskingGitHub() throws Exception {
        given().when().payloadFromClasspath("/webhooks/check_suite.rerequested.json").event(GHEvent.CHECK_SUITE)
                .then().github(mocks -> {
                    verify(queue).submit(argThat(r -> r.key().equals(PR) && r.kind() == Kind.RERUN
                            && HEAD.equals(r.headSha()) && r.installationId() == 957387));
                    verify(mocks.repository(REPO), never()).getPullRequest(anyInt());
                });
    }

    @Test
    void requestedCheckSuiteOfAPushIsLeftToThePullRequestEvent() throws Exception {
        given().when().payloadFromClasspath("/webhooks/check_suite.requested.json").event(GHEvent.CHECK_SUITE)
                .then().github(mocks -> {
                    verify(queue, never()).submit(any());
                    verify(mocks.repository(REPO), never()).getCommit(anyString());
                    verify(mocks.repository(REPO), never()).getPullRequest(anyInt());
                });
    }
}
