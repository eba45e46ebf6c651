package dev.mlreadiness.engine.deps;

import java.util.List;
import java.util.stream.Stream;

/**
 * The packages of a Pipenv {@code Pipfile}.
 *
 * @param path repo-relative path
 * @param packages {@code [packages]}
 * @param devPackages {@code [dev-packages]}
 * @param python {@code [requires] python_version} (or {@code python_full_version}), or null
 * @param problems entries that could not be read
 */
public record PipfileManifest(String path, List<Requirement> packages, List<Requirement> devPackages,
        PythonVersion python, List<Problem> problems) {

    public PipfileManifest {
        packages = List.copyOf(packages);
        devPackages = List.copyOf(devPackages);
        problems = List.copyOf(problems);
    }

    /** Packages then dev packages. */
    public List<Requirement> requirements() {
        return Stream.concat(packages.stream(), devPackages.stream()).toList();
    }
}
