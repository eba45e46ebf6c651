package dev.mlreadiness.engine.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class StaleDocsRuleTest {

    private static TestRepo repo() {
        return TestRepo.create().file("README.md", "# X\n\nIntro.\n").file("src/features.py", "a = 1\n")
                .file("models/train.py", "b = 1\n").file("requirements.txt", "numpy==1.26.4\n");
    }

    @Test
    void codeOnlyChangeGivesOneNewFinding() {
        Report r = repo().change().modify("src/features.py", "a = 2\n").modify("models/train.py", "b = 2\n")
                .evaluate(new StaleDocsRule());
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::path, Finding::message, Finding::isNew)
                .containsExactly(tuple("docs/stale", null, "This PR changes models/train.py and 1 more but no "
                        + "documentation: update the README or the pages under docs/ that describe this code.", true));
    }

    @Test
    void codeAndDocChangePasses() {
        Report r = repo().change().modify("src/features.py", "a = 2\n").add("docs/features.md", "# F\n\nNew.\n")
                .evaluate(new StaleDocsRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void docOnlyChangePasses() {
        Report r = repo().change().modify("README.md", "# X\n\nBetter intro.\n").evaluate(new StaleDocsRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void manifestChangeAndTrainScriptAnywhereCount() {
        assertThat(repo().change().modify("requirements.txt", "numpy==2.0.0\n").evaluate(new StaleDocsRule())
                .findings()).extracting(Finding::message).containsExactly("This PR changes requirements.txt but no "
                        + "documentation: update the README or the pages under docs/ that describe this code.");
        assertThat(repo().change().add("scripts/predict_batch.py", "x = 1\n").evaluate(new StaleDocsRule())
                .findings()).hasSize(1);
    }

    @Test
    void testsOtherCodeAndDeletionsDoNotCount() {
        Report r = repo().file("src/tests/test_features.py", "x = 1\n").change()
                .add("src/tests/test_more.py", "x = 1\n").add("tests/test_train.py", "x = 1\n")
                .add("scripts/cleanup.py", "x = 1\n").add("src/conftest.py", "x = 1\n").add("src/app.js", "x\n")
                .delete("models/train.py").evaluate(new StaleDocsRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void deletingADocDoesNotCountAsUpdatingDocs() {
        Report r = repo().file("docs/old.md", "# Old\n").change().modify("src/features.py", "a = 3\n")
                .delete("docs/old.md").evaluate(new StaleDocsRule());
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("docs/stale");
    }

    @Test
    void configuredModelsFolderIsCode() {
        Report r = repo().config("enabled: true\npaths:\n  models: ml\n").change().add("ml/net.py", "x = 1\n")
                .evaluate(new StaleDocsRule());
        assertThat(r.findings()).extracting(Finding::message).containsExactly("This PR changes ml/net.py but no "
                + "documentation: update the README or the pages under docs/ that describe this code.");
    }

    @Test
    void fullScanNeverRunsIt() {
        Report r = repo().scan(new StaleDocsRule());
        assertThat(r.findings()).isEmpty();
        assertThat(r.scores()).isEmpty();
    }
}
