package dev.mlreadiness.engine.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.deps.Pin.Status;
import dev.mlreadiness.engine.deps.Requirement.Kind;

class PyprojectParserTest {

    private final PyprojectParser parser = new PyprojectParser();

    @Test
    void pep621DependenciesOptionalDependenciesAndRequiresPythonWithLines() throws Exception {
        PyprojectManifest manifest = parser.parse("pyproject.toml", """
                [build-system]
                requires = ["setuptools>=61", "wheel"]

                [project]
                name = "demo"
                requires-python = ">=3.11,<3.12"
                dependencies = [
                  "numpy==1.26.4",
                  # "pandas" is described in a comment and must not steal the line
                  'pandas>=2.0',  # "torch" in a trailing comment
                  "torch @ git+https://github.com/pytorch/pytorch@v2.1.0",
                  "numpy==1.26.4; python_version < '3.12'",
                ]

                [project.optional-dependencies]
                dev = ["pytest", "ruff==0.4.1"]
                docs = [
                    "mkdocs~=1.5",
                ]
                """);
        assertThat(manifest.problems()).isEmpty();
        assertThat(manifest.requirements())
                .extracting(Requirement::name, Requirement::line, r -> r.pin().status())
                .containsExactly(
                        tuple("numpy", 8, Status.EXACT),
                        tuple("pandas", 10, Status.UNPINNED),
                        tuple("torch", 11, Status.UNPINNED),
                        tuple("numpy", 12, Status.EXACT),
                        tuple("pytest", 16, Status.UNPINNED),
                        tuple("ruff", 16, Status.EXACT),
                        tuple("mkdocs", 18, Status.UNPINNED));
        assertThat(manifest.requirements().get(2).kind()).isEqualTo(Kind.VCS);
        assertThat(manifest.requirements().get(2).pin().reason()).isEqualTo("VCS ref `v2.1.0` is not a commit");
        assertThat(manifest.requirements().get(3).marker()).isEqualTo("python_version < '3.12'");
        assertThat(manifest.requiresPython()).isEqualTo(new PythonVersion(">=3.11,<3.12", 6));
        assertThat(manifest.poetry()).isFalse();
        assertThat(manifest.poetryPython()).isNull();
    }

    @Test
    void buildSystemRequiresIsNeverADependency() throws Exception {
        PyprojectManifest manifest = parser.parse("pyproject.toml", """
                [build-system]
                requires = ["setuptools", "numpy"]
                build-backend = "setuptools.build_meta"
                """);
        assertThat(manifest.requirements()).isEmpty();
        assertThat(manifest.requiresPython()).isNull();
    }

    @Test
    void dependencyGroupsSkipIncludeGroup() throws Exception {
        PyprojectManifest manifest = parser.parse("pyproject.toml", """
                [dependency-groups]
                test = ["pytest==8.0.0", "coverage"]
                all = [{include-group = "test"}, "mypy>=1"]
                """);
        assertThat(manifest.problems()).isEmpty();
        assertThat(manifest.requirements()).extracting(Requirement::name, Requirement::line)
                .containsExactly(tuple("pytest", 2), tuple("coverage", 2), tuple("mypy", 3));
    }

    @Test
    void poetryMainDevAndGroupsWithoutPython() throws Exception {
        PyprojectManifest manifest = parser.parse("pyproject.toml", """
                [tool.poetry]
                name = "demo"

                [tool.poetry.dependencies]
                python = "^3.10"
                numpy = "1.26.4"
                pandas = "==2.1.0"
                torch = "^2.1"
                scipy = "~1.11"
                "Scikit-Learn" = "*"
                xgboost = ">=2.0"
                lightgbm = { version = "4.1.0", extras = ["Dask"] }
                mylib = { git = "https://github.com/org/mylib.git", rev = "0123456789abcdef0123456789abcdef01234567" }
                otherlib = { git = "https://github.com/org/other.git", tag = "v1.0" }
                local = { path = "../local", develop = true }

                [tool.poetry.dev-dependencies]
                black = "23.*"

                [tool.poetry.group.test.dependencies]
                pytest = "8.0.0"

                [tool.poetry.group.docs.dependencies.mkdocs]
                version = ">=1.5"
                """);
        assertThat(manifest.problems()).isEmpty();
        assertThat(manifest.poetry()).isTrue();
        assertThat(manifest.poetryPython()).isEqualTo(new PythonVersion("^3.10", 5));
        assertThat(manifest.requirements())
                .extracting(Requirement::name, Requirement::specifier, Requirement::line, r -> r.pin().status())
                .containsExactly(
                        tuple("numpy", "==1.26.4", 6, Status.EXACT),
                        tuple("pandas", "==2.1.0", 7, Status.EXACT),
                        tuple("torch", "^2.1", 8, Status.UNPINNED),
                        tuple("scipy", "~1.11", 9, Status.UNPINNED),
                        tuple("scikit-learn", "", 10, Status.UNPINNED),
                        tuple("xgboost", ">=2.0", 11, Status.UNPINNED),
                        tuple("lightgbm", "==4.1.0", 12, Status.EXACT),
                        tuple("mylib", "", 13, Status.COMMIT),
                        tuple("otherlib", "", 14, Status.UNPINNED),
                        tuple("local", "", 15, Status.LOCAL),
                        tuple("black", "==23.*", 18, Status.UNPINNED),
                        tuple("pytest", "==8.0.0", 21, Status.EXACT),
                        tuple("mkdocs", ">=1.5", 23, Status.UNPINNED));
        assertThat(manifest.requirements().get(2).pin().reason()).isEqualTo("range `^2.1`");
        assertThat(manifest.requirements().get(4).pin().reason()).isEqualTo("no version");
        assertThat(manifest.requirements().get(6).extras()).containsExactly("dask");
        assertThat(manifest.requirements().get(8).pin().reason()).isEqualTo("VCS ref `v1.0` is not a commit");
        assertThat(manifest.requirements().get(0).rawText()).isEqualTo("numpy = \"1.26.4\"");
    }

    @Test
    void poetryDottedKeyUnderParentTableIsFound() throws Exception {
        PyprojectManifest manifest = parser.parse("pyproject.toml", """
                [tool.poetry]
                name = "demo"
                dependencies.numpy = "1.0.0"
                """);
        assertThat(manifest.requirements()).extracting(Requirement::name, Requirement::line)
                .containsExactly(tuple("numpy", 3));
    }

    @Test
    void badEntriesAreProblemsNotCrashes() throws Exception {
        PyprojectManifest manifest = parser.parse("pyproject.toml", """
                [project]
                dependencies = ["numpy==1.0", "!!bad", 42]
                optional-dependencies = "oops"
                """);
        assertThat(manifest.requirements()).extracting(Requirement::name).containsExactly("numpy");
        assertThat(manifest.problems()).containsExactly(
                new Problem(2, "`!!bad` is not a valid requirement"),
                new Problem(2, "`project.dependencies` holds `42`, not a requirement string"));
    }

    @Test
    void invalidTomlThrowsWithTheLine() {
        assertThatThrownBy(() -> parser.parse("sub/pyproject.toml", """
                [project]
                name = "x"
                dependencies = [ "numpy"
                version =
                """))
                .isInstanceOf(ManifestParseException.class)
                .hasMessageStartingWith("sub/pyproject.toml line 4: invalid TOML: ")
                .satisfies(e -> assertThat(((ManifestParseException) e).line()).isEqualTo(4));
    }

    @Test
    void emptyFileHasNothing() throws Exception {
        PyprojectManifest manifest = parser.parse("pyproject.toml", "");
        assertThat(manifest.requirements()).isEmpty();
        assertThat(manifest.poetry()).isFalse();
    }
}
