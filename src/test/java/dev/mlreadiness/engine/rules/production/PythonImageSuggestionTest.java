package dev.mlreadiness.engine.rules.production;

import static dev.mlreadiness.engine.SuggestedChanges.applied;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

/**
 * {@code production/container} suggests a tag for an unpinned official Python image only when the repository
 * fixes its Python version itself; applying the suggestion clears the finding.
 */
class PythonImageSuggestionTest {

    private static Report scan(Map<String, String> files) {
        TestRepo repo = TestRepo.create();
        files.forEach(repo::file);
        return repo.scan(new ContainerRule());
    }

    private static List<Finding> unpinned(Report r) {
        return r.findings().stream().filter(f -> !f.message().contains("USER")).toList();
    }

    @Test
    void theRepositorysExactPythonVersionTagsTheImage() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(".python-version", "3.11.9\n");
        files.put("runtime.txt", "python-3.11.9\n");
        files.put("Dockerfile", """
                FROM --platform=linux/amd64 python AS build
                RUN pip wheel -r requirements.txt
                FROM docker.io/library/python:latest
                USER app
                """);
        Report r = scan(files);
        assertThat(unpinned(r)).extracting(Finding::suggestion).containsExactly(
                "FROM --platform=linux/amd64 python:3.11.9 AS build", "FROM docker.io/library/python:3.11.9");
        assertThat(scan(applied(files, r.findings())).findings()).isEmpty();
    }

    @Test
    void aMinorVersionAndAnExactRequiresPythonCountToo() {
        Map<String, String> minor = Map.of(".python-version", "3.12\n", "Dockerfile", "FROM python\nUSER app\n");
        assertThat(unpinned(scan(minor))).extracting(Finding::suggestion).containsExactly("FROM python:3.12");
        Map<String, String> pyproject = Map.of("pyproject.toml", "[project]\nname = \"m\"\n"
                + "requires-python = \"==3.10.14\"\n", "Dockerfile", "FROM python:latest\nUSER app\n");
        assertThat(unpinned(scan(pyproject))).extracting(Finding::suggestion)
                .containsExactly("FROM python:3.10.14");
    }

    @Test
    void noSuggestionWithoutOneKnownVersionOrForOtherImages() {
        // no version anywhere
        assertThat(unpinned(scan(Map.of("Dockerfile", "FROM python\nUSER app\n")))).extracting(Finding::suggestion)
                .containsOnlyNulls().hasSize(1);
        // versions that disagree
        assertThat(unpinned(scan(Map.of(".python-version", "3.11.9\n", "runtime.txt", "python-3.10.4\n",
                "Dockerfile", "FROM python\nUSER app\n")))).extracting(Finding::suggestion).containsOnlyNulls()
                .hasSize(1);
        // a range is no version; pyenv with several versions is not one either
        assertThat(unpinned(scan(Map.of("pyproject.toml", "[project]\nname = \"m\"\nrequires-python = \">=3.10\"\n",
                "Dockerfile", "FROM python\nUSER app\n")))).extracting(Finding::suggestion).containsOnlyNulls();
        assertThat(unpinned(scan(Map.of(".python-version", "3.11.9\n3.10.4\n", "Dockerfile",
                "FROM python\nUSER app\n")))).extracting(Finding::suggestion).containsOnlyNulls();
        // other images, an image through an ARG, a FROM continued over lines
        Map<String, String> others = new LinkedHashMap<>();
        others.put(".python-version", "3.11.9\n");
        others.put("Dockerfile", "ARG BASE=python\nFROM ubuntu\nFROM pytorch/pytorch:latest\nFROM ${BASE}\n"
                + "FROM \\\n  python\nUSER app\n");
        assertThat(unpinned(scan(others))).hasSize(4).extracting(Finding::suggestion).containsOnlyNulls();
    }
}
