package dev.mlreadiness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.rule.Category;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.snapshot.SkippedFile;

/**
 * End to end: small but realistic repositories scanned with the whole catalog, without {@code enabled: true}, so
 * ML-project detection runs as it would for an unconfigured repository. Each test names every rule it expects to
 * fire, so a new false positive (or a lost true one) shows up here first.
 */
class RealisticRepositoriesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A Jupyter notebook (nbformat 4) with one code cell per argument, executed in order. */
    static String notebook(String... codeCells) {
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
        assertThat(r.scores()).extracting(CategoryScore::checked).containsExactly(5, 12, 7, 2, 6);
        assertThat(r.conclusion()).isEqualTo(Conclusion.SUCCESS);
    }

    @Test
    void wellDocumentedProjectWithItsDataCommittedStillPasses() {
        // the CSV the README's table describes, committed: its header, the sampled types and the source all agree
        Report r = scan(wellDocumented().file("data/raw/customers.csv", """
                customer_id,tenure,plan,churned
                c-001,12,pro,false
                c-002,3,basic,true
                c-003,40,pro,false
                """));
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void wellDocumentedProjectTunedWithoutItsResultsIsStaleAndWithThemIsNot() {
        String train = "model = RandomForestClassifier(n_estimators=300, max_depth=8, random_state=42)";
        String tuned = "model = RandomForestClassifier(n_estimators=500, max_depth=8, random_state=42)";
        TestRepo repo = wellDocumented();
        String trainPy = repo.content("src/churn/train.py");
        String readme = repo.content("README.md");
        Report stale = repo.noConfig().change().modify("src/churn/train.py", trainPy.replace(train, tuned))
                .modify("README.md", readme.replace("the nightly job runs it.", "the nightly job (02:00 UTC) runs it."))
                .evaluate(RuleCatalog.checklist());
        // the maintainer agrees: the Results table still reports the 300-tree forest (and production/tests asks for
        // a test of the changed training code, as before)
        assertThat(stale.findings()).filteredOn(f -> f.ruleId().startsWith("docs/"))
                .extracting(Finding::ruleId, Finding::path, Finding::message).containsExactly(
                        tuple("docs/stale", "README.md",
                                "This PR changes the hyperparameters of `RandomForestClassifier` "
                                        + "(src/churn/train.py), but not the `## Results` section of README.md, which describes "
                                        + "experiments: update it."));
        Report updated = wellDocumented().noConfig().change()
                .modify("src/churn/train.py", trainPy.replace(train, tuned))
                .modify("README.md", readme.replace("| RandomForest (kept) | 0.68 | 0.84    |",
                        "| RandomForest (kept) | 0.70 | 0.85    |").replace("300 trees", "500 trees"))
                .evaluate(RuleCatalog.checklist());
        assertThat(updated.findings()).filteredOn(f -> f.ruleId().startsWith("docs/")).isEmpty();
    }

    @Test
    void bareNotebookRepositoryGetsTheWholeChecklist() {
        Report r = scan(notebookOnly());
        assertThat(r.applicable()).isTrue();
        // without a README the docs gaps have one cause and one fix: structure/readme says it once, instead of
        // ten docs rules each asking for a section in a README that does not exist
        assertThat(ids(r)).containsExactly(
                "production/ci", "production/evaluation", "production/tests",
                "reproducibility/python-version",
                "structure/dependency-manifest", "structure/file-naming", "structure/layout",
                "structure/notebook-location", "structure/readme");
        // small CSVs are no large artifacts; no Dockerfile, no manifest and no model file: nothing to say there.
        // Competition notebooks serve no model: a Kaggle author would not agree to document a deployment or
        // monitoring that does not exist, so those two rules do not apply (and the scorecard does not count them)
        assertThat(ids(r)).doesNotContain("versioning/large-artifact", "production/container",
                "reproducibility/unpinned-dependency", "docs/model-card", "docs/data-schema-measurement",
                "docs/deployment", "production/monitoring");
        assertThat(r.findings()).filteredOn(f -> f.path() != null).extracting(Finding::ruleId, Finding::path)
                .containsExactly(
                        tuple("structure/file-naming", "Titanic EDA.ipynb"),
                        tuple("structure/file-naming", "Untitled.ipynb"),
                        tuple("structure/notebook-location", "Titanic EDA.ipynb"),
                        tuple("structure/notebook-location", "Untitled.ipynb"));
        // no model file to put in models/: only the folders for what the repository has
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("structure/layout")).singleElement()
                .extracting(Finding::message).asString().startsWith("Create the missing folders data/, notebooks/ ");
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
                "docs/data-schema", "docs/data-sources", "docs/experiments", "docs/labeling",
                "docs/model-pseudocode", "docs/training-environment", "docs/usage",
                "production/ci", "production/evaluation", "production/tests",
                "reproducibility/python-version", "reproducibility/unpinned-dependency");
        // nothing serves the model yet (no Dockerfile, no API, predict_model.py is a batch script), so the author
        // is not asked to document a deployment or monitoring that is not there
        assertThat(ids(r)).doesNotContain("docs/deployment", "production/monitoring");
        // the template's test_environment.py only checks the Python version: the project has no tests, which its
        // authors would agree with (the template ships none); train_model.py fits on all the processed data and
        // scores nothing, and the message says only that
        assertThat(r.findings()).filteredOn(f -> f.ruleId().startsWith("production/e")).extracting(Finding::message)
                .containsExactly("No evaluation on held-out data found for the model trained in "
                        + "src/models/train_model.py:5 (`.fit(`): compute a metric, a loss or `score` on a validation "
                        + "or test set the model does not train on (for example split off with `train_test_split`).");
        // the template's layout (data/ git-ignored, .gitkeep folders) and its setext title with the author's own
        // description count; 1.0-jqp-... is the template's own notebook naming
        assertThat(ids(r)).doesNotContain("structure/layout", "structure/file-naming", "structure/readme",
                "docs/purpose", "structure/notebook-location");
        // the stock Sphinx pages say how to use the template, not this project: the author has not written how to
        // run it yet, and is pointed at the stub to fill in
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("docs/usage")).extracting(Finding::path)
                .containsExactly("docs/commands.rst");
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("reproducibility/unpinned-dependency"))
                .extracting(Finding::line).containsExactly(5, 6, 7, 8, 9, 10, 11, 12); // `-e .` is fine
    }

    @Test
    void deletingTheReadmeReportsTheMissingReadmeOnly() {
        Report r = wellDocumented().noConfig().change().delete("README.md").evaluate(RuleCatalog.checklist());
        // one cause, one finding: the docs rules that found their sections in the README are not applicable
        // until there is a README again
        assertThat(r.newFindings()).extracting(Finding::ruleId).containsExactly("structure/readme");
        assertThat(ids(r)).noneMatch(id -> id.startsWith("docs/"));
    }

    @Test
    void huggingFaceModelRepositoryWithItsStandardCardPassesTheDocsItCovers() {
        Report r = scan(huggingFaceModel());
        // the card template's sections cover purpose, usage ("How to Get Started"), training, model, evaluation
        // and the model card itself; the weights are an LFS pointer. A model-only repository (no training code)
        // has no data, models and notebooks folders, tests or CI of its own, and serves nothing to deploy or
        // monitor: the publisher of a Hub model would not agree to those gaps, so those rules do not apply
        assertThat(ids(r)).containsExactly("reproducibility/python-version");
        assertThat(r.rules()).extracting(RuleInfo::id).contains("structure/layout", "production/tests");
        assertThat(r.scores()).filteredOn(s -> s.category() == Category.STRUCTURE).singleElement()
                .satisfies(s -> assertThat(s.checked()).as("readme and file naming only").isEqualTo(2));
    }

    @Test
    void kaggleFoldersUnderTheirOwnNamesCountAsTheLayout() {
        Report r = scan(kaggleCompetition());
        // input/ and notebook/ are where Kaggle puts data and notebooks: no layout or notebook-location finding,
        // and the report says which folders it took. input/ is the competition's read-only raw data as Kaggle
        // mounts it: asking for input/raw/, input/processed/, input/interim/ would be advice no Kaggle author takes
        assertThat(r.findings()).filteredOn(f -> f.ruleId().startsWith("structure/")).isEmpty();
        assertThat(r.notes()).containsExactly("Folders found under common names: `input/` as the data folder "
                + "(`data/`), `notebook/` as the notebooks folder (`notebooks/`). Name others under `paths:` in "
                + ".github/ml-readiness.yml if these are not the right ones.");
        assertThat(ids(r)).doesNotContain("docs/deployment", "production/monitoring", "structure/notebook-location");
    }

    @Test
    void aModelServiceIsAskedHowItIsDeployedAndMonitored() {
        Report r = scan(fastApiService());
        // FastAPI in code that loads the model: a service, so the deployment and monitoring sections are due
        assertThat(ids(r)).contains("docs/deployment", "production/monitoring");
        assertThat(ids(r)).doesNotContain("structure/layout", "structure/dependency-manifest", "production/tests");

        Report research = fastApiService().config("project: research\n").scan(RuleCatalog.checklist());
        assertThat(ids(research)).doesNotContain("docs/deployment", "production/monitoring");
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
        // issue 14's new rules: the README says nothing at all, so the layout is undescribed; the broken manifests
        // declare nothing readable and the code imports nothing third-party
        assertThat(r.findings()).filteredOn(f -> NEW_RULES.contains(f.ruleId()))
                .extracting(Finding::ruleId, Finding::location)
                .containsExactly(tuple("docs/project-structure", "README.md"));
    }

    @Test
    void servedModelRepositoryGetsTheFileFindingsItsAuthorWouldAgreeWith() {
        Report r = scan(servedModel());
        // the rules of issue 8's file findings only; the other rules' applicability to a service is theirs to test.
        // deps/common.txt is what requirements.txt installs, so its open pandas is a real gap; the xgboost extra is
        // fixed by the plain pin beside it. CI sets up Python 3.11. The 6 MiB JSON dataset is data in git though
        // .json was never in the extension list. "EDA final.ipynb" is a version-named scratch notebook; the
        // reference PDF with spaces and final_layer.py ("the last layer") are names nobody would change. model.pkl
        // beside app.py is the model the service ships, and there is no model card.
        assertThat(r.findings()).filteredOn(f -> Set.of("reproducibility/unpinned-dependency",
                "reproducibility/python-version", "versioning/large-artifact", "structure/file-naming",
                "docs/model-card").contains(f.ruleId())).extracting(Finding::ruleId, Finding::location)
                .containsExactlyInAnyOrder(
                        tuple("docs/model-card", ""),
                        tuple("reproducibility/unpinned-dependency", "deps/common.txt:1"),
                        tuple("structure/file-naming", "notebooks/EDA final.ipynb"),
                        tuple("versioning/large-artifact", "data/customers.json"));
        // issue 14's new rules: the README never says what data/, deps/, notebooks/, references/ and src/ hold; every
        // import is declared (pandas and xgboost through requirements.txt's -r deps/common.txt), no package lacks
        // most docstrings (three small files) and there is no Dockerfile to compare with training
        assertThat(r.findings()).filteredOn(f -> NEW_RULES.contains(f.ruleId()))
                .extracting(Finding::ruleId, Finding::location)
                .containsExactly(tuple("docs/project-structure", "README.md"));
    }

    /** The rules issue 14 added, measured here before they leave {@code notice}. */
    private static final Set<String> NEW_RULES = Set.of("docs/project-structure", "docs/code-docstrings",
            "reproducibility/undeclared-dependency", "production/environment-parity");

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

                        ## Project layout

                        - `data/`: `raw/` CRM exports (not in git), `interim/` and `processed/` tables
                        - `models/`: trained models, one file per release
                        - `notebooks/`: exploration, not run in production
                        - `src/churn/`: the training package
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

    /** A scikit-learn model served by Flask, as tutorials and first deployments look: the pickle beside the app. */
    static TestRepo servedModel() {
        return TestRepo.create()
                .file("README.md", "# churn-api\n\nServes the churn model over HTTP.\n\n## Usage\n\n`flask run`\n")
                .file("app.py", """
                        import pickle

                        from flask import Flask, jsonify, request

                        app = Flask(__name__)
                        model = pickle.load(open("model.pkl", "rb"))


                        @app.post("/predict")
                        def predict():
                            return jsonify(model.predict([request.json["features"]]).tolist())
                        """)
                .file("model.pkl", 180_000L)
                .file("train.py", """
                        import pandas as pd
                        from xgboost import XGBClassifier

                        df = pd.read_json("data/customers.json")
                        XGBClassifier().fit(df.drop(columns="churned"), df.churned).save_model("model.json")
                        """)
                .file("src/final_layer.py", "def final_layer(x):\n    return x\n")
                .file("requirements.txt", "-r deps/common.txt\nflask==3.0.3\ngunicorn==22.0.0\n")
                .file("deps/common.txt", "pandas\nxgboost==2.0.3\nxgboost[scikit-learn]>=2.0\n")
                .file(".github/workflows/ci.yml", """
                        on: [pull_request]
                        jobs:
                          test:
                            runs-on: ubuntu-latest
                            steps:
                              - uses: actions/checkout@v4
                              - uses: actions/setup-python@v5
                                with:
                                  python-version: "3.11"
                              - run: pip install -r requirements.txt
                        """)
                .file("data/customers.json", 6L * 1024 * 1024)
                .file("notebooks/EDA final.ipynb", notebook("import pandas as pd\n"))
                .file("references/Churn Modeling Survey.pdf", 900_000L);
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
                .file("setup.py",
                        "from setuptools import find_packages, setup\n\nsetup(name='src', packages=find_packages())\n")
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

    /** A Kaggle competition checked out as Kaggle lays it out: {@code input/} data, {@code notebook/} notebooks. */
    static TestRepo kaggleCompetition() {
        return TestRepo.create()
                .file("README.md", """
                        # House prices

                        Predicts sale prices of houses in Ames, Iowa, for the Kaggle competition.

                        ## Usage

                        Run `notebook/01-eda.ipynb`, then `notebook/02-model.ipynb`.
                        """)
                .file("requirements.txt", "pandas==2.2.2\nscikit-learn==1.5.0\n")
                .file("input/train.csv", "Id,LotArea,SalePrice\n1,8450,208500\n")
                .file("input/test.csv", "Id,LotArea\n1461,11622\n")
                .file("notebook/01-eda.ipynb", notebook("import pandas as pd\n",
                        "train = pd.read_csv('../input/train.csv')\ntrain.describe()\n"))
                .file("notebook/02-model.ipynb", notebook("import pandas as pd\n"));
    }

    /** A churn model served with FastAPI: the API loads the trained model from {@code models/}. */
    static TestRepo fastApiService() {
        return TestRepo.create()
                .file("README.md", """
                        # churn-api

                        Scores subscribers' churn risk for the CRM.

                        ## Usage

                        `uvicorn app.main:app` and POST /predict.
                        """)
                .file("requirements.txt", "fastapi==0.111.0\nscikit-learn==1.5.0\njoblib==1.4.2\n")
                .file("app/__init__.py", "")
                .file("app/main.py", """
                        import joblib
                        from fastapi import FastAPI

                        app = FastAPI()
                        model = joblib.load("models/churn.joblib")


                        @app.post("/predict")
                        def predict(features: dict):
                            return {"churn": float(model.predict_proba([list(features.values())])[0][1])}
                        """)
                .file("models/churn.joblib", 2_000L)
                .file("data/.gitkeep", "")
                .file("tests/test_main.py", "def test_ok():\n    assert True\n");
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
