package dev.mlreadiness.engine.rules.reproducibility;

import dev.mlreadiness.engine.code.CodeFile;
import dev.mlreadiness.engine.notebook.Cell;
import dev.mlreadiness.engine.notebook.Notebook;
import dev.mlreadiness.engine.rule.AbstractRule;
import dev.mlreadiness.engine.rule.CodeFilesToScan;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;

/** {@code reproducibility/notebook-execution-order}: notebooks are committed as run top to bottom. */
public final class NotebookExecutionOrderRule extends AbstractRule {

    public static final RuleInfo INFO = new RuleInfo("reproducibility/notebook-execution-order",
            "Notebook cells run out of order", Severity.WARNING, Scope.LINE, new RuleDoc("""
                    Flags a notebook whose code cells' execution counts do not increase strictly from top to
                    bottom. Cells with no count and no outputs (never run) are ignored, and a notebook with every
                    count cleared is fine. One finding per
                    notebook, on the first offending cell: the first whose count is not greater than the previous
                    counted cell's, reported on the line of the `.ipynb` file holding its first source line. The
                    message names it and the cell it ran after as notebook viewers count them
                    (`cell 5 (In [3]) ran after cell 4 (In [5])`).
                    """, """
                    Counts that go down or repeat mean cells were run in another order than the file shows, or
                    re-run after later cells changed the kernel's state. The outputs in the file may not come from
                    the code above them, and running the notebook from the top may give other results or fail.
                    """, """
                    Restart the kernel and run all cells (Kernel → Restart & Run All), check the results, then
                    commit. Or clear all outputs before committing (`jupyter nbconvert --clear-output`, or
                    `nbstripout` as a git filter).
                    """, """
                    ```text
                    In [3]: df = load()
                    In [1]: import pandas as pd
                    In [2]: model.fit(df)
                    ```
                    """, """
                    ```text
                    In [1]: import pandas as pd
                    In [2]: df = load()
                    In [3]: model.fit(df)
                    ```
                    """).withKnownProblems("""
                    A cell with outputs but no count is counted as out of order when other cells have counts: its output
                    came from an earlier kernel.
                    """));

    public NotebookExecutionOrderRule() {
        super(INFO, CodeFilesToScan.NOTEBOOKS);
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        for (CodeFile f : CodeFilesToScan.notebooks(ctx)) {
            f.notebook().ifPresent(nb -> {
                Cell[] pair = firstOutOfOrder(nb);
                if (pair != null) {
                    Cell offending = pair[1];
                    out.line(f.path(), offending.firstSourceLine(), "Restart the kernel and run all cells of "
                            + f.name() + " from the top before committing: " + describe(offending)
                            + (pair[0] == null ? "" : " after " + pair[0].label()) + ".",
                            Findings.digest(offending.source()));
                }
            });
        }
    }

    /**
     * The first cell out of order, [1], and the counted cell above it that it ran after, [0] (null when a cell
     * kept outputs without a count before any counted cell); null when all is in order.
     */
    static Cell[] firstOutOfOrder(Notebook nb) {
        if (nb.codeCells().stream().allMatch(c -> c.executionCount() == null)) {
            return null;
        }
        Cell previous = null;
        for (Cell c : nb.codeCells()) {
            Integer count = c.executionCount();
            if (count == null) {
                if (c.outputCount() > 0) {
                    return new Cell[] { previous, c };
                }
                continue;
            }
            if (previous != null && count <= previous.executionCount()) {
                return new Cell[] { previous, c };
            }
            previous = c;
        }
        return null;
    }

    private static String describe(Cell c) {
        return c.executionCount() == null ? c.label() + " kept outputs from an earlier run without a count"
                : c.label() + " ran";
    }
}
