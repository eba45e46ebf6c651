package dev.mlreadiness.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mlreadiness.github.publish.Markers;

/**
 * {@code /readiness} commands end to end: signed {@code issue_comment} webhooks in, the app's real GitHub clients
 * out to WireMock. Ignore decisions live only in the app's reply comments, so "GitHub lists the reply" is played by
 * changing the stubbed comment listing between deliveries.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class CommandsOverHttpTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String COMMENTS = "/repos/" + PullRequestFixture.REPO + "/issues/comments/"
            + CommentPayload.COMMENT_ID;

    WireMockServer server = WireMockGitHubResource.server;

    @BeforeEach
    void stubCommandEndpoints() {
        String json = WireMockGitHubResource.JSON;
        server.stubFor(post(urlPathEqualTo(COMMENTS + "/reactions")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", json).withBody("{\"id\":9001,\"node_id\":\"REA_1\",\"content\":\"rocket\","
                        + "\"user\":{\"login\":\"ml-readiness[bot]\",\"id\":9000009,\"type\":\"Bot\"},"
                        + "\"created_at\":\"2026-01-01T00:00:00Z\"}")));
        server.stubFor(delete(urlPathEqualTo(COMMENTS + "/reactions/9001")).willReturn(aResponse().withStatus(204)));
        server.stubFor(post(urlPathEqualTo("/repos/" + PullRequestFixture.REPO + "/issues/1/comments"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", json)
                        .withBody(PullRequestFixture.pr(1).issueComment(6000001, "reply"))));
        permission("write");
        server.resetRequests();
    }

    void permission(String level) {
        server.stubFor(get(urlPathMatching("/repos/" + PullRequestFixture.REPO + "/collaborators/[^/]+/permission"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", WireMockGitHubResource.JSON)
                        .withBody("{\"permission\":\"" + level + "\",\"role_name\":\"" + level + "\",\"user\":"
                                + "{\"login\":\"Codertocat\",\"id\":21031067,\"type\":\"User\"}}")));
    }

    /** A pull request with one marker-rule gap, stubbed with GET pulls/N for the commands. */
    PullRequestFixture pullRequest(int number) throws Exception {
        // comments: summary, so the marker's finding, when it counts, is a check-run annotation (no review)
        return stubbed(PullRequestFixture.pr(number).config("comments: summary\n")
                .unchanged("README.md", "# X\n\n## Usage\n\nrun it\n")
                .add("notebooks/a.ipynb", ReviewOverHttpTest.NOTEBOOK)
                .add("src/a.py", "x = 1  # GAP-HERE\n"));
    }

    /** The pull request stubbed, with GET pulls/N for the commands. */
    PullRequestFixture stubbed(PullRequestFixture pr) throws Exception {
        pr.stub(server);
        int number = pr.number;
        String full = JSON.readTree(pr.payload("opened")).get("pull_request").toString();
        server.stubFor(get(urlPathEqualTo(pr.api() + "/pulls/" + number)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", WireMockGitHubResource.JSON).withBody(full)));
        return pr;
    }

    GitHubJournal comment(String payload) {
        server.resetRequests();
        assertThat(Webhooks.send("issue_comment", payload.getBytes(StandardCharsets.UTF_8),
                WireMockGitHubResource.WEBHOOK_SECRET)).isEqualTo(200);
        return GitHubJournal.of(server);
    }

    /** The bodies of the replies posted on issue {@code number}, each valid against GitHub's schema. */
    static List<String> replies(GitHubJournal journal, int number) throws Exception {
        List<LoggedRequest> posted = journal.matching("POST", ".*/issues/" + number + "/comments");
        for (LoggedRequest r : posted) {
            GitHubSchemas.assertValid("issues.create-comment", r.getBodyAsString());
        }
        return posted.stream().map(r -> {
            try {
                return JSON.readTree(r.getBodyAsString()).path("body").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The reactions in order, each valid against GitHub's schema; a removed reaction shows as "-9001". */
    static List<String> reactions(GitHubJournal journal) throws Exception {
        return journal.requests().stream().filter(r -> r.getUrl().startsWith(COMMENTS + "/reactions")).map(r -> {
            if (r.getMethod().getName().equals("DELETE")) {
                return "-" + r.getUrl().substring(r.getUrl().lastIndexOf('/') + 1);
            }
            GitHubSchemas.assertValid("reactions.create-for-issue-comment", r.getBodyAsString());
            try {
                return JSON.readTree(r.getBodyAsString()).path("content").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static JsonNode completed(GitHubJournal journal, PullRequestFixture pr) throws Exception {
        return ReviewOverHttpTest.completedOnce(journal, pr);
    }

    @Test
    void ignoreThenUnignoreAcrossEvaluations() throws Exception {
        PullRequestFixture pr = pullRequest(130);
        String rule = TestRules.MARKER_RULE;

        GitHubJournal first = comment(CommentPayload.onPullRequest(130, "/readiness"));
        assertThat(completed(first, pr).at("/output/annotations")).hasSize(1);
        assertThat(first.matching("GET", ".*/permission")).isEmpty();
        assertThat(replies(first, 130)).hasSize(1).allMatch(Markers::isSummary); // the summary, no reply
        assertThat(reactions(first)).containsExactly("rocket", "-9001", "+1");

        GitHubJournal ignored = comment(CommentPayload.onPullRequest(130, "/readiness ignore " + rule + " generated"));
        assertThat(ignored.matching("GET", ".*/collaborators/Codertocat/permission")).hasSize(1);
        List<String> posted = replies(ignored, 130);
        String reply = posted.get(0);
        assertThat(reply).startsWith(":mute: Rule `" + rule + "` is ignored on this pull request by **Codertocat**")
                .contains(": generated.");
        assertThat(Markers.ignoreDecisionsOf(reply)).singleElement()
                .satisfies(d -> assertThat(d.rule() + " " + d.by() + " " + d.reason()).isEqualTo(rule
                        + " Codertocat generated"));
        JsonNode done = completed(ignored, pr);
        assertThat(done.at("/output/annotations")).isEmpty();
        assertThat(done.at("/output/title").asText()).isEqualTo("Ready");
        assertThat(done.at("/output/summary").asText()).contains("- rule `" + rule + "` ignored for this change by "
                + "**Codertocat** on ").contains(": generated");
        assertThat(reactions(ignored)).containsExactly("rocket", "-9001", "+1");

        // GitHub now lists the reply: a later evaluation finds the decision there, and only there
        String replyListed = pr.issueComment(6101, reply);
        pr.issueComments(server, "[" + replyListed + "]");
        GitHubJournal later = comment(CommentPayload.onPullRequest(130, "/readiness"));
        assertThat(completed(later, pr).at("/output/annotations")).isEmpty();

        // the same marker pasted by a person is not a decision
        pr.issueComments(server, "[" + replyListed.replace("ml-readiness[bot]", "mallory").replace("\"Bot\"",
                "\"User\"") + "]");
        GitHubJournal forged = comment(CommentPayload.onPullRequest(130, "/readiness"));
        assertThat(completed(forged, pr).at("/output/annotations")).hasSize(1);

        pr.issueComments(server, "[" + replyListed + "]");
        GitHubJournal unignored = comment(CommentPayload.onPullRequest(130, "/readiness unignore " + rule));
        assertThat(replies(unignored, 130).get(0)).startsWith(":loud_sound: Rule `" + rule + "` counts again")
                .contains("<!-- ml-readiness:unignore {\"rule\":\"" + rule + "\",\"by\":\"Codertocat\"");
        assertThat(completed(unignored, pr).at("/output/annotations")).hasSize(1);

        pr.issueComments(server, "[" + replyListed + "," + pr.issueComment(6102, replies(unignored, 130).get(0)) + "]");
        GitHubJournal afterBoth = comment(CommentPayload.onPullRequest(130, "/readiness"));
        assertThat(completed(afterBoth, pr).at("/output/annotations")).hasSize(1);
    }

    /** A writer's ignore line whose reason airline's tokenizer cannot read: recorded as typed, the rule dropped. */
    void ignoreRecordsTheReasonAsTyped(int number, String reason) throws Exception {
        PullRequestFixture pr = pullRequest(number);
        String rule = TestRules.MARKER_RULE;
        GitHubJournal journal = comment(
                CommentPayload.onPullRequest(number, "/readiness ignore " + rule + " " + reason));
        assertThat(journal.matching("GET", ".*/collaborators/Codertocat/permission")).hasSize(1);
        String reply = replies(journal, number).get(0);
        assertThat(reply).startsWith(":mute: Rule `" + rule + "` is ignored on this pull request by **Codertocat**");
        assertThat(Markers.ignoreDecisionsOf(reply)).singleElement()
                .satisfies(d -> assertThat(d.rule() + " " + d.by() + " " + d.reason()).isEqualTo(rule
                        + " Codertocat " + reason));
        assertThat(replies(journal, number)).noneMatch(r -> r.startsWith("I did not understand"));
        JsonNode done = completed(journal, pr);
        assertThat(done.at("/output/annotations")).isEmpty();
        assertThat(done.at("/output/title").asText()).isEqualTo("Ready");
        assertThat(reactions(journal)).containsExactly("rocket", "-9001", "+1");
    }

    @Test
    void ignoreWithAnApostropheRecordsTheReasonVerbatim() throws Exception {
        ignoreRecordsTheReasonAsTyped(135, "it's exploratory");
    }

    @Test
    void ignoreWithALoneDoubleQuoteRecordsTheReasonVerbatim() throws Exception {
        ignoreRecordsTheReasonAsTyped(136, "the 12\" demo only");
    }

    @Test
    void ignoreByAReaderIsRefusedAndNothingIsRecorded() throws Exception {
        pullRequest(131);
        permission("read");
        GitHubJournal journal = comment(CommentPayload.onPullRequest(131, "/readiness ignore " + TestRules.DOCS_RULE
                + " not needed"));
        assertThat(journal.matching("GET", ".*/collaborators/Codertocat/permission")).hasSize(1);
        assertThat(replies(journal, 131)).containsExactly("Sorry Codertocat, only people with write, maintain or "
                + "admin permission on this repository can use `ignore`. Nothing was changed; a maintainer can do it "
                + "for you.");
        assertThat(journal.matching("POST", ".*/check-runs")).isEmpty();
        assertThat(journal.matching("GET", ".*/pulls/131")).isEmpty();
        assertThat(reactions(journal)).containsExactly("rocket", "-9001", "-1");
    }

    @Test
    void ignoreOfAnUnknownRuleOffersTheClosestAndRecordsNothing() throws Exception {
        pullRequest(132);
        GitHubJournal journal = comment(CommentPayload.onPullRequest(132, "/readiness ignore docs/test-usages why"));
        assertThat(replies(journal, 132)).containsExactly("Sorry, there is no rule `docs/test-usages`. Did you mean "
                + "`docs/test-usage`? Nothing was changed.");
        assertThat(journal.matching("GET", ".*/permission")).isEmpty();
        assertThat(journal.matching("POST", ".*/check-runs")).isEmpty();
        assertThat(reactions(journal)).containsExactly("rocket", "-9001", "-1");
    }

    @Test
    void unknownOrMisspelledSubcommandGetsTheHelp() throws Exception {
        pullRequest(133);
        for (String line : List.of("/readiness frobnicate", "/readiness ignroe x", "/readiness ignroe x it's")) {
            GitHubJournal journal = comment(CommentPayload.onPullRequest(133, line));
            assertThat(replies(journal, 133)).singleElement().satisfies(r -> assertThat(r)
                    .startsWith("I did not understand `" + line + "`.").contains("| `/readiness explain <rule-id>` |"));
            assertThat(reactions(journal)).containsExactly("confused");
            assertThat(journal.matching("GET", ".*/permission")).isEmpty();
            assertThat(journal.matching("POST", ".*/check-runs")).isEmpty();
        }
    }

    @Test
    void commandOnAPlainIssueSaysItWorksOnPullRequests() throws Exception {
        GitHubJournal journal = comment(CommentPayload.onIssue(1, "/readiness"));
        assertThat(replies(journal, 1)).containsExactly("ML readiness works on pull requests: comment there. On issues "
                + "it only answers `help` and `explain <rule-id>`.");
        assertThat(journal.matching("GET", ".*/pulls/.*")).isEmpty();
        assertThat(reactions(journal)).containsExactly("rocket", "-9001", "-1");
    }

    @Test
    void commandNotOnTheFirstLineAndBotCommentsMakeNoRequestAtAll() throws Exception {
        pullRequest(134);
        assertThat(comment(CommentPayload.onPullRequest(134, "Looks good.\n/readiness ignore " + TestRules.DOCS_RULE))
                .api()).isEmpty(); // the app's installation token aside, which the framework gets for any event
        assertThat(comment(CommentPayload.byBot(134, "/readiness")).api()).isEmpty();
        assertThat(comment(CommentPayload.byBot(134, "/readiness frobnicate")).api()).isEmpty();
    }
}
