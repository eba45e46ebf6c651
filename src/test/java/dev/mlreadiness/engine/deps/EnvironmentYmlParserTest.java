package dev.mlreadiness.engine.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.deps.Pin.Status;
import dev.mlreadiness.engine.deps.RequirementsFile.Include;

class EnvironmentYmlParserTest {

    private final EnvironmentYmlParser parser = new EnvironmentYmlParser();

    @Test
    void condaSpecsExactOrNotWithLines() throws Exception {
        CondaEnvironment env = parser.parse("environment.yml", """
                name: demo
                channels:
                  - conda-forge
                dependencies:
                  - python=3.10
                  - numpy
                  - numpy=1.21
                  - numpy=1.21.0
                  - numpy==1.21
                  - numpy=1.21=py39_0
                  - conda-forge::scipy=1.11.4
                  - pandas>=1.2
                  - pandas >=1.2,<2
                  - pandas 2.1.0 py311_0
                  - pandas=2.*
                  - "scikit-learn[version='>=1.3']"
                  - Matplotlib-Base=3.8.0=*_0
                """);
        assertThat(env.problems()).isEmpty();
        assertThat(env.conda())
                .extracting(Requirement::name, Requirement::specifier, Requirement::line, r -> r.pin().status())
                .containsExactly(
                        tuple("numpy", "", 6, Status.UNPINNED),
                        tuple("numpy", "==1.21.*", 7, Status.UNPINNED),
                        tuple("numpy", "==1.21.0", 8, Status.EXACT),
                        tuple("numpy", "==1.21", 9, Status.EXACT),
                        tuple("numpy", "==1.21", 10, Status.EXACT),
                        tuple("scipy", "==1.11.4", 11, Status.EXACT),
                        tuple("pandas", ">=1.2", 12, Status.UNPINNED),
                        tuple("pandas", ">=1.2,<2", 13, Status.UNPINNED),
                        tuple("pandas", "==2.1.0", 14, Status.EXACT),
                        tuple("pandas", "==2.*", 15, Status.UNPINNED),
                        tuple("scikit-learn", ">=1.3", 16, Status.UNPINNED),
                        tuple("matplotlib-base", "==3.8.0", 17, Status.EXACT));
        assertThat(env.conda().get(1).pin().reason()).isEqualTo("wildcard `==1.21.*`");
        assertThat(env.conda().get(1).rawText()).isEqualTo("numpy=1.21");
        assertThat(env.python()).isEqualTo(new PythonVersion("=3.10", 5));
        assertThat(env.python().fixesMinorVersion()).isTrue();
    }

    @Test
    void pipSublistIsReadAsRequirementLines() throws Exception {
        CondaEnvironment env = parser.parse("envs/environment.yaml", """
                dependencies:
                  - pip=23.3.1
                  - pip:
                      - torch==2.1.0
                      - transformers>=4.30  # the newest is fine
                      - git+https://github.com/org/lib.git@v1#egg=lib
                      - -r requirements-extra.txt
                      - --extra-index-url https://download.pytorch.org/whl/cu118
                  - numpy==1.26.4
                """);
        assertThat(env.problems()).isEmpty();
        assertThat(env.conda()).extracting(Requirement::name, Requirement::line)
                .containsExactly(tuple("pip", 2), tuple("numpy", 9));
        assertThat(env.pip().requirements())
                .extracting(Requirement::name, Requirement::line, r -> r.pin().status())
                .containsExactly(
                        tuple("torch", 4, Status.EXACT),
                        tuple("transformers", 5, Status.UNPINNED),
                        tuple("lib", 6, Status.UNPINNED));
        assertThat(env.pip().includes()).containsExactly(new Include("requirements-extra.txt", false, 7));
        assertThat(env.pip().resolve(env.pip().includes().get(0))).contains("envs/requirements-extra.txt");
        assertThat(env.pip().options()).hasSize(1);
        assertThat(env.requirements()).extracting(Requirement::name)
                .containsExactly("pip", "numpy", "torch", "transformers", "lib");
        assertThat(env.python()).isNull();
    }

    @Test
    void unversionedPythonIsNeitherADependencyNorAVersion() throws Exception {
        CondaEnvironment env = parser.parse("environment.yml", "dependencies:\n  - python\n  - python>=3.8\n");
        assertThat(env.conda()).isEmpty();
        assertThat(env.python()).isEqualTo(new PythonVersion(">=3.8", 3));
        assertThat(env.python().fixesMinorVersion()).isFalse();
    }

    @Test
    void badEntriesAreProblems() throws Exception {
        CondaEnvironment env = parser.parse("environment.yml", """
                dependencies:
                  - ">>weird"
                  - [nested, list]
                  - pip:
                      - {not: a string}
                      - "pandas 1.0"
                  - ok==1.0
                """);
        assertThat(env.conda()).extracting(Requirement::name).containsExactly("ok");
        assertThat(env.problems()).containsExactly(
                new Problem(2, "`>>weird` is not a conda package spec"),
                new Problem(3, "a dependency must be a string"),
                new Problem(5, "a pip requirement must be a string"));
        assertThat(env.pip().problems()).containsExactly(
                new Problem(6, "`1.0` is not a version specifier in `pandas 1.0` (did you mean `==1.0`?)"));
    }

    @Test
    void nonMappingAndEmptyFiles() throws Exception {
        assertThat(parser.parse("environment.yml", "- numpy\n").problems())
                .containsExactly(new Problem(1, "the file is not a YAML mapping"));
        CondaEnvironment empty = parser.parse("environment.yml", "");
        assertThat(empty.requirements()).isEmpty();
        assertThat(empty.problems()).isEmpty();
    }

    @Test
    void invalidYamlThrowsWithTheLine() {
        assertThatThrownBy(() -> parser.parse("environment.yml", """
                name: x
                dependencies:
                  - numpy
                 - pandas: [
                """))
                .isInstanceOf(ManifestParseException.class)
                .hasMessageStartingWith("environment.yml line ")
                .hasMessageContaining("invalid YAML: ");
    }
}
