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
        Report r = TestRepo.create().file("train.py", "x\n").file("model.pkl", "x").file("EDA.ipynb", "{}")
                .scan(rule);
        assertThat(message(r)).isEqualTo("Create the missing folders data/, models/, notebooks/ (keep an empty one "
                + "with a `.gitkeep`) so each kind of file has a place of its own.");
    }

    @Test
    void modelsAndNotebooksFoldersAreAskedForOnlyWhereThereIsSomethingToPutInThem() {
        Report codeOnly = TestRepo.create().file("train.py", "x\n").scan(rule);
        assertThat(message(codeOnly)).startsWith("Create the missing folder data/ (");

        Report weights = TestRepo.create().file("data/.gitkeep", "").file("out/resnet.pt", 10L).scan(rule);
        assertThat(message(weights)).startsWith("Create the missing folder models/ (");

        // a pickle in the data folder is data, and a .py named like a model is code: no models/ for them
        Report traps = TestRepo.create().file("data/features.pkl", "x").file("data/raw/.gitkeep", "")
                .file("data/processed/.gitkeep", "").file("data/interim/.gitkeep", "").file("src/model.py", "x\n")
                .scan(rule);
        assertThat(traps.findings()).isEmpty();
    }

    @Test
    void dataStagesAreAskedForOnlyWhenTheDataFolderHoldsDataFiles() {
        Report codeAndDocs = TestRepo.create().file("data/make_dataset.py", "x\n").file("data/sources.md", "# S\n")
                .file("data/README.md", "# Data\n").scan(rule);
        assertThat(codeAndDocs.findings()).isEmpty();

        Report dvc = TestRepo.create().file("data/customers.csv.dvc", "outs:\n- path: customers.csv\n").scan(rule);
        assertThat(message(dvc)).startsWith("Create the missing folders data/raw/, data/processed/, data/interim/ (");
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
                .file("notebooks/.gitkeep", "").file("model.onnx", 10L).scan(rule);
        assertThat(message(r)).startsWith("Create the missing folder models/ (");
    }

    @Test
    void configuredFolderNamesAreUsed() {
        Report r = TestRepo.create().config("enabled: true\npaths: { data: datasets, models: artifacts }\n")
                .file("datasets/.gitkeep", "").file("models/.gitkeep", "").file("notebooks/.gitkeep", "")
                .file("churn.joblib", "x").scan(rule);
        assertThat(message(r)).startsWith("Create the missing folder artifacts/ (");
    }

    @Test
    void fixingPartOfAnOldGapLeavesTheRestExistingAndAWorseGapIsNew() {
        TestRepo repo = TestRepo.create().file("model.pkl", "x").file("eda.ipynb", "{}");
        Report better = repo.change().add("data/.gitkeep", "").rename("eda.ipynb", "notebooks/eda.ipynb")
                .evaluate(rule);
        assertThat(message(better)).startsWith("Create the missing folder models/ (");
        assertThat(better.findings()).extracting(Finding::isNew).containsExactly(false);

        Report worse = TestRepo.create().file("data/.gitkeep", "").file("models/.gitkeep", "").file("model.pkl", "x")
                .file("notebooks/eda.ipynb", "{}").change().delete("models/.gitkeep")
                .rename("notebooks/eda.ipynb", "eda.ipynb").evaluate(rule);
        assertThat(message(worse)).startsWith("Create the missing folders models/, notebooks/ (");
        assertThat(worse.findings()).extracting(Finding::isNew).containsExactly(true);
    }

    @Test
    void thePullRequestThatAddsTheFirstModelFileMakesTheMissingModelsFolderNew() {
        TestRepo repo = TestRepo.create().file("data/.gitkeep", "").file("train.py", "x\n");
        Report first = repo.change().add("churn.joblib", 100L).evaluate(rule);
        assertThat(message(first)).startsWith("Create the missing folder models/ (");
        assertThat(first.findings()).extracting(Finding::isNew).containsExactly(true);

        Report intoPlace = repo.change().add("models/churn.joblib", 100L).evaluate(rule);
        assertThat(intoPlace.findings()).isEmpty();
        Report code = repo.change().add("src/model.py", "x\n").evaluate(rule);
        assertThat(code.findings()).isEmpty();
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

    @Test
    void commonEquivalentsCountAndTheReportSaysWhichWasTaken() {
        Report kaggle = TestRepo.create().file("input/train.csv", "a\n").file("input/raw/.gitkeep", "")
                .file("input/processed/.gitkeep", "").file("input/interim/.gitkeep", "")
                .file("notebook/eda.ipynb", "{}").file("checkpoints/best.ckpt", 10L).scan(rule);
        assertThat(kaggle.findings()).isEmpty();
        assertThat(kaggle.notes()).containsExactly("Folders found under common names: `input/` as the data folder "
                + "(`data/`), `checkpoints/` as the models folder (`models/`), `notebook/` as the notebooks folder "
                + "(`notebooks/`). Name others under `paths:` in .github/ml-readiness.yml if these are not the "
                + "right ones.");

        // Kaggle's input/ is the raw data itself (read-only where Kaggle mounts it): no stages asked inside it
        Report kaggleInput = TestRepo.create().file("input/train.csv", "a\n").file("notebook/eda.ipynb", "{}")
                .scan(rule);
        assertThat(kaggleInput.findings()).isEmpty();

        Report datasets = TestRepo.create().file("datasets/reviews.parquet", 10L).file("weights/bert.safetensors", 10L)
                .scan(rule);
        assertThat(message(datasets)).startsWith("Create the missing folders datasets/raw/, datasets/processed/, "
                + "datasets/interim/ (");
    }

    @Test
    void theDefaultNameWinsOverAnEquivalentAndNoNoteIsGiven() {
        Report r = TestRepo.create().file("data/.gitkeep", "").file("input/x.csv", "a\n").scan(rule);
        assertThat(r.findings()).isEmpty();
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void aPythonPackageNamedLikeAnEquivalentIsCodeNotData() {
        Report r = TestRepo.create().file("datasets/__init__.py", "").file("datasets/coco.py", "x\n")
                .file("notebook/x.py", "x\n").file("eda.ipynb", "{}").scan(rule);
        assertThat(message(r)).startsWith("Create the missing folders data/, notebooks/ (");
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void aGitIgnoredEquivalentIsPresent() {
        Report r = TestRepo.create().file(".gitignore", "input/\nweights/\n").file("train.py", "x\n")
                .file("model.pt", 10L).scan(rule);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void configuredFoldersWinOverEquivalents() {
        Report r = TestRepo.create().config("enabled: true\npaths: { data: corpus, notebooks: nb }\n")
                .file("input/train.csv", "a\n").file("notebook/eda.ipynb", "{}").file("weights/w.pt", 10L).scan(rule);
        assertThat(message(r)).startsWith("Create the missing folders corpus/, nb/ (");
        assertThat(r.notes()).singleElement().asString().startsWith("Folders found under common names: `weights/` "
                + "as the models folder (`models/`).");
    }

    @Test
    void equivalentsInAPullRequest() {
        TestRepo repo = TestRepo.create().file("input/.gitkeep", "").file("train.py", "x\n");
        Report intoEquivalent = repo.change().add("notebook/eda.ipynb", "{}").evaluate(rule);
        assertThat(intoEquivalent.findings()).isEmpty();

        Report atTheRoot = repo.change().add("eda.ipynb", "{}").evaluate(rule);
        assertThat(message(atTheRoot)).startsWith("Create the missing folder notebooks/ (");
        assertThat(atTheRoot.findings()).extracting(Finding::isNew).containsExactly(true);
    }

    @Test
    void aModelOnlyHuggingFaceRepositoryIsNotAsked() {
        String card = "---\nlicense: mit\nlibrary_name: transformers\n---\n# bert-imdb\n\nA fine-tuned BERT.\n";
        Report hub = TestRepo.create().file("README.md", card).file("model.safetensors", 10L)
                .file("config.json", "{}").scan(rule);
        assertThat(hub.findings()).isEmpty();
        assertThat(hub.scores()).isEmpty(); // not applicable: not counted as passed either

        // with training code it is a project that trains the model, and the layout applies again
        Report training = TestRepo.create().file("README.md", card).file("model.safetensors", 10L)
                .file("train.py", "from transformers import Trainer\ntrainer = Trainer()\ntrainer.train()\n")
                .scan(rule);
        assertThat(message(training)).startsWith("Create the missing folders data/, models/ (");
    }
}
