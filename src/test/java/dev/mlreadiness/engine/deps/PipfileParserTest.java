package dev.mlreadiness.engine.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.deps.Pin.Status;
import dev.mlreadiness.engine.deps.Requirement.Kind;

class PipfileParserTest {

    private final PipfileParser parser = new PipfileParser();

    @Test
    void eachFormOfPackage() throws Exception {
        PipfileManifest pipfile = parser.parse("Pipfile", """
                [[source]]
                url = "https://pypi.org/simple"
                verify_ssl = true
                name = "pypi"

                [packages]
                requests = "*"
                numpy = "==1.26.4"
                pandas = ">=2.0"
                torch = {version = "==2.1.0", index = "pytorch"}
                scipy = {version = "*", extras = ["Full"]}
                mylib = {git = "https://github.com/org/mylib.git", ref = "0123456789abcdef0123456789abcdef01234567"}
                tagged = {git = "https://github.com/org/t.git", ref = "v1"}
                here = {path = ".", editable = true}
                wheel = {file = "https://example.com/w-1.0-py3-none-any.whl"}

                [dev-packages]
                pytest = "8.0.0"

                [requires]
                python_version = "3.11"
                """);
        assertThat(pipfile.problems()).isEmpty();
        assertThat(pipfile.packages())
                .extracting(Requirement::name, Requirement::kind, Requirement::line, r -> r.pin().status())
                .containsExactly(
                        tuple("requests", Kind.NAMED, 7, Status.UNPINNED),
                        tuple("numpy", Kind.NAMED, 8, Status.EXACT),
                        tuple("pandas", Kind.NAMED, 9, Status.UNPINNED),
                        tuple("torch", Kind.NAMED, 10, Status.EXACT),
                        tuple("scipy", Kind.NAMED, 11, Status.UNPINNED),
                        tuple("mylib", Kind.VCS, 12, Status.COMMIT),
                        tuple("tagged", Kind.VCS, 13, Status.UNPINNED),
                        tuple("here", Kind.LOCAL, 14, Status.LOCAL),
                        tuple("wheel", Kind.URL, 15, Status.UNPINNED));
        assertThat(pipfile.packages().get(4).extras()).containsExactly("full");
        assertThat(pipfile.packages().get(2).pin().reason()).isEqualTo("range `>=2.0`");
        assertThat(pipfile.devPackages()).extracting(Requirement::name, Requirement::specifier, Requirement::line)
                .containsExactly(tuple("pytest", "==8.0.0", 18));
        assertThat(pipfile.requirements()).hasSize(10);
        assertThat(pipfile.python()).isEqualTo(new PythonVersion("3.11", 21));
        assertThat(pipfile.python().fixesMinorVersion()).isTrue();
    }

    @Test
    void unsupportedValueIsAProblem() throws Exception {
        PipfileManifest pipfile = parser.parse("Pipfile", "[packages]\nweird = 3\nok = \"==1.0\"\n");
        assertThat(pipfile.packages()).extracting(Requirement::name).containsExactly("ok");
        assertThat(pipfile.problems())
                .containsExactly(new Problem(2, "`weird` has an unsupported dependency value `3`"));
        assertThat(pipfile.python()).isNull();
    }

    @Test
    void invalidToml() {
        assertThatThrownBy(() -> parser.parse("Pipfile", "[packages\nnumpy = \"*\"\n"))
                .isInstanceOf(ManifestParseException.class)
                .hasMessageStartingWith("Pipfile line 1: invalid TOML: ");
    }
}
