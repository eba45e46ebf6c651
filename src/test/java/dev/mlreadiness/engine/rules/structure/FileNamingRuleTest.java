package dev.mlreadiness.engine.rules.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class FileNamingRuleTest {

    private final FileNamingRule rule = new FileNamingRule();

    @Test
    void eachPatternOfTheSpecMatches() {
        assertThat(FileNamingRule.habit("Untitled.ipynb")).isPresent();
        assertThat(FileNamingRule.habit("untitled3.ipynb")).isPresent();
        assertThat(FileNamingRule.habit("eda-Copy1.ipynb")).isPresent();
        assertThat(FileNamingRule.habit("eda-Copy12.ipynb")).isPresent();
        assertThat(FileNamingRule.habit("model copy.py")).isPresent();
        assertThat(FileNamingRule.habit("train_old.py")).isPresent();
        assertThat(FileNamingRule.habit("model_FINAL.pkl")).isPresent();
        assertThat(FileNamingRule.habit("data (1).csv")).isPresent();
        assertThat(FileNamingRule.habit("data(2).csv")).isPresent();
        assertThat(FileNamingRule.habit("my notes.md")).isPresent();
    }

    @Test
    void finalOnlyAsAWordThatMarksAVersion() {
        for (String name : new String[] { "model_final.pkl", "final-v2.ipynb", "Final Report.ipynb", "final.csv",
                "modelFinal.py", "train.final.py", "final2.py", "final_final.csv", "report-FINAL-copy.ipynb",
                "final_v3_data.parquet", "v2final.py" }) {
            assertThat(FileNamingRule.habit(name)).as(name).isPresent();
        }
        for (String name : new String[] { "finalize.py", "semifinal.csv", "finals.csv", "final_layer.py",
                "final_model.pkl", "FinalModel.py", "final_project.ipynb", "semi_final.csv", "SemiFinal.csv",
                "finalist_scores.csv" }) {
            assertThat(FileNamingRule.habit(name)).as(name).isEmpty();
        }
        assertThat(FileNamingRule.habit("Final Report.ipynb").orElseThrow().advice()).contains("without spaces");
    }

    @Test
    void onlyCodeNotebooksDataAndConfigAreJudged() {
        Report r = TestRepo.create()
                .file("references/Attention Is All You Need.pdf", "%PDF")
                .file("reports/figures/roc curve (1).png", "png")
                .file("docs/Meeting notes.md", "# x")
                .file("docs/final.docx", "x")
                .file("src/train copy.py", "x")
                .file("data/raw/customers (1).csv", "a")
                .file("models/model_final.pkl", 10)
                .file("configs/params old copy.yaml", "a: 1")
                .file("notebooks/Final Report.ipynb", "{}")
                .file("data/corpus final.txt", "x")
                .scan(rule);
        assertThat(r.findings()).extracting(Finding::path).containsExactly("configs/params old copy.yaml",
                "data/corpus final.txt", "data/raw/customers (1).csv", "models/model_final.pkl",
                "notebooks/Final Report.ipynb", "src/train copy.py");
    }

    @Test
    void nearMissesAreFine() {
        for (String name : new String[] { "untitled.py", "eda-copy.py", "copy_utils.py", "scopy.py", "gold.py",
                "old_data.py", "train_older.py", "v1.csv", "data_1.csv", "data(a).csv", "README.md", "eda.ipynb",
                "Untitled_notes.md", "finalize.py" }) {
            assertThat(FileNamingRule.habit(name)).as(name).isEmpty();
        }
    }

    @Test
    void fullScanJudgesEveryFileByItsNameOnly() {
        Report r = TestRepo.create().file("notebooks/Untitled1.ipynb", "{}").file("My Data/clean.csv", "a")
                .file("src/train_old.py", "x").file("src/train.py", "x").scan(rule);
        assertThat(r.findings()).extracting(Finding::path, Finding::message, Finding::isNew).containsExactly(
                tuple("notebooks/Untitled1.ipynb", "Rename Untitled1.ipynb to say what the notebook does "
                        + "(e.g. `02-feature-selection.ipynb`).", false),
                tuple("src/train_old.py", "Rename train_old.py or delete the old version; git keeps the history.",
                        false));
    }

    @Test
    void pullRequestJudgesAddedAndRenamedFilesOnly() {
        Report r = TestRepo.create().file("model_final.py", "x").file("a.py", "x").file("data (1).csv", "a")
                .change().modify("model_final.py", "y").rename("a.py", "a copy.py").add("eda notes.py", "# x")
                .add("eda notes.md", "# x").add("figures/loss curve.png", "png").add("src/finalize.py", "x")
                .add("src/final_layer.py", "x").add("models/clf_final.joblib", 10)
                .evaluate(rule);
        assertThat(r.findings()).extracting(Finding::path, Finding::message, Finding::isNew).containsExactly(
                tuple("a copy.py", "Rename a copy.py and keep one version; git keeps the history, not copies.", true),
                tuple("eda notes.py", "Rename eda notes.py without spaces (use `-` or `_`), which break shell "
                        + "commands and paths in scripts.", true),
                tuple("models/clf_final.joblib", "Rename clf_final.joblib without `final`: name it by what it is "
                        + "and let git or DVC keep the versions.", true));
    }
}
