package dev.mlreadiness.engine.rules.structure;

import java.util.Locale;

import dev.mlreadiness.engine.config.ProjectPaths;
import dev.mlreadiness.engine.rule.AbstractRule;
import dev.mlreadiness.engine.rule.AddedFiles;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.FileEntry;

/** {@code structure/notebook-location}: notebooks live in the notebooks folder. */
public final class NotebookLocationRule extends AbstractRule {

    public static final RuleInfo INFO = new RuleInfo("structure/notebook-location", "Notebooks in the notebooks folder",
            Severity.NOTICE, Scope.FILE, new RuleDoc("""
                    Flags a Jupyter notebook (`.ipynb`, any letter case) that a pull request adds, renames or
                    copies outside the notebooks folder (`paths.notebooks`, default `notebooks/`, at any depth
                    below it; a repository that keeps its notebooks in `notebook/` and has no `notebooks/` has
                    that one, as `structure/layout` says). A full scan checks every notebook. The rule does not
                    apply to repositories without notebooks.
                    """, """
                    Notebooks scattered next to code and data make it hard to tell exploration from the pipeline
                    that production runs, and hard to find the analysis behind a modelling decision. Keeping them
                    in one folder separates experiments from shippable code.
                    """, """
                    Move the notebook into `notebooks/` (with `git mv`, to keep its history) and give it a name that
                    says what it explores. Move code that production needs out of notebooks into modules.
                    """, """
                    ```text
                    ├── src/train.py
                    └── src/feature_check.ipynb
                    ```
                    """, """
                    ```text
                    ├── src/train.py
                    └── notebooks/02-feature-check.ipynb
                    ```
                    """));

    public NotebookLocationRule() {
        super(INFO, FileSelector.none());
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        if (ctx.snapshot().stream().noneMatch(f -> isNotebook(f.path()))) {
            out.notApplicable();
            return;
        }
        String folder = ctx.paths().notebooks();
        for (FileEntry f : AddedFiles.of(ctx)) {
            if (isNotebook(f.path()) && !ProjectPaths.isUnder(f.path(), folder)) {
                out.file(f.path(), "Move " + f.name() + " into " + folder
                        + "/ so exploration notebooks stay apart from the project's code.");
            }
        }
    }

    private static boolean isNotebook(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".ipynb");
    }
}
