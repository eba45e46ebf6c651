package dev.mlreadiness.engine.rules.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class TestsRuleTest {

    private final TestsRule rule = new TestsRule();

    @Test
    void aRepositoryWithoutTestsGetsOneRepositoryFinding() {
        Report r = TestRepo.create().file("src/train.py", "x").file("tests/.gitkeep", "")
                .file("src/testing.py", "x").scan(rule);
        assertThat(r.findings()).extracting(Finding::path, Finding::message, Finding::isNew).containsExactly(
                tuple(null, "Add tests (e.g. `tests/test_features.py` with pytest) for the data processing, feature "
                        + "and prediction code.", false));
    }

    @Test
    void anyKindOfTestFilePasses() {
        for (String test : new String[] { "tests/test_a.py", "test/helpers.py", "src/a_test.py", "conftest.py",
                "tests/testthat/test-model.R", "test_train.py" }) {
            assertThat(TestRepo.create().file("src/train.py", "x").file(test, "x").scan(rule).findings())
                    .as(test).isEmpty();
        }
    }

    @Test
    void pullRequestChangingCodeWithoutTestsIsAlwaysNew() {
        TestRepo repo = TestRepo.create().file("src/train.py", "x\n").file("tests/test_train.py", "x\n");
        Report r = repo.change().modify("src/train.py", "y\n").add("src/features.py", "z\n").evaluate(rule);
        assertThat(r.findings()).extracting(Finding::path, Finding::message, Finding::isNew).containsExactly(
                tuple(null, "Add or update tests for the code this pull request changes (src/train.py, "
                        + "src/features.py).", true));
    }

    @Test
    void longListsAreShortened() {
        Report r = TestRepo.create().file("tests/test_a.py", "x\n").change().add("a.py", "1\n").add("b.py", "1\n")
                .add("c.py", "1\n").add("d.py", "1\n").add("e.py", "1\n").evaluate(rule);
        assertThat(r.findings()).extracting(Finding::message).containsExactly(
                "Add or update tests for the code this pull request changes (a.py, b.py, c.py and 2 more).");
    }

    @Test
    void nearMissesOfThePullRequestPart() {
        TestRepo repo = TestRepo.create().file("src/train.py", "x\n").file("tests/test_train.py", "x\n");
        // code with a test change
        assertThat(repo.change().modify("src/train.py", "y\n").modify("tests/test_train.py", "y\n").evaluate(rule)
                .findings()).isEmpty();
        // notebooks, docs, setup.py and non-Python files are not code that needs tests
        assertThat(repo.change().add("notebooks/eda.ipynb", "{}").add("docs/conf.py", "x\n").add("setup.py", "x\n")
                .add("README.md", "# x\n").evaluate(rule).findings()).isEmpty();
        // deleting code asks for nothing
        assertThat(repo.change().delete("src/train.py").evaluate(rule).findings()).isEmpty();
        // a full scan never has the pull-request part
        assertThat(repo.scan(rule).findings()).isEmpty();
    }

    @Test
    void theRepositoryFindingWinsAndIsNewWhenThePullRequestDeletesTheTests() {
        Report r = TestRepo.create().file("src/train.py", "x\n").file("tests/test_train.py", "x\n")
                .change().delete("tests/test_train.py").modify("src/train.py", "y\n").evaluate(rule);
        assertThat(r.findings()).extracting(Finding::message, Finding::isNew).containsExactly(
                tuple("Add tests (e.g. `tests/test_features.py` with pytest) for the data processing, feature and "
                        + "prediction code.", true));
    }
}
