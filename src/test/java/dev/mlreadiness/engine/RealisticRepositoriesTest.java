package dev.mlreadiness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * End to end: small but realistic repositories scanned with the whole catalog, without {@code enabled: true}, so
 * ML-project detection runs as it would for an unconfigured repository. Each test names every rule it expects to
 * fire, so a new false positive (or a lost true one) shows up here first.
 */
class RealisticRepositoriesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A Jupyter notebook (nbformat 4) with one code cell per argument, executed in order. */
    private static String notebook(String... codeCells) {
        ObjectNode nb = JSON.createObjectNode();
        ArrayNode cells = nb.putArray("cells");
        int count = 1;
        for (String code : codeCells) {
            ObjectNode cell = cells.addObject();
            cell.put("cell_type", "code");
            cell.put("execution_count", count++);
            cell.putObject("metadata");
            cell.putArray("outputs");
            ArrayNode source = cell.putArray("source");
            for (String line : code.split("(?<=\n)")) {
                source.add(line);
            }
        }
        nb.putObject("metadata").putObject("kernelspec").put("name", "python3");
        nb.put("nbformat", 4);
        nb.put("nbformat_minor", 5);
        return nb.toPrettyString();
    }

    private static Report scan(TestRepo repo) {
        return repo.noConfig().scan(RuleCatalog.checklist());
    }

    private static Set<String> ids(Report r) {
        Set<String> ids = new TreeSet<>();
        r.findings().forEach(f -> ids.add(f.ruleId()));
        return ids;
    }

    @Test
    void wellDocumentedProjectPassesEverything() {
        Report r = scan(wellDocumented());
        assertThat(r.applicable()).isTrue();
        assertThat(r.findings()).isEmpty();
        // no artifacts under models/, no Docker-less exemption needed: every other rule ran and passed
        assertThat(r.scores()).extracting(CategoryScore::checked).containsExactly(5, 10, 6, 2, 5);
        assertThat(r.conclusion()).isEqualTo(Conclusion.SUCCESS);
    }

    @Test
    void bareNotebookRepositoryGetsTheWholeChecklist() {
        Report r = scan(notebookOnly());
        assertThat(r.applicable()).isTrue();
        assertThat(ids(r)).containsExactly(
                "docs/data-schema", "docs/data-sources", "docs/deployment", "docs/experiments", "docs/labeling",
                "docs/model-pseudocode", "docs/purpose", "docs/training-environment", "docs/usage",
                "production/ci", "production/evaluation", "production/monitoring", "production/tests",
                "reproducibility/python-version",
                "structure/dependency-manifest", "structure/file-naming", "structure/layout",
                "structure/notebook-location", "structure/readme");
        // small CSVs are no large artifacts; no Dockerfile, no manifest and no model file: nothing to say there
        assertThat(ids(r)).doesNotContain("versioning/large-artifact", "production/container",
                "reproducibility/unpinned-dependency", "docs/model-card", "docs/data-schema-measurement");
        assertThat(r.findings()).filteredOn(f -> f.path() != null).extracting(Finding::ruleId, Finding::path)
                .containsExactly(
                        tuple("structure/file-naming", "Titanic EDA.ipynb"),
                        tuple("structure/file-naming", "Untitled.ipynb"),
                        tuple("structure/notebook-location", "Titanic EDA.ipynb"),
                        tuple("structure/notebook-location", "Untitled.ipynb"));
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("structure/layout")).singleElement()
                .extracting(Finding::message).asString().startsWith("Create the missing folders data/, models/, "
                        + "notebooks/ ");
    }

    @Test
    void addingAReadmeToTheNotebookRepositoryMakesNoOldDocsGapNew() {
        Report r = notebookOnly().noConfig().change()
                .add("README.md", "# Titanic\n\nPredicts who survived the Titanic from the passenger list.\n")
                .evaluate(RuleCatalog.checklist());
        assertThat(ids(r)).doesNotContain("structure/readme", "docs/purpose");
        assertThat(r.findings()).filteredOn(f -> f.ruleId().startsWith("docs/")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.isNew()).as(f.ruleId()).isFalse());
        assertThat(r.newFindings()).isEmpty();
    }

    @Test
    void cookiecutterDataScienceLayoutPassesStructureAndIsAskedForTheMissingDocs() {
        Report r = scan(cookiecutter());
        assertThat(ids(r)).containsExactly(
                "docs/data-schema", "docs/data-sources", "docs/deployment", "docs/experiments", "docs/labeling",
                "docs/model-pseudocode", "docs/training-environment",
                "production/ci", "production/evaluation", "production/monitoring", "production/tests",
                "reproducibility/python-version", "reproducibility/unpinned-dependency");
        // the template's test_environment.py only checks the Python version: the project has no tests, which its
        // authors would agree with (the template ships none); train_model.py fits on all the processed data and
        // scores nothing, and the message says only that
        assertThat(r.findings()).filteredOn(f -> f.ruleId().startsWith("production/e")).extracting(Finding::message)
                .containsExactly("No evaluation on held-out data found for the model trained in "
                        + "src/models/train_model.py:5 (`.fit(`): compute a metric, a loss or `score` on a validation "
                        + "or test set the model does not train on (for example split off with `train_test_split`).");
        // the template's layout (data/ git-ignored, .gitkeep folders), its setext title with a description and
        // the Sphinx getting-started page all count; 1.0-jqp-... is the template's own notebook naming
        assertThat(ids(r)).doesNotContain("structure/layout", "structure/file-naming", "structure/readme",
                "docs/purpose", "docs/usage", "structure/notebook-location");
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("reproducibility/unpinned-dependency"))
                .extracting(Finding::line).containsExactly(5, 6, 7, 8, 9, 10, 11, 12); // `-e .` is fine
    }

    @Test
    void huggingFaceModelRepositoryWithItsStandardCardPassesTheDocsItCovers() {
        Report r = scan(huggingFaceModel());
        // the card template's sections cover purpose, usage ("How to Get Started"), training, model, evaluation
        // and the model card itself; the weights are an LFS pointer. A model repository has no data, models and
        // notebooks folders, tests, CI or monitoring of its own: those gaps come from the spec (see the report).
        assertThat(ids(r)).containsExactly("docs/deployment", "production/ci", "production/monitoring",
                "production/tests", "reproducibility/python-version", "structure/layout");
    }

    @Test
    void webServiceWithoutMlGetsNothingAtAll() {
        Report r = scan(webService());
        // numpy-financial and pandas-stubs are not numpy and pandas; a CSV is no ML
        assertThat(r.applicable()).isFalse();
        assertThat(r.skipReason()).startsWith("not an ML project");
        assertThat(r.findings()).isEmpty();
        assertThat(r.conclusion()).isEqualTo(Conclusion.SUCCESS);
    }

    @Test
    void oddAndBrokenFilesAreSkippedWithAReasonNeverCrashTheScan() {
        Report r = scan(oddFiles());
        assertThat(r.applicable()).isTrue();
        assertThat(r.skipped()).extracting(SkippedFile::path).containsExactly("Pipfile", "README.rst", "dvc.yaml",
                "notebooks/broken.ipynb", "notebooks/empty.ipynb", "pyproject.toml", "requirements.txt");
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("structure/file-naming"))
                .extracting(Finding::path).containsExactly("données/é tude (1).csv");
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("versioning/large-artifact"))
                .extracting(Finding::path).containsExactly("models/w.pt");
    }

    static TestRepo wellDocumented() {
        return TestRepo.create()
                .file("README.md", """
                        # churn-model

                        [![CI](https://github.com/acme/churn-model/actions/workflows/ci.yml/badge.svg)](https://github.com/acme/churn-model/actions)

                        Predicts which subscribers cancel within 30 days from their last six months of usage, so the
                        retention team can call them first.

                        ## Getting Started

                        ```bash
                        pip install -r requirements.txt
                        python -m churn.train --data data/raw/customers.csv --out models/churn.joblib
                        ```

                        ## Data

                        `data/raw/customers.csv` is the monthly CRM export (owner: sales-ops), pulled with
                        `scripts/export_crm.sql`.

                        | Column       | Data type | Level    |
                        |--------------|-----------|----------|
                        | customer_id  | string    | nominal  |
                        | tenure       | integer   | ratio    |
                        | plan         | string    | nominal  |
                        | churned      | bool      | nominal  |

                        ### Labels

                        `churned` is 1 when the subscription was cancelled within 30 days of the snapshot date.

                        ## Model

                        One-hot encode `plan`, then a random forest (300 trees, depth 8).

                        ```text
                        input:  {"tenure": 12, "plan": "pro"}
                        output: {"churn_probability": 0.27}
                        ```

                        ## Results

                        | Model               | F1   | ROC AUC |
                        |---------------------|------|---------|
                        | LogisticRegression  | 0.61 | 0.78    |
                        | RandomForest (kept) | 0.68 | 0.84    |

                        ## Training environment

                        Python 3.11 (`.python-version`), packages pinned in `requirements.txt`, seed 42 everywhere.

                        ## Deployment

                        `docker build -t churn .` builds the batch scoring image; the nightly job runs it.

                        ## Monitoring

                        The nightly job logs the share of predicted churners; an alert fires when it moves by 5 points.
                        """)
                .file("requirements.txt", """
                        pandas==2.2.2
                        scikit-learn==1.5.0
                        """)
                .file(".python-version", "3.11.9\n")
                .file(".gitignore", "data/raw/*\n!data/raw/.gitkeep\n__pycache__/\n")
                .file("data/raw/.gitkeep", "")
                .file("data/interim/.gitkeep", "")
                .file("data/processed/.gitkeep", "")
                .file("models/.gitkeep", "")
                .file("notebooks/01-exploration.ipynb", notebook("import pandas as pd\n",
                        "df = pd.read_csv('../data/raw/customers.csv')\ndf.describe()\n"))
                .file("src/churn/__init__.py", "")
                .file("src/churn/train.py", """
                        import pandas as pd
                        from sklearn.ensemble import RandomForestClassifier
                        from sklearn.metrics import f1_score
                        from sklearn.model_selection import train_test_split


                        def main(data, out):
                            df = pd.read_csv(data)
                            X, y = df.drop(columns=["churned"]), df["churned"]
                            X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=42)
                            model = RandomForestClassifier(n_estimators=300, max_depth=8, random_state=42)
                            model.fit(X_train, y_train)
                            print(f1_score(y_test, model.predict(X_test)))
                        """)
                .file("tests/test_train.py", "def test_nothing():\n    assert True\n")
                .file(".github/workflows/ci.yml", "on: [pull_request]\njobs: {}\n")
                .file("Dockerfile", """
                        FROM python:3.11-slim
                        COPY . /app
                        RUN pip install -r /app/requirements.txt
                        USER app
                        CMD ["python", "-m", "churn.predict"]
                        """);
    }

    /** A Kaggle-style competition repository: notebooks and the competition's CSVs at the root, nothing else. */
    static TestRepo notebookOnly() {
        return TestRepo.create()
                .file("Titanic EDA.ipynb", notebook("import pandas as pd\nimport seaborn as sns\n",
                        "train = pd.read_csv('train.csv')\ntrain.head()\n"))
                .file("Untitled.ipynb", notebook("from sklearn.linear_model import LogisticRegression\n",
                        "clf = LogisticRegression()\nclf.fit(X, y)\n"))
                .file("train.csv", "PassengerId,Survived,Pclass\n1,0,3\n2,1,1\n")
                .file("test.csv", "PassengerId,Pclass\n892,3\n");
    }

    /**
     * A project generated from the Cookiecutter Data Science template (v1), a few weeks in: the template's README,
     * Sphinx docs and folders, a first notebook named by the template's convention, and the data folder ignored as
     * the template's {@code .gitignore} does.
     */
    static TestRepo cookiecutter() {
        return TestRepo.create()
                .file("README.md", """
                        churn-prediction
                        ==============================

                        Predict which customers will cancel their subscription next month.

                        Project Organization
                        ------------

                            ├── LICENSE
                            ├── Makefile           <- Makefile with commands like `make data` or `make train`
                            ├── README.md          <- The top-level README for developers using this project.
                            ├── data
                            │   ├── external       <- Data from third party sources.
                            │   ├── interim        <- Intermediate data that has been transformed.
                            │   ├── processed      <- The final, canonical data sets for modeling.
                            │   └── raw            <- The original, immutable data dump.
                            ├── models             <- Trained and serialized models, model predictions, or model summaries
                            ├── notebooks          <- Jupyter notebooks. Naming convention is a number (for ordering),
                            │                         the creator's initials, and a short `-` delimited description, e.g.
                            │                         `1.0-jqp-initial-data-exploration`.
                            └── src                <- Source code for use in this project.

                        --------

                        <p><small>Project based on the <a target="_blank" href="https://drivendata.github.io/cookiecutter-data-science/">cookiecutter data science project template</a>. #cookiecutterdatascience</small></p>
                        """)
                .file(".gitignore", "*.py[cod]\n__pycache__/\n# exclude data from source control by default\n/data/\n"
                        + ".ipynb_checkpoints\n.env\n")
                .file("LICENSE", "MIT License\n")
                .file("Makefile", ".PHONY: data\ndata:\n\tpython src/data/make_dataset.py data/raw data/processed\n")
                .file("requirements.txt", """
                        # local package
                        -e .

                        # external requirements
                        click
                        Sphinx
                        coverage
                        awscli
                        flake8
                        python-dotenv>=0.5.1
                        pandas
                        scikit-learn
                        """)
                .file("setup.py", "from setuptools import find_packages, setup\n\nsetup(name='src', packages=find_packages())\n")
                .file("test_environment.py", "import sys\n\nREQUIRED_PYTHON = 'python3'\n")
                .file("tox.ini", "[flake8]\nmax-line-length = 79\n")
                .file("docs/index.rst", """
                        churn-prediction documentation!
                        ==============================================

                        Contents:

                        .. toctree::
                           :maxdepth: 2

                           getting-started
                           commands

                        Indices and tables
                        ==================

                        * :ref:`genindex`
                        * :ref:`search`
                        """)
                .file("docs/getting-started.rst", """
                        Getting started
                        ===============

                        This is where you describe how to get set up on a clean install, including the
                        commands necessary to get the raw data, and then how to make the cleaned, final data sets.
                        """)
                .file("docs/commands.rst", """
                        Commands
                        ========

                        The Makefile contains the central entry points for common tasks related to this project.
                        """)
                .file("docs/conf.py", "project = 'churn-prediction'\nextensions = []\n")
                .file("docs/Makefile", "html:\n\tsphinx-build -b html . _build/html\n")
                .file("models/.gitkeep", "")
                .file("notebooks/1.0-jqp-initial-data-exploration.ipynb", notebook("import pandas as pd\n",
                        "df = pd.read_csv('../data/raw/customers.csv')\n"))
                .file("references/.gitkeep", "")
                .file("reports/figures/.gitkeep", "")
                .file("src/__init__.py", "")
                .file("src/data/__init__.py", "")
                .file("src/data/make_dataset.py", """
                        import click
                        import pandas as pd


                        @click.command()
                        @click.argument('input_filepath', type=click.Path(exists=True))
                        @click.argument('output_filepath', type=click.Path())
                        def main(input_filepath, output_filepath):
                            df = pd.read_csv(input_filepath)
                            df.dropna().to_parquet(output_filepath)
                        """)
                .file("src/features/build_features.py", "")
                .file("src/models/train_model.py", """
                        import pandas as pd
                        from sklearn.ensemble import RandomForestClassifier

                        df = pd.read_parquet('data/processed/customers.parquet')
                        model = RandomForestClassifier(random_state=0).fit(df.drop(columns='churned'), df.churned)
                        """)
                .file("src/models/predict_model.py", "")
                .file("src/visualization/visualize.py", "");
    }

    /** A Flask web service: a README, pinned requirements, tests, CI, and no ML at all. */
    static TestRepo webService() {
        return TestRepo.create()
                .file("README.md", "# shop-api\n\nThe shop's REST API.\n\n## Usage\n\n`flask run`\n")
                .file("requirements.txt", "flask==3.0.3\nrequests>=2\nnumpy-financial==1.0.0\npandas-stubs\n")
                .file("app/__init__.py", "from flask import Flask\napp = Flask(__name__)\n")
                .file("app/data/prices.csv", "sku,price\nA1,10\n")
                .file("Untitled copy.txt", "scratch\n")
                .file("Dockerfile", "FROM python\nCOPY . /app\n");
    }

    /** A Hugging Face model repository pushed with {@code huggingface_hub}: card, weights, tokenizer. */
    static TestRepo huggingFaceModel() {
        return TestRepo.create()
                .file("README.md", """
                        ---
                        license: apache-2.0
                        base_model: distilbert-base-uncased
                        tags:
                        - generated_from_trainer
                        metrics:
                        - accuracy
                        ---

                        # distilbert-imdb

                        This model is a fine-tuned version of distilbert-base-uncased on the imdb dataset.

                        ## Model Details

                        ### Model Description

                        A DistilBERT encoder with a classification head, fine-tuned for binary sentiment.

                        ## Uses

                        ### Direct Use

                        Classify English movie reviews as positive or negative.

                        ## Bias, Risks, and Limitations

                        Trained on movie reviews only; expect worse results on other domains.

                        ## How to Get Started with the Model

                        ```python
                        from transformers import pipeline
                        classifier = pipeline("sentiment-analysis", model="acme/distilbert-imdb")
                        classifier("A wonderful film.")
                        ```

                        ## Training Details

                        ### Training Data

                        The imdb dataset, 25k labelled reviews.

                        ### Training Hyperparameters

                        - learning_rate: 2e-05
                        - seed: 42

                        ## Evaluation

                        | Metric   | Value  |
                        |----------|--------|
                        | accuracy | 0.9312 |
                        """)
                .file(".gitattributes", "*.safetensors filter=lfs diff=lfs merge=lfs -text\n")
                .file("config.json", "{\"architectures\": [\"DistilBertForSequenceClassification\"]}\n")
                .file("model.safetensors", "version https://git-lfs.github.com/spec/v1\n"
                        + "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 267832558\n")
                .file("requirements.txt", "transformers==4.44.2\ntorch==2.4.0\n")
                .file("tokenizer.json", "{}\n");
    }

    /** Empty, binary, half-written and oddly named files, as a fuzzer or a careless commit leaves them. */
    static TestRepo oddFiles() {
        return TestRepo.create()
                .file("README.md", "")
                .file("README.rst", "\u0000\u0001binary")
                .file("pyproject.toml", "[project\nname = ")
                .file("requirements.txt", "\u0000\u0000\u0000")
                .file("requirements-dev.txt", "-r missing dir/req s.txt\n-c \nnumpy ; ; \\\n")
                .file("environment.yml", "- : [\n")
                .file("Pipfile", "[packages]\nnumpy = {version = \n")
                .file(".python-version", "")
                .file("runtime.txt", "\u0000")
                .file("Dockerfile", "")
                .file("docker/Dockerfile.gpu", "FROM\nUSER\nARG\nFROM ${X:-}\n")
                .file(".gitignore", "[\n\\\n**/\n!\n/\n")
                .file(".gitattributes", "[ filter=lfs\n\n*.pt\n")
                .file("dvc.yaml", "stages: [\n")
                .file("data.dvc", "outs:\n- path: \n")
                .file("MODEL_CARD.md", "---\n: : :\n---\n")
                .file("models/w.pt", 12L)
                .file("données/é tude (1).csv", "a\n")
                .file("docs/ü.md", "#\n##\n|a|\n|-|\n")
                .file("notebooks/empty.ipynb", "")
                .file("notebooks/broken.ipynb", "{\"cells\": [{\"cell_type\": \"code\", \"source\": 5}]}")
                .file("src/x.py", "def (:\n  '''\n");
    }
}
