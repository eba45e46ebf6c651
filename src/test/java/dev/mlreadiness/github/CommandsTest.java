package dev.mlreadiness.github;

import static io.quarkiverse.githubapp.testing.GitHubAppTesting.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import io.quarkiverse.githubapp.testing.GitHubAppTest;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHEvent;
import org.kohsuke.github.GHPermissionType;
import org.kohsuke.github.ReactionContent;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.mockito.Mockito;

import dev.mlreadiness.engine.Checklist;
import dev.mlreadiness.engine.MlProjectDetector;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.snapshot.EvaluationInput;
import dev.mlreadiness.engine.snapshot.Snapshot;
import dev.mlreadiness.github.publish.Markers;
import dev.mlreadiness.github.queue.InMemoryWorkQueue;
import dev.mlreadiness.github.queue.WorkQueue;
import dev.mlreadiness.github.queue.WorkRequest;

/**
 * Each {@code /readiness} command through the testing DSL: GitHub mocked, the work queue mocked, the replies and
 * reactions checked exactly.
 */
@QuarkusTest
@GitHubAppTest
class CommandsTest {

    static final String REPO = PullRequestFixture.REPO;
    static final long COMMENT = CommentPayload.COMMENT_ID;
    static final long ISSUE = CommentPayload.ISSUE_ID;

    WorkQueue queue;

    @BeforeEach
    void mockQueue() {
        queue = mock(InMemoryWorkQueue.class); // the bean's class: its client proxy casts to it
        QuarkusMock.installMockForType(queue, WorkQueue.class);
        answer(ReviewResult.of(ReviewResult.Status.REVIEWED, ""));
    }

    void answer(ReviewResult result) {
        when(queue.submit(any())).thenReturn(CompletableFuture.completedFuture(result));
    }

    /** A command's request for pull request 7 whose decisions pass {@code decisions}. */
    static WorkRequest evaluation(Predicate<List<IgnoreDecision>> decisions) {
        return argThat(r -> r.key().number() == 7 && r.kind() == WorkRequest.Kind.COMMAND && r.headSha() == null
                && decisions.test(r.decisions()));
    }

    /** Rocket first, the rocket's removal is skipped (the mock returns no reaction), then the verdict. */
    static void reacted(org.kohsuke.github.GHIssueComment comment, ReactionContent verdict) throws Exception {
        InOrder order = Mockito.inOrder(comment);
        order.verify(comment).createReaction(ReactionContent.ROCKET);
        order.verify(comment).createReaction(verdict);
    }

    @Test
    void bareCommandReviewsThePullRequestAgainWithoutAComment() throws Exception {
        given().when().payloadFromString(CommentPayload.onPullRequest(7, "/readiness")).event(GHEvent.ISSUE_COMMENT)
                .then().github(mocks -> {
                    verify(queue).submit(evaluation(List::isEmpty));
                    verify(mocks.issue(ISSUE), never()).comment(anyString());
                    reacted(mocks.issueComment(COMMENT), ReactionContent.PLUS_ONE);
                });
    }

    @Test
    void bareCommandOnANonMlRepositoryExplainsTheSilence() throws Exception {
        answer(ReviewResult.of(ReviewResult.Status.SILENT, "not an ML project"));
        given().when().payloadFromString(CommentPayload.onPullRequest(7, "/readiness")).event(GHEvent.ISSUE_COMMENT)
                .then().github(mocks -> verify(mocks.issue(ISSUE)).comment("ML readiness does not check this "
                        + "repository (not an ML project), so no check run was created. To check it anyway, add "
                        + "`.github/ml-readiness.yml` with `enabled: true` on the default branch."));
    }

    @Test
    void helpListsTheCommands() throws Exception {
        given().when().payloadFromString(CommentPayload.onPullRequest(7, "/readiness help"))
                .event(GHEvent.ISSUE_COMMENT)
                .then().github(mocks -> {
                    verify(mocks.issue(ISSUE)).comment(dev.mlreadiness.github.command.CommandReplies.HELP);
                    reacted(mocks.issueComment(COMMENT), ReactionContent.PLUS_ONE);
                    verifyNoInteractions(queue);
                });
    }

    @Test
    void explainPostsAShortAnswerWithTheLink() throws Exception {
        given().when().payloadFromString(CommentPayload.onIssue(3, "/readiness explain " + TestRules.MARKER_RULE))
                .event(GHEvent.ISSUE_COMMENT)
                .then().github(mocks -> {
                    verify(mocks.issue(ISSUE)).comment("**`" + TestRules.MARKER_RULE + "`**: No GAP-HERE markers "
                            + "(Reproducibility, warning by default)\n\nTests need it.\n\n**How to fix:** Remove the "
                            + "marker.\n\n[Full page](https://github.com/ml-readiness/ml-readiness/blob/main/docs/"
                            + "rules/" + TestRules.MARKER_RULE + ".md): what exactly it checks, known problems, "
                            + "examples.\n");
                    reacted(mocks.issueComment(COMMENT), ReactionContent.PLUS_ONE);
                });
    }

    @Test
    void explainOfAnUnknownRuleOffersTheClosest() throws Exception {
        given().when().payloadFromString(CommentPayload.onPullRequest(7, "/readiness explain docs/test-usag"))
                .event(GHEvent.ISSUE_COMMENT)
                .then().github(mocks -> {
                    verify(mocks.issue(ISSUE)).comment("Sorry, there is no rule `docs/test-usag`. Did you mean "
                            + "`docs/test-usage`? Nothing was changed.");
                    reacted(mocks.issueComment(COMMENT), ReactionContent.MINUS_ONE);
                });
    }

    @Test
    void ignoreByAWriterRecordsTheDecisionAndReviewsWithIt() throws Exception {
        ArgumentCaptor<String> reply = ArgumentCaptor.forClass(String.class);
        given().github(mocks -> {
            when(mocks.repository(REPO).getPermission("Codertocat")).thenReturn(GHPermissionType.WRITE);
        }).when().payloadFromString(CommentPayload.onPullRequest(7,
                "/readiness ignore " + TestRules.MARKER_RULE + " generated code\nthanks"))
                .event(GHEvent.ISSUE_COMMENT)
                .then().github(mocks -> {
                    verify(mocks.issue(ISSUE)).comment(reply.capture());
                    verify(queue).submit(evaluation(l -> l.size() == 1 && l.get(0).ignore()
                            && l.get(0).by().equals("Codertocat")
                            && l.get(0).rule().equals(TestRules.MARKER_RULE)
                            && l.get(0).reason().equals("generated code")));
                    reacted(mocks.issueComment(COMMENT), ReactionContent.PLUS_ONE);
                });
        List<IgnoreDecision> recorded = Markers.ignoreDecisionsOf(reply.getValue());
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).reason()).isEqualTo("generated code");
        assertThat(reply.getValue()).startsWith(":mute: Rule `" + TestRules.MARKER_RULE + "` is ignored on this pull "
                + "request by **Codertocat** on ");
    }

    /** The reason recorded, in the reply's marker and in the decision the review gets, for a writer's line. */
    void ignoreRecordsTheReason(String line, String reason) throws Exception {
        ArgumentCaptor<String> reply = ArgumentCaptor.forClass(String.class);
        given().github(mocks -> {
            when(mocks.repository(REPO).getPermission("Codertocat")).thenReturn(GHPermissionType.WRITE);
        }).when().payloadFromString(CommentPayload.onPullRequest(7, line)).event(GHEvent.ISSUE_COMMENT)
                .then().github(mocks -> {
                    verify(mocks.issue(ISSUE)).comment(reply.capture());
                    verify(queue).submit(evaluation(l -> l.size() == 1 && l.get(0).ignore()
                            && l.get(0).by().equals("Codertocat")
                            && l.get(0).rule().equals(TestRules.MARKER_RULE)
                            && l.get(0).reason().equals(reason)));
                    reacted(mocks.issueComment(COMMENT), ReactionContent.PLUS_ONE);
                    verify(mocks.issueComment(COMMENT), never()).createReaction(ReactionContent.CONFUSED);
                });
        assertThat(Markers.ignoreDecisionsOf(reply.getValue())).singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo(reason));
    }

    @Test
    void ignoreWithAnApostropheInTheReasonRecordsItVerbatim() throws Exception {
        ignoreRecordsTheReason("/readiness ignore " + TestRules.MARKER_RULE + " it's exploratory", "it's exploratory");
    }

    @Test
    void ignoreWithALoneDoubleQuoteInTheReasonRecordsItVerbatim() throws Exception {
        ignoreRecordsTheReason("/readiness ignore " + TestRules.MARKER_RULE + "  the 12\" screen   demo\nmore",
                "the 12\" screen   demo");
    }

    @Test
    void misspelledIgnoreGetsTheHelpWithOrWithoutAnApostrophe() throws Exception {
        for (String line : List.of("/readiness ignroe x", "/readiness ignroe x it's", "/readiness Ignore x it's")) {
            given().when().payloadFromString(CommentPayload.onPullRequest(7, line)).event(GHEvent.ISSUE_COMMENT)
                    .then().github(mocks -> {
                        verify(mocks.issue(ISSUE)).comment(argThat((String s) -> s.startsWith(
                                "I did not understand `" + line + "`.") && s.contains("| `/readiness help` |")));
                        verify(mocks.issueComment(COMMENT)).createReaction(ReactionContent.CONFUSED);
                        verify(mocks.repository(REPO), never()).getPermission(anyString());
                        verify(mocks.issueComment(COMMENT), never()).createReaction(ReactionContent.ROCKET);
                    });
        }
        verifyNoInteractions(queue);
    }

    @Test
    void ignoreByAReaderIsPolitelyRefusedWithOrWithoutAnApostrophe() throws Exception {
        for (String line : List.of("/readiness ignore " + TestRules.DOCS_RULE,
                "/readiness ignore " + TestRules.DOCS_RULE + " don't need it")) {
            given().github(mocks -> when(mocks.repository(REPO).getPermission("Codertocat"))
                    .thenReturn(GHPermissionType.READ))
                    .when().payloadFromString(CommentPayload.onPullRequest(7, line)).event(GHEvent.ISSUE_COMMENT)
                    .then().github(mocks -> {
                        verify(mocks.issue(ISSUE)).comment("Sorry Codertocat, only people with write, maintain or "
                                + "admin permission on this repository can use `ignore`. Nothing was changed; a "
                                + "maintainer can do it for you.");
                        reacted(mocks.issueComment(COMMENT), ReactionContent.MINUS_ONE);
                    });
        }
        verifyNoInteractions(queue);
    }

    @Test
    void unignoreByAnAdminRecordsIt() throws Exception {
        given().github(mocks -> {
            when(mocks.repository(REPO).getPermission("Codertocat")).thenReturn(GHPermissionType.ADMIN);
        }).when().payloadFromString(CommentPayload.onPullRequest(7, "/readiness unignore " + TestRules.DOCS_RULE))
                .event(GHEvent.ISSUE_COMMENT)
                .then().github(mocks -> {
                    verify(mocks.issue(ISSUE)).comment(argThat((String s) -> s.startsWith(":loud_sound: Rule `"
                            + TestRules.DOCS_RULE + "` counts again") && s.contains("<!-- ml-readiness:unignore ")));
                    verify(queue).submit(evaluation(l -> l.size() == 1 && !l.get(0).ignore()));
                });
    }

    @Test
    void ignoreWithoutARuleIdGetsTheHelp() throws Exception {
        given().when().payloadFromString(CommentPayload.onPullRequest(7, "/readiness ignore"))
                .event(GHEvent.ISSUE_COMMENT)
                .then().github(mocks -> {
                    verify(mocks.issue(ISSUE)).comment(argThat((String s) -> s.startsWith(
                            "`/readiness ignore` needs a rule id") && s.contains("| `/readiness report` |")));
                    verify(mocks.repository(REPO), never()).getPermission(anyString());
                });
    }

    @Test
    void reportPostsTheFullReport() throws Exception {
        Report report = new Checklist(List.of(), new MlProjectDetector()).evaluate(EvaluationInput.fullScan(
                Snapshot.of(List.of(), file -> Optional.empty()), ReadinessConfig.defaults(), true));
        answer(new ReviewResult(ReviewResult.Status.REVIEWED, "", Optional.of(report), Map.of(),
                "abcdef0123456789abcdef0123456789abcdef01"));
        given().when().payloadFromString(CommentPayload.onPullRequest(7, "/readiness report"))
                .event(GHEvent.ISSUE_COMMENT)
                .then().github(mocks -> verify(mocks.issue(ISSUE)).comment(argThat((String s) -> s.startsWith(
                        "## ML readiness report\n\nCommit abcdef0: 0 new, 0 existing.\n\n**Readiness: no rule applied**\n\n"
                                + "### No new gaps\n"))));
    }

    @Test
    void pullRequestCommandOnAPlainIssueSaysItWorksOnPullRequests() throws Exception {
        given().when().payloadFromString(CommentPayload.onIssue(3, "/readiness")).event(GHEvent.ISSUE_COMMENT)
                .then().github(mocks -> {
                    verify(mocks.issue(ISSUE)).comment("ML readiness works on pull requests: comment there. On "
                            + "issues it only answers `help` and `explain <rule-id>`.");
                    verify(mocks.repository(REPO), never()).getPullRequest(Mockito.anyInt());
                    verifyNoInteractions(queue);
                    reacted(mocks.issueComment(COMMENT), ReactionContent.MINUS_ONE);
                });
    }

    @Test
    void unknownSubcommandGetsTheHelpAndAConfusedReaction() throws Exception {
        given().when().payloadFromString(CommentPayload.onPullRequest(7, "/readiness frobnicate now"))
                .event(GHEvent.ISSUE_COMMENT)
                .then().github(mocks -> {
                    verify(mocks.issue(ISSUE)).comment(argThat((String s) -> s.startsWith(
                            "I did not understand `/readiness frobnicate now`.")
                            && s.contains("| `/readiness help` |")));
                    verify(mocks.issueComment(COMMENT)).createReaction(ReactionContent.CONFUSED);
                    verify(mocks.issueComment(COMMENT), never()).createReaction(ReactionContent.ROCKET);
                    verifyNoInteractions(queue);
                });
    }

    @Test
    void botsAndCommandsNotOnTheFirstLineGetNothing() throws Exception {
        for (String payload : List.of(CommentPayload.byBot(7, "/readiness"),
                CommentPayload.byBot(7, "/readiness frobnicate"),
                CommentPayload.byBot(7, "/readiness ignore " + TestRules.DOCS_RULE + " it's generated"),
                CommentPayload.onPullRequest(7, "Thanks!\n/readiness ignore " + TestRules.DOCS_RULE + " it's fine"),
                CommentPayload.onPullRequest(7, "/Readiness ignore " + TestRules.DOCS_RULE + " it's fine"),
                CommentPayload.onPullRequest(7, "Thanks!\n/readiness ignore " + TestRules.DOCS_RULE),
                CommentPayload.onPullRequest(7, "/readinesss help"))) {
            given().when().payloadFromString(payload).event(GHEvent.ISSUE_COMMENT)
                    .then().github(mocks -> {
                        verify(mocks.issue(ISSUE), never()).comment(anyString());
                        verify(mocks.issueComment(COMMENT), never()).createReaction(any());
                        verify(mocks.repository(REPO), never()).getPermission(anyString());
                    });
        }
        verifyNoInteractions(queue);
    }
}
