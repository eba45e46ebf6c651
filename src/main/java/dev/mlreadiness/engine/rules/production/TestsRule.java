package dev.mlreadiness.engine.rules.production;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.mlreadiness.engine.snapshot.FileChange;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.code.CodeFiles;
import dev.mlreadiness.engine.python.Declarations;
import dev.mlreadiness.engine.repo.TestFiles;
import dev.mlreadiness.engine.repo.ModelRepository;

/**
 * {@code production/tests}: the repository has tests and, in a pull request, code changes come with test changes.
 * At most one finding: the repository one when there are no tests at all, else the pull-request one.
 */
public final class TestsRule implements Rule {

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

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /**
     * What decides whether a repository is model-only, and in a pull request the changed Python files: whether
     * they hold code is read from their content.
     */
    @Override
    public Collection<String> reads(RuleContext ctx) {
        List<String> reads = new ArrayList<>(ModelRepository.modelOnlyReads(ctx));
        if (ctx.isPullRequest()) {
            ctx.changes().files().stream().filter(c -> c.status().exists()).map(FileChange::path)
                    .filter(p -> CodeFiles.isPython(p) && !TestFiles.isTestFile(p)).forEach(reads::add);
        }
        return reads;
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
        List<String> code = new ArrayList<>();
        for (FileChange c : ctx.changes().files()) {
            if (!c.status().exists()) {
                continue;
            }
            if (TestFiles.isTestFile(c.path())) {
                return; // the pull request touches tests: that is all the rule can ask
            }
            if (isCode(ctx, c.path())) {
                code.add(c.path());
            }
        }
        if (!code.isEmpty()) {
            String named = String.join(", ", code.subList(0, Math.min(NAMED, code.size())))
                    + (code.size() > NAMED ? " and " + (code.size() - NAMED) + " more" : "");
            out.pullRequest(null, "Add or update tests for the code this pull request changes (" + named + ").");
        }
    }

    private static boolean isCode(RuleContext ctx, String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!CodeFiles.isPython(path) || NOT_CODE.contains(name) || ctx.paths().isDoc(path)) {
            return false;
        }
        // a file that cannot be read (too large, binary) is taken for code, as it was before its content counted
        return ctx.snapshot().file(path).flatMap(f -> CodeFiles.read(ctx, f))
                .map(code -> !Declarations.only(code.module())).orElse(true);
    }
}
