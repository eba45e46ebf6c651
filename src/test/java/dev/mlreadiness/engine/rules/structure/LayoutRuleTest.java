package dev.mlreadiness.engine.rules.structure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class LayoutRuleTest {

    private final LayoutRule rule = new LayoutRule();

    private static String message(Report r) {
        assertThat(r.findings()).hasSize(1);
        return r.findings().get(0).message();
    }

    @Test
    void allMissingFoldersGoInOneFinding() {
        Report r = TestRepo.create().file("train.py", "x\n").scan(rule);
        assertThat(message(r)).isEqualTo("Create the missing folders data/, models/, notebooks/ (keep an empty one "
                + "with a `.gitkeep`) so data, models and notebooks each have their place.");
    }

    @Test
    void gitkeepOnlyFoldersArePresentAndDataStagesAreNotAskedWithoutData() {
        Report r = TestRepo.create().file("data/.gitkeep", "").file("data/README.md", "# data\n")
                .file("data/.gitignore", "*\n!.gitignore\n").file("models/.gitkeep", "")
                .file("notebooks/.gitkeep", "").scan(rule);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void dataFilesMakeTheStagesRequired() {
        Report r = TestRepo.create().file("data/train.csv", "a\n").file("data/raw/.gitkeep", "")
                .file("models/m.py", "x\n").file("notebooks/eda.ipynb", "{}").scan(rule);
        assertThat(message(r)).startsWith("Create the missing folders data/processed/, data/interim/ (");
    }

    @Test
    void gitignoreAndDvcMakeFoldersPresent() {
        Report r = TestRepo.create()
                .file(".gitignore", "/data/*\n!/data/.gitkeep\nmodels/\n")
                .file("data/.gitkeep", "")
                .file("notebooks.dvc", "outs:\n- path: notebooks\n")
                .scan(rule);
        assertThat(r.findings()).isEmpty();

        Report stages = TestRepo.create().file("data/raw.dvc", "outs:\n- path: raw\n")
                .file("data/.gitignore", "/processed\n").file("dvc.yaml",
                        "stages:\n  p:\n    cmd: x\n    outs:\n      - data/interim/features.parquet\n")
                .file("models/.gitkeep", "").file("notebooks/.gitkeep", "").scan(rule);
        assertThat(stages.findings()).isEmpty();
    }

    @Test
    void aNegatedFolderIsMissingAgain() {
        Report r = TestRepo.create().file(".gitignore", "models/\n!models/\n").file("data/.gitkeep", "")
                .file("notebooks/.gitkeep", "").scan(rule);
        assertThat(message(r)).startsWith("Create the missing folder models/ (");
    }

    @Test
    void configuredFolderNamesAreUsed() {
        Report r = TestRepo.create().config("enabled: true\npaths: { data: datasets, models: artifacts }\n")
                .file("datasets/.gitkeep", "").file("models/.gitkeep", "").file("notebooks/.gitkeep", "").scan(rule);
        assertThat(message(r)).startsWith("Create the missing folder artifacts/ (");
    }

    @Test
    void fixingPartOfAnOldGapLeavesTheRestExistingAndAWorseGapIsNew() {
        TestRepo repo = TestRepo.create().file("data/.gitkeep", "");
        Report better = repo.change().add("notebooks/eda.ipynb", "{}").evaluate(rule);
        assertThat(message(better)).startsWith("Create the missing folder models/ (");
        assertThat(better.findings()).extracting(Finding::isNew).containsExactly(false);

        Report worse = TestRepo.create().file("data/.gitkeep", "").file("models/.gitkeep", "")
                .change().delete("models/.gitkeep").evaluate(rule);
        assertThat(message(worse)).startsWith("Create the missing folders models/, notebooks/ (");
        assertThat(worse.findings()).extracting(Finding::isNew).containsExactly(true);
    }

    @Test
    void newWhenThePullRequestRemovesAFolder() {
        TestRepo repo = TestRepo.create().file("data/.gitkeep", "").file("models/.gitkeep", "")
                .file("notebooks/eda.ipynb", "{}");
        Report r = repo.change().rename("notebooks/eda.ipynb", "eda.ipynb").evaluate(rule);
        assertThat(r.findings()).extracting(Finding::isNew).containsExactly(true);
        assertThat(message(r)).startsWith("Create the missing folder notebooks/ (");

        Report untouched = repo.change().add("src/a.py", "x\n").evaluate(rule);
        assertThat(untouched.findings()).isEmpty();
    }
}
