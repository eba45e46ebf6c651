package dev.mlreadiness.engine.rules.structure;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.repo.ArtifactKinds;
import dev.mlreadiness.engine.repo.NameWords;
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

/** {@code structure/file-naming}: added files are not named like scratch copies or with spaces. */
public final class FileNamingRule extends AbstractRule {

    /** One bad naming habit: how to recognise it in a file name and what to tell people. */
    record Habit(Predicate<String> matches, String advice) {
        static Habit of(String regex, String advice) {
            Pattern pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
            return new Habit(name -> pattern.matcher(name).matches(), advice);
        }
    }

    /** Words that, right after {@code final}, make it a version marker: {@code final_v2}, {@code final-copy}. */
    private static final Set<String> VERSION_WORDS = Set.of("v", "ver", "version", "rev", "copy", "old", "new",
            "draft", "fix", "fixed", "edit", "edited", "update", "updated", "real", "really", "latest", "last",
            "backup", "bak", "tmp", "temp", "wip", "final", "done", "ok");
    /** Words before {@code final} that make it a round of a competition, not a version. */
    private static final Set<String> ROUND_WORDS = Set.of("semi", "quarter");

    /**
     * What is judged: code, notebooks, data and config, where a scratch name misleads the code that reads the file.
     * Documentation, images and other references (a paper's PDF, a screenshot) keep the names people gave them.
     */
    private static final Set<String> CONFIG_EXTENSIONS = Set.of(".json", ".jsonl", ".ndjson", ".yaml", ".yml",
            ".toml", ".cfg", ".ini", ".conf", ".env", ".properties", ".xml");
    private static final Set<String> OTHER_DATA_EXTENSIONS = Set.of(".txt", ".xlsx", ".xls", ".ods", ".avro",
            ".orc", ".sav", ".dta", ".sas7bdat", ".tfrecord", ".tfrecords", ".db", ".sqlite", ".sqlite3", ".gz",
            ".bz2", ".xz", ".7z", ".rar", ".tar", ".keras", ".gguf", ".mat", ".rds", ".rdata");

    /** In order: the first habit that matches names the finding. */
    static final List<Habit> HABITS = List.of(
            Habit.of("untitled.*\\.ipynb", "to say what the notebook does (e.g. `02-feature-selection.ipynb`)"),
            Habit.of(".*-copy\\d+\\.ipynb", "to say what the notebook does and drop the Jupyter copy; git keeps the "
                    + "history"),
            Habit.of(".* copy.*", "and keep one version; git keeps the history, not copies"),
            Habit.of(".*_old\\..*", "or delete the old version; git keeps the history"),
            new Habit(FileNamingRule::saysFinalVersion, "without `final`: name it by what it is and let git or DVC "
                    + "keep the versions"),
            Habit.of(".*\\(\\d+\\)\\..*", "to drop the download-duplicate suffix and say what the file holds"),
            Habit.of(".*\\s.*", "without spaces (use `-` or `_`), which break shell commands and paths in scripts"));

    public static final RuleInfo INFO = new RuleInfo("structure/file-naming", "Descriptive file names",
            Severity.WARNING,
            Scope.FILE, new RuleDoc("""
                    Flags a file that a pull request adds, renames or copies (every file in a full scan) whose name
                    looks like a scratch copy: `Untitled*.ipynb`, `* copy*`, `*-Copy1.ipynb` (any number),
                    `*_old.*`, `final` as a version marker, `*(1).*` (any number), or a name with spaces. Only the
                    file name is judged, not its folders, and only for code, notebooks, data (models included) and
                    config files (`.py .ipynb .R .sql .sh ...`, `.csv .parquet .pkl .pt .txt .xlsx ...`, `.json
                    .yaml .toml .cfg ...`): documentation, images and references such as a paper's PDF keep the
                    names people gave them. Where the original spec said `*final*`, we follow the
                    amendment: `final` counts only as a word of its own (words are split at `_ - .`, spaces, case
                    steps and digits) and only where it marks a version: as the last word (`model_final.pkl`,
                    `modelFinal.py`, `final.csv`) or before a version word or number (`final-v2.ipynb`, `final2.py`,
                    `final_final.csv`, `final_copy.py`).
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
                    """).withKnownProblems("""
                    Names are matched case-insensitively (`FINAL`, `Copy`, `untitled` all count). `final` is matched
                    only as a version marker: `finalize.py` and `semifinal.csv` are not flagged, nor is `final` before
                    what the file is (`final_layer.py`, `final_model.pkl`, `final_project.ipynb`) or after
                    `semi`/`quarter` (`semi_final.csv`). `Final Report.ipynb` is still flagged, for its space.
                    """));

    public FileNamingRule() {
        super(INFO, FileSelector.none());
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        for (FileEntry f : AddedFiles.of(ctx)) {
            if (isJudged(f.path())) {
                habit(f.name()).ifPresent(h -> out.file(f.path(), "Rename " + f.name() + " " + h.advice() + "."));
            }
        }
    }

    /** The first bad naming habit the file name shows, if any. */
    static Optional<Habit> habit(String name) {
        return HABITS.stream().filter(h -> h.matches().test(name)).findFirst();
    }

    /** Code, notebooks, data (models included) and config files, by extension. */
    static boolean isJudged(String path) {
        String ext = ArtifactKinds.lastExtension(path);
        return ArtifactKinds.CODE_EXTENSIONS.contains(ext) || ArtifactKinds.isDataOrModelFile(path)
                || OTHER_DATA_EXTENSIONS.contains(ext) || CONFIG_EXTENSIONS.contains(ext);
    }

    /**
     * {@code final} as a word of the name (without its extension) that marks a version: the last word
     * ({@code model_final.pkl}, {@code modelFinal.py}, {@code final.csv}) or followed by a version word or number
     * ({@code final-v2.ipynb}, {@code final2.py}, {@code final_final.csv}). Not part of a longer word
     * ({@code finalize.py}, {@code semifinal.csv}), nor before what the file is ({@code final_layer.py},
     * {@code final_model.pkl}: the model refit after selection), nor a round of a competition
     * ({@code semi_final.csv}).
     */
    static boolean saysFinalVersion(String name) {
        List<String> words = NameWords.of(name);
        for (int i = 0; i < words.size(); i++) {
            if (!words.get(i).equals("final") || i > 0 && ROUND_WORDS.contains(words.get(i - 1))) {
                continue;
            }
            if (i == words.size() - 1 || isVersionWord(words.get(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVersionWord(String word) {
        return VERSION_WORDS.contains(word) || word.chars().allMatch(Character::isDigit);
    }
}
