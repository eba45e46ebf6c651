package dev.mlreadiness.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.mlreadiness.engine.Report;
import dev.mlreadiness.report.DocsLinks;
import dev.mlreadiness.report.JsonReport;
import dev.mlreadiness.report.MarkdownReport;
import dev.mlreadiness.report.SarifReport;
import dev.mlreadiness.report.TextReport;

/** The {@code --format} values and the renderer behind each. */
enum OutputFormat {
    TEXT,
    MARKDOWN,
    JSON,
    SARIF;

    /** Markdown is mostly pasted into GitHub, where relative links would point into the user's repository. */
    private static final MarkdownReport MARKDOWN_REPORT = new MarkdownReport(DocsLinks.ONLINE_BASE);

    String render(Report report) {
        return switch (this) {
            case TEXT -> TextReport.render(report);
            case MARKDOWN -> MARKDOWN_REPORT.render(report, Integer.MAX_VALUE);
            case JSON -> JsonReport.render(report, DocsLinks.relative());
            // SARIF viewers show help links outside any checkout: they need absolute addresses
            case SARIF -> SarifReport.render(report, DocsLinks.online());
        };
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
