package dev.mlreadiness.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.TestRules;

class TextReportTest {

    @Test
    void fullScanGroupsByCategoryWithScoresAndAlignedColumns() {
        assertThat(TextReport.render(ReportFixtures.fullScan())).isEqualTo("""
                Project structure  1/2 checks pass  (0 new, 1 existing)
                  -             error    structure/test-license  Add a LICENSE file.

                Reproducibility  0/1 checks pass  (0 new, 2 existing)
                  src/a b.py:1  warning  reproducibility/test-todo  Resolve the TODO.
                  train.py:1    warning  reproducibility/test-todo  Resolve the TODO.

                Result: failure  (3 finding(s); fail-on: error)
                """);
    }

    @Test
    void pullRequestListsNewBeforeExistingWithinACategory() {
        assertThat(TextReport.render(ReportFixtures.pullRequest())).isEqualTo("""
                Project structure  1/2 checks pass  (1 new, 0 existing)
                  New:
                    -       error    structure/test-license  Add a LICENSE file.

                Reproducibility  0/1 checks pass  (1 new, 1 existing)
                  New:
                    a.py:2  warning  reproducibility/test-todo  Resolve the TODO.
                  Existing:
                    a.py:1  warning  reproducibility/test-todo  Resolve the TODO.

                Result: failure  (3 finding(s): 2 new, 1 existing; fail-on: error)
                """);
    }

    @Test
    void passingRepositoryShowsScoresAndSuccess() {
        Report r = TestRepo.create().file("LICENSE", "MIT\n").file("a.py", "x = 1\n")
                .scan(TestRules.LICENSE, TestRules.TODO);
        assertThat(TextReport.render(r)).isEqualTo("""
                Project structure  1/1 checks pass  (0 new, 0 existing)

                Reproducibility  1/1 checks pass  (0 new, 0 existing)

                Result: success  (0 finding(s); fail-on: error)
                """);
    }

    @Test
    void suppressedFindingsAreCountedInNotes() {
        Report r = TestRepo.create().file("LICENSE", "MIT\n")
                .file("a.py", "x = 1  # TODO readiness: ignore[reproducibility/test-todo]\n")
                .scan(TestRules.TODO);
        assertThat(TextReport.render(r)).contains("""
                Notes:
                  - 1 finding(s) suppressed by readiness: ignore comments.
                """).endsWith("Result: success  (0 finding(s); fail-on: error)\n");
    }

    @Test
    void notAnMlProjectSaysWhy() {
        Report r = TestRepo.create().noConfig().file("main.go", "package main\n")
                .scan(TestRules.checklist(false, TestRules.LICENSE));
        assertThat(TextReport.render(r)).isEqualTo("""
                Not checked: not an ML project: no notebook, no ML library in a dependency manifest and no \
                .github/ml-readiness.yml
                Result: skipped
                """);
    }

    /** {@code n} lines each holding a TODO, numbered so that every finding has its own line text. */
    private static String todos(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append("x").append(i).append(" = ").append(i).append("  # TODO\n");
        }
        return sb.toString();
    }

    @Test
    void aRuleWithAtMostTheLimitIsListedWhole() {
        Report r = TestRepo.create().file("a.py", todos(TextReport.LISTED_PER_RULE)).scan(TestRules.TODO);
        String text = TextReport.render(r);
        assertThat(text.lines().filter(l -> l.contains("reproducibility/test-todo  Resolve the TODO.")))
                .hasSize(TextReport.LISTED_PER_RULE);
        assertThat(text).doesNotContain("more reproducibility/test-todo").doesNotContain("Notes:");
    }

    @Test
    void pastTheLimitTheRestIsCountedByFileAndANoteSaysSo() {
        // 50 findings listed from a.py (60) ... then the rest of a.py, then b.py .. l.py (12 files with 3 each)
        TestRepo repo = TestRepo.create().file("a.py", todos(60));
        for (char c = 'b'; c <= 'm'; c++) {
            repo.file(c + ".py", todos(3));
        }
        Report r = repo.scan(TestRules.TODO);
        String text = TextReport.render(r);
        assertThat(text.lines().filter(l -> l.contains("Resolve the TODO."))).hasSize(TextReport.LISTED_PER_RULE);
        assertThat(text).contains("""
                  a.py:50  warning  reproducibility/test-todo  Resolve the TODO.
                  + 10 more reproducibility/test-todo in a.py
                  + 3 more reproducibility/test-todo in b.py
                  + 3 more reproducibility/test-todo in c.py
                  + 3 more reproducibility/test-todo in d.py
                  + 3 more reproducibility/test-todo in e.py
                  + 3 more reproducibility/test-todo in f.py
                  + 3 more reproducibility/test-todo in g.py
                  + 3 more reproducibility/test-todo in h.py
                  + 3 more reproducibility/test-todo in i.py
                  + 3 more reproducibility/test-todo in j.py
                  + 9 more reproducibility/test-todo in 3 other file(s)

                """);
        // the score line and the conclusion count every finding; a note says which are not listed
        assertThat(text).contains("Reproducibility  0/1 checks pass  (0 new, 96 existing)")
                .contains("""
                        Notes:
                          - 46 finding(s) are counted by file, not listed one by one (more than 50 of a rule in \
                        a list); `--format json` or `--format sarif` lists every finding.
                        """)
                .endsWith("Result: success  (96 finding(s); fail-on: error)\n");
        assertThat(r.findings()).hasSize(96); // the report itself (JSON, SARIF) keeps them all
    }

    @Test
    void inAPullRequestNewAndExistingAreBoundedApart() {
        // 55 TODO lines on the base, 52 more added by the change: 52 new findings, 55 existing
        Report r = TestRepo.create().file("a.py", todos(55)).change().modify("a.py", todos(107))
                .evaluate(TestRules.TODO);
        String text = TextReport.render(r);
        assertThat(text).contains("""
                    + 2 more reproducibility/test-todo in a.py
                  Existing:
                """).contains("""
                    + 5 more reproducibility/test-todo in a.py

                """).contains("(52 new, 55 existing)");
        assertThat(text.lines().filter(l -> l.contains("Resolve the TODO.")))
                .hasSize(2 * TextReport.LISTED_PER_RULE);
    }
}
