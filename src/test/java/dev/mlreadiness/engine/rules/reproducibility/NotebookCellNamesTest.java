package dev.mlreadiness.engine.rules.reproducibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.notebook.NotebookJson;
import dev.mlreadiness.engine.rules.production.EvaluationRule;
import dev.mlreadiness.engine.rules.versioning.SecretRule;

/**
 * Every notebook message names the cell as notebook viewers count them (every cell from 1, {@code In [n]} when it
 * ran), points at the offending source line, and stays the same finding when cells are inserted above.
 */
class NotebookCellNamesTest {

    private static final String TOKEN = "hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";

    @Test
    void randomSeedNamesTheCellAndTheSourceLineAndSuggestsNothingInJson() {
        String nb = NotebookJson.create().markdown("# Split\n")
                .code(1, "from sklearn.model_selection import train_test_split\n")
                .code(5, "x = 1\nsplit = train_test_split(X, y)\n").json();
        Report r = TestRepo.create().file("notebooks/a.ipynb", nb).scan(new RandomSeedRule());
        Finding f = r.findings().get(0);
        assertThat(f.line()).isEqualTo(NotebookJson.lineOf(nb, "split = train_test_split"));
        assertThat(f.message()).startsWith("Cell 3 (In [5]), line 2: Pass a fixed `random_state=`");
        assertThat(f.suggestion()).isNull();
    }

    @Test
    void absolutePathInACellThatNeverRanHasNoInLabel() {
        String nb = NotebookJson.create().code(null, "import pandas as pd\n\ndf = pd.read_csv(\"/home/ann/x.csv\")\n")
                .json();
        Report r = TestRepo.create().file("notebooks/a.ipynb", nb).scan(new AbsolutePathRule());
        assertThat(r.findings()).extracting(Finding::message).singleElement().asString()
                .startsWith("Cell 1, line 3: Replace the absolute path starting `/home/ann/`");
        assertThat(r.findings().get(0).line()).isEqualTo(NotebookJson.lineOf(nb, "/home/ann/"));
    }

    @Test
    void secretsNameTheCellInSourceAndInOutputs() {
        String nb = NotebookJson.create().code(1, "import os\n")
                .code(2, "print(1)\nlogin(token=\"" + TOKEN + "\")\n").code(3, "print(tok)\n").withOutput(TOKEN)
                .json();
        Report r = TestRepo.create().file("notebooks/a.ipynb", nb).scan(new SecretRule());
        assertThat(r.findings()).extracting(Finding::message).hasSize(2).satisfiesExactly(
                m -> assertThat(m).startsWith("Cell 2 (In [2]), line 2: Remove a Hugging Face token"),
                m -> assertThat(m).startsWith("Cell 3 (In [3]), in its outputs or metadata: Remove"));
        // a plain text file keeps the message as it was
        Report text = TestRepo.create().file(".env", "HF=" + TOKEN + "\n").scan(new SecretRule());
        assertThat(text.findings()).extracting(Finding::message).singleElement().asString().startsWith("Remove");
    }

    @Test
    void executionOrderNamesBothCells() {
        String stale = NotebookJson.create().code(null, "print(a)\n").withOutput("1\n").code(1, "a = 1\n").json();
        Report r = TestRepo.create().file("notebooks/a.ipynb", stale).scan(new NotebookExecutionOrderRule());
        assertThat(r.findings()).extracting(Finding::message).containsExactly("Restart the kernel and run all cells "
                + "of a.ipynb from the top before committing: cell 1 kept outputs from an earlier run without a "
                + "count.");
    }

    @Test
    void evaluationNamesTheNotebookCellWhereTheModelIsTrained() {
        String nb = NotebookJson.create().markdown("# Model\n").code(3, "import x\nclf.fit(X, y)\n").json();
        Report r = TestRepo.create().file("notebooks/model.ipynb", nb).scan(new EvaluationRule());
        assertThat(r.findings()).extracting(Finding::message).singleElement().asString()
                .contains("notebooks/model.ipynb, cell 2 (In [3]), line 2");
    }

    @Test
    void insertingCellsAboveLeavesEveryFindingExisting() {
        String before = NotebookJson.create().code(1, "from sklearn.model_selection import train_test_split\n")
                .code(2, "split = train_test_split(X, y)\ndf = read(\"/Users/ann/d.csv\")\nclf.fit(X, y)\n")
                .code(3, "login(token=\"" + TOKEN + "\")\n").code(4, "boom()\n").withError("ValueError", "x")
                .json();
        String after = NotebookJson.create().markdown("# Intro\n").code(1, "import os\n")
                .code(2, "from sklearn.model_selection import train_test_split\n")
                .code(3, "split = train_test_split(X, y)\ndf = read(\"/Users/ann/d.csv\")\nclf.fit(X, y)\n")
                .code(4, "login(token=\"" + TOKEN + "\")\n").code(5, "boom()\n").withError("ValueError", "x")
                .json();
        Report r = TestRepo.create().file("notebooks/a.ipynb", before).change().modify("notebooks/a.ipynb", after)
                .evaluate(new RandomSeedRule(), new AbsolutePathRule(), new SecretRule(), new EvaluationRule(),
                        new NotebookErrorOutputRule());
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactlyInAnyOrder(
                "reproducibility/random-seed", "reproducibility/absolute-path", "versioning/secret",
                "production/evaluation", "reproducibility/notebook-error-output");
        assertThat(r.findings()).allSatisfy(f -> {
            assertThat(f.isNew()).as(f.ruleId()).isFalse();
            assertThat(f.message()).as(f.ruleId()).containsPattern("[Cc]ell \\d");
        });
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("reproducibility/random-seed"))
                .extracting(Finding::message).singleElement().asString().startsWith("Cell 4 (In [3]), line 1:");
    }
}
