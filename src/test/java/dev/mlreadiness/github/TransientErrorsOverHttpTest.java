package dev.mlreadiness.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GitHub as it is: every kind of request the app makes fails now and then (500, 502, 429 without Retry-After, no
 * answer in time), sometimes many times in a row, and sometimes a write goes through but its answer is lost. The
 * pull request must still end with the full result, each thing written once, and no check run in progress.
 * GitHub's state is kept by {@link GitHubState}, so the tests count what GitHub holds, not what was sent.
 * Backoff is milliseconds in the test profile.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class TransientErrorsOverHttpTest {

    private static final AtomicInteger NUMBER = new AtomicInteger(700);
    private static final int GAPS = 3;

    enum Fault {
        SERVER_ERROR(aResponse().withStatus(500).withBody("{\"message\":\"Server Error\"}")),
        BAD_GATEWAY(aResponse().withStatus(502).withBody("{\"message\":\"Server Error\"}")),
        TOO_MANY_REQUESTS(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"You have exceeded a secondary rate limit.\"}")),
        // longer than the test profile's request timeout: the app gives up waiting and tries again
        NO_ANSWER_IN_TIME(aResponse().withStatus(500).withFixedDelay(5_000));

        final ResponseDefinitionBuilder response;

        Fault(ResponseDefinitionBuilder response) {
            this.response = response;
        }
    }

    /** Every request an evaluation makes, by name, as a WireMock request pattern for the pull request. */
    static final Map<String, Function<PullRequestFixture, MappingBuilder>> REQUESTS = Map.of(
            "GraphQL config query",
            pr -> post(urlPathEqualTo("/graphql")).withRequestBody(containing("ml-readiness.yml")),
            "GraphQL contents query", pr -> post(urlPathEqualTo("/graphql")).withRequestBody(containing("f0: object")),
            "changed files", pr -> get(urlPathEqualTo(pr.api() + "/pulls/" + pr.number + "/files")),
            "git tree", pr -> get(urlPathEqualTo(pr.api() + "/git/trees/" + pr.headSha)),
            "create check run", pr -> post(urlPathEqualTo(pr.api() + "/check-runs"))
                    .withRequestBody(matchingJsonPath("$.head_sha", equalTo(pr.headSha))),
            "list review comments", pr -> get(urlPathEqualTo(pr.api() + "/pulls/" + pr.number + "/comments")),
            "list issue comments", pr -> get(urlPathEqualTo(pr.api() + "/issues/" + pr.number + "/comments")),
            "complete check run", pr -> patch(urlPathMatching(pr.api() + "/check-runs/8\\d{6}")),
            "post review", pr -> post(urlPathEqualTo(pr.api() + "/pulls/" + pr.number + "/reviews")),
            "post summary comment", pr -> post(urlPathEqualTo(pr.api() + "/issues/" + pr.number + "/comments")));

    @BeforeEach
    void clean() {
        WireMockGitHubResource.server.resetRequests();
        FakeGitHub.FAILING_REFS.clear();
        GitHubState.reset();
    }

    @AfterEach
    void removeFaults() {
        WireMockGitHubResource.server.getStubMappings().stream().filter(m -> m.getPriority() != null
                && m.getPriority() == 1 && m.getScenarioName() != null && m.getScenarioName().startsWith("fault "))
                .toList().forEach(WireMockGitHubResource.server::removeStub);
        WireMockGitHubResource.server.resetScenarios();
    }

    static Stream<Arguments> everyRequestAndFault() {
        return everyRequestAnd(List.of(Fault.values()));
    }

    private static Stream<Arguments> everyRequestAnd(List<Fault> faults) {
        List<Arguments> out = new ArrayList<>();
        for (String request : REQUESTS.keySet().stream().sorted().toList()) {
            for (Fault fault : faults) {
                out.add(Arguments.of(request, fault));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} answers {1} once")
    @MethodSource("everyRequestAndFault")
    void oneFailureOfAnyRequestStillGivesTheFullResult(String request, Fault fault) throws Exception {
        PullRequestFixture pr = pullRequest(GAPS);
        failTimes(request, pr, fault, 1);

        GitHubJournal journal = deliver(pr);

        assertFullResult(pr, GAPS);
        assertThat(tries(request, pr)).as("tries of %s", request).isGreaterThanOrEqualTo(2);
        assertWritesValid(journal);
    }

    @ParameterizedTest(name = "the answer of {0} is lost")
    @EnumSource(names = { "CREATE_RUN", "UPDATE_RUN", "CREATE_REVIEW", "CREATE_COMMENT" })
    void aWriteWhoseAnswerIsLostIsNotMadeTwice(LostWrite write) throws Exception {
        PullRequestFixture pr = pullRequest(GAPS);
        GitHubState.lose(write.kind, 1);

        deliver(pr);

        assertFullResult(pr, GAPS);
    }

    /** A command's reply whose answer is lost is not posted again: the issue's newest comment is that reply. */
    @Test
    void aCommandReplyWhoseAnswerIsLostIsNotPostedTwice() throws Exception {
        PullRequestFixture pr = pullRequest(1);
        String reactions = "/repos/" + PullRequestFixture.REPO + "/issues/comments/" + CommentPayload.COMMENT_ID
                + "/reactions";
        WireMockGitHubResource.server.stubFor(post(urlPathEqualTo(reactions)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", WireMockGitHubResource.JSON).withBody("{\"id\":9001,\"content\":"
                        + "\"rocket\",\"created_at\":\"2026-01-01T00:00:00Z\"}")));
        GitHubState.lose(GitHubState.CREATE_COMMENT, 1);

        int status = Webhooks.send("issue_comment", CommentPayload.onPullRequest(pr.number, "/readiness help")
                .getBytes(StandardCharsets.UTF_8), WireMockGitHubResource.WEBHOOK_SECRET);

        assertThat(status).isEqualTo(200);
        List<ObjectNode> comments = GitHubState.ISSUE_COMMENTS.getOrDefault(pr.number, List.of());
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).path("body").asText()).contains("| `/readiness help` |");
    }

    enum LostWrite {
        CREATE_RUN(GitHubState.CREATE_RUN),
        UPDATE_RUN(GitHubState.UPDATE_RUN),
        CREATE_REVIEW(GitHubState.CREATE_REVIEW),
        CREATE_COMMENT(GitHubState.CREATE_COMMENT);

        final String kind;

        LostWrite(String kind) {
            this.kind = kind;
        }
    }

    @Test
    void anAnnotationBatchWhoseAnswerIsLostIsNotAppendedTwice() throws Exception {
        PullRequestFixture pr = pullRequest(70).config("comments: none\n");
        pr.stub(WireMockGitHubResource.server);
        // the first PATCH (conclusion, summary, 50 annotations) is answered; the second (20 more) lands, answer lost
        GitHubState.lose(GitHubState.UPDATE_RUN, 2);

        GitHubJournal journal = deliver(pr);

        ObjectNode run = onlyRun(pr);
        assertThat(run.path("status").asText()).isEqualTo("completed");
        assertThat(run.at("/output/annotations_count").asInt()).isEqualTo(70);
        assertThat(journal.matching("PATCH", ".*/check-runs/8\\d{6}")).hasSize(2);
        assertWritesValid(journal);
    }

    @Test
    void aFindingThatChangedOnTheAnchorLineGetsNoSecondCommentAndNothingIsCalledFixed() throws Exception {
        PullRequestFixture pr = pullRequest(GAPS);
        deliver(pr);
        assertFullResult(pr, GAPS);

        // the next push rewrites the flagged lines: other findings (fingerprints), the same rule, file and lines
        StringBuilder code = new StringBuilder("import numpy\n");
        for (int i = 0; i < GAPS; i++) {
            code.append("y").append(i).append(" = ").append(i + 10).append("  # GAP-HERE\n");
        }
        pr.push("rewritten").add("src/train.py", code.toString());
        pr.stub(WireMockGitHubResource.server);
        GitHubState.install(WireMockGitHubResource.server, pr);
        GitHubJournal second = deliver(pr, "synchronize");

        // the anchor's line is where the comment still is: its new finding is shown there; the listed lines are
        // known by their fingerprints only (their numbers say nothing once lines move), so their new findings
        // get a comment of their own
        assertThat(GitHubState.REVIEWS.get(pr.number)).hasSize(2);
        assertThat(GitHubState.REVIEW_COMMENTS.get(pr.number)).hasSize(2);
        assertThat(GitHubState.REVIEWS.get(pr.number).get(1).path("body").asText())
                .startsWith("ML readiness: " + (GAPS - 1) + " of the " + GAPS + " new gaps of this pull request, in "
                        + "1 comment. The others: 1 in earlier comments.");
        assertThat(second.matching("PATCH", ".*/pulls/comments/\\d+")).isEmpty();
        // each new finding has one place: not annotated as well
        assertThat(onlyRun(pr).at("/output/annotations_count").asInt()).isZero();
    }

    static Stream<Arguments> persistentFaults() {
        // no answer in time, 20 times over, would only make the suite slow: the other three show the same
        return everyRequestAnd(List.of(Fault.SERVER_ERROR, Fault.BAD_GATEWAY, Fault.TOO_MANY_REQUESTS));
    }

    @ParameterizedTest(name = "{0} answers {1} 20 times")
    @MethodSource("persistentFaults")
    void twentyFailuresInARowLeaveNoRunInProgress(String request, Fault fault) throws Exception {
        PullRequestFixture pr = pullRequest(GAPS);
        failTimes(request, pr, fault, 20);

        GitHubJournal journal = deliver(pr);

        for (ObjectNode run : GitHubState.RUNS.values()) {
            assertThat(run.path("status").asText()).as("run %s", run).isEqualTo("completed");
        }
        assertThat(GitHubState.RUNS).hasSizeLessThanOrEqualTo(1);
        assertThat(GitHubState.REVIEWS.getOrDefault(pr.number, List.of())).hasSizeLessThanOrEqualTo(1);
        assertThat(summaries(pr)).hasSizeLessThanOrEqualTo(1);
        switch (request) {
            case "list review comments", "list issue comments" -> {
                // the evaluation itself failed: said so, as failure (ml-readiness.on-error defaults to failure)
                ObjectNode run = onlyRun(pr);
                assertThat(run.path("conclusion").asText()).isEqualTo("failure");
                assertThat(run.at("/output/title").asText()).isEqualTo("Could not evaluate");
                assertThat(run.at("/output/summary").asText()).contains("a GitHub request failed")
                        .contains("Re-run");
            }
            case "post review" -> {
                // the review did not land: its findings are the run's annotations
                ObjectNode run = onlyRun(pr);
                assertThat(run.at("/output/annotations_count").asInt()).isEqualTo(GAPS);
                assertThat(run.at("/output/summary").asText()).contains("The inline review could not be posted")
                        .contains("### New gaps (" + GAPS + ")");
                assertThat(summaries(pr)).hasSize(1);
            }
            case "post summary comment" -> {
                ObjectNode run = onlyRun(pr);
                assertThat(run.at("/output/annotations_count").asInt()).isZero(); // all in the review
                assertThat(run.at("/output/summary").asText())
                        .contains("The summary comment could not be written").contains("### New gaps (" + GAPS + ")");
                assertThat(GitHubState.REVIEWS.get(pr.number)).hasSize(1);
            }
            case "complete check run" -> {
                // the full output never got through: the last try completed it with the least GitHub must take
                ObjectNode run = onlyRun(pr);
                assertThat(run.path("conclusion").asText()).isEqualTo("success");
                assertThat(run.at("/output/title").asText()).isEqualTo("Ready, " + GAPS + " new gaps (none blocking)");
            }
            default -> {
                // nothing could be read, or no run created: nothing posted
                assertThat(GitHubState.REVIEWS).isEmpty();
                assertThat(GitHubState.ISSUE_COMMENTS).isEmpty();
            }
        }
        assertWritesValid(journal);
    }

    /**
     * GitHub's GraphQL API failing on its side, as it answers it: HTTP 200, an {@code errors} array saying "Something
     * went wrong while executing your query", and no data ({@code NO_DATA}) or part of it ({@code PARTIAL_DATA}: the
     * repository without the fields asked, which taken as an answer would review every file as missing).
     */
    enum ExecutionFailure {
        NO_DATA("{\"data\":null,\"errors\":[{\"message\":\"Something went wrong while executing your query. "
                + "Please include `0401:6C25:28BCA72:539243A:638E5DA9` when reporting this issue.\"}]}"),
        PARTIAL_DATA("{\"data\":{\"repository\":{},\"repo\":{}},\"errors\":[{\"message\":\"Something went "
                + "wrong while executing your query on 2026-12-08T01:00:00Z. This may be the result of a timeout, or it "
                + "could be a GitHub bug. Please include `8D8C:2CAA82:1F7EDE5:207AE41:67E23597` when reporting this "
                + "issue.\",\"path\":[\"repository\"]}]}");

        final ResponseDefinitionBuilder response;

        ExecutionFailure(String body) {
            this.response = aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
        }
    }

    static Stream<Arguments> graphqlRequestsAndExecutionFailures() {
        List<Arguments> out = new ArrayList<>();
        for (String request : List.of("GraphQL config query", "GraphQL contents query")) {
            for (ExecutionFailure failure : ExecutionFailure.values()) {
                out.add(Arguments.of(request, failure));
            }
        }
        return out.stream();
    }

    /**
     * Tried again like a 502. The config's first request also asks for the runs in progress, whose nested check
     * suites may be what timed out: it falls back at once to the config alone (which is then tried again as usual),
     * and the runs in progress are listed over REST; so 2 tries either way.
     */
    @ParameterizedTest(name = "{0} answers \"Something went wrong\" with {1} once")
    @MethodSource("graphqlRequestsAndExecutionFailures")
    void somethingWentWrongOnceIsTriedAgainAndGivesTheFullResult(String request, ExecutionFailure failure)
            throws Exception {
        Delivered d = deliverFailing(request, failure.response, 1);

        assertFullResult(d.pr(), GAPS);
        assertThat(tries(request, d.pr())).as("tries of %s", request).isEqualTo(2);
        assertWritesValid(d.journal());
    }

    private record Delivered(PullRequestFixture pr, GitHubJournal journal) {
    }

    /** A pull request delivered while {@code request} answers {@code answer} {@code times} times in a row. */
    private static Delivered deliverFailing(String request, ResponseDefinitionBuilder answer, int times)
            throws Exception {
        PullRequestFixture pr = pullRequest(GAPS);
        failTimes(request, pr, answer, times);
        return new Delivered(pr, deliver(pr));
    }

    /**
     * Bounded: at most {@code max-attempts} tries of the same request (the test profile's budget of 10 s is not what
     * ends them), then a clean failure: the contents are read once the run exists, which ends "Could not evaluate",
     * failure (each file alone fails too, and so does its REST read here); the config is read before anything is
     * written, so nothing is.
     */
    @ParameterizedTest(name = "{0} answers \"Something went wrong\" with {1} 20 times")
    @MethodSource("graphqlRequestsAndExecutionFailures")
    void somethingWentWrongAgainAndAgainEndsCleanlyAfterBoundedTries(String request, ExecutionFailure failure)
            throws Exception {
        PullRequestFixture pr = pullRequest(GAPS);
        failTimes(request, pr, failure.response, 20);
        if (request.equals("GraphQL contents query")) {
            // a file GitHub fails on is read over REST: failing too here
            alwaysAnswer(get(urlPathMatching(pr.api() + "/git/blobs/.*")), Fault.BAD_GATEWAY.response, pr);
        }
        Delivered d = new Delivered(pr, deliver(pr));

        int attempts = 5; // ml-readiness.retry.max-attempts
        for (ObjectNode run : GitHubState.RUNS.values()) {
            assertThat(run.path("status").asText()).as("run %s", run).isEqualTo("completed");
        }
        assertThat(GitHubState.REVIEWS).isEmpty();
        assertThat(GitHubState.ISSUE_COMMENTS).isEmpty();
        if (request.equals("GraphQL contents query")) {
            // the README's base and head: max-attempts tries of both, then each alone once, then over REST
            assertThat(tries(request, pr)).isEqualTo(attempts + 2);
            assertThat(d.journal().matching("GET", ".*/git/blobs/.*")).hasSize(2 * attempts);
            ObjectNode run = onlyRun(pr);
            assertThat(run.path("conclusion").asText()).isEqualTo("failure");
            assertThat(run.at("/output/title").asText()).isEqualTo("Could not evaluate");
            assertThat(run.at("/output/summary").asText())
                    .contains("a GitHub request failed").contains("Re-run");
        } else {
            // the combined request once, then the config alone
            assertThat(tries(request, pr)).isEqualTo(1 + attempts);
            assertThat(GitHubState.RUNS).isEmpty();
        }
        assertWritesValid(d.journal());
    }

    /**
     * A contents batch too heavy for GitHub: the query of 100 files (a full batch) fails to execute on
     * every try, its halves do not. The batch is tried max-attempts times, then read in two halves: every file read,
     * none over REST.
     */
    @Test
    void aContentsBatchGitHubFailsOnEveryTimeIsReadInHalves() throws Exception {
        PullRequestFixture pr = pullRequest(GAPS, 50); // and the README's base and head: 102 texts
        String full = "f99: object";
        alwaysAnswer(post(urlPathEqualTo("/graphql")).withRequestBody(containing(full)),
                ExecutionFailure.PARTIAL_DATA.response, pr);

        GitHubJournal journal = deliver(pr);

        assertFullResult(pr, GAPS);
        List<String> contents = contentsQueries(pr);
        int attempts = 5; // ml-readiness.retry.max-attempts
        assertThat(contents.stream().filter(q -> q.contains(full))).hasSize(attempts);
        List<String> answered = contents.stream().filter(q -> !q.contains(full)).toList();
        // the two halves of the first batch, and the batch of the files beyond the first 100
        assertThat(answered).hasSize(3);
        // the added files are rebuilt from their patches; the others are read, base and head
        for (String path : pr.base.keySet()) {
            for (String ref : List.of(pr.baseSha, pr.headSha)) {
                assertThat(answered).as("a query answered for %s:%s", ref, path)
                        .anyMatch(q -> q.contains(ref + ":" + path + "\\\""));
            }
        }
        assertThat(journal.matching("GET", ".*/git/blobs/.*")).isEmpty();
        assertWritesValid(journal);
    }

    /**
     * One file GitHub fails on even alone: its batch is tried max-attempts times, then halved down to that file
     * (each half tried once), which is read over REST, as a truncated blob is.
     */
    @Test
    void aFileGitHubFailsOnEveryTimeIsReadOverRest() throws Exception {
        PullRequestFixture pr = pullRequest(GAPS, 1);
        String bad = "src/mod_00.py";
        alwaysAnswer(post(urlPathEqualTo("/graphql")).withRequestBody(containing(pr.headSha + ":" + bad + "\\\"")),
                ExecutionFailure.NO_DATA.response, pr);
        String text = pr.head.get(bad);
        String blob = pr.api() + "/git/blobs/" + PullRequestFixture.blobSha(text);
        WireMockGitHubResource.server.stubFor(get(urlPathEqualTo(blob)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", WireMockGitHubResource.JSON)
                .withBody("{\"sha\":\"" + PullRequestFixture.blobSha(text) + "\",\"size\":" + text.length()
                        + ",\"encoding\":\"base64\",\"content\":\"" + java.util.Base64.getEncoder()
                                .encodeToString(text.getBytes(StandardCharsets.UTF_8))
                        + "\"}")));

        GitHubJournal journal = deliver(pr);

        assertFullResult(pr, GAPS);
        List<String> contents = contentsQueries(pr);
        // 4 texts (this file and the README, base and head): the 4 max-attempts times, its halves, then the half with
        // the file in two: the file alone fails, over REST
        assertThat(contents).hasSize(5 + 2 + 2);
        assertThat(contents).filteredOn(q -> !q.contains("f1: object")).hasSize(2)
                .anyMatch(q -> q.contains(pr.headSha + ":" + bad + "\\\""));
        assertThat(journal.matching("GET", ".*/git/blobs/.*")).singleElement()
                .satisfies(r -> assertThat(r.getUrl()).endsWith(PullRequestFixture.blobSha(text)));
        assertWritesValid(journal);
    }

    /** {@code request} answers {@code answer} every time, for this test only. */
    private static void alwaysAnswer(MappingBuilder request, ResponseDefinitionBuilder answer, PullRequestFixture pr) {
        WireMockGitHubResource.server.stubFor(request.atPriority(1).inScenario("fault always #" + pr.number)
                .willReturn(answer));
    }

    /** The bodies of the GraphQL contents queries the app sent for the pull request, in order. */
    private static List<String> contentsQueries(PullRequestFixture pr) {
        return WireMockGitHubResource.server
                .findRequestsMatching(REQUESTS.get("GraphQL contents query").apply(pr).build().getRequest())
                .getRequests().stream().sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(LoggedRequest::getBodyAsString).toList();
    }

    /** A machine-learning pull request with {@code gaps} new line findings in a file of the diff. */
    private static PullRequestFixture pullRequest(int gaps) {
        return pullRequest(gaps, 0);
    }

    /** ... and {@code modified} more Python files changed, whose base and head texts are read (2 per file). */
    private static PullRequestFixture pullRequest(int gaps, int modified) {
        StringBuilder code = new StringBuilder("import numpy\n");
        for (int i = 0; i < gaps; i++) {
            code.append("x").append(i).append(" = ").append(i).append("  # GAP-HERE\n");
        }
        int number = NUMBER.incrementAndGet();
        // a README of its own: a blob cached by an earlier test would need no GraphQL contents query
        PullRequestFixture pr = PullRequestFixture.pr(number)
                .unchanged("README.md", "# Churn " + number + "\n\nPredicts churn.\n\n## Usage\n\nRun it.\n")
                .add("notebooks/eda.ipynb", ReviewOverHttpTest.NOTEBOOK).add("src/train.py", code.toString());
        for (int i = 0; i < modified; i++) {
            // texts of this pull request's own: a blob cached by an earlier test would need no query
            String before = "a = " + i + "  # " + number + "\n";
            pr.modify(String.format("src/mod_%02d.py", i), before, before + "b = " + i + "\n");
        }
        pr.stub(WireMockGitHubResource.server);
        GitHubState.install(WireMockGitHubResource.server, pr);
        return pr;
    }

    private static GitHubJournal deliver(PullRequestFixture pr) throws Exception {
        return deliver(pr, "opened");
    }

    private static GitHubJournal deliver(PullRequestFixture pr, String action) throws Exception {
        WireMockGitHubResource.server.resetRequests();
        int status = Webhooks.send("pull_request", pr.payload(action), WireMockGitHubResource.WEBHOOK_SECRET);
        assertThat(status).isEqualTo(200);
        return GitHubJournal.of(WireMockGitHubResource.server);
    }

    /** The request answers {@code fault} {@code times} times in a row, then as usual. */
    private static void failTimes(String request, PullRequestFixture pr, Fault fault, int times) {
        failTimes(request, pr, fault.response, times);
    }

    private static void failTimes(String request, PullRequestFixture pr, ResponseDefinitionBuilder answer,
            int times) {
        String scenario = "fault " + request + " #" + pr.number;
        for (int i = 0; i < times; i++) {
            WireMockGitHubResource.server.stubFor(REQUESTS.get(request).apply(pr).atPriority(1).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed " + i).willSetStateTo("failed " + (i + 1))
                    .willReturn(answer));
        }
    }

    /** How often the app sent the request. */
    private static int tries(String request, PullRequestFixture pr) {
        return WireMockGitHubResource.server.findRequestsMatching(REQUESTS.get(request).apply(pr).build().getRequest())
                .getRequests().size();
    }

    private static void assertFullResult(PullRequestFixture pr, int gaps) {
        ObjectNode run = onlyRun(pr);
        assertThat(run.path("status").asText()).isEqualTo("completed");
        assertThat(run.path("conclusion").asText()).isEqualTo("success");
        assertThat(run.at("/output/title").asText()).isEqualTo("Ready, " + gaps + " new gaps (none blocking)");
        // the gaps are in one hunk of one file: one grouped comment shows them all, so no annotation does
        assertThat(run.at("/output/annotations_count").asInt()).isZero();
        assertThat(run.at("/output/summary").asText()).doesNotContain("could not");
        assertThat(GitHubState.REVIEWS.get(pr.number)).hasSize(1);
        assertThat(GitHubState.REVIEW_COMMENTS.get(pr.number)).singleElement().satisfies(c -> assertThat(
                dev.mlreadiness.github.publish.Markers.fingerprintsOf(c.path("body").asText())).hasSize(gaps));
        assertThat(summaries(pr)).hasSize(1);
    }

    private static ObjectNode onlyRun(PullRequestFixture pr) {
        List<ObjectNode> runs = GitHubState.RUNS.values().stream()
                .filter(r -> r.path("head_sha").asText().equals(pr.headSha)).toList();
        assertThat(runs).hasSize(1);
        return runs.get(0);
    }

    private static List<ObjectNode> summaries(PullRequestFixture pr) {
        return GitHubState.ISSUE_COMMENTS.getOrDefault(pr.number, List.of()).stream()
                .filter(c -> c.path("body").asText().startsWith("<!-- ml-readiness:summary -->")).toList();
    }

    /** Every write the app sent, valid against GitHub's published request schema. */
    private static void assertWritesValid(GitHubJournal journal) throws Exception {
        for (LoggedRequest r : journal.writes()) {
            String path = r.getUrl().split("\\?")[0];
            String operation = r.getMethod().getName().equals("PATCH") && path.contains("/check-runs/")
                    ? "checks.update"
                    : path.endsWith("/check-runs") ? "checks.create"
                            : path.endsWith("/reviews") ? "pulls.create-review"
                                    : path.matches(".*/issues/\\d+/comments") ? "issues.create-comment" : null;
            if (operation != null) {
                GitHubSchemas.assertValid(operation, r.getBodyAsString());
            }
        }
    }
}
