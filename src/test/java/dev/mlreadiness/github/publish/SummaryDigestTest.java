package dev.mlreadiness.github.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.CategoryScore;
import dev.mlreadiness.engine.Conclusion;
import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.RuleCatalog;
import dev.mlreadiness.engine.config.ConfigLoader;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.rule.Category;
import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.Mode;
import dev.mlreadiness.report.MarkdownSafety;

/** The summary comment is a short digest whatever the report holds: bounded, linked, the blocking ones first. */
class SummaryDigestTest {

    static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    static final String COMMIT = "https://github.com/o/r/commit/" + SHA;
    static final String RUN = "https://github.com/o/r/runs/42";

    static Finding finding(Severity severity, String rule, String path, Integer line, boolean isNew,
            String message) {
        return new Finding(rule, Category.ofRuleId(rule), severity, message, path, line, isNew, "fp" + line);
    }

    static Report report(List<Finding> findings, Conclusion conclusion, Set<String> ignored) {
        return report(findings, conclusion, ignored, List.of());
    }

    static Report report(List<Finding> findings, Conclusion conclusion, Set<String> ignored, List<String> notes) {
        List<CategoryScore> scores = List.of(new CategoryScore(Category.STRUCTURE, 5, 5, 0, 0),
                new CategoryScore(Category.DOCS, 9, 4, 3, 2), new CategoryScore(Category.REPRODUCIBILITY, 6, 2, 30, 1),
                new CategoryScore(Category.VERSIONING, 2, 2, 0, 0), new CategoryScore(Category.PRODUCTION, 3, 1, 1, 1));
        return new Report(Mode.PULL_REQUEST, true, null, findings, conclusion, scores,
                RuleCatalog.rules().stream().map(Rule::info).toList(), List.of(), notes, ignored, 0,
                ReadinessConfig.defaults());
    }

    /** Thirty new errors in a realistic project: unseeded calls and unpinned requirements. */
    static List<Finding> thirty() {
        List<Finding> out = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            out.add(finding(Severity.ERROR, "reproducibility/random-seed", "src/models/train_gradient_boosting.py",
                    10 + i, true, "Pass a fixed `random_state=` to `train_test_split` so it gives the same result."));
        }
        for (int i = 1; i <= 10; i++) {
            out.add(finding(Severity.ERROR, "reproducibility/unpinned-dependency", "requirements/training.txt", i,
                    true, "Pin `scikit-learn` to an exact version (`scikit-learn==<version>`)."));
        }
        return out;
    }

    static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void thirtyFindingsMakeADigestUnderTwoKilobytes() {
        String body = SummaryCommentPublisher.body(report(thirty(), Conclusion.FAILURE, Set.of()), SHA, COMMIT, RUN);

        assertThat(bytes(body)).as(body).isLessThan(2_000);
        assertThat(body).startsWith(Markers.SUMMARY + "\n## ML readiness: 30 blocking gaps\n\n")
                .contains("Commit [`0123456`](" + COMMIT + ")\n\n").doesNotContain("Readiness")
                .contains("**Blocking** (30, at or above `fail-on: error`):\n\n"
                        + "- :x: src/models/train\\_gradient\\_boosting.py:11, 12, 13 … (20 findings): Random calls "
                        + "without a seed (`reproducibility/random-seed`)\n"
                        + "- :x: requirements/training.txt:1, 2, 3 … (10 findings): ")
                .doesNotContain(" more\n")
                .contains("| Category | Rules passed | New findings | Existing findings |\n")
                .contains("| Reproducibility | 2/6 | 30 | 1 |")
                .endsWith("Every finding, with how to fix it, is in [the ML readiness check run](" + RUN + ").\n");
        assertThat(body.lines().filter(l -> l.startsWith("- :x: "))).hasSize(2); // one line per rule and file
        assertThat(body).doesNotContain("Pass a fixed"); // messages are in the check run
    }

    @Test
    void onlyBlockingFindingsAreListedAndNoneMeansNoList() {
        List<Finding> warnings = List.of(
                finding(Severity.WARNING, "docs/usage", "README.md", null, true, "Add a Usage section."),
                finding(Severity.WARNING, "reproducibility/random-seed", "src/a.py", 3, true, "Seed it."));
        String ready = SummaryCommentPublisher.body(report(warnings, Conclusion.SUCCESS, Set.of("docs/readme")), SHA,
                COMMIT, RUN);
        assertThat(ready).contains("## ML readiness: Ready, 2 new gaps (none blocking)\n").doesNotContain("Blocking")
                .doesNotContain("- :").contains("1 rule is ignored on this pull request.");

        List<Finding> mixed = new ArrayList<>(warnings);
        mixed.add(finding(Severity.ERROR, "structure/readme", null, null, true, "Add a README."));
        mixed.add(finding(Severity.ERROR, "reproducibility/random-seed", "src/old.py", 1, false, "Seed it."));
        String blocked = SummaryCommentPublisher.body(report(mixed, Conclusion.FAILURE, Set.of()), SHA, COMMIT, RUN);
        assertThat(blocked).contains("## ML readiness: 1 blocking gap\n")
                .contains(
                        "**Blocking** (1, at or above `fail-on: error`):\n\n- :x: repository: README at the root (`structure/readme`)")
                .doesNotContain("src/old.py").doesNotContain("more\n");
    }

    @Test
    void digestsThatDifferOnlyInTheCheckRunsLinkAreTheSame() {
        Report r = report(thirty(), Conclusion.FAILURE, Set.of());
        String first = SummaryCommentPublisher.body(r, SHA, COMMIT, RUN);
        assertThat(SummaryCommentPublisher.sameBesidesRunLink(first,
                SummaryCommentPublisher.body(r, SHA, COMMIT, "https://github.com/o/r/runs/99"))).isTrue();
        assertThat(
                SummaryCommentPublisher.sameBesidesRunLink(first, SummaryCommentPublisher.body(r, SHA, COMMIT, null)))
                .isTrue();
        assertThat(SummaryCommentPublisher.sameBesidesRunLink(first,
                SummaryCommentPublisher.body(r, "fedcba9876543210", COMMIT, RUN))).isFalse();
        assertThat(SummaryCommentPublisher.sameBesidesRunLink(first, null)).isFalse();
    }

    @Test
    void theMostSevereComeFirstAndAndMoreCountsTheFindingsNotShown() throws Exception {
        List<Finding> findings = new ArrayList<>();
        for (int i = 1; i <= 12; i++) { // twelve unpinned requirements, each in its own file, before the secret
            findings.add(finding(Severity.WARNING, "reproducibility/unpinned-dependency", "req/r" + i + ".txt", 1, true,
                    "Pin it."));
        }
        findings.add(finding(Severity.ERROR, "versioning/secret", "src/settings.py", 4, true,
                "Remove the key."));
        ReadinessConfig warning = new ConfigLoader(Set.of()).load("fail-on: warning\n", "test");
        Report r = new Report(Mode.PULL_REQUEST, true, null, findings, Conclusion.FAILURE, List.of(),
                RuleCatalog.rules().stream().map(Rule::info).toList(), List.of(), List.of(), Set.of(), 0, warning);
        String body = SummaryCommentPublisher.body(r, SHA, COMMIT, RUN);

        List<String> listed = body.lines().filter(l -> l.startsWith("- :")).toList();
        assertThat(listed).hasSize(SummaryCommentPublisher.MAX_LISTED);
        assertThat(listed.get(0)).startsWith("- :x: src/settings.py:4: ").endsWith("(`versioning/secret`)");
        assertThat(listed.subList(1, listed.size())).allMatch(l -> l.startsWith("- :warning: req/r"));
        assertThat(listed.get(1)).startsWith("- :warning: req/r1.txt:1: "); // then report order
        assertThat(body).contains("- and 3 more\n"); // 13 findings, 10 shown
    }

    @Test
    void oneLinePerRuleAndFile() {
        List<Finding> findings = new ArrayList<>();
        for (int line = 2; line <= 26; line++) {
            findings.add(finding(Severity.ERROR, "reproducibility/random-seed", "src/train.py", line, true, "Seed."));
        }
        findings.add(finding(Severity.ERROR, "reproducibility/random-seed", "src/eval.py", 7, true, "Seed."));
        findings.add(finding(Severity.ERROR, "reproducibility/random-seed", "src/eval.py", 9, true, "Seed."));
        for (int i = 0; i < 15; i++) { // more groups than lines: the findings of the groups not shown are counted
            findings.add(finding(Severity.ERROR, "reproducibility/absolute-path", "src/p" + i + ".py", 1, true, "x"));
            findings.add(finding(Severity.ERROR, "reproducibility/absolute-path", "src/p" + i + ".py", 2, true, "x"));
        }
        String body = SummaryCommentPublisher.body(report(findings, Conclusion.FAILURE, Set.of()), SHA, COMMIT, RUN);
        assertThat(body).contains("- :x: src/train.py:2, 3, 4 … (25 findings): Random calls without a seed "
                + "(`reproducibility/random-seed`)\n- :x: src/eval.py:7, 9 (2 findings): Random calls without a seed")
                .contains("- :x: src/p0.py:1, 2 (2 findings): ");
        assertThat(body.lines().filter(l -> l.startsWith("- :x: "))).hasSize(SummaryCommentPublisher.MAX_LISTED);
        // 57 findings; shown: 25 + 2 + 8 groups of 2
        assertThat(body).contains("**Blocking** (57, ").contains("- and 14 more\n");
        assertThat(bytes(body)).isLessThan(2_000);
    }

    @Test
    void aGitHubEnterpriseAddressWithAPortIsLinked() {
        String commit = "https://ghe.example.com:8443/o/r/commit/" + SHA;
        String run = "https://ghe.example.com:8443/o/r/runs/42";
        String body = SummaryCommentPublisher.body(report(thirty(), Conclusion.FAILURE, Set.of()), SHA, commit, run);
        assertThat(body).contains("Commit [`0123456`](" + commit + ")").contains("check run](" + run + ").");
        String badPort = "https://ghe.example.com:84x3/o/r/runs/42";
        assertThat(SummaryCommentPublisher.body(report(thirty(), Conclusion.FAILURE, Set.of()), SHA, badPort, badPort))
                .doesNotContain("](");
    }

    @Test
    void withoutTheRunsAddressTheCheckRunIsNamedNotLinked() {
        String dryRun = SummaryCommentPublisher.body(report(thirty(), Conclusion.FAILURE, Set.of()), SHA, null, null);
        assertThat(dryRun).contains("Commit `0123456`\n").contains("is in the ML readiness check run.")
                .doesNotContain("](");
        // an address that is not plainly GitHub's is not made a link either
        for (String odd : List.of("javascript:alert(1)", "https://github.com/o/r/runs/1) [x](https://evil.example",
                "http://github.com/o/r/runs/1", "https://github.com/" + "a/".repeat(200))) {
            String body = SummaryCommentPublisher.body(report(thirty(), Conclusion.FAILURE, Set.of()), SHA, odd, odd);
            assertThat(body).doesNotContain("](").doesNotContain("evil");
        }
    }

    @Test
    void hostileLongPathsAndManyFindingsStayUnderTheCap() {
        List<String> paths = new ArrayList<>(List.of("a/".repeat(5_000) + "train.py", "é".repeat(10_000),
                "\uD83D\uDE00".repeat(3_000) + ".py", "@".repeat(4_000), "<!--".repeat(1_000) + "x.py"));
        for (String hostile : MarkdownSafety.HOSTILE) {
            paths.add(hostile.repeat(200));
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String path = paths.get(i % paths.size());
            findings.add(finding(Severity.ERROR, "reproducibility/random-seed", path, i + 1, true, path.repeat(3)));
        }
        List<String> notes = paths.stream().map(p -> "Line rules skipped " + p.repeat(5)).toList();
        String body = SummaryCommentPublisher.body(report(findings, Conclusion.FAILURE, Set.of(), notes), SHA,
                COMMIT, RUN);

        assertThat(bytes(body)).as(body).isLessThanOrEqualTo(SummaryCommentPublisher.MAX_BYTES);
        assertThat(body).contains("**Notes**\n\n- Line rules skipped ")
                .containsPattern("- \\d+ more in the check run\n");
        assertThat(body).contains("## ML readiness: 2000 blocking gaps").containsPattern("- and \\d+ more\n")
                .contains("train.py:1, ").endsWith("(" + RUN + ").\n");
        MarkdownSafety.assertInert(body, 1, "https://github.com/o/r/");
        assertThat(Markers.isSummary(body)).isTrue();
        assertThat(Markers.fingerprintOf(body)).isEmpty();
        assertThat(Markers.ignoreDecisionsOf(body)).isEmpty();
    }

    @Test
    void coverageNotesAreSaidBeforeTheScorecard() {
        String body = SummaryCommentPublisher.body(report(thirty(), Conclusion.FAILURE, Set.of(),
                List.of("Only the first 3,000 changed files were evaluated.")), SHA, COMMIT, RUN);
        assertThat(body).contains(
                "(`reproducibility/unpinned-dependency`)\n\n**Notes**\n\n- Only the first 3,000 changed files were "
                        + "evaluated.\n\n| Category |");
        assertThat(bytes(body)).isLessThan(2_000);
    }

    @Test
    void aLongPlaceKeepsItsEnd() {
        String place = SummaryCommentPublisher.place("deep/".repeat(40) + "train.py:12");
        assertThat(place).hasSize(SummaryCommentPublisher.MAX_PLACE).startsWith("…").endsWith("/deep/train.py:12");
        assertThat(SummaryCommentPublisher.place("src/train.py:3")).isEqualTo("src/train.py:3");
        // a surrogate pair is never split
        String emoji = SummaryCommentPublisher.place("\uD83D\uDE00".repeat(100));
        assertThat(emoji.codePoints().allMatch(c -> c == '…' || c == 0x1F600)).isTrue();
    }
}
