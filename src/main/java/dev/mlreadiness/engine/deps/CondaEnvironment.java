package dev.mlreadiness.engine.deps;

import java.util.List;
import java.util.stream.Stream;

/**
 * The dependencies of a conda {@code environment.yml}.
 *
 * @param path repo-relative path
 * @param conda the conda specs of {@code dependencies:}, without {@code python}
 * @param pip the nested {@code - pip:} list, read as requirement lines (includes resolve against
 *        this file's folder)
 * @param python the {@code python} spec's version, or null when absent or unversioned
 * @param problems conda entries that could not be read (the pip list's own are in {@code pip.problems()})
 */
public record CondaEnvironment(String path, List<Requirement> conda, RequirementsFile pip, PythonVersion python,
        List<Problem> problems) {

    public CondaEnvironment {
        conda = List.copyOf(conda);
        problems = List.copyOf(problems);
    }

    /** Conda specs then pip requirements. */
    public List<Requirement> requirements() {
        return Stream.concat(conda.stream(), pip.requirements().stream()).toList();
    }
}
