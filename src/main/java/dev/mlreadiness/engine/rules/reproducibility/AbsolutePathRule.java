package dev.mlreadiness.engine.rules.reproducibility;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.code.CodeFile;
import dev.mlreadiness.engine.python.StringLiteral;
import dev.mlreadiness.engine.rule.AbstractRule;
import dev.mlreadiness.engine.rule.CodeFileRule;
import dev.mlreadiness.engine.rule.CodeFilesToScan;
import dev.mlreadiness.engine.rule.CodeFindings;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;

/** {@code reproducibility/absolute-path}: no paths that exist only on one machine in code. */
public final class AbsolutePathRule extends AbstractRule implements CodeFileRule {

    /**
     * A home folder, Colab's Drive mount or a drive letter, starting the string or after a character that cannot
     * be part of a longer path ({@code data/home/x/} is relative).
     */
    private static final Pattern ABSOLUTE = Pattern.compile(
            "(?<![\\w.~/\\\\-])(/Users/[^/\\s'\"]+/|/home/[^/\\s'\"]+/|/content/drive/|[A-Za-z]:[\\\\/])");

    public static final RuleInfo INFO = new RuleInfo("reproducibility/absolute-path", "Hard-coded absolute paths",
            Severity.WARNING, Scope.LINE, new RuleDoc("""
                    Flags a string literal in Python code or a notebook code cell holding an absolute local
                    path: `/Users/<name>/`, `/home/<name>/`, `/content/drive/` (Google Colab's Drive) or a drive
                    letter (`C:\\`, `D:/`). Only string literals count: comments, docstrings, Markdown cells and
                    notebook outputs never do. URLs never match. One finding per string literal, on the line
                    where the path sits; in a notebook the message names the cell and its source line
                    (`Cell 7 (In [5]), line 3: ...`).
                    """, """
                    A path under someone's home folder or Drive exists on one machine only: the notebook fails
                    for every colleague, in CI and in the serving container, and nobody can tell which data it
                    really read.
                    """, """
                    Use paths relative to the project root (build them from `pathlib.Path(__file__).parent` or a
                    project-root helper), or read the location from a config file or an environment variable.
                    """, """
                    ```python
                    df = pd.read_csv("/Users/alice/Downloads/train.csv")
                    ```
                    """, """
                    ```python
                    DATA_DIR = Path(os.environ.get("DATA_DIR", "data/raw"))
                    df = pd.read_csv(DATA_DIR / "train.csv")
                    ```
                    """).withKnownProblems("""
                    `file:///home/...` is treated as a URL too (the spec's rule), so it is not flagged. Other absolute
                    paths (`/data/...`, `/mnt/...`, `/opt/...`) are not flagged either: only home folders, Colab's Drive
                    and drive letters are.
                    """));

    public AbsolutePathRule() {
        super(INFO, CodeFilesToScan.CODE);
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        for (CodeFile file : CodeFilesToScan.read(ctx)) {
            check(ctx, file, out);
        }
    }

    /** Each file on its own: nothing is kept between files, gaps are reported in the file checked. */
    @Override
    public boolean checksFilesApart() {
        return true;
    }

    @Override
    public void check(RuleContext ctx, CodeFile file, Findings out) {
        for (StringLiteral s : file.module().strings()) {
            if (s.docstring()) {
                continue;
            }
            find(s.value()).ifPresent(at -> {
                int line = s.line() + (int) s.value().substring(0, at).chars().filter(c -> c == '\n').count();
                CodeFindings.line(out, file, line, "Replace the absolute path starting `"
                        + s.value().substring(at, end(s.value(), at)) + "` with a path relative to the project "
                        + "or one read from config, so the code runs on other machines.", s.value());
            });
        }
    }

    /** Where the first absolute path of a string starts, skipping URLs. */
    static Optional<Integer> find(String value) {
        Matcher m = ABSOLUTE.matcher(value);
        while (m.find()) {
            int wordStart = m.start();
            while (wordStart > 0 && !Character.isWhitespace(value.charAt(wordStart - 1))) {
                wordStart--;
            }
            if (!value.substring(wordStart, m.start()).contains("://")) {
                return Optional.of(m.start());
            }
        }
        return Optional.empty();
    }

    private static int end(String value, int at) {
        Matcher m = ABSOLUTE.matcher(value);
        return m.find(at) ? m.end() : at;
    }
}
