package dev.mlreadiness.github;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import dev.mlreadiness.github.queue.PullRequestKey;

/**
 * Deliveries as real GitHub sends them, at once: two or fifty for one pull request, fifty pull requests, a push
 * during an evaluation. Handlers return at once, as in production; the test waits until the queue is idle, and
 * latches in the fake GitHub hold an evaluation while the test sends what must arrive during it.
 */
@QuarkusTest
@TestProfile(ReturnAtOnceProfile.class)
class ConcurrentDeliveriesOverHttpTest extends DeliveryScenarios {

    /** Sends the deliveries at once and waits until the queue has evaluated everything they asked for. */
    void sendAtOnce(List<Callable<Integer>> deliveries) throws Exception {
        assertThat(all(deliveries)).hasSize(deliveries.size()).containsOnly(200);
        until(queue::idle);
    }

    @Test
    void twoDeliveriesAtOncePublishOnce() throws Exception {
        PullRequestFixture pr = pullRequest(150);
        sendAtOnce(List.of(delivery(pr, 0), delivery(pr, 1)));
        publishedOnce(pr, 1); // both gaps of src/q.py in one grouped comment
        assertThat(lastRun(pr).at("/output/title").asText()).isEqualTo("Ready, 2 new gaps (none blocking)");
    }

    @Test
    void fiftyMixedDeliveriesDuringAnEvaluationMakeOneMoreEvaluation() throws Exception {
        PullRequestFixture pr = pullRequest(151);
        CountDownLatch gate = FakeGitHub.GATES.close(pr.baseSha); // README, unchanged, is read from the base
        assertThat(delivery(pr, 0).call()).isEqualTo(200);
        await(FakeGitHub.GATES.reached(pr.baseSha)); // the first evaluation is reading contents
        List<Callable<Integer>> rest = new ArrayList<>();
        for (int i = 1; i < 50; i++) {
            rest.add(delivery(pr, i));
        }
        assertThat(all(rest)).hasSize(49).containsOnly(200);
        PullRequestKey key = new PullRequestKey(PullRequestFixture.REPO, pr.number);
        until(() -> queue.waiting(key) == 49, () -> "waiting: " + queue.waiting(key));
        gate.countDown();
        until(queue::idle);

        assertThat(GitHubState.runsOf(pr.headSha)).hasSize(2); // the first, then one for the 49 that waited
        publishedOnce(pr, 1); // both gaps of src/q.py in one grouped comment
        assertThat(lastRun(pr).at("/output/title").asText()).isEqualTo("Ready, 2 new gaps (none blocking)");
        // the first evaluation's review shows both gaps: the second evaluation neither comments nor annotates them
        assertThat(GitHubState.annotationsOf(lastRun(pr))).isEmpty();
    }

    @Test
    void fiftyPullRequestsAtOnceEachGetTheirFullResult() throws Exception {
        List<PullRequestFixture> prs = new ArrayList<>();
        for (int n = 200; n < 250; n++) {
            prs.add(pullRequest(n));
        }
        sendAtOnce(prs.stream().map(pr -> delivery(pr, 0)).toList());
        for (PullRequestFixture pr : prs) {
            assertThat(GitHubState.runsOf(pr.headSha)).hasSize(1);
            publishedOnce(pr, 1); // both gaps of src/q.py in one grouped comment
            assertThat(lastRun(pr).at("/output/title").asText()).isEqualTo("Ready, 2 new gaps (none blocking)");
            assertThat(GitHubState.commentsOf(pr.number, GitHubState.REVIEWS.get(pr.number).get(0))).hasSize(1);
        }
    }

    @Test
    void aPushDuringAnEvaluationSupersedesItAndTheNewHeadGetsTheResult() throws Exception {
        PullRequestFixture pr = pullRequest(152);
        String oldHead = pr.headSha;
        CountDownLatch gate = FakeGitHub.GATES.close(pr.baseSha); // README, unchanged, is read from the base
        assertThat(delivery(pr, 0).call()).isEqualTo(200);
        await(FakeGitHub.GATES.reached(pr.baseSha));

        pr.push("second").add("src/more.py", "z = 3  # GAP-HERE\n");
        stub(pr);
        assertThat(delivery(pr, 1).call()).isEqualTo(200);
        until(() -> queue.waiting(new PullRequestKey(PullRequestFixture.REPO, pr.number)) == 1);
        gate.countDown();
        until(queue::idle);

        List<ObjectNode> old = GitHubState.runsOf(oldHead);
        assertThat(old).singleElement().satisfies(r -> {
            assertThat(r.path("status").asText()).isEqualTo("completed");
            assertThat(r.path("conclusion").asText()).isEqualTo("skipped");
            assertThat(r.at("/output/title").asText()).isEqualTo("Superseded by " + ShortSha.of(pr.headSha));
        });
        publishedOnce(pr, 2); // the new head: its run, its review (src/q.py grouped, src/more.py), the summary
        assertThat(lastRun(pr).at("/output/title").asText()).isEqualTo("Ready, 3 new gaps (none blocking)");
        assertThat(GitHubState.ISSUE_COMMENTS.get(pr.number).get(0).path("body").asText())
                .contains("Commit [`" + ShortSha.of(pr.headSha) + "`](");
    }
}
