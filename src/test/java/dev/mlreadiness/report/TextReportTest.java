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
}
