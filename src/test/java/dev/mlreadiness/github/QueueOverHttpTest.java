package dev.mlreadiness.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import dev.mlreadiness.github.queue.InMemoryWorkQueue;
import dev.mlreadiness.github.queue.PullRequestKey;
import dev.mlreadiness.github.queue.WorkRequest;

/**
 * Deliveries as real GitHub sends them, one after the other: twice (a redelivery), after a crash, during a
 * shutdown, for a commit that is no longer the head. The handler waits for its evaluation here, so the journal is
 * complete when a delivery returns.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class QueueOverHttpTest extends DeliveryScenarios {

    @Test
    void aRedeliveredDeliveryIsNotProcessedAgain() throws Exception {
        PullRequestFixture pr = pullRequest(153);
        String delivery = UUID.randomUUID().toString();
        assertThat(Webhooks.send("pull_request", pr.payload("opened"), SECRET, delivery)).isEqualTo(200);
        assertThat(GitHubState.runsOf(pr.headSha)).hasSize(1);
        assertThat(Webhooks.send("pull_request", pr.payload("opened"), SECRET, delivery)).isEqualTo(200);
        assertThat(GitHubState.runsOf(pr.headSha)).hasSize(1); // not evaluated again
        assertThat(GitHubJournal.of(server).matching("GET", ".*/pulls/153/files")).hasSize(1);

        String comment = CommentPayload.onPullRequest(pr.number, "/readiness");
        String commandDelivery = UUID.randomUUID().toString();
        Webhooks.send("issue_comment", comment.getBytes(StandardCharsets.UTF_8), SECRET, commandDelivery);
        Webhooks.send("issue_comment", comment.getBytes(StandardCharsets.UTF_8), SECRET, commandDelivery);
        assertThat(GitHubState.runsOf(pr.headSha)).hasSize(2); // the command once
        assertThat(GitHubJournal.of(server).matching("POST", REACTIONS)).hasSize(2); // rocket and +1, once

        // a new delivery of the same event is another request: evaluated
        assertThat(Webhooks.send("pull_request", pr.payload("synchronize"), SECRET)).isEqualTo(200);
        assertThat(GitHubState.runsOf(pr.headSha)).hasSize(3);
        publishedOnce(pr, 1); // both gaps of src/q.py in one grouped comment
    }

    @Test
    void aRunLeftInProgressByAStoppedAppIsCompletedAtTheNextEvent() throws Exception {
        PullRequestFixture pr = pullRequest(154);
        long stale = GitHubState.seedRun(pr.headSha, "in_progress", GitHubState.APP_ID).path("id").asLong();
        long otherApps = GitHubState.seedRun(pr.headSha, "in_progress", 99).path("id").asLong();

        assertThat(Webhooks.send("pull_request", pr.payload("opened"), SECRET)).isEqualTo(200);

        ObjectNode completed = GitHubState.RUNS.get(stale);
        assertThat(completed.path("status").asText()).isEqualTo("completed");
        assertThat(completed.at("/output/title").asText()).isEqualTo("Could not evaluate");
        assertThat(completed.at("/output/summary").asText()).contains("the app stopped during this evaluation");
        assertThat(GitHubState.RUNS.get(otherApps).path("status").asText()).isEqualTo("in_progress"); // not ours
        assertThat(lastRun(pr).at("/output/title").asText()).isEqualTo("Ready, 2 new gaps (none blocking)");
        assertThat(GitHubJournal.of(server).matching("GET", ".*/commits/" + pr.headSha + "/check-runs")).hasSize(1);

        // once per pull request: the runs this process starts, it completes itself
        assertThat(Webhooks.send("pull_request", pr.payload("synchronize"), SECRET)).isEqualTo(200);
        assertThat(GitHubJournal.of(server).matching("GET", ".*/commits/" + pr.headSha + "/check-runs")).hasSize(1);
    }

    /**
     * GitHub lists only the latest run of each name unless asked for all ({@code filter=latest} is its default),
     * and the lookup comes after this evaluation started its own run: without {@code filter=all} the stale run
     * would never be seen on real GitHub.
     */
    @Test
    void theLookupForRunsLeftInProgressAsksForAllRunsNotTheLatest() throws Exception {
        PullRequestFixture pr = pullRequest(156);
        GitHubState.seedRun(pr.headSha, "in_progress", GitHubState.APP_ID);

        assertThat(Webhooks.send("pull_request", pr.payload("opened"), SECRET)).isEqualTo(200);

        List<LoggedRequest> lookups = GitHubJournal.of(server).matching("GET",
                ".*/commits/" + pr.headSha + "/check-runs");
        assertThat(lookups).hasSize(1);
        assertThat(lookups.get(0).queryParameter("filter").firstValue()).isEqualTo("all");
        assertThat(lookups.get(0).queryParameter("status").firstValue()).isEqualTo("in_progress");
        // the question that leads to this listing rides on the config's GraphQL request, and asks for all runs too
        assertThat(GitHubJournal.of(server).matching("POST", "/graphql")).anyMatch(q -> q.getBodyAsString()
                .contains("checkType: ALL, status: IN_PROGRESS"));
    }

    /** Most pull requests have no run left in progress: the question in the first GraphQL request says so. */
    @Test
    void noRunLeftInProgressCostsNoRequest() throws Exception {
        PullRequestFixture pr = pullRequest(161);

        assertThat(Webhooks.send("pull_request", pr.payload("opened"), SECRET)).isEqualTo(200);

        assertThat(GitHubJournal.of(server).matching("GET", ".*/commits/" + pr.headSha + "/check-runs")).isEmpty();
        assertThat(GitHubJournal.of(server).matching("POST", "/graphql"))
                .filteredOn(q -> q.getBodyAsString().contains("checkSuites")).hasSize(1);
        assertThat(lastRun(pr).path("status").asText()).isEqualTo("completed");
    }

    /**
     * The runs-in-progress question rides on the config's request; when GitHub cannot answer that request (a
     * timeout, or a schema that lacks a field: {@code data: null}), the config is read alone and the runs in
     * progress are unknown, so the REST listing runs as before: the evaluation goes on.
     */
    @Test
    void aFailedRunsInProgressQuestionFallsBackToTheConfigAloneAndTheListing() throws Exception {
        PullRequestFixture pr = pullRequest(162);
        long stale = GitHubState.seedRun(pr.headSha, "in_progress", GitHubState.APP_ID).path("id").asLong();
        stubs.add(server.stubFor(post(urlPathEqualTo("/graphql")).withRequestBody(containing("checkSuites"))
                .atPriority(1).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":null,\"errors\":[{\"message\":\"Something went wrong while executing"
                                + " your query. This may be the result of a timeout.\"}]}"))));

        assertThat(Webhooks.send("pull_request", pr.payload("opened"), SECRET)).isEqualTo(200);

        assertThat(lastRun(pr).at("/output/title").asText()).isEqualTo("Ready, 2 new gaps (none blocking)");
        assertThat(GitHubState.RUNS.get(stale).path("status").asText()).isEqualTo("completed");
        assertThat(GitHubJournal.of(server).matching("GET", ".*/commits/" + pr.headSha + "/check-runs")).hasSize(1);
        assertThat(GitHubJournal.of(server).matching("POST", "/graphql"))
                .filteredOn(q -> q.getBodyAsString().contains("checkSuites")).hasSize(1);
    }

    /** A broken config must not leave an earlier process's run blocking a required check. */
    @Test
    void aRunLeftInProgressIsCompletedWhenTheConfigIsInvalidToo() throws Exception {
        PullRequestFixture pr = stub(PullRequestFixture.pr(157)
                .unchanged("README.md", "# Q157\n")
                .add("src/q.py", "import numpy\nx = 1\n")
                .config("fail-on: sometimes\n"));
        long stale = GitHubState.seedRun(pr.headSha, "in_progress", GitHubState.APP_ID).path("id").asLong();

        assertThat(Webhooks.send("pull_request", pr.payload("opened"), SECRET)).isEqualTo(200);

        assertThat(lastRun(pr).at("/output/title").asText()).isEqualTo("Invalid configuration");
        ObjectNode completed = GitHubState.RUNS.get(stale);
        assertThat(completed.path("status").asText()).isEqualTo("completed");
        assertThat(completed.at("/output/title").asText()).isEqualTo("Could not evaluate");
    }

    @Test
    void shutdownDuringAnEvaluationCompletesItsRun() throws Exception {
        PullRequestFixture pr = pullRequest(155);
        String listing = pr.api() + "/pulls/155/comments";
        CountDownLatch gate = GitHubState.GATES.close(listing);
        InMemoryWorkQueue own = new InMemoryWorkQueue(reviewer, 1, Duration.ofSeconds(30));
        WorkRequest request = new WorkRequest(1, new PullRequestKey(PullRequestFixture.REPO, pr.number),
                WorkRequest.Kind.PULL_REQUEST, pr.headSha, "shutdown-155", "pull_request",
                new String(pr.payload("opened"), StandardCharsets.UTF_8), List.of());
        var done = own.submit(request).toCompletableFuture();
        await(GitHubState.GATES.reached(listing)); // evaluating: the run is being started beside this listing
        until(() -> GitHubState.runsOf(pr.headSha).size() == 1);
        long runId = GitHubState.runsOf(pr.headSha).get(0).path("id").asLong();
        until(() -> own.holds(runId));

        own.stop(Duration.ZERO);
        JsonNode run = GitHubState.runsOf(pr.headSha).get(0);
        assertThat(run.path("status").asText()).isEqualTo("completed");
        assertThat(run.at("/output/title").asText()).isEqualTo("Could not evaluate");
        assertThat(run.at("/output/summary").asText()).contains("shutting down");

        gate.countDown(); // the evaluation goes on, and publishes nothing: its run is completed already
        assertThat(done.get(60, TimeUnit.SECONDS).status()).isEqualTo(ReviewResult.Status.FAILED);
        assertThat(GitHubJournal.of(server).matching("PATCH", ".*/check-runs/" + runId)).hasSize(1);
        assertThat(GitHubState.REVIEWS.get(pr.number)).isNull();
    }

    @Test
    void aReRunOfACommitThatIsNoLongerTheHeadIsNotEvaluated() throws Exception {
        PullRequestFixture pr = pullRequest(156);
        byte[] rerun = rerequested(pr);
        pr.push("newer");
        stub(pr);
        assertThat(Webhooks.send("check_suite", rerun, SECRET)).isEqualTo(200);
        GitHubJournal journal = GitHubJournal.of(server);
        assertThat(journal.matching("GET", ".*/pulls/156")).hasSize(1);
        assertThat(journal.matching("POST", ".*/check-runs")).isEmpty();
        Set<String> seen = new HashSet<>(journal.lines());
        assertThat(seen).noneMatch(l -> l.contains("/files"));
    }
}
