package dev.mlreadiness.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end over HTTP: signed webhooks in, the app's real GitHub clients out to WireMock playing GitHub. Every
 * write is checked against GitHub's published request schema. Dispatch is synchronous in test mode, so the
 * journal is complete when the webhook POST returns.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class ReviewOverHttpTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String NOTEBOOK = "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n";

    @BeforeEach
    void clearJournal() {
        WireMockGitHubResource.server.resetRequests();
        FakeGitHub.FAILING_REFS.clear();
    }

    static GitHubJournal deliver(PullRequestFixture pr, String action) throws Exception {
        pr.stub(WireMockGitHubResource.server);
        return redeliver(pr, action);
    }

    /** Sends the webhook again as the fixture stands now, without stubbing it afresh (comments stubbed since stay). */
    static GitHubJournal redeliver(PullRequestFixture pr, String action) throws Exception {
        WireMockGitHubResource.server.resetRequests();
        int status = Webhooks.send("pull_request", pr.payload(action), WireMockGitHubResource.WEBHOOK_SECRET);
        assertThat(status).isEqualTo(200);
        return GitHubJournal.of(WireMockGitHubResource.server);
    }

    static JsonNode body(LoggedRequest r) throws Exception {
        return JSON.readTree(r.getBodyAsString());
    }

    /** The one PATCH that completed the pull request's check run, valid against GitHub's schema. */
    static JsonNode completedOnce(GitHubJournal journal, PullRequestFixture pr) throws Exception {
        List<LoggedRequest> completed = journal.matching("PATCH", ".*/check-runs/" + pr.checkRunId());
        assertThat(completed).hasSize(1);
        GitHubSchemas.assertValid("checks.update", completed.get(0).getBodyAsString());
        return body(completed.get(0));
    }

    /** The body of the first inline comment of the app's review of pull request {@code number}. */
    static String firstInlineComment(GitHubJournal journal, int number) throws Exception {
        return body(journal.matching("POST", ".*/pulls/" + number + "/reviews").get(0)).at("/comments/0/body")
                .asText();
    }

    static String lines(String... l) {
        return String.join("\n", l) + "\n";
    }

    @Test
    void mlPullRequestGetsCheckRunAnnotationsReviewAndSummary() throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(101)
                .unchanged("README.md", "# Churn\n\nPredicts churn.\n\n## Usage\n\nRun `python src/train.py`.\n")
                .add("notebooks/eda.ipynb", NOTEBOOK)
                .add("src/train.py", lines("import numpy", "x = 1  # GAP-HERE", "y = 2", "z = 3  # GAP-HERE"));
        GitHubJournal journal = deliver(pr, "opened");

        List<LoggedRequest> created = journal.matching("POST", ".*/check-runs");
        assertThat(created).hasSize(1);
        GitHubSchemas.assertValid("checks.create", created.get(0).getBodyAsString());
        assertThat(body(created.get(0)).path("name").asText()).isEqualTo("ML readiness");
        assertThat(body(created.get(0)).path("head_sha").asText()).isEqualTo(pr.headSha);
        assertThat(body(created.get(0)).path("status").asText()).isEqualTo("in_progress");

        JsonNode done = completedOnce(journal, pr);
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("conclusion").asText()).isEqualTo("success"); // warnings do not fail by default
        assertThat(done.at("/output/title").asText()).isEqualTo("Ready, 2 new gaps (none blocking)");
        // both gaps are in the review: none of them is annotated as well
        assertThat(done.at("/output/annotations")).isEmpty();
        assertThat(done.at("/output/summary").asText())
                .contains("| Category | Rules passed | New findings | Existing findings |")
                .contains("### New gaps (2)").contains("src/train.py:2");

        List<LoggedRequest> reviews = journal.matching("POST", ".*/pulls/101/reviews");
        assertThat(reviews).hasSize(1);
        GitHubSchemas.assertValid("pulls.create-review", reviews.get(0).getBodyAsString());
        JsonNode review = body(reviews.get(0));
        assertThat(review.path("event").asText()).isEqualTo("COMMENT");
        assertThat(review.path("commit_id").asText()).isEqualTo(pr.headSha);
        assertThat(review.path("body").asText()).isEqualTo("ML readiness: 2 of the 2 new gaps of this pull request, "
                + "in 1 comment. The full report is in the [check run](https://github.com/" + PullRequestFixture.REPO
                + "/runs/" + pr.checkRunId() + ").");
        // one rule in one hunk: one comment on the first line, listing the other
        assertThat(review.path("comments")).hasSize(1);
        assertThat(review.at("/comments/0/path").asText()).isEqualTo("src/train.py");
        assertThat(review.at("/comments/0/line").asInt()).isEqualTo(2);
        String comment = review.at("/comments/0/body").asText();
        assertThat(comment).contains("`" + TestRules.MARKER_RULE + "`").contains("[How to fix]")
                .contains("- line 4: Remove the GAP-HERE marker on this line.")
                .containsPattern("<!-- ml-readiness:fp=[0-9a-f]{16} -->");
        assertThat(dev.mlreadiness.github.publish.Markers.fingerprintsOf(comment)).hasSize(2);
        assertThat(dev.mlreadiness.github.publish.Markers.commentKeysOf(comment)).hasSize(2);

        List<LoggedRequest> comments = journal.matching("POST", ".*/issues/101/comments");
        assertThat(comments).hasSize(1);
        GitHubSchemas.assertValid("issues.create-comment", comments.get(0).getBodyAsString());
        assertThat(body(comments.get(0)).path("body").asText()).startsWith("<!-- ml-readiness:summary -->")
                .contains("## ML readiness: Ready, 2 new gaps (none blocking)");
        // no content request at all: the added files came from their patches, README from... the GraphQL batch
        assertThat(journal.matching("GET", ".*/contents/.*")).isEmpty();
    }

    @Test
    void annotationsGoFiftyARequest() throws Exception {
        StringBuilder code = new StringBuilder("import pandas\n");
        for (int i = 0; i < 120; i++) {
            code.append("v").append(i).append(" = ").append(i).append("  # GAP-HERE\n");
        }
        PullRequestFixture pr = PullRequestFixture.pr(102).config("comments: none\n")
                .unchanged("README.md", "# X\n\n## Usage\n\nrun it\n").add("src/features.py", code.toString());
        GitHubJournal journal = deliver(pr, "synchronize");

        List<LoggedRequest> updates = journal.matching("PATCH", ".*/check-runs/" + pr.checkRunId());
        assertThat(updates).hasSize(3);
        int total = 0;
        for (LoggedRequest u : updates) {
            GitHubSchemas.assertValid("checks.update", u.getBodyAsString());
            total += body(u).at("/output/annotations").size();
        }
        assertThat(body(updates.get(0)).at("/output/annotations")).hasSize(50);
        assertThat(body(updates.get(1)).at("/output/annotations")).hasSize(50);
        assertThat(body(updates.get(2)).at("/output/annotations")).hasSize(20);
        assertThat(total).isEqualTo(120);
        assertThat(body(updates.get(0)).at("/output/title").asText()).isEqualTo("Ready, 120 new gaps (none blocking)");
        // comments: none posts only the check run
        assertThat(journal.matching("POST", ".*/(reviews|comments)")).isEmpty();
        assertThat(journal.matching("GET", ".*/comments")).isEmpty();
    }

    @Test
    void longSummaryIsTruncatedWithANote() throws Exception {
        StringBuilder before = new StringBuilder("import torch\n");
        for (int i = 0; i < 900; i++) {
            before.append("weight_").append(i).append(" = torch.zeros(").append(i)
                    .append(")  # GAP-HERE left from the first prototype of this model\n");
        }
        String after = before + "bias = 0  # GAP-HERE\n";
        PullRequestFixture pr = PullRequestFixture.pr(103).config("comments: none\n")
                .unchanged("README.md", "# X\n\n## Usage\n\nrun it\n")
                .modify("src/model.py", before.toString(), after);
        GitHubJournal journal = deliver(pr, "opened");

        List<LoggedRequest> updates = journal.matching("PATCH", ".*/check-runs/" + pr.checkRunId());
        assertThat(updates).hasSize(1);
        GitHubSchemas.assertValid("checks.update", updates.get(0).getBodyAsString());
        JsonNode output = body(updates.get(0)).path("output");
        assertThat(output.path("title").asText()).isEqualTo("Ready, 1 new gap (none blocking)");
        String summary = output.path("summary").asText();
        assertThat(summary.length()).isLessThanOrEqualTo(65_535).isGreaterThan(60_000);
        assertThat(summary).contains(":scissors: **Truncated**").contains("</details>");
        assertThat(output.path("annotations")).hasSize(1);
        assertThat(output.at("/annotations/0/start_line").asInt()).isEqualTo(902);
    }

    @Test
    void secondPushPostsNoDuplicateAndMarksTheFixedComment() throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(104)
                .unchanged("README.md", "# X\n\n## Usage\n\nrun it\n")
                .unchanged("requirements.txt", "scikit-learn==1.5.0\n")
                .add("src/clean.py", lines("a = 1  # GAP-HERE one", "b = 2"))
                .add("src/other.py", lines("c = 3  # GAP-HERE two"));
        GitHubJournal first = deliver(pr, "opened");
        JsonNode review = body(first.matching("POST", ".*/pulls/104/reviews").get(0));
        assertThat(review.path("comments")).hasSize(2);
        String fixedBody = review.at("/comments/0/body").asText();
        String keptBody = review.at("/comments/1/body").asText();
        String summaryBody = body(first.matching("POST", ".*/issues/104/comments").get(0)).path("body").asText();

        // GitHub now lists the bot's comments; the second push fixes src/clean.py and adds a new gap to it
        var server = WireMockGitHubResource.server;
        pr.push("second").add("src/clean.py", lines("a = 1", "b = 2", "d = 4  # GAP-HERE three"));
        pr.stub(server);
        pr.reviewComments(server, "[" + pr.reviewComment(5001, "src/clean.py", 1, fixedBody) + ","
                + pr.reviewComment(5002, "src/other.py", 1, keptBody) + "]");
        pr.issueComments(server, "[" + pr.issueComment(6001, summaryBody) + "]");
        GitHubJournal second = redeliver(pr, "synchronize");

        List<LoggedRequest> reviews = second.matching("POST", ".*/pulls/104/reviews");
        assertThat(reviews).hasSize(1);
        JsonNode again = body(reviews.get(0));
        assertThat(again.path("comments")).hasSize(1);
        assertThat(again.at("/comments/0/line").asInt()).isEqualTo(3);
        assertThat(again.at("/comments/0/body").asText()).doesNotContain(fixedBody).isNotEqualTo(keptBody);
        assertThat(again.path("body").asText()).contains("1 of the 2 new gaps").contains("1 in earlier comments");

        assertThat(second.matching("PATCH", ".*/pulls/comments/5002")).isEmpty();
        List<LoggedRequest> fixed = second.matching("PATCH", ".*/pulls/comments/5001");
        assertThat(fixed).hasSize(1);
        assertThat(body(fixed.get(0)).path("body").asText()).startsWith(":white_check_mark: **Fixed** in "
                + pr.headSha.substring(0, 7) + ": this gap is gone.").contains("<!-- ml-readiness:fixed -->");

        assertThat(second.matching("POST", ".*/issues/104/comments")).isEmpty();
        List<LoggedRequest> edited = second.matching("PATCH", ".*/issues/comments/6001");
        assertThat(edited).hasSize(1);
        GitHubSchemas.assertValid("issues.update-comment", edited.get(0).getBodyAsString());
        assertThat(body(edited.get(0)).path("body").asText()).startsWith("<!-- ml-readiness:summary -->")
                .contains("Ready, 2 new gaps (none blocking)");
    }

    /**
     * A grouped comment speaks of several findings: it is called fixed only when all of them are gone, and a push
     * that fixes some leaves it as it is.
     */
    @Test
    void aGroupedCommentIsFixedOnlyWhenAllItsFindingsAreGone() throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(118)
                .unchanged("README.md", "# X\n\n## Usage\n\nrun it\n").add("notebooks/a.ipynb", NOTEBOOK)
                .add("src/a.py", lines("a = 1  # GAP-HERE", "b = 2", "c = 3  # GAP-HERE", "d = 4  # GAP-HERE"));
        GitHubJournal first = deliver(pr, "opened");
        String grouped = firstInlineComment(first, 118);
        assertThat(dev.mlreadiness.github.publish.Markers.fingerprintsOf(grouped)).hasSize(3);
        var server = WireMockGitHubResource.server;

        // two of its three gaps fixed: the comment stays, nothing new to say
        pr.push("some").add("src/a.py", lines("a = 1", "b = 2", "c = 3  # GAP-HERE", "d = 4"));
        pr.stub(server);
        pr.reviewComments(server, "[" + pr.reviewComment(5181, "src/a.py", 1, grouped) + "]");
        GitHubJournal second = redeliver(pr, "synchronize");
        assertThat(second.matching("PATCH", ".*/pulls/comments/5181")).isEmpty();
        assertThat(second.matching("POST", ".*/pulls/118/reviews")).isEmpty();
        assertThat(body(second.matching("PATCH", ".*/check-runs/.*").get(0)).at("/output/annotations")).isEmpty();

        // all gone: edited once, for all of them
        pr.push("all").add("src/a.py", lines("a = 1", "b = 2", "c = 3", "d = 4"));
        pr.stub(server);
        pr.reviewComments(server, "[" + pr.reviewComment(5181, "src/a.py", 1, grouped) + "]");
        GitHubJournal third = redeliver(pr, "synchronize");
        List<LoggedRequest> fixed = third.matching("PATCH", ".*/pulls/comments/5181");
        assertThat(fixed).hasSize(1);
        assertThat(body(fixed.get(0)).path("body").asText()).contains(": these gaps are gone.");
    }

    @Test
    void nonMlRepositoryGetsNoWriteOfAnyKind() throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(105)
                .unchanged("README.md", "# Web shop\n")
                .modify("requirements.txt", "flask==2.0.0\n", "flask==2.0.0\nrequests  # GAP-HERE\n")
                .add("app.py", "print('numpy is not imported here')  # GAP-HERE\n");
        GitHubJournal journal = deliver(pr, "opened");
        assertThat(journal.writes()).isEmpty();
        assertThat(journal.matching("GET", ".*/pulls/105/files")).hasSize(1);
    }

    @Test
    void invalidConfigCompletesTheRunAsFailureWithTheMessage() throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(106).config("fail-on: sometimes\n")
                .add("src/a.py", "x = 1\n");
        GitHubJournal journal = deliver(pr, "opened");
        JsonNode done = completedOnce(journal, pr);
        assertThat(done.path("conclusion").asText()).isEqualTo("failure");
        assertThat(done.at("/output/title").asText()).isEqualTo("Invalid configuration");
        assertThat(done.at("/output/summary").asText()).contains("fail-on").contains("sometimes")
                .contains("use one of error, warning, notice, never");
        assertThat(journal.matching("POST", ".*/(reviews|comments)")).isEmpty();
    }

    @Test
    void orgConfigAppliesUnlessTheRepoSaysExtendsFalse() throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(107).orgConfig("comments: none\nfail-on: warning\n")
                .unchanged("README.md", "# X\n\n## Usage\n\nrun it\n").add("notebooks/a.ipynb", NOTEBOOK)
                .add("src/a.py", "x = 1  # GAP-HERE\n");
        GitHubJournal journal = deliver(pr, "opened");
        assertThat(body(journal.matching("PATCH", ".*/check-runs/.*").get(0)).path("conclusion").asText())
                .isEqualTo("failure");
        assertThat(journal.matching("POST", ".*/(reviews|comments)")).isEmpty();

        pr.config("extends: false\n");
        GitHubJournal own = deliver(pr, "synchronize");
        assertThat(body(own.matching("PATCH", ".*/check-runs/.*").get(0)).path("conclusion").asText())
                .isEqualTo("success");
        assertThat(own.matching("POST", ".*/pulls/107/reviews")).hasSize(1);
    }

    @Test
    void draftGetsTheCheckRunButNoInlineReview() throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(108).draft()
                .unchanged("README.md", "# X\n\n## Usage\n\nrun it\n").add("notebooks/a.ipynb", NOTEBOOK)
                .add("src/a.py", "x = 1  # GAP-HERE\n");
        GitHubJournal journal = deliver(pr, "opened");
        assertThat(body(journal.matching("PATCH", ".*/check-runs/.*").get(0)).at("/output/annotations")).hasSize(1);
        assertThat(journal.matching("POST", ".*/reviews")).isEmpty();
        assertThat(journal.matching("GET", ".*/pulls/108/comments")).isEmpty();
        assertThat(body(journal.matching("POST", ".*/issues/108/comments").get(0)).path("body").asText())
                .contains("## ML readiness: Ready, 1 new gap (none blocking)"); // a digest: the finding is in the annotation
    }

    @Test
    void closedPullRequestIsIgnored() throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(109).add("notebooks/a.ipynb", NOTEBOOK);
        GitHubJournal journal = deliver(pr, "closed");
        assertThat(journal.api()).isEmpty();
    }

    @Test
    void apiErrorAfterTheRunStartedCompletesItAsFailure() throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(110)
                // content no other test uses: a cached blob would need no request, and nothing could fail
                .modify("README.md", "# X\n", "# X\n\n## Usage\n\nrun it once the API is back\n")
                .add("notebooks/a.ipynb", NOTEBOOK);
        pr.stub(WireMockGitHubResource.server);
        FakeGitHub.FAILING_REFS.add(pr.headSha);
        GitHubJournal journal = deliver(pr, "opened");
        JsonNode done = completedOnce(journal, pr);
        // failure, not neutral: a required check must not let an unreviewed change merge (ml-readiness.on-error)
        assertThat(done.path("conclusion").asText()).isEqualTo("failure");
        assertThat(done.at("/output/title").asText()).isEqualTo("Could not evaluate");
        assertThat(done.at("/output/summary").asText()).contains("a GitHub request failed")
                .doesNotContain("at dev.mlreadiness");
        assertThat(journal.matching("POST", ".*/(reviews|comments)")).isEmpty();
    }

    @Test
    void summaryMarkerInSomeoneElsesCommentIsNotTrusted() throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(111)
                .unchanged("README.md", "# X\n\n## Usage\n\nrun it\n").add("notebooks/a.ipynb", NOTEBOOK)
                .add("src/a.py", "x = 1  # GAP-HERE\n");
        pr.stub(WireMockGitHubResource.server);
        // a person quoting the app's summary, hidden marker included: GitHub would refuse the app's edit of it
        pr.issueComments(WireMockGitHubResource.server, "[" + pr.issueComment(6111, "octocat",
                "> <!-- ml-readiness:summary -->\n> ## ML readiness: 1 new gap (0 existing)\n\nWhy?") + "]");
        GitHubJournal journal = redeliver(pr, "opened");

        assertThat(journal.matching("PATCH", ".*/issues/comments/.*")).isEmpty();
        List<LoggedRequest> created = journal.matching("POST", ".*/issues/111/comments");
        assertThat(created).hasSize(1);
        assertThat(body(created.get(0)).path("body").asText()).startsWith("<!-- ml-readiness:summary -->")
                .contains("## ML readiness: Ready, 1 new gap (none blocking)");
    }

    @Test
    void fingerprintInSomeoneElsesReviewCommentDoesNotSuppressOurs() throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(112)
                .unchanged("README.md", "# X\n\n## Usage\n\nrun it\n").add("notebooks/a.ipynb", NOTEBOOK)
                .add("src/a.py", "x = 1  # GAP-HERE\n");
        GitHubJournal first = deliver(pr, "opened");
        String ours = firstInlineComment(first, 112);

        // same commit delivered again; GitHub lists only a person's reply that quotes our comment, marker and all
        var server = WireMockGitHubResource.server;
        pr.reviewComments(server, "[" + pr.reviewComment(5121, "src/a.py", 1, "> " + ours).replace(
                "\"login\":\"ml-readiness[bot]\"", "\"login\":\"octocat\"") + "]");
        GitHubJournal second = redeliver(pr, "synchronize");
        List<LoggedRequest> reviews = second.matching("POST", ".*/pulls/112/reviews");
        assertThat(reviews).hasSize(1);
        assertThat(body(reviews.get(0)).at("/comments/0/body").asText()).isEqualTo(ours);
        assertThat(second.matching("PATCH", ".*/pulls/comments/5121")).isEmpty();
    }

    /**
     * Telling the app's review comments from a person's costs no request per author: github-api's
     * {@code getUser()} would fetch {@code /users/<login>} for each (ReviewCommentAuthor says why it reads the
     * listing instead). Fails when a library upgrade takes that way away.
     */
    @Test
    void tellingOurReviewCommentsFromOthersMakesNoUserRequest() throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(117)
                .unchanged("README.md", "# X\n\n## Usage\n\nrun it\n").add("notebooks/a.ipynb", NOTEBOOK)
                .add("src/a.py", lines("x = 1  # GAP-HERE", "y = 2"));
        GitHubJournal first = deliver(pr, "opened");
        String ours = firstInlineComment(first, 117);

        // the next push fixes the gap; GitHub lists our comment and a person's quote of it, marker and all
        var server = WireMockGitHubResource.server;
        pr.push("fixed").add("src/a.py", lines("x = 1", "y = 2"));
        pr.stub(server);
        pr.reviewComments(server, "[" + pr.reviewComment(5171, "src/a.py", 1, ours) + ","
                + pr.reviewComment(5172, "src/a.py", 1, "> " + ours).replace(
                        "\"login\":\"ml-readiness[bot]\"", "\"login\":\"octocat\"")
                + "]");
        GitHubJournal second = redeliver(pr, "synchronize");

        assertThat(second.matching("PATCH", ".*/pulls/comments/5171")).hasSize(1);
        assertThat(second.matching("PATCH", ".*/pulls/comments/5172")).isEmpty();
        assertThat(second.matching("GET", ".*/pulls/117/comments")).hasSize(1);
        assertThat(second.matching("GET", ".*/users/.*")).isEmpty();
    }

    @Test
    void ignoringARuleDoesNotMarkItsCommentsFixed() throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(113)
                .unchanged("README.md", "# X\n\n## Usage\n\nrun it\n").add("notebooks/a.ipynb", NOTEBOOK)
                .add("src/a.py", lines("x = 1  # GAP-HERE", "y = 2"));
        GitHubJournal first = deliver(pr, "opened");
        String commented = firstInlineComment(first, 113);

        // someone ran /readiness ignore on the marker rule; the gap is still in the code
        var server = WireMockGitHubResource.server;
        pr.push("ignored").add("src/a.py", lines("x = 1  # GAP-HERE", "y = 3"));
        pr.stub(server);
        pr.reviewComments(server, "[" + pr.reviewComment(5131, "src/a.py", 1, commented) + "]");
        String decision = dev.mlreadiness.github.publish.Markers.ignoreDecision(new IgnoreDecision(
                TestRules.MARKER_RULE, true, "octocat", "a test marker", "2026-01-02T00:00:00Z"));
        pr.issueComments(server, "[" + pr.issueComment(6131, "Ignored.\n" + decision) + "]");
        GitHubJournal second = redeliver(pr, "synchronize");

        assertThat(body(second.matching("PATCH", ".*/check-runs/.*").get(0)).at("/output/annotations")).isEmpty();
        assertThat(second.matching("PATCH", ".*/pulls/comments/5131")).isEmpty();
        assertThat(second.matching("POST", ".*/pulls/113/reviews")).isEmpty();
    }

    @Test
    void fileWithoutAPatchThisPushDoesNotMarkItsCommentsFixed() throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(114)
                .unchanged("README.md", "# X\n\n## Usage\n\nrun it\n").add("notebooks/a.ipynb", NOTEBOOK)
                .modify("src/a.py", "a = 0\n", lines("a = 0", "x = 1  # GAP-HERE"));
        GitHubJournal first = deliver(pr, "opened");
        String commented = firstInlineComment(first, 114);

        // the diff grew too large to show: the added lines are unknown, so the gap cannot be judged gone
        var server = WireMockGitHubResource.server;
        pr.push("large").modify("src/a.py", "a = 0\n", lines("a = 0", "x = 1  # GAP-HERE", "y = 2"))
                .withoutPatch("src/a.py");
        pr.stub(server);
        pr.reviewComments(server, "[" + pr.reviewComment(5141, "src/a.py", 2, commented) + "]");
        GitHubJournal second = redeliver(pr, "synchronize");
        assertThat(second.matching("PATCH", ".*/pulls/comments/5141")).isEmpty();
    }

    @Test
    void errorInARuleStillCompletesTheRunAsFailure() throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(115)
                .unchanged("README.md", "# X\n\n## Usage\n\nrun it\n").add("notebooks/a.ipynb", NOTEBOOK)
                .add("src/a.py", "x = 1  # GAP-HERE\n");
        TestRules.overflowing = true;
        GitHubJournal journal;
        try {
            pr.stub(WireMockGitHubResource.server);
            WireMockGitHubResource.server.resetRequests();
            Webhooks.send("pull_request", pr.payload("opened"), WireMockGitHubResource.WEBHOOK_SECRET);
            journal = GitHubJournal.of(WireMockGitHubResource.server);
        } finally {
            TestRules.overflowing = false;
        }
        JsonNode done = completedOnce(journal, pr);
        assertThat(done.path("status").asText()).isEqualTo("completed");
        // failure, not neutral: a required check must not let an unreviewed change merge (ml-readiness.on-error)
        assertThat(done.path("conclusion").asText()).isEqualTo("failure");
        assertThat(done.at("/output/title").asText()).isEqualTo("Could not evaluate");
        assertThat(done.at("/output/summary").asText()).contains("an internal error occurred")
                .doesNotContain("at dev.mlreadiness");
        assertThat(journal.matching("POST", ".*/(reviews|comments)")).isEmpty();
    }

    @Test
    void onlyExistingGapsIsTitledReady() throws Exception {
        StringBuilder before = new StringBuilder("import torch\n");
        before.append("w = 1  # GAP-HERE\n");
        PullRequestFixture pr = PullRequestFixture.pr(116).config("comments: none\n")
                .unchanged("README.md", "# X\n\n## Usage\n\nrun it\n")
                .modify("src/model.py", before.toString(), before + "b = 0\n");
        GitHubJournal journal = deliver(pr, "opened");
        JsonNode done = completedOnce(journal, pr);
        assertThat(done.at("/output/title").asText()).isEqualTo("Ready");
        assertThat(done.at("/output/summary").asText()).contains("src/model.py:2");
    }
}
