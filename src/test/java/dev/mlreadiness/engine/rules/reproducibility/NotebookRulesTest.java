package dev.mlreadiness.engine.rules.reproducibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.notebook.NotebookJson;
import dev.mlreadiness.engine.snapshot.SkippedFile;

/** {@code notebook-execution-order} and {@code notebook-error-output}. */
class NotebookRulesTest {

    private final NotebookExecutionOrderRule order = new NotebookExecutionOrderRule();
    private final NotebookErrorOutputRule errors = new NotebookErrorOutputRule();

    private static Report scan(String nb) {
        return TestRepo.create().file("notebooks/a.ipynb", nb).scan(new NotebookExecutionOrderRule(),
                new NotebookErrorOutputRule());
    }

    @Test
    void firstCellWhoseCountDoesNotIncreaseIsReported() {
        String nb = NotebookJson.create().code(1, "a = 1\n").markdown("text\n").code(null, "never_ran()\n")
                .code(5, "b = 2\n").code(3, "c = 3\n").code(4, "d = 4\n").json();
        Report r = scan(nb);
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::line).containsExactly(
                tuple("reproducibility/notebook-execution-order", NotebookJson.lineOf(nb, "c = 3")));
        assertThat(r.findings().get(0).message()).isEqualTo("Restart the kernel and run all cells of a.ipynb from "
                + "the top before committing: cell 5 (In [3]) ran after cell 4 (In [5]).");
    }

    @Test
    void repeatedCountAndNullCountWithOutputsAreOutOfOrder() {
        String repeated = NotebookJson.create().code(2, "a = 1\n").code(2, "b = 1\n").json();
        assertThat(scan(repeated).findings()).extracting(Finding::line)
                .containsExactly(NotebookJson.lineOf(repeated, "b = 1"));
        String stale = NotebookJson.create().code(1, "a = 1\n").code(null, "print(a)\n").withOutput("1\n").json();
        assertThat(scan(stale).findings()).extracting(Finding::line)
                .containsExactly(NotebookJson.lineOf(stale, "print(a)"));
    }

    @Test
    void inOrderGapsClearedAndEmptyNotebooksAreFine() {
        assertThat(scan(NotebookJson.create().code(1, "a\n").code(4, "b\n").code(9, "c\n").json()).findings())
                .isEmpty();
        assertThat(scan(NotebookJson.create().code(null, "a\n").withOutput("x").code(null, "b\n").json())
                .findings()).isEmpty();
        assertThat(scan(NotebookJson.create().markdown("# t\n").json()).findings()).isEmpty();
    }

    @Test
    void errorOutputsAreReportedPerCellWithoutTheirMessage() {
        String nb = NotebookJson.create().code(1, "import pandas as pd\n")
                .code(2, "df = pd.read_csv('x.csv')\nfit(df)\n").withOutput("loading")
                .withError("ValueError", "token=hf_secretsecret").code(3, "").withError("KeyError", "'a'").json();
        Report r = TestRepo.create().file("notebooks/a.ipynb", nb).scan(errors);
        assertThat(r.findings()).extracting(Finding::line).containsExactly(
                NotebookJson.lineOf(nb, "df = pd.read_csv"), NotebookJson.lineOf(nb, "\"source\": []"));
        assertThat(r.findings().get(0).message())
                .isEqualTo("Fix cell 2 (In [2]) of a.ipynb, which failed with ValueError, "
                        + "and re-run the notebook from the top before committing.");
        assertThat(r.findings()).extracting(Finding::message).noneMatch(m -> m.contains("hf_secret"));
    }

    @Test
    void pullRequestReadsChangedNotebooksOnly() {
        String bad = NotebookJson.create().code(2, "a\n").code(1, "b\n").withError("E", "x").json();
        Report r = TestRepo.create().file("notebooks/old.ipynb", bad).file("notebooks/touched.ipynb", "{}")
                .change().modify("notebooks/touched.ipynb", bad).evaluate(order, errors);
        assertThat(r.findings()).extracting(Finding::path).containsOnly("notebooks/touched.ipynb").hasSize(2);
        assertThat(r.findings()).extracting(Finding::isNew).containsOnly(true);
    }

    @Test
    void invalidNotebookIsListedAsSkippedWithTheReason() {
        Report r = TestRepo.create().file("notebooks/broken.ipynb", "{\"cells\": [").file("notebooks/v2.ipynb",
                "{\"nbformat\": 2, \"worksheets\": []}").scan(order, errors);
        assertThat(r.findings()).isEmpty();
        assertThat(r.skipped()).extracting(SkippedFile::path).containsExactly("notebooks/broken.ipynb",
                "notebooks/v2.ipynb");
        assertThat(r.skipped().get(0).reason()).startsWith("notebook could not be read: ");
        assertThat(r.skipped().get(1).reason())
                .isEqualTo("notebook could not be read: nbformat 2 is not supported (only 3 and 4 are)");
    }
}
