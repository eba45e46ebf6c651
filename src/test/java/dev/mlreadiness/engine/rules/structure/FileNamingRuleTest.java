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
        // the spec's *final* also catches finalize.py: a known false positive, documented
        assertThat(FileNamingRule.habit("finalize.py")).isPresent();
    }

    @Test
    void nearMissesAreFine() {
        for (String name : new String[] { "untitled.py", "eda-copy.py", "copy_utils.py", "scopy.py", "gold.py",
                "old_data.py", "train_older.py", "v1.csv", "data_1.csv", "data(a).csv", "README.md", "eda.ipynb",
                "Untitled_notes.md" }) {
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
                .change().modify("model_final.py", "y").rename("a.py", "a copy.py").add("eda notes.md", "# x")
                .evaluate(rule);
        assertThat(r.findings()).extracting(Finding::path, Finding::message, Finding::isNew).containsExactly(
                tuple("a copy.py", "Rename a copy.py and keep one version; git keeps the history, not copies.", true),
                tuple("eda notes.md", "Rename eda notes.md without spaces (use `-` or `_`), which break shell "
                        + "commands and paths in scripts.", true));
    }
}
