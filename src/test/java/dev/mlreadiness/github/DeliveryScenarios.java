package dev.mlreadiness.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.mlreadiness.github.publish.Markers;
import dev.mlreadiness.github.queue.InMemoryWorkQueue;

/**
 * What the work-queue tests share: GitHub played by WireMock with a memory ({@link GitHubState}), so that what the
 * app posted is what it lists next and a duplicate review or comment shows; pull requests and the deliveries GitHub
 * sends for them; latches and waits for conditions, never for durations.
 */
abstract class DeliveryScenarios {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = WireMockGitHubResource.WEBHOOK_SECRET;
    static final String REACTIONS = "/repos/" + PullRequestFixture.REPO + "/issues/comments/"
            + CommentPayload.COMMENT_ID + "/reactions";

    final WireMockServer server = WireMockGitHubResource.server;
    final List<StubMapping> stubs = new ArrayList<>();

    @Inject
    InMemoryWorkQueue queue;

    @Inject
    PullRequestReviewer reviewer;

    @BeforeEach
    void stubReactions() {
        server.resetRequests();
        stubs.add(server.stubFor(post(urlPathEqualTo(REACTIONS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", WireMockGitHubResource.JSON).withBody("{\"id\":9001,\"content\":\"rocket\","
                        + "\"user\":{\"login\":\"ml-readiness[bot]\",\"id\":9000009,\"type\":\"Bot\"},"
                        + "\"created_at\":\"2026-01-01T00:00:00Z\"}"))));
        stubs.add(server.stubFor(delete(urlPathEqualTo(REACTIONS + "/9001")).willReturn(aResponse().withStatus(204))));
    }

    @AfterEach
    void removeStubs() {
        stubs.forEach(server::removeStub);
        FakeGitHub.GATES.openAll();
        GitHubState.GATES.openAll();
    }

    /**
     * A pull request with two marker gaps in one hunk (one grouped inline comment), stubbed with memory and with GET
     * pulls/N. Its
     * README is its own: the app caches contents by blob id, and the gates wait for the README's read.
     */
    PullRequestFixture pullRequest(int number) throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(number)
                .unchanged("README.md", "# Q" + number + "\n\n## Usage\n\nrun it\n")
                .add("notebooks/q.ipynb", ReviewOverHttpTest.NOTEBOOK)
                .add("src/q.py", "import numpy\nx = 1  # GAP-HERE\ny = 2  # GAP-HERE\n");
        return stub(pr);
    }

    PullRequestFixture stub(PullRequestFixture pr) throws Exception {
        pr.stub(server);
        stubs.addAll(GitHubState.install(server, pr));
        String full = JSON.readTree(pr.payload("opened")).get("pull_request").toString();
        stubs.add(server.stubFor(get(urlPathEqualTo(pr.api() + "/pulls/" + pr.number)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", WireMockGitHubResource.JSON).withBody(full))));
        return pr;
    }

    /** GitHub's re-requested check suite of the pull request's head, from the same installation. */
    static byte[] rerequested(PullRequestFixture pr) throws Exception {
        ObjectNode root;
        try (InputStream in = QueueOverHttpTest.class.getResourceAsStream("/webhooks/check_suite.rerequested.json")) {
            root = (ObjectNode) JSON.readTree(in);
        }
        ((ObjectNode) root.get("installation")).put("id", 1);
        ObjectNode suite = (ObjectNode) root.get("check_suite");
        suite.put("head_sha", pr.headSha);
        ObjectNode listed = (ObjectNode) suite.get("pull_requests").get(0);
        listed.put("number", pr.number);
        ((ObjectNode) listed.get("head")).put("sha", pr.headSha);
        return JSON.writeValueAsBytes(root);
    }

    /** The {@code i}-th of a mix of deliveries for the pull request: opened, synchronize, re-run, /readiness. */
    static Callable<Integer> delivery(PullRequestFixture pr, int i) {
        return () -> switch (i % 4) {
            case 0 -> Webhooks.send("pull_request", pr.payload("opened"), SECRET);
            case 1 -> Webhooks.send("pull_request", pr.payload("synchronize"), SECRET);
            case 2 -> Webhooks.send("check_suite", rerequested(pr), SECRET);
            default -> Webhooks.send("issue_comment",
                    CommentPayload.onPullRequest(pr.number, "/readiness").getBytes(StandardCharsets.UTF_8), SECRET);
        };
    }

    static List<Integer> all(List<Callable<Integer>> deliveries) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(deliveries.size());
        try {
            List<Future<Integer>> sent = deliveries.stream().map(pool::submit).toList();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : sent) {
                statuses.add(f.get(120, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for a condition the app reaches on its own threads; fails after a minute, it asserts no duration. */
    static void until(BooleanSupplier condition) throws InterruptedException {
        until(condition, () -> "");
    }

    static void until(BooleanSupplier condition, Supplier<String> state) throws InterruptedException {
        for (int i = 0; i < 6000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as(state).isTrue();
    }

    static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
    }

    /** One review at most for the head, no inline comment twice, one summary comment, every run completed. */
    static void publishedOnce(PullRequestFixture pr, int inlineComments) {
        assertThat(GitHubState.REVIEWS.get(pr.number)).hasSize(1)
                .allSatisfy(r -> assertThat(r.path("commit_id").asText()).isEqualTo(pr.headSha));
        List<String> bodies = GitHubState.REVIEW_COMMENTS.get(pr.number).stream().map(c -> c.path("body").asText())
                .toList();
        assertThat(bodies).hasSize(inlineComments).doesNotHaveDuplicates();
        assertThat(GitHubState.ISSUE_COMMENTS.get(pr.number)).singleElement()
                .satisfies(c -> assertThat(Markers.isSummary(c.path("body").asText())).isTrue());
        assertThat(GitHubState.runsOf(pr.headSha)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.path("status").asText()).isEqualTo("completed"));
    }

    static JsonNode lastRun(PullRequestFixture pr) {
        List<ObjectNode> runs = GitHubState.runsOf(pr.headSha);
        return runs.get(runs.size() - 1);
    }
}
