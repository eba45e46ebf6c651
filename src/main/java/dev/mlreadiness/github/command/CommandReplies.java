package dev.mlreadiness.github.command;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.github.IgnoreDecision;
import dev.mlreadiness.github.IgnoredRules;
import dev.mlreadiness.github.ShortSha;
import dev.mlreadiness.github.publish.Markers;
import dev.mlreadiness.report.MarkdownReport;
import dev.mlreadiness.report.MarkdownText;

/**
 * What the app answers to {@code /readiness} commands. Everything a person typed is escaped before it is shown, and
 * no reply starts with {@code /readiness}, so the app never reads its own answer as a command.
 */
@Singleton
public final class CommandReplies {

    public static final String HELP = """
            **ML readiness commands** (first line of a pull request comment):

            | Command | What it does |
            |---|---|
            | `/readiness` | Evaluates the pull request again now: the check run and the summary comment are updated. |
            | `/readiness help` | This list. |
            | `/readiness explain <rule-id>` | What the rule asks for, why it matters, how to fix it, and a link to its full page. |
            | `/readiness ignore <rule-id> [reason]` | Drops the rule on this pull request, with your reason on record (write, maintain or admin permission only). |
            | `/readiness unignore <rule-id>` | Makes the rule count again on this pull request (same permission). |
            | `/readiness report` | Posts the full report, existing gaps included. |
            """;

    /** The most an {@code explain} reply takes, in bytes of UTF-8. */
    static final int MAX_EXPLAIN = 1_500;
    /** The most of that the "why" takes, so that how to fix it always has room. */
    static final int MAX_WHY = 500;
    private static final String ELLIPSIS = " …";
    /** How to fix, when not one paragraph of it fits: the link follows. */
    private static final String SEE_PAGE = "see the full page.";

    private final MarkdownReport markdown;

    public CommandReplies(MarkdownReport markdown) {
        this.markdown = markdown;
    }

    public String help() {
        return HELP;
    }

    /** The help, after saying which command was not understood. */
    public String notUnderstood(String commandLine) {
        return "I did not understand " + MarkdownText.code(shortened(commandLine)) + ".\n\n" + HELP;
    }

    public String notAPullRequest() {
        return "ML readiness works on pull requests: comment there. On issues it only answers `help` and "
                + "`explain <rule-id>`.";
    }

    public String needsRuleId(String command) {
        return MarkdownText.code(command) + " needs a rule id, e.g. " + MarkdownText.code(command + " structure/readme")
                + ".\n\n" + HELP;
    }

    /**
     * A short answer, at most {@value #MAX_EXPLAIN} bytes of UTF-8 for any rule: what the rule asks for (its
     * title), why it matters, how to fix it, and a link to its full page (what exactly it checks, known problems,
     * examples). No heading: it is a reply in a conversation, not a page.
     */
    public String explain(RuleInfo rule) {
        String head = "**" + MarkdownText.code(rule.id()) + "**: " + MarkdownText.text(rule.title()) + " ("
                + rule.category().title() + ", " + rule.defaultSeverity().id() + " by default)\n\n";
        String link = "\n\n[Full page](" + markdown.ruleUrl(rule.id())
                + "): what exactly it checks, known problems, examples.\n";
        String fixLabel = "**How to fix:** ";
        int budget = MAX_EXPLAIN - bytes(head) - bytes(fixLabel) - bytes(SEE_PAGE) - 2 - bytes(link);
        String why = shortened(rule.doc().why().strip(), Math.min(MAX_WHY, budget / 2));
        String fix = shortened(rule.doc().howToFix().strip(), budget - bytes(why));
        return head + (why.isEmpty() ? "" : why + "\n\n") + fixLabel + (fix.isEmpty() ? SEE_PAGE : fix) + link;
    }

    /**
     * {@code md} when it fits in {@code max} bytes, else its first whole paragraphs that do, followed by an
     * ellipsis, else nothing (the full page has it). Only a paragraph's end is a safe place to cut Markdown: inside
     * a sentence a cut can fall in a code span or a link, and "e.g." or "1.5" are no sentence ends.
     */
    static String shortened(String md, int max) {
        if (bytes(md) <= max) {
            return md;
        }
        int room = max - bytes(ELLIPSIS);
        String best = "";
        for (int at = md.indexOf("\n\n"); at > 0; at = md.indexOf("\n\n", at + 2)) {
            String part = md.substring(0, at);
            if (bytes(part) > room) {
                break;
            }
            best = part;
        }
        return best.isBlank() ? "" : best.strip() + ELLIPSIS;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    public String unknownRule(String id, List<String> closest) {
        StringBuilder md = new StringBuilder("Sorry, there is no rule ").append(MarkdownText.code(shortened(id)))
                .append('.');
        if (!closest.isEmpty()) {
            md.append(" Did you mean ").append(closest.stream().map(MarkdownText::code)
                    .collect(Collectors.joining(", "))).append('?');
        }
        return md.append(" Nothing was changed.").toString();
    }

    public String refused(String login, String command) {
        return "Sorry " + MarkdownText.text(login) + ", only people with write, maintain or admin permission on "
                + "this repository can use " + MarkdownText.code(command)
                + ". Nothing was changed; a maintainer can do it for you.";
    }

    /** The reply that records the decision: its hidden marker is what later evaluations read. */
    public String ignored(IgnoreDecision d) {
        return ":mute: Rule `" + d.rule() + "` is ignored on this pull request " + IgnoredRules.note(d)
                + ".\n\nIts findings no longer appear in the check run; `unignore " + d.rule()
                + "` brings them back.\n" + Markers.ignoreDecision(d);
    }

    public String unignored(IgnoreDecision d) {
        return ":loud_sound: Rule `" + d.rule() + "` counts again on this pull request (asked by **"
                + MarkdownText.text(d.by()) + "**).\n" + Markers.ignoreDecision(d);
    }

    public String closed() {
        return "This pull request is closed: there is nothing to evaluate.";
    }

    /** Non-ML repositories get no check run, but a person who asked gets an answer. */
    public String silent(String reason) {
        return "ML readiness does not check this repository (" + MarkdownText.text(reason) + "), so no check "
                + "run was created. To check it anyway, add `.github/ml-readiness.yml` with `enabled: true` on the "
                + "default branch.";
    }

    public String invalidConfig() {
        return "The configuration `.github/ml-readiness.yml` cannot be used; the check run says what to fix.";
    }

    public String failed(String reason) {
        return "Sorry, the evaluation could not finish: " + MarkdownText.text(reason)
                + ". Try again in a moment.";
    }

    /** The full report as a comment, within GitHub's comment size limit. */
    public String report(String headSha, Report report, Map<String, String> ignoreNotes) {
        String head = "## ML readiness report\n\nCommit " + ShortSha.of(headSha) + ": " + report.newFindings().size()
                + " new, " + report.existingFindings().size() + " existing.\n\n";
        return head + markdown.render(report, MarkdownReport.GITHUB_MAX_LENGTH - head.length(), ignoreNotes);
    }

    /** What a person typed, cut to 100 characters: the reply quotes it, it need not repeat all of it. */
    private static String shortened(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
