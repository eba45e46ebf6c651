package dev.mlreadiness.report;

import java.util.List;
import java.util.Map;

import dev.mlreadiness.engine.CategoryScore;
import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.SkippedFile;

/**
 * A {@link Report} as GitHub-flavoured Markdown: the readiness score (full scans only), the scorecard, the new gaps,
 * existing debt
 * folded in a {@code <details>}, skipped files, coverage notes and ignored rules. The full report of the check run
 * summary, {@code /readiness report} and the CLI's {@code --format markdown}; the pull request's summary comment
 * is a short digest of it. Every path and piece of text that comes from the repository goes through
 * {@link MarkdownText}, so a file name cannot inject links, mentions or HTML.
 */
public final class MarkdownReport {

    /** GitHub's limit for a check run summary or text, and for a comment body. */
    public static final int GITHUB_MAX_LENGTH = 65_535;

    /** Where the rule pages live when nothing else is configured. */
    public static final String DEFAULT_DOCS_URL = DocsLinks.ONLINE_BASE;

    static final String TRUNCATION_NOTE = "\n\n---\n:scissors: **Truncated**: the report is longer than GitHub "
            + "shows (%d characters). Run `./readiness check DIR --base BASE --format markdown` on a checkout of "
            + "this pull request (BASE: its base branch) for all of it.\n";

    private final DocsLinks links;

    /** @param docsBaseUrl the documentation folder; rule pages are {@code rules/<id>.md} below it */
    public MarkdownReport(String docsBaseUrl) {
        this.links = new DocsLinks(docsBaseUrl == null || docsBaseUrl.isBlank() ? DEFAULT_DOCS_URL
                : docsBaseUrl.strip());
    }

    /** The link to a rule's documentation page. */
    public String ruleUrl(String ruleId) {
        return links.rule(ruleId);
    }

    /** The whole report, cut to {@code maxLength} characters with a note when it is longer. */
    public String render(Report report, int maxLength) {
        return render(report, maxLength, Map.of());
    }

    /**
     * The whole report, each ignored rule followed by its note from {@code ignoreNotes} (Markdown, already safe:
     * who ignored it and why).
     */
    public String render(Report report, int maxLength, Map<String, String> ignoreNotes) {
        StringBuilder md = new StringBuilder();
        if (!report.applicable()) {
            md.append("Not evaluated: ").append(MarkdownText.message(report.skipReason())).append('\n');
            return truncate(md.toString(), maxLength);
        }
        if (report.readinessTracked()) {
            md.append("**").append(readiness(report)).append("**\n\n");
        }
        String card = scorecard(report);
        md.append(card).append(card.isEmpty() ? "" : "\n");
        List<Finding> fresh = report.newFindings();
        List<Finding> existing = report.existingFindings();
        if (fresh.isEmpty()) {
            int unchecked = report.uncheckedChanges().size();
            md.append("### No new gaps\n\nThis change introduces no production-readiness gap")
                    .append(unchecked == 0 ? ""
                            : " in the files that could be checked; " + unchecked
                                    + " changed file(s) could not be (see Files not checked)")
                    .append(".\n\n");
        } else {
            md.append("### New gaps (").append(fresh.size()).append(")\n\n");
            fresh.forEach(f -> md.append("- ").append(findingLine(f)).append('\n'));
            md.append('\n');
        }
        if (!existing.isEmpty()) {
            md.append("<details>\n<summary>Existing gaps (").append(existing.size())
                    .append("): already there before this change</summary>\n\n");
            existing.forEach(f -> md.append("- ").append(findingLine(f)).append('\n'));
            md.append("\n</details>\n\n");
        }
        appendRest(report, md, ignoreNotes);
        return truncate(md.toString(), maxLength);
    }

    private static void appendRest(Report report, StringBuilder md, Map<String, String> ignoreNotes) {
        if (!report.skipped().isEmpty()) {
            md.append("### Files not checked\n\n");
            for (SkippedFile s : report.skipped()) {
                md.append("- ").append(MarkdownText.text(s.path())).append(": ")
                        .append(MarkdownText.message(s.reason())).append('\n');
            }
            md.append('\n');
        }
        if (!report.notes().isEmpty()) {
            md.append("### Notes\n\n");
            report.notes().forEach(n -> md.append("- ").append(MarkdownText.message(n)).append('\n'));
            md.append('\n');
        }
        if (!report.ignoredRules().isEmpty() || report.suppressed() > 0) {
            md.append("### Ignored\n\n");
            report.ignoredRules().forEach(r -> {
                md.append("- rule ").append(MarkdownText.code(r)).append(" ignored for this change");
                String note = ignoreNotes.get(r);
                md.append(note == null ? "" : " " + note).append('\n');
            });
            if (report.suppressed() > 0) {
                md.append("- ").append(report.suppressed())
                        .append(" finding(s) suppressed by `readiness: ignore[...]` comments\n");
            }
            md.append('\n');
        }
    }

    /**
     * The readiness score a team can track, {@code Readiness: 14/20 rules passed (70%)}: the share of the rules
     * that applied which have no finding at all, new or existing. Shown for full scans only
     * ({@link Report#readinessTracked()}): a pull request's evaluation reads only the files it changes.
     */
    public static String readiness(Report report) {
        if (report.readinessPercent().isEmpty()) {
            return "Readiness: no rule applied";
        }
        return "Readiness: " + report.rulesPassed() + "/" + report.rulesApplicable() + " rules passed ("
                + report.readinessPercent().getAsInt() + "%)";
    }

    /**
     * One table row per category that has checked rules or findings. Each column counts one thing: "Rules passed"
     * counts rules (passed/applicable, a rule passes when it has no finding), "New findings" and "Existing
     * findings" count findings, so a rule with three findings is one rule not passed and three findings. (A "Gaps"
     * column that counted rules beside columns that counted findings read as a contradiction.) Empty when no rule
     * applied.
     */
    public static String scorecard(Report report) {
        if (report.scores().isEmpty()) {
            return ""; // no rule applied: a table of headers says nothing
        }
        StringBuilder md = new StringBuilder("| Category | Rules passed | New findings | Existing findings |\n");
        md.append("|---|---:|---:|---:|\n");
        for (CategoryScore s : report.scores()) {
            md.append("| ").append(s.category().title()).append(" | ").append(s.passed()).append('/')
                    .append(s.checked()).append(" | ").append(s.newFindings()).append(" | ")
                    .append(s.existingFindings()).append(" |\n");
        }
        return md.toString();
    }

    /** {@code ❌ `rule/id` (error) in path:line: message · how to fix}, for lists. */
    public String findingLine(Finding f) {
        StringBuilder md = new StringBuilder();
        md.append(icon(f.severity())).append(' ').append(MarkdownText.code(f.ruleId())).append(" (")
                .append(f.severity().id()).append(')');
        if (f.path() != null) {
            md.append(" in ").append(MarkdownText.text(f.location()));
        }
        md.append(": ").append(MarkdownText.message(f.message())).append(" · [how to fix](").append(ruleUrl(f.ruleId()))
                .append(')');
        return md.toString();
    }

    public static String icon(Severity s) {
        return switch (s) {
            case ERROR -> ":x:";
            case WARNING -> ":warning:";
            case NOTICE -> ":information_source:";
        };
    }

    /**
     * The Markdown unchanged when it fits, else cut at a line end, any open {@code <details>} closed, and a note
     * saying it was cut; the result is never longer than {@code maxLength}.
     */
    public static String truncate(String markdown, int maxLength) {
        if (markdown.length() <= maxLength) {
            return markdown;
        }
        String note = String.format(TRUNCATION_NOTE, markdown.length());
        String close = "\n</details>\n";
        int budget = maxLength - note.length() - close.length();
        if (budget <= 0) {
            return markdown.substring(0, Math.max(0, maxLength));
        }
        String cut = markdown.substring(0, budget);
        int nl = cut.lastIndexOf('\n');
        if (nl > 0) {
            cut = cut.substring(0, nl);
        }
        boolean open = count(cut, "<details>") > count(cut, "</details>");
        return cut + (open ? close : "") + note;
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
