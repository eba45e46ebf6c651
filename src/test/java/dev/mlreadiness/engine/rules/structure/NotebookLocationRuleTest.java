package dev.mlreadiness.engine.rules.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class NotebookLocationRuleTest {

    private final NotebookLocationRule rule = new NotebookLocationRule();

    @Test
    void fullScanFlagsEveryNotebookOutsideTheNotebooksFolder() {
        Report r = TestRepo.create().file("notebooks/eda.ipynb", "{}").file("notebooks/sub/deep.ipynb", "{}")
                .file("src/Check.IPYNB", "{}").file("explore.ipynb", "{}").file("notebooks.py", "x")
                .file("mynotebooks/x.ipynb", "{}").scan(rule);
        assertThat(r.findings()).extracting(Finding::path, Finding::isNew).containsExactly(
                tuple("explore.ipynb", false), tuple("mynotebooks/x.ipynb", false), tuple("src/Check.IPYNB", false));
        assertThat(r.findings().get(0).message())
                .isEqualTo(
                        "Move explore.ipynb into notebooks/ so exploration notebooks stay apart from the project's code.");
    }

    @Test
    void pullRequestJudgesOnlyAddedOrMovedNotebooks() {
        Report r = TestRepo.create().file("old.ipynb", "{}").file("notebooks/a.ipynb", "{}")
                .change().add("src/new.ipynb", "{}").modify("old.ipynb", "{ }")
                .rename("notebooks/a.ipynb", "a.ipynb").evaluate(rule);
        assertThat(r.findings()).extracting(Finding::path, Finding::isNew).containsExactly(
                tuple("a.ipynb", true), tuple("src/new.ipynb", true));
    }

    @Test
    void configuredFolderAndNoNotebooksAtAll() {
        Report r = TestRepo.create().config("enabled: true\npaths: { notebooks: analysis }\n")
                .file("analysis/a.ipynb", "{}").file("notebooks/b.ipynb", "{}").scan(rule);
        assertThat(r.findings()).extracting(Finding::path).containsExactly("notebooks/b.ipynb");

        Report none = TestRepo.create().file("a.py", "x").scan(rule);
        assertThat(none.findings()).isEmpty();
        assertThat(none.scores()).isEmpty();
    }
}
