package dev.mlreadiness.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.mlreadiness.engine.Report;
import dev.mlreadiness.report.DocsLinks;
import dev.mlreadiness.report.JsonReport;
import dev.mlreadiness.report.MarkdownReport;
import dev.mlreadiness.report.TextReport;
import dev.mlreadiness.report.ToolInfo;

/**
 * Golden files: the exact bytes a report renders to, committed under {@code src/test/resources/golden/}, so that a
 * restructuring that should change nothing is shown to change nothing, and a change of behaviour shows up as a
 * reviewable diff of real output. To record on purpose:
 * {@code ./mvnw -o test -Dtest='*GoldenTest' -Dgolden.update=true}, then read {@code git diff} before committing.
 */
public final class Golden {

    private static final Path DIR = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private Golden() {
    }

    /** Compares {@code actual} with the golden file {@code name}, or records it with {@code -Dgolden.update=true}. */
    public static void assertMatches(String name, String output) {
        // the build's version is in SARIF and JSON; a release must not rewrite every golden file
        String actual = output.replace("\"" + ToolInfo.version() + "\"", "\"<version>\"");
        Path file = DIR.resolve(name);
        try {
            if (UPDATE) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file).as("golden file %s is missing: record it with -Dgolden.update=true", file).exists();
            assertThat(actual).as("output differs from %s: if the change is intended, re-record with "
                    + "-Dgolden.update=true and review the diff", file)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The report as text, Markdown and JSON, rendered as the CLI renders them ({@code OutputFormat}). SARIF, which
     * repeats every rule's documentation, is recorded for the example project only ({@code ExampleGoldenTest}).
     */
    public static void assertAllFormats(String name, Report report) {
        assertMatches(name + ".txt", TextReport.render(report));
        assertMatches(name + ".md", new MarkdownReport(DocsLinks.ONLINE_BASE).render(report, Integer.MAX_VALUE));
        assertMatches(name + ".json", JsonReport.render(report, DocsLinks.relative()));
    }
}
