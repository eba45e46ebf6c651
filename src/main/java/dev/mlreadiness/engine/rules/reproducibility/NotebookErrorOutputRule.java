package dev.mlreadiness.engine.rules.reproducibility;

import dev.mlreadiness.engine.code.CodeFile;
import dev.mlreadiness.engine.notebook.Cell;
import dev.mlreadiness.engine.notebook.ErrorOutput;
import dev.mlreadiness.engine.rule.AbstractRule;
import dev.mlreadiness.engine.rule.CodeFilesToScan;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;

/** {@code reproducibility/notebook-error-output}: notebooks are not committed with errors in their outputs. */
public final class NotebookErrorOutputRule extends AbstractRule {

    public static final RuleInfo INFO = new RuleInfo("reproducibility/notebook-error-output",
            "Notebook committed with an error", Severity.WARNING, Scope.LINE, new RuleDoc("""
                    Flags each code cell of a notebook that has an error output (`output_type: error`, `pyerr`
                    in nbformat 3), on the line of the `.ipynb` file holding the cell's first source line (the
                    `"source"` key's line when the cell is empty). The message names the cell as notebook viewers
                    count it (`cell 7 (In [5])`) and the exception type, never its message (which may hold data or
                    credentials).
                    """, """
                    A traceback in a committed notebook means it does not run as saved: the results below the
                    failing cell come from an earlier state of the kernel, and whoever runs it next hits the
                    same error without knowing whether it matters.
                    """, """
                    Fix the failing cell, restart the kernel and run all cells, then commit. If the error is the
                    point of the cell (a demonstration), catch it in the code instead of leaving a traceback.
                    """, """
                    ```text
                    In [4]: model.fit(X_train, y_train)
                    ValueError: Input contains NaN
                    ```
                    """, """
                    ```text
                    In [4]: model.fit(X_train.fillna(0), y_train)
                    Out[4]: RandomForestClassifier(random_state=0)
                    ```
                    """));

    public NotebookErrorOutputRule() {
        super(INFO, CodeFilesToScan.NOTEBOOKS);
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        for (CodeFile f : CodeFilesToScan.notebooks(ctx)) {
            f.notebook().ifPresent(nb -> {
                for (Cell c : nb.cells()) {
                    if (c.errors().isEmpty()) {
                        continue;
                    }
                    ErrorOutput e = c.errors().get(0);
                    out.line(f.path(), c.firstSourceLine(), "Fix " + c.label() + " of " + f.name()
                            + ", which failed with " + (e.ename() == null ? "an error" : e.ename())
                            + ", and re-run the notebook from the top before committing.",
                            Findings.digest(c.source(), String.valueOf(e.ename())));
                }
            });
        }
    }
}
