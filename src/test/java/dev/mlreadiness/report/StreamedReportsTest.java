package dev.mlreadiness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.CategoryScore;
import dev.mlreadiness.engine.Conclusion;
import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRules;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.rule.Category;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.Mode;
import dev.mlreadiness.engine.snapshot.SkippedFile;

/**
 * JSON and SARIF are written finding by finding through Jackson's generator: the text must be byte for byte what
 * the tree of nodes gave ({@link TreeReports}), through every entry point, and must reach the writer while the
 * findings are still being read.
 */
class StreamedReportsTest {

    /** Every control character, quotes, backslash, markup, line separators, lone and paired surrogates. */
    private static final String HOSTILE = "\u0000\u0001\u0007\b\t\n\f\r\u001b\u001f\u007f\u0085 \"quoted\" \\back\\ "
            + "</script><!-- & ' \u2028\u2029 lone high \ud800 lone low \udc00 reversed \udc00\ud800 pair \ud83d\ude00"
            + " end high \udbff";

    private static final List<DocsLinks> LINKS = List.of(DocsLinks.relative(), DocsLinks.online(),
            new DocsLinks("https://x.example/d\u0000\"/"));

    private static final RepositoryAnchor ANCHOR = RepositoryAnchor.of(Set.of("README.md", "requirements.txt"));

    /** Reads a rendered report back into nodes, to compare with the tree the old code built. */
    private static final ObjectMapper TREE = new ObjectMapper();

    private static Finding finding(String rule, Severity severity, String message, String path, Integer line,
            boolean isNew, String fingerprint) {
        return new Finding(rule, Category.ofRuleId(rule), severity, message, path, line, isNew, fingerprint);
    }

    private static final List<RuleInfo> RULES = List.of(TestRules.LICENSE.info(), TestRules.ALWAYS_PASSES.info(),
            TestRules.TODO.info(), TestRules.SPACES.info());

    /**
     * A pull request with findings of every kind: new and existing, about the repository, a file and a line, line 0,
     * a rule the report's rules do not list, no fingerprint, hostile text in messages, paths, notes and reasons.
     */
    static Report everyKind(Mode mode) {
        String todo = TestRules.TODO.info().id();
        String license = TestRules.LICENSE.info().id();
        List<Finding> findings = List.of(
                finding(license, Severity.ERROR, "Add a LICENSE file.", null, null, true, "fp-repo"),
                finding(license, Severity.ERROR, HOSTILE, null, null, false, null),
                finding(todo, Severity.NOTICE, "Resolve the TODO.", "src/a b.py", 1, false, "0123456789abcdef"),
                finding(todo, Severity.WARNING, HOSTILE, "données/x#y%z:" + HOSTILE + ".py", 7, true, HOSTILE),
                finding(todo, Severity.NOTICE, "Whole file.", "notebooks/nb.ipynb", null, true, "fp-file"),
                finding(todo, Severity.NOTICE, "Line zero.", "z.py", 0, false, "fp-zero"),
                finding("docs/not-listed", Severity.WARNING, "Unknown rule.", "README.md", 3, false, "fp-x"));
        Set<String> ignored = new LinkedHashSet<>(List.of("docs/usage", HOSTILE));
        return new Report(mode, true, null, findings, Conclusion.FAILURE,
                List.of(new CategoryScore(Category.STRUCTURE, 3, 1, 1, 1),
                        new CategoryScore(Category.REPRODUCIBILITY, 2, 2, 0, 0)),
                RULES, List.of(new SkippedFile("nb/[x].ipynb", "not valid JSON", true),
                        new SkippedFile(HOSTILE, HOSTILE, false)),
                List.of("Only the first 3,000 files.", HOSTILE), ignored, 5, ReadinessConfig.defaults());
    }

    static List<Report> reports() {
        List<Report> reports = new ArrayList<>();
        reports.add(ReportFixtures.fullScan());
        reports.add(ReportFixtures.pullRequest());
        reports.add(everyKind(Mode.PULL_REQUEST));
        reports.add(everyKind(Mode.FULL_SCAN));
        reports.add(Report.notApplicable(Mode.FULL_SCAN, "not an ML project: " + HOSTILE,
                ReadinessConfig.defaults()));
        reports.add(Report.notApplicable(Mode.PULL_REQUEST, "disabled", ReadinessConfig.defaults()));
        // applicable but empty: no rule, no score (the readiness percent is null), no finding
        reports.add(new Report(Mode.FULL_SCAN, true, null, List.of(), Conclusion.SUCCESS, List.of(), List.of(),
                List.of(), List.of(), Set.of(), 0, ReadinessConfig.defaults()));
        return reports;
    }

    @Test
    void jsonIsWhatTheTreeGaveByteForByte() throws Exception {
        for (Report report : reports()) {
            for (DocsLinks links : LINKS) {
                String tree = TreeReports.text(TreeReports.json(report, links));
                assertThat(JsonReport.render(report, links)).isEqualTo(tree);
                StringWriter out = new StringWriter();
                JsonReport.write(report, links, out);
                assertThat(out.toString()).isEqualTo(tree);
                assertThat(TREE.readTree(JsonReport.render(report, links))).isEqualTo(TreeReports.json(report, links));
            }
        }
    }

    @Test
    void sarifIsWhatTheTreeGaveByteForByte() throws Exception {
        for (Report report : reports()) {
            for (DocsLinks links : LINKS) {
                for (RepositoryAnchor anchor : List.of(RepositoryAnchor.NONE, ANCHOR)) {
                    String tree = TreeReports.text(TreeReports.sarif(report, links, anchor));
                    assertThat(SarifReport.render(report, links, anchor)).isEqualTo(tree);
                    StringWriter out = new StringWriter();
                    SarifReport.write(report, links, anchor, out);
                    assertThat(out.toString()).isEqualTo(tree);
                    assertThat(TREE.readTree(SarifReport.render(report, links, anchor)))
                            .isEqualTo(TreeReports.sarif(report, links, anchor));
                }
                String tree = TreeReports.text(TreeReports.sarif(report, links, RepositoryAnchor.NONE));
                assertThat(SarifReport.render(report, links)).isEqualTo(tree);
                assertThat(TREE.readTree(SarifReport.render(report, links)))
                        .isEqualTo(TreeReports.sarif(report, links, RepositoryAnchor.NONE));
            }
        }
    }

    @Test
    void hostileTextIsEscapedAsTheTreeEscapedIt() {
        String json = JsonReport.render(everyKind(Mode.PULL_REQUEST), DocsLinks.relative());
        // control characters escaped, the rest (surrogates too, lone or paired) as they are, as Jackson writes them
        assertThat(json).contains("\\u0000\\u0001\\u0007\\b\\t\\n\\f\\r\\u001B\\u001F\u007f\u0085 \\\"quoted\\\" "
                + "\\\\back\\\\ </script>").contains("pair \ud83d\ude00").doesNotContain("\u0000")
                .doesNotContain("\u001b");
    }

    /** Many findings, so the generator hands its buffer to the writer many times (pairs may straddle a flush). */
    @Test
    void manyFindingsAreTheSameAsTheTreeGave() throws Exception {
        Report base = everyKind(Mode.FULL_SCAN);
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            many.add(finding(TestRules.TODO.info().id(), Severity.WARNING, "Seed \ud83d\ude00 " + i + "x".repeat(i % 7),
                    "pkg/m" + i + ".py", i, false, Integer.toHexString(i)));
        }
        Report report = withFindings(base, many);
        StringWriter json = new StringWriter();
        JsonReport.write(report, DocsLinks.relative(), json);
        assertThat(json.toString()).isEqualTo(TreeReports.text(TreeReports.json(report, DocsLinks.relative())));
        StringWriter sarif = new StringWriter();
        SarifReport.write(report, DocsLinks.online(), ANCHOR, sarif);
        assertThat(sarif.toString())
                .isEqualTo(TreeReports.text(TreeReports.sarif(report, DocsLinks.online(), ANCHOR)));
    }

    /**
     * Streamed, not built first: when the last finding is read, most of the report has already reached the writer
     * (a tree of all findings, or the whole text, would be built before the first character is written).
     */
    @Test
    void findingsReachTheWriterWhileTheyAreRead() throws Exception {
        for (Format format : Format.values()) {
            CountingWriter out = new CountingWriter();
            int[] writtenWhenLastRead = { -1 };
            List<Finding> findings = new AbstractList<>() {
                @Override
                public Finding get(int i) {
                    if (i == size() - 1) {
                        writtenWhenLastRead[0] = out.count;
                    }
                    return finding(TestRules.TODO.info().id(), Severity.WARNING, "Seed the generator " + i + ".",
                            "pkg/m" + i + ".py", i + 1, false, Integer.toHexString(i));
                }

                @Override
                public int size() {
                    return 2_000;
                }
            };
            Report report = withFindings(everyKind(Mode.FULL_SCAN), findings);
            format.write(report, out);
            assertThat(writtenWhenLastRead[0]).as(format.name()).isGreaterThan(out.count / 2);
        }
    }

    /**
     * A failure half-way (a finding that cannot be written) leaves a text that does not parse, never a complete
     * document with the rest of the findings missing (Jackson would close the brackets still open).
     */
    @Test
    void aFailureHalfWayLeavesNoCompleteDocument() {
        for (Format format : Format.values()) {
            StringWriter out = new StringWriter();
            List<Finding> findings = new AbstractList<>() {
                @Override
                public Finding get(int i) {
                    if (i == 3) {
                        throw new IllegalStateException("finding 3 cannot be read");
                    }
                    return finding(TestRules.TODO.info().id(), Severity.WARNING, "Seed " + i + ".", "m.py", i + 1,
                            false, "fp" + i);
                }

                @Override
                public int size() {
                    return 10;
                }
            };
            Report report = withFindings(everyKind(Mode.FULL_SCAN), findings);
            assertThatThrownBy(() -> format.write(report, out)).as(format.name())
                    .isInstanceOf(IllegalStateException.class);
            assertThat(out.toString()).as(format.name()).contains("Seed 2.").doesNotContain("Seed 3.");
            assertThatThrownBy(() -> new ObjectMapper().readTree(out.toString())).as(format.name())
                    .isInstanceOf(JsonProcessingException.class);
        }
    }

    private enum Format {
        JSON,
        SARIF;

        void write(Report report, Writer out) throws IOException {
            if (this == JSON) {
                JsonReport.write(report, DocsLinks.relative(), out);
            } else {
                SarifReport.write(report, DocsLinks.online(), ANCHOR, out);
            }
        }
    }

    private static Report withFindings(Report r, List<Finding> findings) {
        return new Report(r.mode(), r.applicable(), r.skipReason(), findings, r.conclusion(), r.scores(), r.rules(),
                r.skipped(), r.notes(), r.ignoredRules(), r.suppressed(), r.config());
    }

    /** Counts the characters written, keeping none. */
    private static final class CountingWriter extends Writer {
        int count;

        @Override
        public void write(char[] chars, int offset, int length) {
            count += length;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
