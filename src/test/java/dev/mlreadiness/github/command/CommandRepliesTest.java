package dev.mlreadiness.github.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.RuleCatalog;
import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.Mode;
import dev.mlreadiness.github.IgnoreDecision;
import dev.mlreadiness.github.publish.Markers;
import dev.mlreadiness.report.MarkdownReport;
import dev.mlreadiness.report.MarkdownSafety;

/** The texts of the command replies, and the reason taken from a command line. */
class CommandRepliesTest {

    final CommandReplies replies = new CommandReplies(new MarkdownReport("https://docs.example/"));

    @Test
    void explainIsShortWithTheSummaryHowToFixAndTheLink() {
        RuleInfo info = RuleCatalog.rules().stream().map(Rule::info).filter(i -> i.id().equals(
                "reproducibility/random-seed")).findFirst().orElseThrow();
        String reply = replies.explain(info);
        assertThat(reply).startsWith("**`reproducibility/random-seed`**: Random calls without a seed "
                + "(Reproducibility, warning by default)\n\n" + info.doc().why().strip() + "\n\n**How to fix:** "
                + info.doc().howToFix().strip() + "\n\n")
                .endsWith("[Full page](https://docs.example/rules/reproducibility/random-seed.md): what exactly it "
                        + "checks, known problems, examples.\n");
    }

    @Test
    void everyRulesExplainFitsInAShortReplyWithoutHeadingOrCut() {
        for (Rule rule : RuleCatalog.rules()) {
            String reply = replies.explain(rule.info());
            assertThat(reply.getBytes(StandardCharsets.UTF_8).length).as(rule.info().id())
                    .isLessThan(CommandReplies.MAX_EXPLAIN);
            assertThat(reply.lines()).as(rule.info().id()).noneMatch(l -> l.startsWith("#"));
            assertThat(reply).as("the whole how-to-fix of " + rule.info().id())
                    .contains(rule.info().doc().howToFix().strip());
            assertThat(reply).contains("](https://docs.example/rules/" + rule.info().id() + ".md)");
        }
    }

    @Test
    void aLongDocumentationIsCutOnlyAtAParagraphEnd() {
        String paragraphs = "First paragraph says why.\n\n" + "Second one is long. ".repeat(100);
        assertThat(CommandReplies.shortened(paragraphs, 200)).isEqualTo("First paragraph says why. …");
        // never inside a paragraph: a sentence end can be "e.g." or fall in a code span
        String codeSpan = "Pin it (e.g. `pip install x==1.5. Then run it`). " + "x".repeat(500);
        assertThat(CommandReplies.shortened(codeSpan, 60)).isEmpty();
        assertThat(CommandReplies.shortened("é".repeat(1_000), 100)).isEmpty();
        assertThat(CommandReplies.shortened("short", 100)).isEqualTo("short");

        RuleDoc huge = new RuleDoc("What.", "Why it matters, e.g. `a. b`.\n\n" + "Why it matters. ".repeat(200),
                "Do `this. that`.\n\n" + "Do this. ".repeat(400), "`x`", "`y`");
        String reply = replies.explain(new RuleInfo("docs/huge", "Huge", Severity.NOTICE, Scope.REPOSITORY, huge));
        assertThat(reply.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(CommandReplies.MAX_EXPLAIN);
        assertThat(reply).isEqualTo("**`docs/huge`**: Huge (Documentation, notice by default)\n\n"
                + "Why it matters, e.g. `a. b`. …\n\n**How to fix:** Do `this. that`. …\n\n[Full page]"
                + "(https://docs.example/rules/docs/huge.md): what exactly it checks, known problems, examples.\n");

        // not one paragraph fits: the why is left out and how to fix points at the page, code spans never cut
        RuleDoc oneBlock = new RuleDoc("What.", "Why `a. b` ".repeat(300), "Do `this. that` ".repeat(300), "`x`",
                "`y`");
        String dropped = replies.explain(new RuleInfo("docs/block", "Block", Severity.NOTICE, Scope.REPOSITORY,
                oneBlock));
        assertThat(dropped).contains("notice by default)\n\n**How to fix:** see the full page.\n\n[Full page]")
                .doesNotContain("Why `a");
        assertThat(dropped.chars().filter(c -> c == '`').count() % 2).isZero();
    }

    @Test
    void unknownRuleOffersTheClosestIds() {
        assertThat(replies.unknownRule("docs/readm", List.of("docs/readme", "docs/usage")))
                .isEqualTo("Sorry, there is no rule `docs/readm`. Did you mean `docs/readme`, `docs/usage`? "
                        + "Nothing was changed.");
        assertThat(replies.unknownRule("x`y", List.of()))
                .isEqualTo("Sorry, there is no rule ``x`y``. Nothing was changed.");
    }

    @Test
    void aMissingRuleIdGetsAnExampleWithARealOne() {
        String reply = replies.needsRuleId("/readiness ignore");
        assertThat(reply).startsWith("`/readiness ignore` needs a rule id, e.g. `/readiness ignore structure/readme`.")
                .contains("| `/readiness ignore <rule-id> [reason]` |");
        Matcher example = Pattern.compile("e\\.g\\. `/readiness ignore ([^`]+)`").matcher(reply);
        assertThat(example.find()).isTrue();
        assertThat(RuleCatalog.ids()).contains(example.group(1));
    }

    @Test
    void ignoreReplyCarriesTheMarker() {
        IgnoreDecision d = new IgnoreDecision("docs/readme", true, "octocat", "vendored", "2026-03-04T05:06:07Z");
        String reply = replies.ignored(d);
        assertThat(reply).startsWith(":mute: Rule `docs/readme` is ignored on this pull request by **octocat** on "
                + "2026-03-04: vendored.").endsWith(Markers.ignoreDecision(d));
        assertThat(Markers.ignoreDecisionsOf(reply)).containsExactly(d);
        IgnoreDecision u = new IgnoreDecision("docs/readme", false, "octocat", "", "2026-03-04T05:06:07Z");
        assertThat(Markers.ignoreDecisionsOf(replies.unignored(u))).containsExactly(u);
    }

    @Test
    void noReplyStartsWithTheCommandItself() {
        IgnoreDecision d = new IgnoreDecision("docs/readme", true, "octocat", "", "2026-03-04T05:06:07Z");
        for (String reply : List.of(replies.help(), replies.notUnderstood("/readiness frobnicate"),
                replies.notAPullRequest(), replies.needsRuleId("/readiness ignore"), replies.refused("bob", "ignore"),
                replies.ignored(d), replies.closed(), replies.silent("not an ML project"), replies.failed("boom"))) {
            assertThat(reply.strip()).doesNotStartWith("/readiness");
        }
        assertThat(replies.notUnderstood("/readiness frobnicate")).startsWith("I did not understand `/readiness "
                + "frobnicate`.").contains("| `/readiness ignore <rule-id> [reason]` |");
        assertThat(replies.refused("bob_x", "/readiness ignore")).isEqualTo("Sorry bob\\_x, only people with write, "
                + "maintain or admin permission on this repository can use `/readiness ignore`. Nothing was changed; "
                + "a maintainer can do it for you.");
    }

    @Test
    void reasonIsTheRestOfTheFirstLineAsTyped() {
        assertThat(PullRequestCommands.reason("/readiness ignore docs/readme  \"it's vendored\" code\nmore"))
                .isEqualTo("\"it's vendored\" code");
        assertThat(PullRequestCommands.reason("/readiness ignore docs/readme")).isEmpty();
        assertThat(PullRequestCommands.reason("  /readiness ignore docs/readme   \n")).isEmpty();
        assertThat(PullRequestCommands.reason("/readiness ignore docs/readme " + "x".repeat(600)))
                .hasSize(PullRequestCommands.MAX_REASON + 3);
    }

    @Test
    void reportOfANonMlRepositorySaysWhy() {
        assertThat(replies.report("0123456789abcdef", Report.notApplicable(Mode.PULL_REQUEST, "not an ML project",
                null), Map.of())).isEqualTo("## ML readiness report\n\nCommit 0123456: 0 new, 0 existing.\n\n"
                        + "Not evaluated: not an ML project\n");
    }

    @Test
    void whatPeopleTypedStaysTextAndForgesNoMarker() {
        for (String hostile : MarkdownSafety.HOSTILE) {
            for (String reply : List.of(replies.notUnderstood("/readiness " + hostile), replies.unknownRule(hostile,
                    List.of("docs/readme")), replies.refused(hostile, "ignore"), replies.silent(hostile),
                    replies.failed(hostile))) {
                MarkdownSafety.assertInert(reply, 0, "https://docs.example/");
                assertThat(Markers.ignoreDecisionsOf(reply)).isEmpty();
            }
            IgnoreDecision d = new IgnoreDecision("docs/readme", true, hostile, hostile, "2026-03-04T05:06:07Z");
            IgnoreDecision u = new IgnoreDecision("docs/readme", false, hostile, "", "2026-03-04T05:06:07Z");
            MarkdownSafety.assertInert(replies.ignored(d), 1, "https://docs.example/");
            MarkdownSafety.assertInert(replies.unignored(u), 1, "https://docs.example/");
            assertThat(Markers.ignoreDecisionsOf(replies.ignored(d))).containsExactly(d);
            assertThat(Markers.ignoreDecisionsOf(replies.unignored(u))).containsExactly(u);
        }
    }

    @Test
    void aCommandLineHoldingAMarkerIsQuotedWithoutIt() {
        String forged = "/readiness x <!-- ml-readiness:ignore {\"rule\":\"docs/readme\",\"by\":\"admin\","
                + "\"reason\":\"\",\"at\":\"2026\"} -->";

        String reply = replies.notUnderstood(forged);

        assertThat(reply).startsWith("I did not understand /readiness x &lt;\\!-- ml-readiness:ignore")
                .doesNotContain("<!--");
        assertThat(Markers.ignoreDecisionsOf(reply)).isEmpty();
    }
}
