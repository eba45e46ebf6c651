package dev.mlreadiness.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
 */
public final class TextReport {

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
        Columns columns = Columns.of(report.findings());
        for (CategoryScore s : report.scores()) {
            out.append(scoreLine(s)).append('\n');
            List<Finding> findings = byCategory.getOrDefault(s.category(), List.of());
            List<Finding> fresh = findings.stream().filter(Finding::isNew).toList();
            List<Finding> old = findings.stream().filter(f -> !f.isNew()).toList();
            if (pr) {
                block(out, "  New:", fresh, columns);
                block(out, "  Existing:", old, columns);
            } else {
                old.forEach(f -> out.append("  ").append(columns.line(f)).append('\n'));
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
        if (!report.notes().isEmpty() || report.suppressed() > 0 || !report.ignoredRules().isEmpty()) {
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

    private static void block(StringBuilder out, String title, List<Finding> findings, Columns columns) {
        if (findings.isEmpty()) {
            return;
        }
        out.append(title).append('\n');
        findings.forEach(f -> out.append("    ").append(columns.line(f)).append('\n'));
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
