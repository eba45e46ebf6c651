package dev.mlreadiness.engine.rules.reproducibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.Severity;
import dev.mlreadiness.engine.TestRepo;

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
        for (String c : new String[] {"==3.11.*", "~=3.11.0", ">=3.11,<3.12", "==3.11.4"}) {
            assertFixed("pyproject.toml", "[project]\nname = \"x\"\nrequires-python = \"" + c + "\"\n");
        }
        for (String c : new String[] {">=3.8", "~=3.11", ">=3.10,<4"}) {
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
