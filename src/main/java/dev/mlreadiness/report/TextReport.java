package dev.mlreadiness.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.mlreadiness.engine.CategoryScore;
import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.rule.Category;
import dev.mlreadiness.engine.snapshot.Mode;
import dev.mlreadiness.engine.snapshot.SkippedFile;

/**
 * The report for people in a terminal: one block per category in checklist order, with its score line and its
 * findings ({@code path:line  severity  rule-id  message}, new before existing), then skipped files, notes, and a
 * last line with the conclusion. Plain text, no colours, so it reads the same in a pipe, a CI log or a file.
 *
 * <p>
 * Bounded when findings are many: in each list (a category's findings, or its new or existing ones in a pull
 * request) a rule with more than {@link #LISTED_PER_RULE} findings has its first {@value #LISTED_PER_RULE} listed
 * and the rest counted by file ({@code + 19 more reproducibility/random-seed in src/sim.py}), at most
 * {@value #FILES_PER_RULE} files by name and the others in one line ({@code + 171840 more
 * reproducibility/random-seed in 8590 other files}); a note says how many findings were not listed one by one.
 * The score lines and the conclusion count every finding, and the JSON, SARIF and Markdown reports list them all.
 * A rule with at most {@value #LISTED_PER_RULE} findings in a list is listed whole, so ordinary reports are
 * unchanged.
 */
public final class TextReport {

    /** A rule's findings listed one by one in one list, at most. */
    static final int LISTED_PER_RULE = 50;
    /** Files named in the count of a rule's findings not listed; the others are counted in one line. */
    static final int FILES_PER_RULE = 10;

    private TextReport() {
    }

    public static String render(Report report) {
        StringBuilder out = new StringBuilder();
        if (!report.applicable()) {
            out.append("Not checked: ").append(report.skipReason()).append('\n');
            out.append("Result: skipped\n");
            return out.toString();
        }
        boolean pr = report.mode() == Mode.PULL_REQUEST;
        Map<Category, List<Finding>> byCategory = new EnumMap<>(Category.class);
        for (Finding f : report.findings()) {
            byCategory.computeIfAbsent(f.category(), c -> new ArrayList<>()).add(f);
        }
        // which findings are listed one by one, first: the columns are as wide as the widest listed finding
        Map<Category, List<Listing>> listings = new EnumMap<>(Category.class);
        List<Finding> listed = new ArrayList<>();
        int unlisted = 0;
        for (CategoryScore s : report.scores()) {
            List<Finding> findings = byCategory.getOrDefault(s.category(), List.of());
            List<Finding> fresh = findings.stream().filter(Finding::isNew).toList();
            List<Finding> old = findings.stream().filter(f -> !f.isNew()).toList();
            List<Listing> lists = pr ? List.of(Listing.of(fresh), Listing.of(old)) : List.of(Listing.of(old));
            for (Listing l : lists) {
                l.entries().stream().filter(e -> e.finding() != null).forEach(e -> listed.add(e.finding()));
                unlisted += l.unlisted();
            }
            listings.put(s.category(), lists);
        }
        Columns columns = Columns.of(listed);
        for (CategoryScore s : report.scores()) {
            out.append(scoreLine(s)).append('\n');
            List<Listing> lists = listings.get(s.category());
            if (pr) {
                block(out, "  New:", lists.get(0), columns);
                block(out, "  Existing:", lists.get(1), columns);
            } else {
                lines(out, "  ", lists.get(0), columns);
            }
            out.append('\n');
        }
        if (!report.skipped().isEmpty()) {
            out.append("Skipped files:\n");
            for (SkippedFile s : report.skipped()) {
                out.append("  ").append(s.path()).append(": ").append(s.reason()).append('\n');
            }
            out.append('\n');
        }
        if (!report.notes().isEmpty() || report.suppressed() > 0 || !report.ignoredRules().isEmpty()
                || unlisted > 0) {
            out.append("Notes:\n");
            report.notes().forEach(n -> out.append("  - ").append(n).append('\n'));
            if (report.suppressed() > 0) {
                out.append("  - ").append(report.suppressed())
                        .append(" finding(s) suppressed by readiness: ignore comments.\n");
            }
            if (!report.ignoredRules().isEmpty()) {
                out.append("  - Rules ignored for this run: ").append(String.join(", ", report.ignoredRules()))
                        .append(".\n");
            }
            if (unlisted > 0) {
                out.append("  - ").append(unlisted)
                        .append(" finding(s) are counted by file, not listed one by one (more")
                        .append(" than ").append(LISTED_PER_RULE).append(" of a rule in a list); `--format json` or ")
                        .append("`--format sarif` lists every finding.\n");
            }
            out.append('\n');
        }
        out.append(conclusionLine(report)).append('\n');
        return out.toString();
    }

    /** {@code Documentation  4/7 checks pass  (2 new, 1 existing)}. */
    static String scoreLine(CategoryScore s) {
        return s.category().title() + "  " + s.passed() + "/" + s.checked() + " checks pass  (" + s.newFindings()
                + " new, " + s.existingFindings() + " existing)";
    }

    private static void block(StringBuilder out, String title, Listing listing, Columns columns) {
        if (listing.entries().isEmpty()) {
            return;
        }
        out.append(title).append('\n');
        lines(out, "    ", listing, columns);
    }

    private static void lines(StringBuilder out, String indent, Listing listing, Columns columns) {
        for (Listing.Entry e : listing.entries()) {
            out.append(indent).append(e.finding() != null ? columns.line(e.finding()) : e.summary()).append('\n');
        }
    }

    /**
     * The lines of one list of findings (in report order: by rule, then path and line): each finding, or for a rule
     * with more than {@link #LISTED_PER_RULE}, its first ones and then the rest counted by file.
     */
    record Listing(List<Entry> entries, int unlisted) {

        /** A finding listed, or (finding null) a line counting findings not listed. */
        record Entry(Finding finding, String summary) {
        }

        static Listing of(List<Finding> findings) {
            List<Entry> entries = new ArrayList<>(Math.min(findings.size(), 1024));
            int unlisted = 0;
            int i = 0;
            while (i < findings.size()) {
                String rule = findings.get(i).ruleId();
                int end = i;
                while (end < findings.size() && findings.get(end).ruleId().equals(rule)) {
                    end++;
                }
                int shown = end - i <= LISTED_PER_RULE ? end - i : LISTED_PER_RULE;
                for (int k = i; k < i + shown; k++) {
                    entries.add(new Entry(findings.get(k), null));
                }
                unlisted += summarize(rule, findings.subList(i + shown, end), entries);
                i = end;
            }
            return new Listing(entries, unlisted);
        }

        /** Counts the findings by file, in order: {@link #FILES_PER_RULE} files named, the others in one line. */
        private static int summarize(String rule, List<Finding> rest, List<Entry> entries) {
            int files = 0;
            int i = 0;
            while (i < rest.size() && files < FILES_PER_RULE) {
                String path = rest.get(i).path();
                int end = i;
                while (end < rest.size() && Objects.equals(rest.get(end).path(), path)) {
                    end++;
                }
                entries.add(new Entry(null,
                        "+ " + (end - i) + " more " + rule + " in " + (path == null ? "the repository" : path)));
                files++;
                i = end;
            }
            if (i < rest.size()) {
                int otherFiles = 0;
                String last = null;
                for (int k = i; k < rest.size(); k++) {
                    String path = rest.get(k).path();
                    if (k == i || !Objects.equals(path, last)) {
                        otherFiles++;
                        last = path;
                    }
                }
                entries.add(new Entry(null, "+ " + (rest.size() - i) + " more " + rule + " in " + otherFiles
                        + " other file(s)"));
            }
            return rest.size();
        }
    }

    private static String conclusionLine(Report report) {
        int total = report.findings().size();
        int fresh = report.newFindings().size();
        String counts = report.mode() == Mode.PULL_REQUEST
                ? total + " finding(s): " + fresh + " new, " + (total - fresh) + " existing"
                : total + " finding(s)";
        int unchecked = report.uncheckedChanges().size();
        return "Result: " + report.conclusion().name().toLowerCase(java.util.Locale.ROOT) + "  (" + counts
                + (unchecked == 0 ? "" : "; " + unchecked + " changed file(s) not checked")
                + "; fail-on: " + report.config().failOn().id() + ")";
    }

    /** Pads location and severity to the widest of the report, so rule ids and messages line up. */
    private record Columns(int location, int severity) {

        static Columns of(List<Finding> findings) {
            int loc = 0;
            int sev = 0;
            for (Finding f : findings) {
                loc = Math.max(loc, location(f).length());
                sev = Math.max(sev, f.severity().id().length());
            }
            return new Columns(loc, sev);
        }

        String line(Finding f) {
            return pad(location(f), location) + "  " + pad(f.severity().id(), severity) + "  " + f.ruleId() + "  "
                    + f.message();
        }

        /** Repository findings have no file: a dash keeps the columns readable. */
        private static String location(Finding f) {
            return f.path() == null ? "-" : f.location();
        }

        private static String pad(String s, int width) {
            return s.length() >= width ? s : s + " ".repeat(width - s.length());
        }
    }
}
