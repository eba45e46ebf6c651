package dev.mlreadiness.engine.rules.structure;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.FileEntry;
import dev.mlreadiness.engine.Findings;
import dev.mlreadiness.engine.Rule;
import dev.mlreadiness.engine.RuleContext;
import dev.mlreadiness.engine.RuleDoc;
import dev.mlreadiness.engine.RuleInfo;
import dev.mlreadiness.engine.Scope;
import dev.mlreadiness.engine.Severity;
import dev.mlreadiness.engine.rules.AddedFiles;

/** {@code structure/file-naming}: added files are not named like scratch copies or with spaces. */
public final class FileNamingRule implements Rule {

    /** One bad naming habit: how to recognise it in a file name and what to tell people. */
    record Habit(Pattern pattern, String advice) {
        static Habit of(String regex, String advice) {
            return new Habit(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), advice);
        }
    }

    /** In order: the first habit that matches names the finding. */
    static final List<Habit> HABITS = List.of(
            Habit.of("untitled.*\\.ipynb", "to say what the notebook does (e.g. `02-feature-selection.ipynb`)"),
            Habit.of(".*-copy\\d+\\.ipynb", "to say what the notebook does and drop the Jupyter copy; git keeps the "
                    + "history"),
            Habit.of(".* copy.*", "and keep one version; git keeps the history, not copies"),
            Habit.of(".*_old\\..*", "or delete the old version; git keeps the history"),
            Habit.of(".*final.*", "without `final`: name it by what it is and let git or DVC keep the versions"),
            Habit.of(".*\\(\\d+\\)\\..*", "to drop the download-duplicate suffix and say what the file holds"),
            Habit.of(".*\\s.*", "without spaces (use `-` or `_`), which break shell commands and paths in scripts"));

    public static final RuleInfo INFO = new RuleInfo("structure/file-naming", "Descriptive file names", Severity.WARNING,
            Scope.FILE, new RuleDoc("""
                    Flags a file that a pull request adds, renames or copies (every file in a full scan) whose name
                    looks like a scratch copy: `Untitled*.ipynb`, `* copy*`, `*-Copy1.ipynb` (any number),
                    `*_old.*`, `*final*`, `*(1).*` (any number), or a name with spaces. Only the file name is
                    judged, not its folders. We chose to match case-insensitively (`FINAL`, `Copy`, `untitled`
                    all count). `*final*` also matches words such as `finalize.py`; rename or suppress with
                    `readiness: ignore-file[structure/file-naming]` where that is intended.
                    """, """
                    Names like `Untitled3.ipynb`, `model_final_v2 copy.pkl` or `train_old.py` hide what a file is
                    and which version is current. Teams end up shipping the wrong model or editing a stale copy,
                    and spaces in names break shell scripts, Makefiles and Docker `COPY` lines.
                    """, """
                    Rename the file to say what it holds, without spaces. Keep one version of each file and let git
                    (code) or DVC / Git LFS (data, models) keep the history.
                    """, """
                    ```text
                    notebooks/Untitled1.ipynb
                    models/model_final (1).pkl
                    src/train_old.py
                    ```
                    """, """
                    ```text
                    notebooks/01-data-exploration.ipynb
                    models/churn-gbm.pkl
                    src/train.py
                    ```
                    """));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        for (FileEntry f : AddedFiles.of(ctx)) {
            habit(f.name()).ifPresent(h -> out.file(f.path(), "Rename " + f.name() + " " + h.advice() + "."));
        }
    }

    /** The first bad naming habit the file name shows, if any. */
    static Optional<Habit> habit(String name) {
        return HABITS.stream().filter(h -> h.pattern().matcher(name).matches()).findFirst();
    }
}
