package dev.mlreadiness.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.Mode;

/**
 * The report as GitHub Actions workflow commands ({@code --format github}): one {@code ::error},
 * {@code ::warning} or {@code ::notice} line per finding that counts, which any Actions job turns into annotations
 * on the files without SARIF, then one plain count line. GitHub shows at most 10 annotations of each level per step,
 * so the most severe come first (new before existing within a level) and the count line says how many there are.
 * In a review of a change ({@code --base}, {@code --staged}) existing findings are not annotated unless
 * {@code fail-on-existing} makes them count.
 */
public final class WorkflowCommands {

    /** GitHub's documented cap on the annotations of one level that a step shows. */
    public static final int SHOWN_PER_LEVEL = 10;

    private static final Comparator<Finding> MOST_SEVERE_FIRST = Comparator.comparing(Finding::severity)
            .thenComparing(f -> !f.isNew()).thenComparing(Finding.ORDER);

    private WorkflowCommands() {
    }

    public static String render(Report report, DocsLinks links) {
        StringBuilder out = new StringBuilder();
        if (!report.applicable()) {
            return out.append(ToolInfo.NAME).append(": not checked: ").append(data(report.skipReason()))
                    .append('\n').toString();
        }
        List<Finding> annotated = report.findings().stream().filter(f -> annotated(f, report))
                .sorted(MOST_SEVERE_FIRST).toList();
        for (Finding f : annotated) {
            out.append("::").append(command(f.severity()));
            StringBuilder props = new StringBuilder();
            if (f.path() != null) {
                props.append("file=").append(property(f.path()));
                if (f.line() != null && f.line() > 0) {
                    props.append(",line=").append(f.line());
                }
                props.append(',');
            }
            props.append("title=").append(property(ToolInfo.NAME + " " + f.ruleId()));
            out.append(' ').append(props).append("::")
                    .append(data(f.message() + " (" + links.rule(f.ruleId()) + ")")).append('\n');
        }
        out.append(countLine(report, annotated)).append('\n');
        return out.toString();
    }

    /** What an Actions run annotates: what counts toward {@code fail-on} (every finding in a full scan). */
    static boolean annotated(Finding f, Report report) {
        return report.mode() == Mode.FULL_SCAN || f.isNew() || report.config().failOnExisting();
    }

    /** {@code ml-readiness: 12 annotated (3 error, 4 warning, 5 notice) of 15 finding(s); result: failure ...}. */
    private static String countLine(Report report, List<Finding> annotated) {
        long[] perLevel = new long[Severity.values().length];
        annotated.forEach(f -> perLevel[f.severity().ordinal()]++);
        StringBuilder levels = new StringBuilder();
        for (Severity s : Severity.values()) {
            levels.append(levels.length() == 0 ? "" : ", ").append(perLevel[s.ordinal()]).append(' ').append(s.id());
        }
        boolean capped = false;
        for (long n : perLevel) {
            capped |= n > SHOWN_PER_LEVEL;
        }
        return ToolInfo.NAME + ": " + annotated.size() + " annotated (" + levels + ") of "
                + report.findings().size() + " finding(s); result: "
                + report.conclusion().name().toLowerCase(Locale.ROOT) + " (fail-on: " + report.config().failOn().id()
                + ")" + (capped ? "; GitHub shows the first " + SHOWN_PER_LEVEL
                        + " of each level per step, most severe first: the full list is above" : "");
    }

    private static String command(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTICE -> "notice";
        };
    }

    /** A command's message: {@code %}, CR and LF escaped as GitHub's runner reads them back. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value ({@code file=}, {@code title=}): also {@code :} and {@code ,}, which end a property. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
