package dev.mlreadiness.github;

import static io.quarkiverse.githubapp.testing.GitHubAppTesting.given;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHCommitPointer;
import org.kohsuke.github.GHEvent;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;

import io.quarkiverse.githubapp.testing.GitHubAppTest;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/** Which events reach the reviewer, on GitHub's example payloads, with the testing DSL's mocked GitHub. */
@QuarkusTest
@GitHubAppTest
class RoutingTest {

    static final String REPO = "Codertocat/Hello-World";
    static final String HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

    PullRequestReviewer reviewer;

    @BeforeEach
    void mockReviewer() {
        reviewer = mock(PullRequestReviewer.class);
        QuarkusMock.installMockForType(reviewer, PullRequestReviewer.class);
    }

    static GHPullRequest openWithHead(String sha) {
        GHPullRequest pr = mock(GHPullRequest.class);
        GHCommitPointer head = mock(GHCommitPointer.class);
        when(pr.getState()).thenReturn(GHIssueState.OPEN);
        when(pr.getHead()).thenReturn(head);
        when(head.getSha()).thenReturn(sha);
        return pr;
    }

    @Test
    void openedReopenedSynchronizeAndReadyForReviewAreReviewed() throws Exception {
        for (String file : new String[] { "pull_request.opened.json", "pull_request.reopened.json",
                "pull_request.synchronize.json", "pull_request.ready_for_review.with-installation.json" }) {
            given().when().payloadFromClasspath("/webhooks/" + file).event(GHEvent.PULL_REQUEST)
                    .then().github(mocks -> { });
        }
        verify(reviewer, org.mockito.Mockito.times(4)).review(argThat(r -> REPO.equals(r.getFullName())),
                argThat(pr -> pr.getNumber() == 2), any(), anyString(), eq(Set.of()));
    }

    @Test
    void closedPullRequestIsNotReviewed() throws Exception {
        given().when().payloadFromClasspath("/webhooks/pull_request.closed.json").event(GHEvent.PULL_REQUEST)
                .then().github(mocks -> verify(reviewer, never()).review(any(), any(), any(), any(), any()));
    }

    @Test
    void rerequestedCheckSuiteReviewsItsOpenPullRequest() throws Exception {
        GHPullRequest open = openWithHead(HEAD);
        given().github(mocks -> when(mocks.repository(REPO).getPullRequest(2)).thenReturn(open))
                .when().payloadFromClasspath("/webhooks/check_suite.rerequested.json").event(GHEvent.CHECK_SUITE)
                .then().github(mocks -> verify(reviewer).review(any(), eq(open), any(), anyString(), eq(Set.of())));
    }

    @Test
    void requestedCheckSuiteOfAPushIsLeftToThePullRequestEvent() throws Exception {
        given().when().payloadFromClasspath("/webhooks/check_suite.requested.json").event(GHEvent.CHECK_SUITE)
                .then().github(mocks -> {
                    verify(reviewer, never()).review(any(), any(), any(), any(), any());
                    verify(mocks.repository(REPO), never()).getCommit(anyString());
                    verify(mocks.repository(REPO), never()).getPullRequest(org.mockito.ArgumentMatchers.anyInt());
                });
    }

    @Test
    void checkSuiteWhosePullRequestMovedOnIsNotReviewed() throws Exception {
        GHPullRequest moved = openWithHead("0000000000000000000000000000000000000000");
        given().github(mocks -> when(mocks.repository(REPO).getPullRequest(2)).thenReturn(moved))
                .when().payloadFromClasspath("/webhooks/check_suite.rerequested.json").event(GHEvent.CHECK_SUITE)
                .then().github(mocks -> verify(reviewer, never()).review(any(), any(), any(), any(), any()));
    }
}
