package dev.mlreadiness.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.rules.docs.DataSourcesRule;
import dev.mlreadiness.engine.rules.docs.ModelCardRule;
import dev.mlreadiness.engine.rules.structure.NotebookLocationRule;

/**
 * The folder a repository keeps under a common equivalent name ({@code notebook/}, {@code weights/},
 * {@code input/}) is the folder for every rule that speaks of it, not only for {@code structure/layout}.
 */
class FolderEquivalentsTest {

    @Test
    void notebooksInTheNotebookFolderAreInPlace() {
        TestRepo repo = TestRepo.create().file("notebook/eda.ipynb", "{}").file("train.py", "x\n");
        assertThat(repo.scan(new NotebookLocationRule()).findings()).isEmpty();
        Report added = repo.change().add("notebook/features.ipynb", "{}").add("src/scratch.ipynb", "{}")
                .evaluate(new NotebookLocationRule());
        assertThat(added.findings()).extracting(Finding::path, Finding::message).containsExactly(tuple(
                "src/scratch.ipynb", "Move scratch.ipynb into notebook/ so exploration notebooks stay apart from the "
                        + "project's code."));
    }

    @Test
    void theDefaultFolderOrTheConfiguredOneWinsOverTheEquivalent() {
        Report both = TestRepo.create().file("notebooks/a.ipynb", "{}").file("notebook/b.ipynb", "{}")
                .scan(new NotebookLocationRule());
        assertThat(both.findings()).extracting(Finding::path).containsExactly("notebook/b.ipynb");

        Report configured = TestRepo.create().config("enabled: true\npaths: { notebooks: analysis }\n")
                .file("notebook/b.ipynb", "{}").scan(new NotebookLocationRule());
        assertThat(configured.findings()).extracting(Finding::path).containsExactly("notebook/b.ipynb");
    }

    @Test
    void picklesInTheWeightsFolderAreModelArtifactsForTheModelCard() {
        Report weights = TestRepo.create().file("README.md", "# Churn\n\nPredicts churn.\n")
                .file("weights/churn.joblib", 10L).scan(new ModelCardRule());
        assertThat(weights.findings()).extracting(Finding::ruleId).containsExactly("docs/model-card");

        Report output = TestRepo.create().file("README.md", "# Churn\n\nPredicts churn.\n")
                .file("output/churn.joblib", 10L).scan(new ModelCardRule());
        assertThat(output.findings()).isEmpty();
    }

    @Test
    void filesInTheInputFolderAreData() {
        Report r = TestRepo.create().file("README.md", "# Titanic\n\nWho survived.\n")
                .file("input/passengers.txt", "a b\n").scan(new DataSourcesRule());
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("docs/data-sources");

        Report trap = TestRepo.create().file("README.md", "# Titanic\n\nWho survived.\n")
                .file("inputs/passengers.txt", "a b\n").scan(new DataSourcesRule());
        assertThat(trap.findings()).isEmpty();
    }
}
