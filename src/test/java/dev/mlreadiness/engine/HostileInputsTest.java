package dev.mlreadiness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.code.CodeFiles;
import dev.mlreadiness.engine.python.Call;
import dev.mlreadiness.engine.python.PythonModule;
import dev.mlreadiness.engine.python.TooManyTokensException;
import dev.mlreadiness.engine.rule.FileParser;
import dev.mlreadiness.engine.rules.reproducibility.RandomSeedRule;
import dev.mlreadiness.engine.snapshot.InputLimits;
import dev.mlreadiness.engine.snapshot.SkippedFile;
import dev.mlreadiness.github.publish.CheckRunPublisher;

/**
 * Issue #10: inputs built to cost time or memory, generated here (nothing big is committed). Each asserts the
 * outcome (a finding, a skip with its reason) and, where it matters, the work done; never a wall time. Globs,
 * fingerprints, the config and the CLI have theirs beside their own tests.
 */
class HostileInputsTest {

    private static final String SEEDED = "import numpy as np\nrng = np.random.default_rng(0)\n";
    /** Over {@link InputLimits#MAX_PYTHON_TOKENS}: each {@code 1,} is two tokens. */
    private static final String TOO_MANY_TOKENS = "x = [" + "1,".repeat(InputLimits.MAX_PYTHON_TOKENS / 2 + 10)
            + "]\nimport numpy as np\nnp.random.rand(3)\n";

    @Test
    void aPythonFileOverTheTokenBudgetIsSkippedWithTheReason() {
        assertThatThrownBy(() -> PythonModule.parse(TOO_MANY_TOKENS)).isInstanceOf(TooManyTokensException.class);
        assertThatThrownBy(() -> CodeFiles.PYTHON.parse("big.py", TOO_MANY_TOKENS.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FileParser.ParseFailure.class)
                .hasMessage("more than 1,000,000 Python tokens (see docs/limits.md): not analysed as code");
        // just under the budget is read
        String under = "x = [" + "1,".repeat(InputLimits.MAX_PYTHON_TOKENS / 2 - 20) + "]\n";
        assertThat(PythonModule.parse(under).tokens()).hasSizeLessThanOrEqualTo(InputLimits.MAX_PYTHON_TOKENS);
    }

    /** {@code f(f(f(...)))}: each argument spans the rest of the nesting; keeping each one's text was quadratic. */
    @Test
    void deeplyNestedCallsKeepArgumentTextsShort() {
        int depth = 100_000;
        PythonModule module = PythonModule.parse("x = " + "f(".repeat(depth) + "1" + ")".repeat(depth) + "\n");
        assertThat(module.calls()).hasSize(depth);
        Call outer = module.calls().get(0);
        assertThat(outer.positional().get(0).text()).hasSize(InputLimits.MAX_ARGUMENT_CHARS + 1).endsWith("\u2026")
                .startsWith("f(f(f(");
        assertThat(module.calls().get(depth - 1).positional().get(0).text()).isEqualTo("1");
        assertThat(outer.normalized().length()).isLessThan(InputLimits.MAX_ARGUMENT_CHARS + 30);
    }

    @Test
    void aSkippedChangedFileIsCountedAndFailsFromFailOnWarning() {
        TestRepo.Change change = TestRepo.create().file("train.py", SEEDED).config("enabled: true\n").change()
                .add("generated.py", TOO_MANY_TOKENS).modify("train.py", SEEDED + "x = rng.random(3)\n");
        Report r = change.evaluate(new RandomSeedRule());
        assertThat(r.skipped()).extracting(SkippedFile::path, SkippedFile::changed)
                .containsExactly(tuple("generated.py", true));
        assertThat(r.skipped().get(0).reason()).contains("more than 1,000,000 Python tokens");
        assertThat(r.uncheckedChanges()).hasSize(1);
        assertThat(r.findings()).isEmpty(); // the unseeded call in the skipped file is not seen...
        assertThat(r.notes()).anyMatch(n -> n.startsWith("1 changed file(s) could not be checked")
                && n.contains("generated.py"));
        assertThat(CheckRunPublisher.title(r)).isEqualTo("Ready, 1 changed file not checked"); // ...and it says so
        assertThat(r.conclusion()).isEqualTo(Conclusion.SUCCESS); // fail-on: error (default)

        TestRepo strict = TestRepo.create().file("train.py", SEEDED).config("enabled: true\nfail-on: warning\n");
        Report failed = strict.change().add("generated.py", TOO_MANY_TOKENS).evaluate(new RandomSeedRule());
        assertThat(failed.findings()).isEmpty();
        assertThat(failed.conclusion()).isEqualTo(Conclusion.FAILURE);

        // trap: the same file already there and untouched is not the change's: nothing is hidden by it
        Report untouched = TestRepo.create().file("generated.py", TOO_MANY_TOKENS).file("train.py", SEEDED)
                .config("enabled: true\nfail-on: warning\n").change().modify("train.py", SEEDED + "\n")
                .evaluate(new RandomSeedRule());
        assertThat(untouched.skipped()).noneMatch(SkippedFile::changed);
        assertThat(untouched.uncheckedChanges()).isEmpty();
        assertThat(untouched.conclusion()).isEqualTo(Conclusion.SUCCESS);
        assertThat(CheckRunPublisher.title(untouched)).isEqualTo("Ready");

        // a full scan has no changed files: the skip is listed, nothing more
        Report scan = TestRepo.create().file("generated.py", TOO_MANY_TOKENS).config("enabled: true\n")
                .scan(new RandomSeedRule());
        assertThat(scan.skipped()).extracting(SkippedFile::changed).containsExactly(false);
        assertThat(scan.notes()).noneMatch(n -> n.contains("could not be checked"));
    }

    /** The notebook saved without indentation, at 5,000 cells: one line, every finding on it. */
    @Test
    void aNotebookOnOneLineGivesEveryCellItsFindingWithItsOwnFingerprint() {
        StringBuilder nb = new StringBuilder("{\"cells\":[");
        for (int i = 0; i < 5_000; i++) {
            nb.append(i == 0 ? "" : ",").append("{\"cell_type\":\"code\",\"execution_count\":null,\"metadata\":{},")
                    .append("\"outputs\":[],\"source\":[\"import numpy as np\\n\",\"np.random.rand(").append(i)
                    .append(")\"]}");
        }
        nb.append("],\"metadata\":{},\"nbformat\":4,\"nbformat_minor\":5}");
        Report r = TestRepo.create().file("notebooks/big.ipynb", nb.toString()).scan(new RandomSeedRule());
        assertThat(r.skipped()).isEmpty();
        assertThat(r.findings()).hasSize(5_000).allMatch(f -> f.line() == 1);
        Set<String> fingerprints = new HashSet<>();
        r.findings().forEach(f -> fingerprints.add(f.fingerprint()));
        assertThat(fingerprints).hasSize(5_000);
    }
}
