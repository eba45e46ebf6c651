package dev.mlreadiness.engine.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class WordMatcherTest {

    @Test
    void wholeWordCaseInsensitive() {
        assertThat(WordMatcher.containsWord("Data sources", "data")).isTrue();
        assertThat(WordMatcher.containsWord("DATA", "data")).isTrue();
        assertThat(WordMatcher.containsWord("Metadata", "data")).isFalse();
        assertThat(WordMatcher.containsWord("Database key", "data")).isFalse();
        assertThat(WordMatcher.containsWord("Deployment", "deploy")).isFalse();
        assertThat(WordMatcher.containsWord("How to deploy", "deploy")).isTrue();
    }

    @Test
    void inflectionsAreNotFolded() {
        assertThat(WordMatcher.containsWord("Installing", "install")).isFalse();
        assertThat(WordMatcher.containsWord("Installing", "installation")).isFalse();
        assertThat(WordMatcher.containsAnyWord("Installing", List.of("install", "installing"))).isTrue();
        assertThat(WordMatcher.containsWord("Goals", "goal")).isFalse();
    }

    @Test
    void wordFormsFoldInflectionsAsWholeWords() {
        List<String> install = List.of("install");
        for (String heading : List.of("Install", "Installing", "Installed", "Installation", "Installs")) {
            assertThat(WordMatcher.containsAnyWordForm(heading, install)).as(heading).isTrue();
        }
        assertThat(WordMatcher.containsAnyWordForm("Installer", install)).isFalse();
        assertThat(WordMatcher.containsAnyWordForm("Deploying to prod", List.of("deployment"))).isTrue();
        assertThat(WordMatcher.containsAnyWordForm("Model deployments", List.of("deploy"))).isTrue();
        assertThat(WordMatcher.containsAnyWordForm("How it trains", List.of("training"))).isTrue();
        assertThat(WordMatcher.containsAnyWordForm("Evaluating the model", List.of("evaluation"))).isTrue();
        assertThat(WordMatcher.containsAnyWordForm("Evaluation", List.of("evaluate"))).isTrue();
        assertThat(WordMatcher.containsAnyWordForm("Running it", List.of("run"))).isTrue();
        assertThat(WordMatcher.containsAnyWordForm("Labelled data", List.of("label"))).isTrue();
        assertThat(WordMatcher.containsAnyWordForm("Dependencies", List.of("dependency"))).isTrue();
        assertThat(WordMatcher.containsAnyWordForm("Quick-starting", List.of("quickstart"))).isTrue();
        // whole words still: a longer word is another word
        assertThat(WordMatcher.containsAnyWordForm("Strains", List.of("train"))).isFalse();
        assertThat(WordMatcher.containsAnyWordForm("Strainer", List.of("train"))).isFalse();
        assertThat(WordMatcher.containsAnyWordForm("Constraint", List.of("training"))).isFalse();
        assertThat(WordMatcher.containsAnyWordForm("About us", List.of("use"))).isFalse();
        assertThat(WordMatcher.containsAnyWordForm("Settings", List.of("set up"))).isFalse();
        assertThat(WordMatcher.containsAnyWordForm("Metadata", List.of("data"))).isFalse();
    }

    @Test
    void stemsShareTheFormsOfOneWord() {
        assertThat(List.of("install", "installing", "installation", "installed")).extracting(WordMatcher::stem)
                .containsOnly("instal");
        assertThat(List.of("evaluate", "evaluating", "evaluation", "evaluates")).extracting(WordMatcher::stem)
                .containsOnly("evalu");
        assertThat(List.of("use", "uses")).extracting(WordMatcher::stem).containsOnly("use");
        assertThat(WordMatcher.stem("us")).isEqualTo("us");
        assertThat(WordMatcher.stem("production")).isNotEqualTo(WordMatcher.stem("product"));
    }

    @Test
    void hyphensUnderscoresAndPunctuationSeparateWords() {
        assertThat(WordMatcher.containsWord("Getting-Started", "getting started")).isTrue();
        assertThat(WordMatcher.containsWord("Quick_start", "quick start")).isTrue();
        assertThat(WordMatcher.containsWord("1. Usage:", "usage")).isTrue();
        assertThat(WordMatcher.containsWord("How   to\trun", "how to run")).isTrue();
        assertThat(WordMatcher.containsWord("Data (sources)", "data source")).isFalse();
        assertThat(WordMatcher.containsWord("How to train and run", "how to run")).isFalse();
    }

    @Test
    void openAndClosedCompoundsMatchBothWays() {
        assertThat(WordMatcher.containsWord("Quickstart", "quick start")).isTrue();
        assertThat(WordMatcher.containsWord("QuickStart guide", "quick start")).isTrue();
        assertThat(WordMatcher.containsWord("Quick start", "quickstart")).isTrue();
        assertThat(WordMatcher.containsWord("Set up", "setup")).isTrue();
        assertThat(WordMatcher.containsWord("Setup", "set up")).isTrue();
        assertThat(WordMatcher.containsWord("Quickstarter", "quick start")).isFalse();
        assertThat(WordMatcher.containsWord("A quick starter", "quickstart")).isFalse();
    }

    @Test
    void metricNames() {
        assertThat(WordMatcher.containsWord("We report F1-score and AUC.", "f1")).isTrue();
        assertThat(WordMatcher.containsWord("roc_auc = 0.91", "auc")).isTrue();
        assertThat(WordMatcher.containsWord("Log-loss: 0.3", "log loss")).isTrue();
        assertThat(WordMatcher.containsWord("logloss 0.3", "log loss")).isTrue();
        assertThat(WordMatcher.containsWord("R² of 0.8", "r2")).isTrue();
        assertThat(WordMatcher.containsWord("r2 of 0.8", "r²")).isTrue();
        assertThat(WordMatcher.containsWord("See the F10 key", "f1")).isFalse();
        assertThat(WordMatcher.containsWord("Bauchaus", "auc")).isFalse();
        assertThat(WordMatcher.containsWord("The r22 release", "r2")).isFalse();
    }

    @Test
    void emptyAndNullNeverMatch() {
        assertThat(WordMatcher.containsWord("Usage", "")).isFalse();
        assertThat(WordMatcher.containsWord("Usage", " - ")).isFalse();
        assertThat(WordMatcher.containsWord("", "usage")).isFalse();
        assertThat(WordMatcher.containsWord(null, "usage")).isFalse();
        assertThat(WordMatcher.containsAnyWord("Usage", List.of())).isFalse();
    }

    @Test
    void splitsIntoLowerCaseWords() {
        assertThat(WordMatcher.words("Getting-Started with R² & ML_ops!")).containsExactly(
                "getting", "started", "with", "r2", "ml", "ops");
    }
}
