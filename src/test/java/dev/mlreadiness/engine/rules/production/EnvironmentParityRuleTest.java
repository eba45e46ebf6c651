package dev.mlreadiness.engine.rules.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class EnvironmentParityRuleTest {

    private final EnvironmentParityRule rule = new EnvironmentParityRule();

    private static TestRepo training() {
        return TestRepo.create().file(".python-version", "3.11.9\n")
                .file("requirements.txt", "pandas==2.2.2\nscikit-learn==1.5.0\n");
    }

    @Test
    void anotherPythonMinorVersionNamesBothSides() {
        Report r = training().file("Dockerfile", "ARG PY=3.9\nFROM python:${PY}-slim\nCOPY . .\n"
                + "RUN pip install -r requirements.txt\n").scan(rule);
        assertThat(r.findings()).extracting(Finding::path, Finding::message).containsExactly(tuple("Dockerfile",
                "The container runs Python 3.9 (`FROM python:3.9-slim`, line 2) but training uses Python 3.11 "
                        + "(.python-version): build from the 3.11 image so the model is served on the Python it was "
                        + "trained on."));
    }

    @Test
    void pythonVersionFromRequiresPythonOrCi() {
        Report pyproject = TestRepo.create().file("pyproject.toml", """
                [project]
                name = "x"
                requires-python = ">=3.10,<3.11"
                """).file("Dockerfile", "FROM python:3.12\n").scan(rule);
        assertThat(pyproject.findings()).extracting(Finding::message).singleElement().asString()
                .contains("Python 3.12").contains("Python 3.10 (pyproject.toml)");
        Report ci = TestRepo.create().file(".github/workflows/ci.yml", """
                on: push
                jobs:
                  t:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/setup-python@v5
                        with:
                          python-version: "3.12"
                """).file("docker/Dockerfile", "FROM python:3.11.4-bookworm\n").scan(rule);
        assertThat(ci.findings()).extracting(Finding::path, Finding::message).singleElement().asString()
                .contains("docker/Dockerfile").contains("Python 3.11").contains("3.12 (.github/workflows/ci.yml)");
    }

    @Test
    void trapsSameMinorUnknownOrDisagreeingSourcesAndOtherImages() {
        // same minor, another patch release
        assertThat(training().file("Dockerfile", "FROM python:3.11.4-slim\nRUN pip install -r requirements.txt\n")
                .scan(rule).findings()).isEmpty();
        // a range of minors fixes nothing to compare with
        assertThat(TestRepo.create().file("pyproject.toml", "[project]\nname='x'\nrequires-python='>=3.9'\n")
                .file("Dockerfile", "FROM python:3.12\n").scan(rule).findings()).isEmpty();
        // training sources that disagree are python-version's business, not a parity finding
        assertThat(TestRepo.create().file(".python-version", "3.10\n").file("runtime.txt", "python-3.11.2\n")
                .file("Dockerfile", "FROM python:3.12\n").scan(rule).findings()).isEmpty();
        // not the official Python image: its Python is not read from the tag
        assertThat(training().file("Dockerfile", "FROM nvidia/cuda:12.1.0-runtime-ubuntu22.04\n"
                + "RUN pip3 install -r requirements.txt\n").scan(rule).findings()).isEmpty();
        // no Dockerfile: the rule does not apply
        Report none = training().scan(rule);
        assertThat(none.findings()).isEmpty();
        assertThat(none.scores()).allSatisfy(s -> assertThat(s.checked()).isZero());
    }

    @Test
    void trapsTheDevelopmentContainer() {
        Report r = training().file(".devcontainer/Dockerfile", "FROM python:3.12-slim\n"
                + "RUN pip install jupyterlab ruff pandas\n").scan(rule);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void packagesInstalledByNameOrFromAnotherFileAtOtherVersions() {
        Report r = training().file("Dockerfile", """
                FROM python:3.11-slim
                COPY requirements-serve.txt /app/
                RUN pip install --no-cache-dir -r /app/requirements-serve.txt \\
                    && python -m pip install scikit-learn gunicorn==22.0.0
                """).file("requirements-serve.txt", "pandas==2.1.0\nflask==3.0.3\n").scan(rule);
        assertThat(r.findings()).extracting(Finding::message).containsExactly("The container installs other "
                + "versions than training pins: `pandas` 2.1.0 (requirements-serve.txt) vs 2.2.2 (requirements.txt); "
                + "`scikit-learn` unpinned (Dockerfile line 3) vs 1.5.0 (requirements.txt). Install the training "
                + "manifest (`pip install -r`) or pin the same versions.");
    }

    @Test
    void trapsTheTrainingManifestItselfServingOnlyPackagesAndSamePins() {
        assertThat(training().file("Dockerfile", """
                FROM python:3.11-slim
                COPY . /app
                WORKDIR /app
                RUN pip install --upgrade pip setuptools && pip install -r requirements.txt gunicorn uvicorn
                RUN pip install pandas==2.2.2 "scikit-learn==1.5.0" $EXTRA
                RUN echo "pip install pandas" > /notes.txt
                """).scan(rule).findings()).isEmpty();
        // a serving file that includes the training pins is the same install
        assertThat(training().file("Dockerfile", "FROM python:3.11\nRUN pip install -r requirements-serve.txt\n")
                .file("requirements-serve.txt", "-r requirements.txt\nflask==3.0.3\n").scan(rule).findings())
                .isEmpty();
        // training leaves a package unpinned: nothing to compare (unpinned-dependency speaks)
        assertThat(TestRepo.create().file("requirements.txt", "pandas\n")
                .file("Dockerfile", "FROM python:3.11\nRUN pip install pandas==2.0.0\n").scan(rule).findings())
                .isEmpty();
    }

    @Test
    void inAPullRequestAVersionBumpOnTheTrainingSideIsNew() {
        TestRepo base = training().file("Dockerfile", "FROM python:3.11-slim\nRUN pip install -r requirements.txt\n");
        Report bump = base.change().modify(".python-version", "3.12.1\n").evaluate(rule);
        assertThat(bump.findings()).extracting(Finding::isNew).containsExactly(true);
        Report other = base.change().add("src/x.py", "x = 1\n").evaluate(rule);
        assertThat(other.findings()).isEmpty();
    }
}
