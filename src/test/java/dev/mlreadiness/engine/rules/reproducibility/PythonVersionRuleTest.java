package dev.mlreadiness.engine.rules.reproducibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.rule.Severity;

class PythonVersionRuleTest {

    private static final String MISSING = "Fix the Python version the project runs on: add a `.python-version` file "
            + "with the version you train with (e.g. `3.11`), or set `requires-python = \"==3.11.*\"` in "
            + "pyproject.toml.";

    private final PythonVersionRule rule = new PythonVersionRule();

    private Report scan(String path, String content) {
        return TestRepo.create().file("train.py", "x = 1\n").file(path, content).scan(rule);
    }

    private void assertFixed(String path, String content) {
        assertThat(scan(path, content).findings()).as(path + ": " + content).isEmpty();
    }

    private void assertMissing(String path, String content) {
        assertThat(scan(path, content).findings()).as(path + ": " + content).extracting(Finding::message)
                .containsExactly(MISSING);
    }

    private void assertTooWide(String path, String content) {
        assertThat(scan(path, content).findings()).as(path + ": " + content)
                .extracting(Finding::location, Finding::message).containsExactly(tuple(path, "Narrow the Python "
                        + "version declared in " + path + " to one minor version (`==3.11.*` or `>=3.11,<3.12`), or "
                        + "add a `.python-version` file with the version you train with."));
    }

    @Test
    void nothingDeclaredIsOneNotice() {
        Report r = TestRepo.create().file("train.py", "x = 1\n").file("requirements.txt", "numpy==1.26.4\n")
                .scan(rule);
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::severity, Finding::location, Finding::message)
                .containsExactly(tuple("reproducibility/python-version", Severity.NOTICE, "", MISSING));
    }

    @Test
    void pythonVersionAndRuntimeFiles() {
        assertFixed(".python-version", "3.11\n");
        assertFixed(".python-version", "# pinned\n3.11.4\n");
        assertFixed("services/api/.python-version", "pypy3.10-7.3.12\n");
        assertFixed("runtime.txt", "python-3.11.4\n");
        assertMissing(".python-version", "system\n");
        assertMissing(".python-version", "3\n");
        assertMissing(".python-version", "");
        assertMissing("runtime.txt", "3.11\n");
        assertMissing("python-version.txt", "3.11\n");
    }

    @Test
    void requiresPythonOnlyWhenItFixesTheMinorVersion() {
        for (String c : new String[] { "==3.11.*", "~=3.11.0", ">=3.11,<3.12", "==3.11.4" }) {
            assertFixed("pyproject.toml", "[project]\nname = \"x\"\nrequires-python = \"" + c + "\"\n");
        }
        for (String c : new String[] { ">=3.8", "~=3.11", ">=3.10,<4" }) {
            assertTooWide("pyproject.toml", "[project]\nname = \"x\"\nrequires-python = \"" + c + "\"\n");
        }
    }

    @Test
    void poetryPythonCountsByTheSameTest() {
        assertFixed("pyproject.toml", "[tool.poetry.dependencies]\npython = \"~3.11\"\n");
        assertTooWide("pyproject.toml", "[tool.poetry.dependencies]\npython = \"^3.10\"\n");
        // a narrow Poetry python beside a wide requires-python is enough
        assertFixed("pyproject.toml", "[project]\nrequires-python = \">=3.9\"\n[tool.poetry.dependencies]\n"
                + "python = \"3.11.*\"\n");
    }

    @Test
    void pipfileAndCondaEnvironment() {
        assertFixed("Pipfile", "[packages]\nnumpy = \"*\"\n[requires]\npython_version = \"3.11\"\n");
        assertTooWide("Pipfile", "[requires]\npython_version = \"3\"\n");
        assertFixed("environment.yml", "dependencies:\n  - python=3.10\n  - numpy\n");
        assertTooWide("environment.yml", "dependencies:\n  - python>=3.8\n");
        assertMissing("environment.yml", "dependencies:\n  - python\n  - numpy\n");
    }

    @Test
    void dockerfileBaseImageWithAMinorTag() {
        assertFixed("Dockerfile", "FROM python:3.11-slim\nUSER app\n");
        assertFixed("docker/serve.Dockerfile", "FROM --platform=linux/amd64 docker.io/library/python:3.12.3@sha256:"
                + "abc AS base\n");
        assertFixed("Dockerfile", "ARG PY_VERSION=3.10\nFROM python:${PY_VERSION}-slim\n");
        assertFixed("Dockerfile", "FROM --platform=linux/amd64 \\\n    python:3.12-slim AS base\nUSER app\n");
        assertMissing("Dockerfile", "FROM python:3\n");
        assertMissing("Dockerfile", "FROM python:latest\n");
        assertMissing("Dockerfile", "FROM python\n");
        assertMissing("Dockerfile", "FROM pytorch/pytorch:2.3.1-cuda12.1-cudnn8-runtime\n");
        assertMissing("Dockerfile", "# FROM python:3.11\nFROM ubuntu:22.04\n");
        assertMissing("Dockerfile", "ARG PY_VERSION\nFROM python:${PY_VERSION}-slim\n");
    }

    @Test
    void devContainerImagesTaggedLikeDevcontainersPython() {
        assertFixed("Dockerfile", "FROM mcr.microsoft.com/devcontainers/python:1-3.11-bookworm\n");
        assertFixed(".devcontainer/Dockerfile", "ARG VARIANT=3.10\nFROM mcr.microsoft.com/vscode/devcontainers/"
                + "python:0-${VARIANT}\n");
        assertMissing("Dockerfile", "FROM mcr.microsoft.com/devcontainers/python:1\n");
        assertMissing("Dockerfile", "FROM mcr.microsoft.com/devcontainers/python:1-3\n");
    }

    @Test
    void setupPythonWithOneExactVersionInAWorkflow() {
        String step = """
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - uses: actions/setup-python@v5
                        with:
                          python-version: %s
                """;
        assertFixed(".github/workflows/ci.yml", step.formatted("\"3.11\""));
        assertFixed(".github/workflows/ci.yaml", step.formatted("'3.11.4'"));
        assertFixed(".github/workflows/ci.yml", step.formatted("3.12"));
        assertMissing(".github/workflows/ci.yml", step.formatted("\"3.x\""));
        assertMissing(".github/workflows/ci.yml", step.formatted("\">=3.10\""));
        assertMissing(".github/workflows/ci.yml", step.formatted("|\n            3.10\n            3.11"));
        assertMissing(".github/workflows/ci.yml", step.formatted("${{ inputs.python }}"));
        // GitHub reads workflows from that folder only, and other actions' inputs are not Python's
        assertMissing(".github/workflows/old/ci.yml", step.formatted("\"3.11\""));
        assertMissing(".github/workflows/ci.yml", step.formatted("\"3.11\"").replace("actions/setup-python",
                "actions/setup-node"));
        assertMissing(".github/workflows/ci.yml", "jobs: [\n");
    }

    @Test
    void aWorkflowMatrixFixesTheVersionOnlyWhenItHoldsOne() {
        String matrix = """
                env:
                  PYTHON_VERSION: "3.11"
                jobs:
                  test:
                    strategy:
                      matrix:
                        python: %s
                    steps:
                      - uses: actions/setup-python@v5
                        with:
                          python-version: ${{ matrix.python }}
                  lint:
                    steps:
                      - uses: actions/setup-python@v5
                        with:
                          python-version: ${{ env.%s }}
                """;
        assertFixed(".github/workflows/ci.yml", matrix.formatted("[\"3.11\"]", "OTHER"));
        assertFixed(".github/workflows/ci.yml", matrix.formatted("[\"3.10\", \"3.11\", \"3.12\"]",
                "PYTHON_VERSION"));
        assertMissing(".github/workflows/ci.yml", matrix.formatted("[\"3.10\", \"3.11\", \"3.12\"]", "OTHER"));
        assertMissing(".github/workflows/ci.yml", matrix.formatted("[\"3.11\"]\n        include:\n"
                + "          - python: \"3.12\"", "OTHER"));
    }

    @Test
    void devcontainerPythonImageOrFeature() {
        assertFixed(".devcontainer/devcontainer.json", """
                // created by VS Code
                {
                  "name": "churn",
                  "image": "mcr.microsoft.com/devcontainers/python:1-3.11-bullseye",
                }
                """);
        assertFixed(".devcontainer.json", """
                {"image": "mcr.microsoft.com/devcontainers/base:ubuntu",
                 "features": {"ghcr.io/devcontainers/features/python:1": {"version": "3.12"}}}
                """);
        assertFixed(".devcontainer/gpu/devcontainer.json",
                "{\"features\": {\"ghcr.io/devcontainers/features/python:1\": \"3.10\"}}");
        assertMissing(".devcontainer/devcontainer.json", "{\"image\": \"mcr.microsoft.com/devcontainers/python:1\"}");
        assertMissing(".devcontainer/devcontainer.json", """
                {"image": "mcr.microsoft.com/devcontainers/base:ubuntu",
                 "features": {"ghcr.io/devcontainers/features/python:1": {"version": "latest"},
                              "ghcr.io/devcontainers/features/node:1": {"version": "20.1"}}}
                """);
        assertMissing("src/devcontainer.json", "{\"image\": \"python:3.11\"}");
        assertMissing(".devcontainer/devcontainer.json", "{\"image\": ");
    }

    @Test
    void aPullRequestThatTurnsTheCiMatrixIntoOneVersionFixesIt() {
        String ci = "jobs:\n  t:\n    strategy: {matrix: {py: %s}}\n    steps:\n"
                + "      - uses: actions/setup-python@v5\n        with: {python-version: '${{ matrix.py }}'}\n";
        Report fixed = TestRepo.create().file(".github/workflows/ci.yml", ci.formatted("['3.10', '3.11']"))
                .change().modify(".github/workflows/ci.yml", ci.formatted("['3.11']")).evaluate(rule);
        assertThat(fixed.findings()).isEmpty();
        Report widened = TestRepo.create().file(".github/workflows/ci.yml", ci.formatted("['3.11']"))
                .change().modify(".github/workflows/ci.yml", ci.formatted("['3.10', '3.11']")).evaluate(rule);
        assertThat(widened.findings()).extracting(Finding::message, Finding::isNew)
                .containsExactly(tuple(MISSING, true));
    }

    @Test
    void pullRequestThatLoosensTheOnlyPinCausesANewFinding() {
        Report r = TestRepo.create().file(".python-version", "3.11\n").change().delete(".python-version")
                .evaluate(rule);
        assertThat(r.findings()).extracting(Finding::message, Finding::isNew).containsExactly(tuple(MISSING, true));

        Report existing = TestRepo.create().file("pyproject.toml", "[project]\nrequires-python = \">=3.8\"\n")
                .change().modify("pyproject.toml", "[project]\nrequires-python = \">=3.9\"\n").evaluate(rule);
        assertThat(existing.findings()).extracting(Finding::location, Finding::isNew)
                .containsExactly(tuple("pyproject.toml", false));
    }

    @Test
    void invalidManifestIsSkippedNotFatal() {
        Report r = scan("pyproject.toml", "[project\nrequires-python = \"==3.11.*\"\n");
        assertThat(r.findings()).extracting(Finding::message).containsExactly(MISSING);
        assertThat(r.skipped()).extracting(s -> s.path()).containsExactly("pyproject.toml");
    }
}
