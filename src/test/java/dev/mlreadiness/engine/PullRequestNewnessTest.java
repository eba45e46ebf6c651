package dev.mlreadiness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.notebook.NotebookJson;
import dev.mlreadiness.engine.rules.reproducibility.AbsolutePathRule;
import dev.mlreadiness.engine.rules.reproducibility.NotebookErrorOutputRule;
import dev.mlreadiness.engine.rules.reproducibility.RandomSeedRule;
import dev.mlreadiness.engine.rules.reproducibility.UnpinnedDependencyRule;
import dev.mlreadiness.engine.rules.versioning.SecretRule;

/**
 * "New" follows the gap, not the line: a pull request that moves, reformats or renames code carrying a gap does
 * not make the gap new; one that adds a gap, even a copy of an old one, does.
 */
class PullRequestNewnessTest {

    private static final String TRAIN = """
            import numpy as np
            from sklearn.model_selection import train_test_split

            X = np.load("x.npy")
            y = np.load("y.npy")
            X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)
            """;

    private static final String TRAIN_USING_HELPER = """
            import numpy as np
            from helpers import split

            X = np.load("x.npy")
            y = np.load("y.npy")
            X_train, X_test, y_train, y_test = split(X, y)
            """;

    private static String helpers(String testSize) {
        return """
                from sklearn.model_selection import train_test_split


                def split(X, y):
                    return train_test_split(X, y, test_size=%s)
                """.formatted(testSize);
    }

    @Test
    void callMovedIntoAHelperIsExisting() {
        Report r = TestRepo.create().file("train.py", TRAIN).change().modify("train.py", TRAIN_USING_HELPER)
                .add("helpers.py", helpers("0.2")).evaluate(new RandomSeedRule());
        assertThat(r.findings()).extracting(Finding::location, Finding::isNew).containsExactly(
                tuple("helpers.py:5", false));
    }

    @Test
    void movedCallThatChangesOrIsDuplicatedIsNew() {
        // another test size is another split
        Report changed = TestRepo.create().file("train.py", TRAIN).change().modify("train.py", TRAIN_USING_HELPER)
                .add("helpers.py", helpers("0.3")).evaluate(new RandomSeedRule());
        assertThat(changed.findings()).extracting(Finding::location, Finding::isNew).containsExactly(
                tuple("helpers.py:5", true));

        // copied, not moved: train.py keeps its call, so the helper's is a second one
        Report copied = TestRepo.create().file("train.py", TRAIN).change().modify("train.py", TRAIN + "\n")
                .add("helpers.py", helpers("0.2")).evaluate(new RandomSeedRule());
        assertThat(copied.findings()).extracting(Finding::location, Finding::isNew).containsExactly(
                tuple("helpers.py:5", true), tuple("train.py:6", false));
    }

    @Test
    void callMovedOutOfASeededFileIntoAnUnseededOneIsNew() {
        Report r = TestRepo.create().file("model.py", """
                import torch
                from torch import nn

                torch.manual_seed(0)
                layer = nn.Linear(4, 2)
                nn.init.normal_(layer.weight)
                """).change().modify("model.py", """
                import torch
                from torch import nn
                from init import init_weights

                torch.manual_seed(0)
                layer = nn.Linear(4, 2)
                init_weights(layer)
                """).add("init.py", """
                from torch import nn


                def init_weights(layer):
                    nn.init.normal_(layer.weight)
                """).evaluate(new RandomSeedRule());
        assertThat(r.findings()).extracting(Finding::location, Finding::isNew).containsExactly(
                tuple("init.py:5", true));
    }

    @Test
    void callReformattedOrReachedThroughAnotherImportIsExisting() {
        Report r = TestRepo.create().file("model.py", """
                import torch
                from sklearn.model_selection import train_test_split

                w = torch.empty(3, 5)
                torch.nn.init.normal_(w, 0.0, 0.02)
                split = train_test_split(X, y, test_size=0.2)
                """).change().modify("model.py", """
                import torch
                from torch import nn
                from sklearn.model_selection import train_test_split

                w = torch.empty(3, 5)
                nn.init.normal_(w, 0.0,0.02)
                split = train_test_split(
                    X,
                    y,
                    test_size=0.2,
                )
                """).evaluate(new RandomSeedRule());
        assertThat(r.findings()).extracting(Finding::location, Finding::isNew).containsExactly(
                tuple("model.py:6", false), tuple("model.py:7", false));
        // the same lines with another initialiser: a new gap
        Report other = TestRepo.create().file("model.py", """
                import torch

                w = torch.empty(3, 5)
                torch.nn.init.normal_(w, 0.0, 0.02)
                """).change().modify("model.py", """
                import torch
                from torch import nn

                w = torch.empty(3, 5)
                nn.init.uniform_(w, 0.0, 0.02)
                """).evaluate(new RandomSeedRule());
        assertThat(other.findings()).extracting(Finding::location, Finding::isNew).containsExactly(
                tuple("model.py:5", true));
    }

    @Test
    void renamedAndEditedFileKeepsItsOldGapsAndReportsItsNewOnes() {
        Report r = TestRepo.create().file("src/train.py", TRAIN).change()
                .rename("src/train.py", "src/training/train.py", TRAIN.replace("test_size=0.2)",
                        "test_size=0.2)  # hold out a fifth")
                        + "from sklearn.ensemble import RandomForestClassifier\nclf = RandomForestClassifier()\n")
                .evaluate(new RandomSeedRule());
        assertThat(r.findings()).extracting(Finding::location, Finding::isNew).containsExactly(
                tuple("src/training/train.py:6", false), tuple("src/training/train.py:8", true));
    }

    @Test
    void aSecondIdenticalCallIsOneNewGap() {
        String base = "import numpy as np\n\nnoise = np.random.rand(3)\n";
        Report added = TestRepo.create().file("a.py", base).change()
                .modify("a.py", base + "more = np.random.rand(3)\n").evaluate(new RandomSeedRule());
        assertThat(added.findings()).extracting(Finding::location, Finding::isNew).containsExactly(
                tuple("a.py:3", false), tuple("a.py:4", true));

        // both lines touched: one of the two gaps was there before, the other is new
        Report both = TestRepo.create().file("a.py", base).change()
                .modify("a.py", "import numpy as np\n\nnoise = np.random.rand(3)  # jitter\n"
                        + "more = np.random.rand(3)  # jitter\n")
                .evaluate(new RandomSeedRule());
        assertThat(both.findings()).extracting(Finding::location, Finding::isNew).containsExactly(
                tuple("a.py:3", false), tuple("a.py:4", true));
    }

    @Test
    void bumpingAnUnpinnedRangeIsNotANewGapButUnpinningIs() {
        TestRepo repo = TestRepo.create().file("requirements.txt", "torch>=2.0\nnumpy==1.26.4\n");
        Report bumped = repo.change().modify("requirements.txt", "torch>=2.1\nnumpy==1.26.4\n")
                .evaluate(new UnpinnedDependencyRule());
        assertThat(bumped.findings()).extracting(Finding::location, Finding::isNew).containsExactly(
                tuple("requirements.txt:1", false));
        assertThat(bumped.conclusion()).isEqualTo(Conclusion.SUCCESS);

        Report unpinned = repo.change().modify("requirements.txt", "torch>=2.1\nnumpy>=1.26\n")
                .evaluate(new UnpinnedDependencyRule());
        assertThat(unpinned.findings()).extracting(Finding::location, Finding::isNew).containsExactly(
                tuple("requirements.txt:1", false), tuple("requirements.txt:2", true));
        assertThat(unpinned.conclusion()).isEqualTo(Conclusion.FAILURE);
    }

    @Test
    void pathAndSecretFollowTheirValueIntoAnotherFile() {
        String token = "hf_" + "aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
        String other = "hf_" + "zYxWvUtSrQpOnMlKjIhGfEdCbA9876543210";
        TestRepo repo = TestRepo.create().file("config.py", "TOKEN = \"" + token + "\"\n"
                + "DATA = \"/Users/alice/data/train.csv\"\n");
        Report moved = repo.change().delete("config.py").add("settings.py", "# settings\nTOKEN = \"" + token
                + "\"\nDATA = \"/Users/alice/data/train.csv\"\n").evaluate(new SecretRule(), new AbsolutePathRule());
        assertThat(moved.findings()).extracting(Finding::ruleId, Finding::location, Finding::isNew)
                .containsExactlyInAnyOrder(tuple("versioning/secret", "settings.py:2", false),
                        tuple("reproducibility/absolute-path", "settings.py:3", false));

        Report changed = repo.change().delete("config.py").add("settings.py", "# settings\nTOKEN = \"" + other
                + "\"\nDATA = \"/Users/alice/data/test.csv\"\n").evaluate(new SecretRule(), new AbsolutePathRule());
        assertThat(changed.findings()).extracting(Finding::ruleId, Finding::location, Finding::isNew)
                .containsExactlyInAnyOrder(tuple("versioning/secret", "settings.py:2", true),
                        tuple("reproducibility/absolute-path", "settings.py:3", true));
    }

    @Test
    void notebookSavedInAnotherLayoutKeepsItsFailedCellExisting() {
        String failing = "df = load('train.csv')\nfit(df)\n";
        String base = NotebookJson.create().code(1, "import pandas as pd\n").code(2, failing)
                .withError("ValueError", "bad").json();
        String resaved = NotebookJson.create().codeAsString(1, "import pandas as pd\n")
                .codeAsString(2, failing).withError("ValueError", "bad").json();
        Report r = TestRepo.create().file("notebooks/a.ipynb", base).change().modify("notebooks/a.ipynb", resaved)
                .evaluate(new NotebookErrorOutputRule());
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(NotebookJson.lineOf(resaved, "df = load"));
            assertThat(f.isNew()).isFalse();
        });

        String anotherFailure = NotebookJson.create().codeAsString(1, "import pandas as pd\n")
                .codeAsString(2, failing).withError("ValueError", "bad").code(3, "predict(df)\n")
                .withError("KeyError", "'y'").json();
        Report more = TestRepo.create().file("notebooks/a.ipynb", base).change()
                .modify("notebooks/a.ipynb", anotherFailure).evaluate(new NotebookErrorOutputRule());
        assertThat(more.findings()).extracting(Finding::isNew).containsExactly(false, true);
    }

    /** A web shop's repository (flask only: not an ML project) and the pull request that adds a churn model. */
    private static TestRepo.Change firstMlPullRequest() {
        return TestRepo.create().noConfig()
                .file("README.md", "# Shop\n\nA small web shop.\n\n## Usage\n\nRun `flask run`.\n")
                .file("app.py", "from flask import Flask\napp = Flask(__name__)\n")
                .file("requirements.txt", "flask==3.0.3\n")
                .change()
                .modify("requirements.txt", "flask==3.0.3\npandas==2.2.2\nscikit-learn==1.5.0\n")
                .add("data/churn.csv", "tenure,churned\n1,0\n2,1\n")
                .add("models/model.joblib", 2048)
                .add("src/train.py", """
                        import joblib
                        import pandas as pd
                        from sklearn.ensemble import RandomForestClassifier
                        from sklearn.metrics import accuracy_score
                        from sklearn.model_selection import train_test_split

                        df = pd.read_csv("data/churn.csv")
                        X_train, X_test, y_train, y_test = train_test_split(df[["tenure"]], df["churned"])
                        clf = RandomForestClassifier().fit(X_train, y_train)
                        print(accuracy_score(y_test, clf.predict(X_test)))
                        joblib.dump(clf, "models/model.joblib")
                        """);
    }

    @Test
    void theFirstMlPullRequestGetsAsNewOnlyWhatItsOwnContentCauses() {
        Report r = firstMlPullRequest().evaluate(RuleCatalog.checklist());
        assertThat(r.applicable()).isTrue();
        // the data docs for the data it adds, the model card for the model it adds, the seeds of its code
        assertThat(r.newFindings()).extracting(Finding::ruleId, Finding::location).contains(
                tuple("docs/data-sources", "README.md"), tuple("docs/data-schema", "README.md"),
                tuple("docs/model-card", ""), tuple("docs/stale", ""),
                tuple("reproducibility/random-seed", "src/train.py:8"),
                tuple("reproducibility/random-seed", "src/train.py:9"));
        // the repository's old gaps: it had no CI, tests or Python version as a web shop either
        assertThat(r.findings()).filteredOn(f -> !f.isNew()).extracting(Finding::ruleId).contains(
                "production/ci", "production/tests", "reproducibility/python-version", "docs/training-environment");
        assertThat(r.newFindings()).extracting(Finding::ruleId).doesNotContain("production/ci", "production/tests",
                "reproducibility/python-version", "docs/training-environment", "docs/experiments",
                "docs/model-pseudocode", "docs/deployment", "production/monitoring");
    }

    @Test
    void theBaseVersionsOfChangedFilesAreReadInTheSameBatch() {
        TestRepo.Change change = TestRepo.create().file("train.py", TRAIN).file("old.py", "x = 1\n")
                .file("keep.py", "y = 1\n").change().modify("train.py", TRAIN_USING_HELPER).delete("old.py")
                .add("helpers.py", "z = 1\n");
        Checklist checklist = TestRules.checklist(true, new RandomSeedRule());
        Checklist.Reads reads = change.reads(checklist);
        assertThat(reads.head()).containsExactlyInAnyOrder("train.py", "helpers.py");
        assertThat(reads.base()).containsExactlyInAnyOrder("train.py", "old.py");
    }
}
