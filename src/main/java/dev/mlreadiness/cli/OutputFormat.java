package dev.mlreadiness.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.mlreadiness.engine.Report;
import dev.mlreadiness.report.DocsLinks;
import dev.mlreadiness.report.JsonReport;
import dev.mlreadiness.report.MarkdownReport;
import dev.mlreadiness.report.RepositoryAnchor;
import dev.mlreadiness.report.SarifReport;
import dev.mlreadiness.report.TerminalColors;
import dev.mlreadiness.report.TextReport;
import dev.mlreadiness.report.WorkflowCommands;

/** The {@code --format} values and the renderer behind each. */
enum OutputFormat {
    TEXT,
    MARKDOWN,
    JSON,
    SARIF,
    /** GitHub Actions workflow commands: annotations in any Actions job. */
    GITHUB;

    /** Markdown is mostly pasted into GitHub, where relative links would point into the user's repository. */
    private static final MarkdownReport MARKDOWN_REPORT = new MarkdownReport(DocsLinks.ONLINE_BASE);

    /**
     * @param color colour the text report's severities (the other formats never carry colour)
     * @param anchor the files SARIF shows findings about the whole repository on
     */
    String render(Report report, boolean color, RepositoryAnchor anchor) {
        return switch (this) {
            case TEXT -> color ? TerminalColors.apply(TextReport.render(report)) : TextReport.render(report);
            case MARKDOWN -> MARKDOWN_REPORT.render(report, Integer.MAX_VALUE);
            case JSON -> JsonReport.render(report, DocsLinks.relative());
            // SARIF viewers show help links outside any checkout: they need absolute addresses
            case SARIF -> SarifReport.render(report, DocsLinks.online(), anchor);
            // an Actions log is read in the browser, outside any checkout
            case GITHUB -> WorkflowCommands.render(report, DocsLinks.online());
        };
    }

    /**
     * {@link #render} onto {@code out}: JSON and SARIF are written as they are serialised, never held as one string
     * (hundreds of megabytes for a repository with a finding on most lines).
     */
    void write(Report report, boolean color, RepositoryAnchor anchor, Writer out) throws IOException {
        switch (this) {
            case JSON -> JsonReport.write(report, DocsLinks.relative(), out);
            case SARIF -> SarifReport.write(report, DocsLinks.online(), anchor, out);
            default -> out.write(render(report, color, anchor));
        }
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<OutputFormat> parse(String value) {
        return Arrays.stream(values()).filter(f -> f.id().equals(value.toLowerCase(Locale.ROOT))).findFirst();
    }

    static String choices() {
        return Arrays.stream(values()).map(OutputFormat::id).collect(Collectors.joining(", "));
    }
}
