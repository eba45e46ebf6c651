package dev.mlreadiness.engine.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.docs.DocMentions;

class StaleDocsRuleTest {

    private static final String README = """
            # Churn

            Predicts which customers leave.

            ## Usage

            ```bash
            DATA_DIR=data/raw python src/train.py --epochs 10
            ```

            `build_features()` turns the raw table into model features; `configs/train.yaml` sets `batch_size`.
            """;

    private static final String FEATURES = """
            import pandas as pd


            def build_features(df):
                df = df.copy()
                df["tenure_years"] = df["tenure"] / 12
                return df
            """;

    private static final String TRAIN = """
            import argparse
            import os

            from features import build_features


            def main():
                parser = argparse.ArgumentParser()
                parser.add_argument("--epochs", type=int, default=10)
                args = parser.parse_args()
                data_dir = os.environ["DATA_DIR"]
                lr = 0.001
                print(args.epochs, data_dir, lr)


            if __name__ == "__main__":
                main()
            """;

    private static final String PYPROJECT = """
            [project]
            name = "churn"
            version = "0.1.0"
            dependencies = [
                "numpy>=1.26",
                "pandas>=2.2",
            ]
            """;

    private static TestRepo repo() {
        return TestRepo.create().file("README.md", README).file("src/features.py", FEATURES)
                .file("src/train.py", TRAIN).file("requirements.txt", "numpy==1.26.4\npandas==2.2.2\n")
                .file("pyproject.toml", PYPROJECT).file("configs/train.yaml", "lr: 0.001\nbatch_size: 32\n")
                .file("tests/test_features.py", "from features import build_features\n");
    }

    private static List<String> messages(TestRepo.Change change) {
        Report r = change.evaluate(new StaleDocsRule());
        assertThat(r.findings()).allSatisfy(f -> assertThat(f.isNew()).isTrue());
        return r.findings().stream().map(Finding::message).toList();
    }

    private static String stale(String what) {
        return "This PR " + what + " but changes no documentation: update the README or the pages under docs/ "
                + "that describe it.";
    }

    @Test
    void bugFixesInsideFunctionsAreNotStale() {
        assertThat(messages(repo().change()
                .modify("src/train.py", TRAIN.replace("lr = 0.001", "lr = 0.0005\n    warmup = min(1.0, 0.1)"))
                .modify("src/features.py", FEATURES.replace("/ 12", "/ 12.0")))).isEmpty();
    }

    @Test
    void versionOnlyManifestChangesAreNotStale() {
        // the bot's bump of a pin, of ranges and of the project's own version
        assertThat(messages(repo().change().modify("requirements.txt", "numpy==2.0.1\npandas==2.2.3\n")
                .modify("pyproject.toml", PYPROJECT.replace("\"numpy>=1.26\"", "\"numpy>=2.0,<3\"")
                        .replace("0.1.0", "0.2.0"))))
                .isEmpty();
    }

    @Test
    void testOnlyChangesAreNotStale() {
        assertThat(messages(repo().change()
                .modify("tests/test_features.py", "import argparse\nimport os\n\nfrom features import build_features\n"
                        + "DATA = os.getenv(\"TEST_DATA\")\n\n\nclass TinyNet(object):\n    pass\n")
                .add("tests/data/sample.csv", "tenure,churned\n1,0\n")
                .add("tests/requirements.txt", "pytest==8.2.0\n"))).isEmpty();
    }

    @Test
    void aNewDependencyIsStaleButAMovedOneIsNot() {
        assertThat(messages(repo().change().modify("requirements.txt", "numpy==1.26.4\npandas==2.2.2\n"
                + "torch==2.3.0\n"))).containsExactly(stale("adds the dependency `torch` (requirements.txt)"));
        assertThat(messages(repo().change().modify("pyproject.toml", PYPROJECT.replace("\"pandas>=2.2\",",
                "\"pandas>=2.2\",\n    \"scikit-learn>=1.5\",")))).containsExactly(stale(
                        "adds the dependency `scikit-learn` (pyproject.toml)"));
        // pandas leaves requirements.txt but pyproject.toml already declares it
        assertThat(messages(repo().change().modify("requirements.txt", "numpy==1.26.4\n")
                .modify("pyproject.toml", PYPROJECT.replace("\"pandas>=2.2\"", "\"pandas>=2.2.2\"")))).isEmpty();
    }

    @Test
    void aNewEntryPointIsStale() {
        assertThat(messages(repo().change().modify("pyproject.toml", PYPROJECT
                + "\n[project.scripts]\nchurn-train = \"churn.train:main\"\n"))).containsExactly(stale(
                        "adds the entry point `churn-train` (pyproject.toml)"));
        assertThat(messages(repo().change().add("src/serve.py", "def serve():\n    pass\n\n\n"
                + "if __name__ == \"__main__\":\n    serve()\n"))).containsExactly(
                        stale("adds the script src/serve.py"));
        // a helper module without a main guard is no new way to run the project
        assertThat(messages(repo().change().add("src/utils.py", "def mean(xs):\n    return sum(xs) / len(xs)\n")))
                .isEmpty();
    }

    @Test
    void aNewCommandLineOptionIsStaleAndAChangedOneWhenTheDocsMentionIt() {
        assertThat(messages(repo().change().modify("src/train.py", TRAIN.replace(
                "    args = parser.parse_args()",
                "    parser.add_argument(\"--warmup-steps\", type=int, default=500)\n    args = parser.parse_args()"))))
                .containsExactly(stale("adds the command-line option `--warmup-steps` (src/train.py)"));
        assertThat(messages(repo().change().modify("src/train.py", TRAIN.replace("default=10", "default=20"))))
                .containsExactly(stale("changes the command-line option `--epochs` the docs mention (src/train.py)"));
    }

    @Test
    void codeMovedToAnotherFileChangesNothingTheDocsDescribe() {
        String cli = """
                import argparse


                def parse():
                    parser = argparse.ArgumentParser()
                    parser.add_argument("--epochs", type=int, default=10)
                    return parser.parse_args()
                """;
        assertThat(messages(repo().change().add("src/cli.py", cli).modify("src/train.py", TRAIN
                .replace("    parser = argparse.ArgumentParser()\n", "")
                .replace("    parser.add_argument(\"--epochs\", type=int, default=10)\n", "")
                .replace("args = parser.parse_args()", "args = parse()")))).isEmpty();
    }

    @Test
    void newSettingsAndConfigKeysAreStale() {
        assertThat(messages(repo().change().modify("src/train.py", TRAIN.replace("    lr = 0.001",
                "    lr = 0.001\n    project = os.getenv(\"WANDB_PROJECT\", \"churn\")"))))
                .containsExactly(stale("reads the new setting `WANDB_PROJECT` (src/train.py)"));
        assertThat(messages(repo().change().modify("configs/train.yaml", "lr: 0.001\nbatch_size: 32\n"
                + "warmup_steps: 500\n"))).containsExactly(stale("adds the config key `warmup_steps` "
                        + "(configs/train.yaml)"));
        // a value the docs do not mention is tuning, not documentation; one they mention is
        assertThat(messages(repo().change().modify("configs/train.yaml", "lr: 0.0005\nbatch_size: 32\n")))
                .isEmpty();
        assertThat(messages(repo().change().modify("configs/train.yaml", "lr: 0.001\nbatch_size: 64\n")))
                .containsExactly(stale("changes the config key `batch_size` the docs mention (configs/train.yaml)"));
    }

    @Test
    void addedDataAndModelFilesAreStale() {
        assertThat(messages(repo().change().add("data/raw/extra.csv", "tenure,churned\n3,1\n"))).containsExactly(
                stale("adds the data file data/raw/extra.csv"));
        assertThat(messages(repo().change().add("models/churn.pt", 4096).add("data/raw/big.parquet.dvc",
                "outs:\n- md5: 0\n  path: big.parquet\n"))).containsExactly("This PR adds the data file "
                        + "data/raw/big.parquet (tracked by DVC) and adds the model file models/churn.pt but changes "
                        + "no documentation: update the README or the pages under docs/ that describe them.");
    }

    @Test
    void aNewModelClassIsStaleButSchemasAndHelpersAreNot() {
        assertThat(messages(repo().change().add("src/model.py", """
                import torch
                from torch import nn


                class ChurnNet(nn.Module):
                    def __init__(self):
                        super().__init__()
                        self.fc = nn.Linear(8, 1)
                """))).containsExactly(stale("adds the model class `ChurnNet` (src/model.py)"));
        assertThat(messages(repo().change().add("src/schema.py", """
                from pydantic import BaseModel


                class Customer(BaseModel):
                    tenure: int


                class Timer:
                    pass
                """))).isEmpty();
    }

    @Test
    void namesAndFilesTheDocsMentionThatChangeOrGo() {
        assertThat(messages(repo().change().modify("src/features.py", FEATURES.replace("def build_features(df):",
                "def build_features(df, horizon=12):")))).containsExactly(stale("changes `build_features`, which "
                        + "the docs mention (src/features.py)"));
        assertThat(messages(repo().change().modify("src/features.py", FEATURES.replace("build_features",
                "make_features")))).containsExactly(stale("removes `build_features`, which the docs mention"));
        assertThat(messages(repo().change().rename("src/train.py", "src/churn/train.py"))).containsExactly(
                stale("moves src/train.py, which the docs mention, to src/churn/train.py"));
        // the README names build_features(), not the file it lives in
        assertThat(messages(repo().change().rename("src/features.py", "src/churn/features.py"))).isEmpty();
    }

    @Test
    void proseWordsAreNoMentionButCodeAndDistinctiveNamesAre() {
        DocMentions docs = DocMentions.ofText("""
                We train the model on data. Run `evaluate` after training, then call report_metrics.

                ```python
                from churn import TabularNet
                python train.py --lr 0.1
                ```
                See ./configs/base.yaml. Use -v for more output.
                """);
        assertThat(docs.name("train")).as("prose, and train.py names a file").isFalse();
        assertThat(docs.name("model")).isFalse();
        assertThat(docs.name("evaluate")).as("in backticks").isTrue();
        assertThat(docs.name("report_metrics")).as("distinctive").isTrue();
        assertThat(docs.name("TabularNet")).isTrue();
        assertThat(docs.option("--lr")).isTrue();
        assertThat(docs.option("-v")).isTrue();
        assertThat(docs.option("--epochs")).isFalse();
        assertThat(docs.path("train.py")).isTrue();
        assertThat(docs.path("scripts/train.py")).as("by file name").isTrue();
        assertThat(docs.path("configs/base.yaml")).isTrue();
        assertThat(docs.path("configs/other.yaml")).isFalse();
    }

    @Test
    void severalChangesAreCountedInOneFinding() {
        Report r = repo().change().modify("requirements.txt", "numpy==1.26.4\npandas==2.2.2\ntorch==2.3.0\n")
                .add("data/raw/extra.csv", "a\n").add("src/serve.py", "if __name__ == \"__main__\":\n    pass\n")
                .modify("configs/train.yaml", "lr: 0.001\nbatch_size: 32\nwarmup_steps: 500\n")
                .evaluate(new StaleDocsRule());
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::path, Finding::message, Finding::isNew)
                .containsExactly(tuple("docs/stale", null, "This PR adds the dependency `torch` (requirements.txt), "
                        + "adds the script src/serve.py and 2 more changes the docs describe but changes no "
                        + "documentation: update the README or the pages under docs/ that describe them.", true));
    }

    @Test
    void aDocChangeAnywhereIsEnoughButDeletingADocIsNot() {
        assertThat(messages(repo().change().modify("requirements.txt", "numpy==1.26.4\ntorch==2.3.0\n")
                .add("docs/install.md", "# Install\n\nNow needs torch.\n"))).isEmpty();
        assertThat(messages(repo().file("docs/old.md", "# Old\n").change()
                .modify("requirements.txt", "numpy==1.26.4\ntorch==2.3.0\n").delete("docs/old.md")))
                .containsExactly(stale("adds the dependency `torch` (requirements.txt)"));
    }

    @Test
    void fullScanNeverRunsIt() {
        Report r = repo().scan(new StaleDocsRule());
        assertThat(r.findings()).isEmpty();
        assertThat(r.scores()).isEmpty();
    }

    private static final String DOCUMENTED = """
            # Churn

            Predicts which customers leave.

            ## Usage

            `python src/train.py`

            ## Data

            | Column | Type |
            |---|---|
            | customer_id | string |
            | tenure | integer |

            ## Results

            A random forest (300 trees) reaches F1 0.68.

            ## Training environment

            Packages pinned in `requirements.txt` (scikit-learn 1.5.0), seed 42 everywhere.

            ## Deployment

            `docker run churn` serves POST /predict on port 8000.
            """;

    private static final String FOREST = """
            from sklearn.ensemble import RandomForestClassifier

            model = RandomForestClassifier(n_estimators=300, random_state=42)
            """;

    private static TestRepo documented() {
        return TestRepo.create().file("README.md", DOCUMENTED).file("src/train.py", FOREST)
                .file("requirements.txt", "pandas==2.2.2\nscikit-learn==1.5.0\n")
                .file("data/raw/customers.csv", "customer_id,tenure\nc1,12\n")
                .file("Dockerfile", "FROM python:3.11-slim\nUSER app\nEXPOSE 8000\nCMD [\"python\", \"serve.py\"]\n");
    }

    @Test
    void aHyperparameterChangeNamesTheExperimentsSectionEvenWhenOtherDocsChange() {
        String tuned = FOREST.replace("300", "500");
        assertThat(messages(documented().change().modify("src/train.py", tuned)
                .modify("README.md", DOCUMENTED.replace("`python src/train.py`", "`python -m src.train`"))))
                .containsExactly("This PR changes the hyperparameters of `RandomForestClassifier` (src/train.py), but "
                        + "not the `## Results` section of README.md, which describes experiments: update it.");
        // the PR that edits the section is fine
        assertThat(messages(documented().change().modify("src/train.py", tuned)
                .modify("README.md", DOCUMENTED.replace("(300 trees)", "(500 trees)")))).isEmpty();
        // a new estimator is named too
        assertThat(messages(documented().change().modify("src/train.py", FOREST.replace("RandomForestClassifier",
                "GradientBoostingClassifier")).modify("docs/notes.md", "# Notes\n\nTried boosting.\n")))
                .containsExactly("This PR uses the estimator `GradientBoostingClassifier` (src/train.py) and no longer "
                        + "uses the estimator `RandomForestClassifier` (src/train.py), but not the `## Results` section "
                        + "of README.md, which describes experiments: update it.");
    }

    @Test
    void aSeedOrAPinTheSectionNamesMakesTheTrainingEnvironmentStale() {
        assertThat(messages(documented().change().modify("src/train.py", FOREST.replace("42", "7"))))
                .containsExactly("This PR changes the random seed from 42 to 7 (src/train.py), but not the "
                        + "`## Training environment` section of README.md, which describes the training environment: "
                        + "update it.");
        assertThat(messages(documented().change().modify("requirements.txt", "pandas==2.2.2\nscikit-learn==1.5.1\n")))
                .containsExactly("This PR changes the pinned version of `scikit-learn` from `1.5.0` to `1.5.1` "
                        + "(requirements.txt), but not the `## Training environment` section of README.md, which "
                        + "describes the training environment: update it.");
        // a bump of a version the docs do not state leaves them right
        assertThat(messages(documented().change().modify("requirements.txt", "pandas==2.2.3\nscikit-learn==1.5.0\n")))
                .isEmpty();
    }

    @Test
    void newColumnsMakeTheSchemaSectionStaleAndADockerCommandTheDeployment() {
        assertThat(messages(documented().change().modify("data/raw/customers.csv",
                "customer_id,tenure,plan\nc1,12,pro\n"))).containsExactly("This PR changes the columns of "
                        + "data/raw/customers.csv (adds `plan`), but not the `## Data` section of README.md, which "
                        + "describes the data schema: update it.");
        assertThat(messages(documented().change().modify("Dockerfile", "FROM python:3.11-slim\nUSER app\n"
                + "EXPOSE 9000\nCMD [\"python\", \"serve.py\"]\n"))).containsExactly("This PR changes the "
                        + "container's EXPOSE (Dockerfile), but not the `## Deployment` section of README.md, which "
                        + "describes the deployment: update it.");
        // a change that keeps the column names, or a Dockerfile change elsewhere, is none
        assertThat(messages(documented().change().modify("data/raw/customers.csv", "customer_id,tenure\nc9,1\n")
                .modify("Dockerfile", "FROM python:3.11.9-slim\nUSER app\nEXPOSE 8000\n"
                        + "CMD [\"python\", \"serve.py\"]\n")))
                .isEmpty();
    }

    @Test
    void anEstimatorTheSectionAlreadyNamesOrNeverNamedLeavesItRight() {
        // a new training script with the forest the Results already describe ("A random forest")
        assertThat(messages(documented().change().add("src/retrain.py", FOREST)
                .modify("src/train.py", "print('moved')\n"))).isEmpty();
        // the baseline the Results already report, now in the code too; and one they do not report
        String baseline = FOREST + "baseline = LogisticRegression(max_iter=200)\n";
        TestRepo withBaseline = TestRepo.create().file("src/train.py", FOREST).file("README.md",
                DOCUMENTED.replace("reaches F1 0.68.", "reaches F1 0.68, a LogisticRegression baseline 0.61."));
        assertThat(messages(withBaseline.change().modify("src/train.py", baseline))).isEmpty();
        assertThat(messages(documented().change().modify("src/train.py", baseline))).containsExactly("This PR uses "
                + "the estimator `LogisticRegression` (src/train.py), but not the `## Results` section of README.md, "
                + "which describes experiments: update it.");
        // the Python patch release leaves "Python 3.11" right; a new minor version does not
        TestRepo py = documented().file(".python-version", "3.11.8\n");
        assertThat(messages(py.change().modify(".python-version", "3.11.9\n"))).isEmpty();
        TestRepo named = TestRepo.create().file("README.md", DOCUMENTED.replace("seed 42", "Python 3.11, seed 42"))
                .file(".python-version", "3.11.8\n");
        assertThat(messages(named.change().modify(".python-version", "3.12.1\n"))).containsExactly("This PR changes "
                + "the Python version from `3.11.8` to `3.12.1` (.python-version), but not the `## Training "
                + "environment` section of README.md, which describes the training environment: update it.");
    }

    @Test
    void withoutTheSectionTheChangeIsLeftToTheGenericRule() {
        TestRepo repo = TestRepo.create().file("README.md", "# Churn\n\nPredicts churn.\n\n## Usage\n\n`make`\n")
                .file("src/train.py", FOREST);
        assertThat(messages(repo.change().modify("src/train.py", FOREST.replace("300", "500")
                .replace("42", "7")))).isEmpty();
    }
}
