package dev.mlreadiness.engine.rules.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.ChangeSet;
import dev.mlreadiness.engine.snapshot.ChangeStatus;
import dev.mlreadiness.engine.snapshot.FileChange;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Snapshot;

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
        Report r = TestRepo.create().file("tests/test_a.py", "x\n").change().add("a.py", "run()\n")
                .add("b.py", "run()\n").add("c.py", "run()\n").add("d.py", "run()\n").add("e.py", "run()\n")
                .evaluate(rule);
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

    @Test
    void filesWithNoCodeNeedNoTests() {
        TestRepo repo = TestRepo.create().file("src/pkg/model.py", "def fit():\n    pass\n")
                .file("tests/test_model.py", "def test_fit():\n    pass\n");
        Report r = repo.change()
                .add("src/pkg/__init__.py", "")
                .add("src/pkg/features/__init__.py", "\"\"\"Feature engineering.\"\"\"\n"
                        + "from .scaling import scale, unscale\nfrom . import text\n\n"
                        + "__all__ = [\"scale\", \"unscale\"]\n")
                .add("src/pkg/constants.py", "# Tuned on 2024-05 data\nSEED = 42\nTHRESHOLD: float = 0.35\n"
                        + "LABELS = {\"neg\": 0, \"pos\": 1}\n")
                .add("src/pkg/version.py", "__version__ = \"1.4.0\"\n")
                .evaluate(rule);
        assertThat(r.findings()).isEmpty();

        // a definition, a call or any other logic is code: only those files are named
        Report code = repo.change()
                .add("src/pkg/__init__.py", "from .model import fit\n")
                .add("src/pkg/log.py", "import logging\nlogger = logging.getLogger(__name__)\n")
                .modify("src/pkg/model.py", "def fit():\n    return 1\n")
                .evaluate(rule);
        assertThat(code.findings()).extracting(Finding::message).containsExactly("Add or update tests for the code "
                + "this pull request changes (src/pkg/log.py, src/pkg/model.py).");
    }

    @Test
    void cookiecutterTestEnvironmentIsNoTest() {
        Report template = TestRepo.create().file("src/models/train_model.py", "model.fit(X, y)\n")
                .file("test_environment.py", "import sys\n\ndef main():\n    assert sys.version_info.major == 3\n")
                .scan(rule);
        assertThat(template.findings()).extracting(Finding::message).containsExactly("Add tests (e.g. "
                + "`tests/test_features.py` with pytest) for the data processing, feature and prediction code.");
        // under a tests folder it is a test like any other
        assertThat(TestRepo.create().file("src/train.py", "x\n").file("tests/test_environment.py", "x\n").scan(rule)
                .findings()).isEmpty();

        // in a pull request it is neither a test change nor code that needs one
        TestRepo repo = TestRepo.create().file("src/train.py", "run()\n").file("tests/test_train.py", "x\n")
                .file("test_environment.py", "import sys\n");
        assertThat(repo.change().modify("test_environment.py", "import sys\nprint(sys.version)\n").evaluate(rule)
                .findings()).isEmpty();
        assertThat(repo.change().modify("src/train.py", "run(1)\n").modify("test_environment.py", "import os\n")
                .evaluate(rule).findings()).extracting(Finding::message, Finding::isNew).containsExactly(tuple(
                        "Add or update tests for the code this pull request changes (src/train.py).", true));
    }

    @Test
    void readsTheChangedPythonFilesOfAPullRequestOnly() {
        List<FileEntry> entries = List.of(new FileEntry("src/a.py", 10), new FileEntry("src/b.py", 10),
                new FileEntry("tests/test_a.py", 10), new FileEntry("README.md", 10));
        Snapshot tree = Snapshot.of(entries, f -> Optional.empty());
        BitSet line1 = new BitSet();
        line1.set(1);
        ChangeSet changes = ChangeSet.of(List.of(new FileChange("src/a.py", ChangeStatus.MODIFIED, null, line1),
                new FileChange("tests/test_a.py", ChangeStatus.MODIFIED, null, line1),
                new FileChange("README.md", ChangeStatus.MODIFIED, null, line1),
                new FileChange("src/gone.py", ChangeStatus.DELETED, null, new BitSet())), false);
        RuleContext pr = new RuleContext(tree, changes, ReadinessConfig.defaults(), RuleContext.Side.HEAD);
        assertThat(rule.reads().select(pr)).containsExactly("src/a.py");
        RuleContext scan = new RuleContext(tree, ChangeSet.fullScan(), ReadinessConfig.defaults(),
                RuleContext.Side.HEAD);
        assertThat(rule.reads().select(scan)).isEmpty();
    }
}
