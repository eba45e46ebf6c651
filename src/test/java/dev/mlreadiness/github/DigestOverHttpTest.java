package dev.mlreadiness.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mlreadiness.github.publish.Markers;
import dev.mlreadiness.report.MarkdownSafety;

/**
 * What a person sees on the pull request, end to end over HTTP: the check run's title agrees with its conclusion,
 * the summary comment is a short digest that links to the commit and the check run, {@code /readiness report}
 * still posts everything, and {@code /readiness explain} answers briefly.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class DigestOverHttpTest {

    static final String README = "# X\n\n## Usage\n\nrun it\n";
    final CommandsOverHttpTest commands = new CommandsOverHttpTest();

    @BeforeEach
    void stub() {
        WireMockGitHubResource.server.resetRequests();
        commands.stubCommandEndpoints();
    }

    static String markers(int n) {
        StringBuilder code = new StringBuilder("import pandas\n");
        for (int i = 0; i < n; i++) {
            code.append("v").append(i).append(" = ").append(i).append("  # GAP-HERE\n");
        }
        return code.toString();
    }

    static PullRequestFixture thirtyGaps(int number) {
        // a path as long and odd as an author can make it: the digest keeps its end, escaped, within its cap
        String hostile = "src/" + "@octocat_[x](http://evil.example)_<b>/".repeat(30) + "feature.py";
        return PullRequestFixture.pr(number).config("fail-on: warning\n").unchanged("README.md", README)
                .add("notebooks/a.ipynb", ReviewOverHttpTest.NOTEBOOK).add("src/train.py", markers(25))
                .add(hostile, markers(5));
    }

    static String summaryPosted(GitHubJournal journal, int number) throws Exception {
        List<LoggedRequest> posted = journal.matching("POST", ".*/issues/" + number + "/comments");
        assertThat(posted).hasSize(1);
        GitHubSchemas.assertValid("issues.create-comment", posted.get(0).getBodyAsString());
        return ReviewOverHttpTest.body(posted.get(0)).path("body").asText();
    }

    @Test
    void thirtyFindingsGetADigestUnderTwoKilobytesWithTheCommitAndTheCheckRunLinked() throws Exception {
        PullRequestFixture pr = thirtyGaps(271);
        GitHubJournal journal = ReviewOverHttpTest.deliver(pr, "opened");

        JsonNode done = ReviewOverHttpTest.completedOnce(journal, pr);
        assertThat(done.path("conclusion").asText()).isEqualTo("failure");
        assertThat(done.at("/output/title").asText()).isEqualTo("30 blocking gaps");
        // the check run keeps the full report: every finding, with how to fix it
        assertThat(done.at("/output/summary").asText()).contains("### New gaps (30)")
                .doesNotContain("Readiness").contains("| Category | Rules passed | New findings | Existing findings |");

        String digest = summaryPosted(journal, 271);
        assertThat(digest.getBytes(StandardCharsets.UTF_8).length).as(digest).isLessThan(2_000);
        assertThat(digest).startsWith(Markers.SUMMARY + "\n## ML readiness: 30 blocking gaps\n\n")
                .contains("Commit [`" + pr.headSha.substring(0, 7) + "`](https://github.com/" + PullRequestFixture.REPO
                        + "/commit/" + pr.headSha + ")\n\n")
                .doesNotContain("Readiness")
                .contains("**Blocking** (30, at or above `fail-on: warning`):")
                .contains("- :warning: …").contains("feature.py:2, 3, 4 … (5 findings): No GAP-HERE markers (`"
                        + TestRules.MARKER_RULE + "`)")
                .contains("- :warning: src/train.py:2, 3, 4 … (25 findings): No GAP-HERE markers")
                .doesNotContain(" more\n")
                .contains("| Reproducibility | ")
                .endsWith("is in [the ML readiness check run](https://github.com/" + PullRequestFixture.REPO
                        + "/runs/" + pr.checkRunId() + ").\n");
        assertThat(digest.lines().filter(l -> l.startsWith("- :warning: "))).hasSize(2); // per rule and file
        MarkdownSafety.assertInert(digest, 1, "https://github.com/" + PullRequestFixture.REPO + "/");
    }

    @Test
    void theTitleSaysWhetherThePullRequestIsBlockedAsTheConclusionDoes() throws Exception {
        record Case(int number, String config, String file, String conclusion, String title) {
        }
        for (Case c : List.of(new Case(272, "", "x = 1\n", "success", "Ready"),
                new Case(273, "", markers(3), "success", "Ready, 3 new gaps (none blocking)"),
                new Case(274, "fail-on: warning\n", markers(2), "failure", "2 blocking gaps"),
                new Case(275, "fail-on: never\n", markers(1), "success", "Ready, 1 new gap (none blocking)"))) {
            PullRequestFixture pr = PullRequestFixture.pr(c.number()).config(c.config())
                    .unchanged("README.md", README).add("notebooks/a.ipynb", ReviewOverHttpTest.NOTEBOOK)
                    .add("src/a.py", c.file());
            GitHubJournal journal = ReviewOverHttpTest.deliver(pr, "opened");

            JsonNode done = ReviewOverHttpTest.completedOnce(journal, pr);
            assertThat(done.path("conclusion").asText()).as(c.toString()).isEqualTo(c.conclusion());
            assertThat(done.at("/output/title").asText()).as(c.toString()).isEqualTo(c.title());
            List<LoggedRequest> summaries = journal.matching("POST", ".*/issues/" + c.number() + "/comments");
            if (c.title().equals("Ready")) {
                assertThat(summaries).as("nothing to say: no summary comment").isEmpty();
            } else {
                assertThat(summaryPosted(journal, c.number())).contains("## ML readiness: " + c.title() + "\n");
            }
        }
    }

    @Test
    void aFailingCheckWithoutNewFindingsStillGetsItsSummaryComment() throws Exception {
        // existing debt on a changed file blocks under fail-on-existing: nothing new, but the check is red
        PullRequestFixture debt = PullRequestFixture.pr(278).config("fail-on: warning\nfail-on-existing: true\n")
                .unchanged("README.md", README).add("notebooks/a.ipynb", ReviewOverHttpTest.NOTEBOOK)
                .modify("src/a.py", markers(2), markers(2) + "tail = 1\n");
        GitHubJournal journal = ReviewOverHttpTest.deliver(debt, "opened");
        JsonNode done = ReviewOverHttpTest.completedOnce(journal, debt);
        assertThat(done.path("conclusion").asText()).isEqualTo("failure");
        assertThat(done.at("/output/title").asText()).isEqualTo("2 blocking gaps");
        assertThat(summaryPosted(journal, 278)).contains("## ML readiness: 2 blocking gaps\n")
                .contains("**Blocking** (2, at or above `fail-on: warning`):");
    }

    @Test
    void aReEvaluationOfTheSameCommitDoesNotEditTheCommentForItsNewCheckRunLink() throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(280).config("fail-on: warning\n").unchanged("README.md", README)
                .add("notebooks/a.ipynb", ReviewOverHttpTest.NOTEBOOK).add("src/a.py", markers(3));
        String digest = summaryPosted(ReviewOverHttpTest.deliver(pr, "opened"), 280);
        String runLink = "/runs/" + pr.checkRunId() + ")";
        assertThat(digest).contains(runLink);

        // the comment as an earlier check run of the same commit left it: only the run's link differs
        pr.issueComments(WireMockGitHubResource.server,
                "[" + pr.issueComment(7_280, digest.replace(runLink, "/runs/1234)")) + "]");
        GitHubJournal again = ReviewOverHttpTest.redeliver(pr, "synchronize");
        ReviewOverHttpTest.completedOnce(again, pr);
        assertThat(again.matching("PATCH", ".*/issues/comments/\\d+")).as("no edit for a link").isEmpty();
        assertThat(again.matching("POST", ".*/issues/280/comments")).isEmpty();

        // what it says changed: edited
        pr.issueComments(WireMockGitHubResource.server,
                "[" + pr.issueComment(7_280, digest.replace("3 blocking gaps", "4 blocking gaps")) + "]");
        again = ReviewOverHttpTest.redeliver(pr, "synchronize");
        assertThat(again.matching("PATCH", ".*/issues/comments/7280")).hasSize(1);
    }

    @Test
    void reportCommandStillPostsTheFullReport() throws Exception {
        commands.stubbed(thirtyGaps(276));
        GitHubJournal journal = commands.comment(CommentPayload.onPullRequest(276, "/readiness report"));

        List<String> replies = CommandsOverHttpTest.replies(journal, 276);
        String report = replies.stream().filter(r -> r.startsWith("## ML readiness report")).findFirst()
                .orElseThrow();
        assertThat(report).doesNotContain("Readiness").contains("### New gaps (30)")
                .contains("src/train.py:25").contains("| Category | Rules passed | New findings | Existing findings |");
        assertThat(report.lines().filter(l -> l.startsWith("- :warning: `" + TestRules.MARKER_RULE + "`")))
                .hasSize(30);
    }

    @Test
    void explainAnswersShortlyWithTheLink() throws Exception {
        commands.pullRequest(277);
        GitHubJournal journal = commands.comment(CommentPayload.onPullRequest(277,
                "/readiness explain " + TestRules.MARKER_RULE));

        String reply = CommandsOverHttpTest.replies(journal, 277).get(0);
        assertThat(reply.getBytes(StandardCharsets.UTF_8).length).isLessThan(1_500);
        assertThat(reply).isEqualTo("**`" + TestRules.MARKER_RULE + "`**: No GAP-HERE markers (Reproducibility, "
                + "warning by default)\n\nTests need it.\n\n**How to fix:** Remove the marker.\n\n[Full page]"
                + "(https://github.com/ml-readiness/ml-readiness/blob/main/docs/rules/" + TestRules.MARKER_RULE
                + ".md): what exactly it checks, known problems, examples.\n");
        assertThat(reply.lines()).noneMatch(l -> l.startsWith("#"));
    }
}
