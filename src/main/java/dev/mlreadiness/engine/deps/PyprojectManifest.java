package dev.mlreadiness.engine.deps;

import java.util.List;

/**
 * The dependencies and Python constraints of a {@code pyproject.toml}.
 *
 * @param path repo-relative path
 * @param requirements entries of {@code [project].dependencies}, {@code [project.optional-dependencies]},
 *        {@code [dependency-groups]} and Poetry's dependency tables, in that order;
 *        never {@code [build-system].requires} nor Poetry's {@code python}
 * @param requiresPython {@code [project].requires-python}, or null
 * @param poetryPython Poetry's {@code python} dependency, or null
 * @param poetry the file has a {@code [tool.poetry]} table
 * @param problems entries that could not be read
 */
public record PyprojectManifest(String path, List<Requirement> requirements, PythonVersion requiresPython,
        PythonVersion poetryPython, boolean poetry, List<Problem> problems) {

    public PyprojectManifest {
        requirements = List.copyOf(requirements);
        problems = List.copyOf(problems);
    }
}
