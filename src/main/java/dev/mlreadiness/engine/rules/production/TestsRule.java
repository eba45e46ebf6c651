package dev.mlreadiness.engine.rules.production;

import java.util.List;

import dev.mlreadiness.engine.code.CodeFiles;
import dev.mlreadiness.engine.python.Declarations;
import dev.mlreadiness.engine.repo.ModelRepository;
import dev.mlreadiness.engine.repo.TestFiles;
import dev.mlreadiness.engine.rule.AbstractRule;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.FileChange;

/**
 * {@code production/tests}: the repository has tests and, in a pull request, code changes come with test changes.
 * At most one finding: the repository one when there are no tests at all, else the pull-request one.
 */
public final class TestsRule extends AbstractRule {

    /** Python files that are project plumbing rather than code under test. */
    private static final List<String> NOT_CODE = List.of("setup.py", "test_environment.py");

    /** How many changed files the pull-request message names before it says "and N more". */
    private static final int NAMED = 3;

    public static final RuleInfo INFO = new RuleInfo("production/tests", "Tests", Severity.WARNING, Scope.REPOSITORY,
            new RuleDoc("""
                    Checks that the repository has tests: a file under a `tests/`, `test/` or R `testthat/`
                    folder, or a `test_*.py`, `*_test.py` or `conftest.py` anywhere. Cookiecutter Data Science's
                    `test_environment.py`, which only checks the Python version, is no test (under a tests folder
                    it counts like any file there). When the repository has tests, a pull request that adds or
                    changes a `.py` file with code in it that is not a test, a notebook or a doc (files under the
                    `docs` globs) and changes no test file gets one finding. A file has no code when it holds only
                    imports, docstrings and other literals, `pass`, and assignments or annotations built from
                    literals and names (`__all__ = [...]`, `SEED = 42`, `Number = int | float`), optionally inside
                    `try:`/`except ImportError:` or `if TYPE_CHECKING:`; a `def`, a `class`, a decorator, a call or
                    any other statement is code. So an empty or re-exporting `__init__.py` or a constants module
                    asks for no tests, a departure from the original spec, which counted every `.py` file. At most one
                    finding: the repository one when there are no tests at all. The pull-request finding is always
                    new; it never appears in a full scan.
                    The rule does not apply to a model-only Hugging Face repository (a model file and a README with
                    model-card front matter, no training code): it publishes a trained model, with no code of its
                    own to test.
                    """, """
                    An ML experiment is not ready for production until it is tested: feature code, preprocessing
                    and inference glue break silently (wrong column order, a changed default, a NaN) and the model
                    keeps producing plausible but wrong predictions. Tests catch that before users do, and code
                    changed without tests is where the regressions come from.
                    """, """
                    Add a `tests/` folder with pytest tests for the feature engineering, preprocessing and
                    prediction code (`tests/test_features.py`); in a pull request, add or update the tests for the
                    code it changes.
                    """, """
                    ```text
                    ├── src/features.py
                    └── src/train.py
                    ```
                    """, """
                    ```text
                    ├── src/features.py
                    ├── src/train.py
                    └── tests/test_features.py   # def test_scales_income(): ...
                    ```
                    """).withKnownProblems("""
                    `setup.py` and `test_environment.py` are not counted as code that needs tests. Changing any test
                    file satisfies a pull request, whether or not it tests the changed code.
                    """));

    /** The Python files a pull request changes that may hold code: whether they do is read from their content. */
    private static final FileSelector CHANGED_PYTHON = TestsRule::changedPython;
    private static final FileSelector READS = FileSelector.allOf(ModelRepository::modelOnlyReads, CHANGED_PYTHON);

    public TestsRule() {
        super(INFO, READS);
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        if (ModelRepository.isModelOnly(ctx)) {
            out.notApplicable();
            return;
        }
        if (ctx.snapshot().stream().noneMatch(f -> TestFiles.isTestFile(f.path()))) {
            out.repository("Add tests (e.g. `tests/test_features.py` with pytest) for the data processing, "
                    + "feature and prediction code.");
            return;
        }
        if (!ctx.isPullRequest()) {
            return;
        }
        if (ctx.changes().files().stream().anyMatch(c -> c.status().exists() && TestFiles.isTestFile(c.path()))) {
            return; // the pull request touches tests: that is all the rule can ask
        }
        List<String> code = CHANGED_PYTHON.select(ctx).stream().filter(p -> holdsCode(ctx, p)).toList();
        if (!code.isEmpty()) {
            String named = String.join(", ", code.subList(0, Math.min(NAMED, code.size())))
                    + (code.size() > NAMED ? " and " + (code.size() - NAMED) + " more" : "");
            out.pullRequest(null, "Add or update tests for the code this pull request changes (" + named + ").");
        }
    }

    /** In a pull request, the Python files it writes that are neither tests, plumbing ({@link #NOT_CODE}) nor docs. */
    private static List<String> changedPython(RuleContext ctx) {
        if (!ctx.isPullRequest()) {
            return List.of();
        }
        return ctx.changes().files().stream().filter(c -> c.status().exists()).map(FileChange::path)
                .filter(p -> CodeFiles.isPython(p) && !TestFiles.isTestFile(p)
                        && !NOT_CODE.contains(p.substring(p.lastIndexOf('/') + 1)) && !ctx.paths().isDoc(p))
                .toList();
    }

    private static boolean holdsCode(RuleContext ctx, String path) {
        // a file that cannot be read (too large, binary) is taken for code, as it was before its content counted
        return ctx.snapshot().file(path).flatMap(f -> CodeFiles.read(ctx, f))
                .map(code -> !Declarations.only(code.module())).orElse(true);
    }
}
