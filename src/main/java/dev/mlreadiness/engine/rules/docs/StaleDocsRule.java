package dev.mlreadiness.engine.rules.docs;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.mlreadiness.engine.ChangeStatus;
import dev.mlreadiness.engine.FileChange;
import dev.mlreadiness.engine.Findings;
import dev.mlreadiness.engine.Rule;
import dev.mlreadiness.engine.RuleContext;
import dev.mlreadiness.engine.RuleDoc;
import dev.mlreadiness.engine.RuleInfo;
import dev.mlreadiness.engine.Scope;
import dev.mlreadiness.engine.Severity;
import dev.mlreadiness.engine.config.ProjectPaths;
import dev.mlreadiness.engine.repo.TestFiles;

/**
 * {@code docs/stale}: a pull request that changes training, model or feature code, or the dependencies, and
 * no doc file. Reads only the change's file list, never file contents.
 */
public final class StaleDocsRule implements Rule {

    private static final Set<ChangeStatus> COUNTED = Set.of(ChangeStatus.ADDED, ChangeStatus.MODIFIED,
            ChangeStatus.RENAMED);
    private static final List<String> CODE_EXTENSIONS = List.of(".py", ".ipynb", ".r");
    private static final List<String> CODE_NAME_PREFIXES = List.of("train", "model", "feature", "pipeline",
            "predict");

    public static final RuleInfo INFO = new RuleInfo("docs/stale", "Update the docs with the code",
            Severity.WARNING, Scope.PULL_REQUEST, new RuleDoc(
                    """
                    Pull requests only (never in a full scan). One finding when the PR adds, modifies or renames \
                    code (`.py`, `.ipynb`, `.R` files outside tests, at any depth under `src/` or the configured \
                    models and notebooks folders, or named `train*`, `model*`, `feature*`, `pipeline*`, \
                    `predict*` anywhere) or a dependency manifest at the root (requirements*.txt, pyproject.toml, setup.py, \
                    setup.cfg, environment.yml, conda.yml, Pipfile, renv.lock, DESCRIPTION), and adds, modifies \
                    or renames no doc file (any `.md` or `.rst` file, `README*`, `MODEL_CARD*`, `DATASHEET*`, \
                    anything under `docs/`, or the configured docs). Deleted files count on neither side. Test \
                    files (under `tests/` or `test/`, `test_*.py`, `*_test.py`, `conftest.py`, `testthat/`) are \
                    not code here.""",
                    """
                    Out-of-date documentation is technical debt: the README still describes last quarter's \
                    features, the model card last year's training data. Nobody notices until someone deploys by \
                    the docs. The cheapest time to update them is in the PR that changes the behaviour.""",
                    "Update the docs the change affects (the README's usage, the model or data sections, the "
                            + "model card) in the same PR; if nothing needs to change, say so in the PR and ignore "
                            + "the rule for it with `/readiness ignore docs/stale <reason>`.",
                    """
                    ```text
                    PR #42: "Add tenure buckets"
                      M src/features.py
                      M models/train.py
                    ```""",
                    """
                    ```text
                    PR #42: "Add tenure buckets"
                      M src/features.py
                      M models/train.py
                      M README.md          (## Model: new step "bucket tenure into 0-6/6-24/24+ months")
                    ```"""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        if (!ctx.isPullRequest()) {
            out.notApplicable();
            return;
        }
        List<String> counted = ctx.changes().files().stream().filter(c -> COUNTED.contains(c.status()))
                .map(FileChange::path).toList();
        if (counted.stream().anyMatch(p -> isDoc(p, ctx.paths()))) {
            return;
        }
        List<String> code = counted.stream().filter(p -> isCode(p, ctx.paths()) || isManifest(p)).sorted().toList();
        if (code.isEmpty()) {
            return;
        }
        String files = code.size() == 1 ? code.get(0) : code.get(0) + " and " + (code.size() - 1) + " more";
        out.pullRequest(null, "This PR changes " + files + " but no documentation: update the README or the "
                + "pages under docs/ that describe this code.");
    }

    static boolean isDoc(String path, ProjectPaths paths) {
        String lower = path.toLowerCase(Locale.ROOT);
        String name = lower.substring(lower.lastIndexOf('/') + 1);
        return lower.endsWith(".md") || lower.endsWith(".rst") || name.startsWith("readme")
                || name.startsWith("model_card") || name.startsWith("datasheet") || lower.startsWith("docs/")
                || paths.isDoc(path);
    }

    static boolean isCode(String path, ProjectPaths paths) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (CODE_EXTENSIONS.stream().noneMatch(lower::endsWith) || TestFiles.isTestFile(path)) {
            return false;
        }
        String name = lower.substring(lower.lastIndexOf('/') + 1);
        return CODE_NAME_PREFIXES.stream().anyMatch(name::startsWith)
                || ProjectPaths.isUnder(path, "src") || ProjectPaths.isUnder(path, paths.models())
                || ProjectPaths.isUnder(path, paths.notebooks());
    }

    static boolean isManifest(String path) {
        if (path.indexOf('/') >= 0) {
            return false;
        }
        return path.startsWith("requirements") && path.endsWith(".txt") || List.of("pyproject.toml", "setup.py",
                "setup.cfg", "environment.yml", "environment.yaml", "conda.yml", "conda.yaml", "Pipfile", "renv.lock",
                "DESCRIPTION").contains(path);
    }
}
