package dev.mlreadiness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.code.CodeFile;
import dev.mlreadiness.engine.rule.Category;
import dev.mlreadiness.engine.rule.CodeFileRule;
import dev.mlreadiness.engine.rule.CodeFilesToScan;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.EvaluationInput;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Mode;
import dev.mlreadiness.engine.snapshot.Snapshot;

class ChecklistTest {

    /** Repository rule: a finding when there is no LICENSE. */
    static final Rule NEEDS_LICENSE = TestRules.LICENSE;

    /** Line rule: every line containing TODO in scanned .py files. */
    static final Rule NO_TODO = TestRules.TODO;

    @Test
    void fullScanFindingsAreExistingAndFailTheCheck() {
        Report r = TestRepo.create().file("a.py", "x = 1  # TODO\n").scan(NEEDS_LICENSE, NO_TODO);
        assertThat(r.mode()).isEqualTo(Mode.FULL_SCAN);
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::location, Finding::isNew).containsExactly(
                org.assertj.core.groups.Tuple.tuple("structure/test-license", "", false),
                org.assertj.core.groups.Tuple.tuple("reproducibility/test-todo", "a.py:1", false));
        assertThat(r.conclusion()).isEqualTo(Conclusion.FAILURE);
    }

    @Test
    void repositoryFindingIsNewOnlyWhenThePullRequestCausesIt() {
        Report existing = TestRepo.create().file("a.py", "x = 1\n")
                .change().add("b.py", "y = 2\n").evaluate(NEEDS_LICENSE);
        assertThat(existing.findings()).singleElement().extracting(Finding::isNew).isEqualTo(false);
        assertThat(existing.conclusion()).isEqualTo(Conclusion.SUCCESS);

        Report caused = TestRepo.create().file("LICENSE", "MIT\n")
                .change().delete("LICENSE").evaluate(NEEDS_LICENSE);
        assertThat(caused.findings()).singleElement().extracting(Finding::isNew).isEqualTo(true);
        assertThat(caused.conclusion()).isEqualTo(Conclusion.FAILURE);
    }

    @Test
    void lineFindingsAreNewOnAddedLinesOnlyAndUnchangedFilesAreNotRead() {
        Report r = TestRepo.create()
                .file("a.py", "old = 1  # TODO\n")
                .file("untouched.py", "z = 3  # TODO\n")
                .change().modify("a.py", "old = 1  # TODO\nnew = 2  # TODO\n").evaluate(NO_TODO);
        assertThat(r.findings()).extracting(Finding::location, Finding::isNew).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.py:1", false),
                org.assertj.core.groups.Tuple.tuple("a.py:2", true));
    }

    @Test
    void inlineSuppressionDropsTheFindingOnThatLineOnly() {
        Report r = TestRepo.create()
                .file("a.py", "x = 1  # TODO readiness: ignore[reproducibility/test-todo]\ny = 2  # TODO\n")
                .scan(NO_TODO);
        assertThat(r.findings()).extracting(Finding::location).containsExactly("a.py:2");
        assertThat(r.suppressed()).isEqualTo(1);
    }

    @Test
    void fileWideSuppressionAndOtherRuleIdsDoNotInterfere() {
        Report r = TestRepo.create()
                .file("a.py", "# readiness: ignore-file[reproducibility/test-todo]\nx = 1  # TODO\n")
                .file("b.py", "# readiness: ignore[structure/other]\nx = 1  # TODO\n")
                .scan(NO_TODO);
        assertThat(r.findings()).extracting(Finding::location).containsExactly("b.py:2");
    }

    @Test
    void configTurnsRulesOffAndChangesSeverity() {
        Report off = TestRepo.create().config("enabled: true\nrules:\n  structure/test-license: off\n")
                .scan(NEEDS_LICENSE);
        assertThat(off.findings()).isEmpty();
        assertThat(off.rules()).isEmpty();

        Report notice = TestRepo.create().config("enabled: true\nrules:\n  structure/test-license: notice\n")
                .scan(NEEDS_LICENSE);
        assertThat(notice.findings()).singleElement().extracting(Finding::severity).isEqualTo(Severity.NOTICE);
        assertThat(notice.conclusion()).isEqualTo(Conclusion.SUCCESS);
    }

    @Test
    void failOnWarningAndNever() {
        TestRepo repo = TestRepo.create().file("LICENSE", "x").file("a.py", "x  # TODO\n");
        assertThat(repo.scan(NO_TODO).conclusion()).isEqualTo(Conclusion.SUCCESS);
        assertThat(repo.config("enabled: true\nfail-on: warning\n").scan(NO_TODO).conclusion())
                .isEqualTo(Conclusion.FAILURE);
        assertThat(repo.config("enabled: true\nfail-on: never\n").scan(NEEDS_LICENSE, NO_TODO).conclusion())
                .isEqualTo(Conclusion.SUCCESS);
    }

    @Test
    void failOnExistingMakesOldDebtBlock() {
        TestRepo repo = TestRepo.create().file("a.py", "x = 1\n").config("enabled: true\nfail-on-existing: true\n");
        Report r = repo.change().add("b.py", "y = 2\n").evaluate(NEEDS_LICENSE);
        assertThat(r.findings()).singleElement().extracting(Finding::isNew).isEqualTo(false);
        assertThat(r.conclusion()).isEqualTo(Conclusion.FAILURE);
    }

    @Test
    void fingerprintFollowsTheLineTextNotItsNumber() {
        TestRepo repo = TestRepo.create().file("a.py", "x = 1  # TODO\n");
        String before = repo.scan(NO_TODO).findings().get(0).fingerprint();
        String after = TestRepo.create().file("a.py", "import os\n\nx = 1  # TODO\n").scan(NO_TODO).findings().get(0)
                .fingerprint();
        String other = TestRepo.create().file("a.py", "y = 2  # TODO\n").scan(NO_TODO).findings().get(0).fingerprint();
        assertThat(after).isEqualTo(before);
        assertThat(other).isNotEqualTo(before);
    }

    @Test
    void ignoredRulesAreLeftOutAndListed() {
        Report r = TestRepo.create().change().add("a.py", "x  # TODO\n").evaluate(new Checklist(
                List.of(NEEDS_LICENSE, NO_TODO), ctx -> Optional.of("test")));
        assertThat(r.findings()).hasSize(2);
    }

    @Test
    void notAnMlProjectGivesNothingAtAll() {
        Checklist never = new Checklist(List.of(NEEDS_LICENSE), ctx -> Optional.empty());
        Report r = TestRepo.create().noConfig().file("main.go", "package main\n").scan(never);
        assertThat(r.applicable()).isFalse();
        assertThat(r.findings()).isEmpty();
        assertThat(r.skipReason()).startsWith("not an ML project");

        Report forced = TestRepo.create().config("enabled: true\n").file("main.go", "package main\n").scan(never);
        assertThat(forced.applicable()).isTrue();
        assertThat(forced.findings()).hasSize(1);

        Report disabled = TestRepo.create().config("enabled: false\n").scan(NEEDS_LICENSE);
        assertThat(disabled.applicable()).isFalse();
    }

    @Test
    void ignoreGlobsHideFilesFromRules() {
        Report r = TestRepo.create().config("enabled: true\nignore: [\"vendor/**\"]\n")
                .file("vendor/lib.py", "x  # TODO\n").file(".ipynb_checkpoints/a.py", "x  # TODO\n")
                .file("src/a.py", "x  # TODO\n").scan(NO_TODO);
        assertThat(r.findings()).extracting(Finding::path).containsExactly("src/a.py");
    }

    @Test
    void scorecardCountsCheckedAndPassedRulesPerCategory() {
        Report r = TestRepo.create().file("a.py", "x = 1\n").scan(NEEDS_LICENSE, NO_TODO);
        assertThat(r.scores()).containsExactly(
                new CategoryScore(Category.STRUCTURE, 1, 0, 0, 1),
                new CategoryScore(Category.REPRODUCIBILITY, 1, 1, 0, 0));
    }

    /** Repository rule that points at README.md when there is one, like the docs rules do. */
    static final Rule NEEDS_CHANGELOG_NOTE = new Rule() {
        public RuleInfo info() {
            return new RuleInfo("docs/test-changelog", "Changelog", Severity.WARNING, Scope.REPOSITORY,
                    TestRules.doc("Asks for a changelog section in the README."));
        }

        public void check(RuleContext ctx, Findings out) {
            String readme = ctx.text("README.md").orElse("");
            if (readme.contains("Changelog")) {
                return;
            }
            if (ctx.snapshot().exists("README.md")) {
                out.repository("README.md", "Add a Changelog section to README.md.");
            } else {
                out.repository("Add a Changelog section to README.md.");
            }
        }
    };

    @Test
    void repositoryGapIsNotNewWhenOnlyTheFileItPointsAtAppears() {
        // adding a README that still lacks the section does not cause the gap: the base had it too
        Report r = TestRepo.create().file("a.py", "x = 1\n")
                .config("enabled: true\nfail-on: warning\n")
                .change().add("README.md", "# a\n").evaluate(NEEDS_CHANGELOG_NOTE);
        assertThat(r.findings()).singleElement().extracting(Finding::path, Finding::isNew)
                .containsExactly("README.md", false);
        assertThat(r.conclusion()).isEqualTo(Conclusion.SUCCESS);

        Report caused = TestRepo.create().file("README.md", "# a\n## Changelog\n")
                .config("enabled: true\nfail-on: warning\n")
                .change().modify("README.md", "# a\n").evaluate(NEEDS_CHANGELOG_NOTE);
        assertThat(caused.findings()).singleElement().extracting(Finding::isNew).isEqualTo(true);
        assertThat(caused.conclusion()).isEqualTo(Conclusion.FAILURE);
    }

    @Test
    void skipReasonIsTheDecisionEvaluateMakesAndNeverCountsCheckpoints() throws Exception {
        Snapshot checkpointsOnly = Snapshot.of(List.of(new FileEntry("README.md", 3),
                new FileEntry(".ipynb_checkpoints/eda-checkpoint.ipynb", 2)), f -> Optional.of("{}".getBytes()));
        dev.mlreadiness.engine.config.ReadinessConfig defaults = dev.mlreadiness.engine.config.ReadinessConfig
                .defaults();
        Checklist checklist = RuleCatalog.checklist();
        EvaluationInput unconfigured = EvaluationInput.fullScan(checkpointsOnly, defaults, false);
        assertThat(checklist.skipReason(unconfigured)).hasValueSatisfying(r -> assertThat(r)
                .startsWith("not an ML project"));
        assertThat(checklist.evaluate(unconfigured).skipReason()).isEqualTo(checklist.skipReason(unconfigured)
                .orElseThrow());
        // a config file alone makes it apply, without reading anything
        assertThat(checklist.skipReason(EvaluationInput.fullScan(checkpointsOnly, defaults, true))).isEmpty();
        assertThat(checklist.detectionReads(unconfigured).head()).isEmpty(); // no manifest to read
    }

    /** A rule looking at code files one at a time that records which file it saw, in order, into {@code seen}. */
    private static CodeFileRule recording(String id, List<String> seen) {
        return new CodeFileRule() {
            public RuleInfo info() {
                return new RuleInfo(id, "Records", Severity.WARNING, Scope.LINE, TestRules.doc("Records."));
            }

            @Override
            public FileSelector reads() {
                return CodeFilesToScan.CODE;
            }

            public void check(RuleContext ctx, Findings out) {
                for (CodeFile file : CodeFilesToScan.read(ctx)) {
                    check(ctx, file, out);
                }
            }

            public void check(RuleContext ctx, CodeFile file, Findings out) {
                seen.add(id + " " + file.path());
                out.line(file.path(), 1, "Seen by " + id + ".", file.path());
            }
        };
    }

    @Test
    void rulesReadingCodeFilesOneAtATimeRunInOnePassWithTheSameFindingsAsAlone() {
        TestRepo repo = TestRepo.create().file("a.py", "x = 1  # TODO\n").file("b.py", "y = 2\n")
                .file("c.ipynb", "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}")
                .file("README.md", "# r\n");
        List<String> seen = new java.util.ArrayList<>();
        Report together = repo.scan(recording("reproducibility/test-one", seen), NO_TODO,
                recording("reproducibility/test-two", seen));
        // one pass: each file goes to both rules before the next file is read (the TODO rule runs apart)
        assertThat(seen).containsExactly("reproducibility/test-one a.py", "reproducibility/test-two a.py",
                "reproducibility/test-one b.py", "reproducibility/test-two b.py",
                "reproducibility/test-one c.ipynb", "reproducibility/test-two c.ipynb");
        Report one = repo.scan(recording("reproducibility/test-one", new java.util.ArrayList<>()));
        Report two = repo.scan(recording("reproducibility/test-two", new java.util.ArrayList<>()));
        Report todo = repo.scan(NO_TODO);
        List<Finding> alone = new java.util.ArrayList<>(one.findings());
        alone.addAll(two.findings());
        alone.addAll(todo.findings());
        alone.sort(Finding.ORDER);
        assertThat(together.findings()).hasSize(7).containsExactlyElementsOf(alone);
    }
}
