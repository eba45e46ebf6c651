package dev.mlreadiness.engine.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class IPythonSourceTest {

    @Test
    void lineMagicsShellLinesAndHelpAreBlankedKeepingLines() {
        String source = "%matplotlib inline\n!pip install scikit-learn\n  ?model\nfiles = !ls data\nt = %timeit -o f()\nx = 1";
        assertThat(IPythonSource.blankMagics(source))
                .isEqualTo("                  \n                         \n        \nfiles =         \n"
                        + "t =               \nx = 1");
    }

    @Test
    void backslashContinuedMagicIsBlankedOverItsLines() {
        assertThat(IPythonSource.blankMagics("!pip install \\\n    numpy\nf()\n"))
                .isEqualTo("              \n         \nf()\n");
    }

    @Test
    void percentAndBangInsideStringsBracketsOrExpressionsAreKept() {
        String source = "s = \"\"\"\n%d items\n!important\n\"\"\"\nx = (a\n%b)\ny = a % b\nz = a != b\n";
        assertThat(IPythonSource.blankMagics(source)).isEqualTo(source);
    }

    @Test
    void cellMagicWithForeignBodyBlanksTheWholeCell() {
        assertThat(IPythonSource.blankMagics("%%bash\npip install x\nrm -rf 'data'\n"))
                .isEqualTo("      \n             \n             \n");
    }

    @Test
    void cellMagicWithPythonBodyBlanksOnlyTheMagicLine() {
        assertThat(IPythonSource.blankMagics("\n%%time\nmodel.fit(X, y)\n"))
                .isEqualTo("\n      \nmodel.fit(X, y)\n");
    }

    @Test
    void cellWithMagicsReadsAsPythonWithTheSameLineNumbers() {
        String source = "%load_ext autoreload\n!echo \"unterminated\n!ls (\nmodel = KMeans(n_clusters=3)\n";
        PythonModule module = PythonModule.parse(IPythonSource.blankMagics(source));
        assertThat(module.calls()).extracting(Call::callee, Call::line).containsExactly(tuple("KMeans", 4));
        assertThat(module.tokens()).noneMatch(t -> t.kind() == Token.Kind.ERRORTOKEN);
    }

    @Test
    void nullAndEmptySources() {
        assertThat(IPythonSource.blankMagics(null)).isEmpty();
        assertThat(IPythonSource.blankMagics("")).isEmpty();
    }
}
