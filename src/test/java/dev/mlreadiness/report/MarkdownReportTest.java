package dev.mlreadiness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.CategoryScore;
import dev.mlreadiness.engine.Conclusion;
import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.TestRules;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.markdown.InlineCode;
import dev.mlreadiness.engine.rule.Category;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.rules.reproducibility.UnpinnedDependencyRule;
import dev.mlreadiness.engine.snapshot.Mode;
import dev.mlreadiness.engine.snapshot.SkippedFile;

class MarkdownReportTest {

    static final MarkdownReport MD = new MarkdownReport("https://example.org/docs");

    static Finding finding(String rule, String path, Integer line, boolean isNew) {
        return new Finding(rule, Category.ofRuleId(rule), Severity.WARNING, "Seed the random generator.", path, line,
                isNew, "fp");
    }

    static Report report(List<Finding> findings) {
        return new Report(Mode.PULL_REQUEST, true, null, findings, Conclusion.SUCCESS,
                List.of(new CategoryScore(Category.REPRODUCIBILITY, 4, 3, 1, 1)), List.of(),
                List.of(new SkippedFile("nb/[x].ipynb", "not valid JSON")), List.of("Only the first 3,000 files."),
                Set.of("docs/usage"), 2, ReadinessConfig.defaults());
    }

    @Test
    void onlyAFullScanShowsTheReadinessScore() {
        Report pr = report(List.of(finding("reproducibility/random-seed", "src/old.py", 9, false)));
        Report full = new Report(Mode.FULL_SCAN, true, null, pr.findings(), Conclusion.SUCCESS, pr.scores(), List.of(),
                List.of(), List.of(), Set.of(), 0, ReadinessConfig.defaults());
        assertThat(MD.render(full, 65_535)).startsWith("**Readiness: 3/4 rules passed (75%)**\n\n| Category");
        assertThat(MD.render(pr, 65_535)).doesNotContain("Readiness").doesNotContain("rules passed (");
    }

    @Test
    void ruleLinksFollowTheDocsBase() {
        assertThat(MD.ruleUrl("docs/usage")).isEqualTo("https://example.org/docs/rules/docs/usage.md");
        assertThat(new MarkdownReport(null).ruleUrl("docs/usage"))
                .isEqualTo(MarkdownReport.DEFAULT_DOCS_URL + "rules/docs/usage.md");
    }

    @Test
    void fullReportHasScorecardNewExistingInDetailsSkippedNotesAndIgnored() {
        String md = MD.render(report(List.of(finding("reproducibility/random-seed", "src/train.py", 3, true),
                finding("reproducibility/random-seed", "src/old.py", 9, false))), 65_535);
        // a pull request's report has no readiness score: it reads only the files the change touches
        assertThat(md)
                .startsWith("| Category | Rules passed | New findings | Existing findings |\n|---|---:|---:|---:|\n"
                        + "| Reproducibility | 3/4 | 1 | 1 |\n")
                .contains("### New gaps (1)\n\n- :warning: `reproducibility/random-seed` (warning) in src/train.py:3: "
                        + "Seed the random generator. · [how to fix]"
                        + "(https://example.org/docs/rules/reproducibility/random-seed.md)")
                .contains("<details>\n<summary>Existing gaps (1): already there before this change</summary>")
                .contains("src/old.py:9").contains("- nb/\\[x\\].ipynb: not valid JSON")
                .contains("- Only the first 3,000 files.").contains("- rule `docs/usage` ignored for this change")
                .contains("2 finding(s) suppressed");
        assertThat(md.indexOf("src/old.py")).isGreaterThan(md.indexOf("<details>"));
    }

    @Test
    void scorecardCountsRulesAndFindingsInColumnsOfTheirOwn() {
        // a rule with several findings is one rule not passed and several findings: the row cannot contradict itself
        Report r = TestRepo.create().file("LICENSE", "MIT\n").file("a.py", "a = 1  # TODO\n")
                .change().modify("a.py", "a = 1  # TODO\nb = 2  # TODO\nc = 3  # TODO\n").delete("LICENSE")
                .evaluate(TestRules.LICENSE, TestRules.ALWAYS_PASSES, TestRules.TODO);
        assertThat(MarkdownReport.scorecard(r)).isEqualTo("""
                | Category | Rules passed | New findings | Existing findings |
                |---|---:|---:|---:|
                | Project structure | 1/2 | 1 | 0 |
                | Reproducibility | 0/1 | 2 | 1 |
                """);
        assertThat(MarkdownReport.readiness(r)).isEqualTo("Readiness: 1/3 rules passed (33%)");
        for (CategoryScore s : r.scores()) {
            assertThat(s.passed() < s.checked()).as(s.toString()).isEqualTo(s.newFindings() + s.existingFindings() > 0);
        }
    }

    @Test
    void readinessRoundsDownAndSaysWhenNoRuleApplied() {
        Report r = new Report(Mode.PULL_REQUEST, true, null, List.of(), Conclusion.SUCCESS,
                List.of(new CategoryScore(Category.REPRODUCIBILITY, 200, 199, 0, 1)), List.of(), List.of(), List.of(),
                Set.of(), 0, ReadinessConfig.defaults());
        assertThat(MarkdownReport.readiness(r)).isEqualTo("Readiness: 199/200 rules passed (99%)");
        Report none = new Report(Mode.PULL_REQUEST, true, null, List.of(), Conclusion.SUCCESS, List.of(), List.of(),
                List.of(), List.of(), Set.of(), 0, ReadinessConfig.defaults());
        assertThat(MarkdownReport.readiness(none)).isEqualTo("Readiness: no rule applied");
        // and no table of headers alone
        assertThat(MarkdownReport.scorecard(none)).isEmpty();
        assertThat(MD.render(none, 65_535)).startsWith("### No new gaps").doesNotContain("| Category");
    }

    @Test
    void noNewGapsSaysSo() {
        assertThat(MD.render(report(List.of()), 65_535)).contains("### No new gaps").doesNotContain("<details>");
    }

    @Test
    void repositoryTextInEveryPartOfTheReportStaysText() {
        for (String hostile : MarkdownSafety.HOSTILE) {
            Finding line = new Finding("reproducibility/unpinned-dependency", Category.REPRODUCIBILITY, Severity.ERROR,
                    "Pin `" + hostile + "` to an exact version (`" + hostile + "==<version>`) in " + hostile + ".",
                    "req/" + hostile + ".txt", 3, true, "fp");
            Finding existing = new Finding("docs/usage", Category.DOCS, Severity.WARNING,
                    "The `## " + hostile + "` section is empty.", hostile + "/README.md", null, false, "fp2");
            Report r = new Report(Mode.PULL_REQUEST, true, null, List.of(line, existing), Conclusion.FAILURE,
                    List.of(new CategoryScore(Category.REPRODUCIBILITY, 4, 3, 1, 1)), List.of(),
                    List.of(new SkippedFile(hostile + ".ipynb", "notebook could not be read: " + hostile)),
                    List.of("`" + hostile + "/` as the data folder"), Set.of("docs/usage"), 0,
                    ReadinessConfig.defaults());

            String md = MD.render(r, 65_535);

            MarkdownSafety.assertInert(md, 0, "https://example.org/docs/rules/");
            // and reads as typed: a path is shown character for character, line breaks as spaces
            assertThat(MarkdownSafety.shownText(md)).as(hostile)
                    .contains(("req/" + hostile + ".txt:3").replaceAll("\\p{Cntrl}", " "));
        }
    }

    @Test
    void theIssuesRequirementLineIsCodeNotHtml() {
        Finding f = new Finding("reproducibility/unpinned-dependency", Category.REPRODUCIBILITY, Severity.ERROR,
                "Pin `" + "`x` <img src=x onerror=alert(1)>" + "` to an exact version.", "requirements.txt", 1, true,
                "fp");

        // however the rule quoted it, the line cannot close the code span early and become HTML
        MarkdownSafety.assertInert(MD.findingLine(f), 0, "https://example.org/docs/rules/");
        assertThat(MarkdownSafety.shownText(MD.findingLine(f))).contains("<img src=x onerror=alert(1)>");
        // quoted with InlineCode.span, as rules do, it is one code span
        Finding quoted = new Finding(f.ruleId(), f.category(), f.severity(),
                "Pin " + InlineCode.span("`x` <img src=x onerror=alert(1)>") + " to an exact version.", f.path(),
                f.line(), true, "fp");
        assertThat(MD.findingLine(quoted)).contains("Pin `` `x` <img src=x onerror=alert(1)> `` to an exact version.");
    }

    @Test
    void theIssuesRequirementsLineComesOutAsOneCodeSpan() {
        Report r = TestRepo.create().file("requirements.txt", "`x` <img src=x onerror=alert(1)>\n")
                .scan(new UnpinnedDependencyRule());

        String md = MD.render(r, 65_535);

        MarkdownSafety.assertInert(md, 0, "https://example.org/docs/rules/");
        assertThat(md).contains("Fix this entry so its version can be checked: `` `x` <img src=x onerror=alert(1)> `` "
                + "is not a valid requirement.");
    }

    @Test
    void truncationKeepsTheLimitClosesDetailsAndSaysSo() {
        StringBuilder big = new StringBuilder("head\n<details>\n");
        for (int i = 0; i < 5000; i++) {
            big.append("- line ").append(i).append('\n');
        }
        String cut = MarkdownReport.truncate(big.toString(), 2000);
        assertThat(cut.length()).isLessThanOrEqualTo(2000);
        assertThat(cut).startsWith("head\n<details>\n- line 0\n").contains("\n</details>\n")
                .contains(":scissors: **Truncated**").contains("(" + big.length() + " characters)");
        assertThat(MarkdownReport.truncate("short", 2000)).isEqualTo("short");
    }

    @Test
    void notApplicableReportSaysWhy() {
        Report r = Report.notApplicable(Mode.PULL_REQUEST, "not an ML project", ReadinessConfig.defaults());
        assertThat(MD.render(r, 1000)).isEqualTo("Not evaluated: not an ML project\n");
    }
}
