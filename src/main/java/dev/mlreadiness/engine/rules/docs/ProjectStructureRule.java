package dev.mlreadiness.engine.rules.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.docs.DocsOutline;
import dev.mlreadiness.engine.markdown.InlineCode;
import dev.mlreadiness.engine.rule.AbstractRule;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.FileEntry;

/**
 * {@code docs/project-structure}: the documentation says what each top-level folder of the repository holds, in a
 * tree or a list, so a new team member finds the data, the models and the code.
 */
public final class ProjectStructureRule extends AbstractRule {

    /**
     * Folders that need no description: tool output, environments and caches, and the two folders whose role every
     * Python project shares (tests, documentation).
     */
    private static final Set<String> SELF_EXPLAINED = Set.of("build", "dist", "site", "htmlcov", "node_modules",
            "venv", "env", "virtualenv", "__pycache__", "wandb", "mlruns", "lightning_logs", "tests", "test", "docs",
            "doc");
    /** Files that only keep an empty folder in git: such a folder holds nothing to describe yet. */
    private static final Set<String> PLACEHOLDERS = Set.of(".gitkeep", ".keep", ".gitignore", ".placeholder");
    /**
     * Slides, reports and pictures: a folder holding only these ({@code slides/}, {@code figures/}) is presentation
     * material the README links or shows, not part of the layout a reader must learn.
     */
    private static final Pattern PRESENTATION = Pattern.compile(
            ".*\\.(?:pdf|pptx?|key|odp|png|jpe?g|gif|svg|webp)$");
    /** A line of a drawn tree: {@code ├── data}, {@code |-- data}, {@code `-- data}, {@code +-- data}. */
    private static final Pattern TREE_LINE = Pattern.compile("[├└│┣┗┃]|\\|--|\\|__|\\+--|`--");
    private static final Pattern TREE_PREFIX = Pattern.compile("^[\\s├└│┣┗┃─━|`+_*-]*");
    /** A list item or table row whose first word is a name: {@code - **data/**: raw files}, {@code | models |}. */
    private static final Pattern ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)]|\\|)\\s*(?:\\[)?(?:\\*\\*|__|`)?"
            + "(?:\\./)?([^\\s`*_:|\\]/()]+)/?(?:\\*\\*|__|`)?(?:\\]\\([^)]*\\))?\\s*(?:[:|\\-–—(]|$)");
    /** A path into a folder: {@code data/raw.csv}, {@code (models/)}; not the middle of a longer path or a URL. */
    private static final Pattern PATH_START = Pattern.compile("(?<![\\w.\\-/@~])(?:\\./)?([\\w][\\w.\\-]*)/");
    private static final Pattern SPAN = Pattern.compile("`(?:\\./)?([^`/\\s]+)/?`");

    public static final RuleInfo INFO = new RuleInfo("docs/project-structure", "Project layout documented",
            Severity.NOTICE, Scope.REPOSITORY, new RuleDoc("""
                    Lists the repository's top-level folders and checks that the README or the documentation
                    (`docs/`, the configured docs paths) names each of them: in a drawn tree (`tree` output,
                    `├── data`, `|-- data`), as the first word of a list item or table row (`- data/: raw
                    exports`, `| models | trained weights |`), as a code span (`` `models` ``), or as a path into
                    it (`data/raw/customers.csv`, `python src/train.py`; not the middle of another path or a URL).
                    Names are compared without letter case. Hidden folders (`.github`, `.dvc`), tool output,
                    environments and caches (`build`, `dist`, `*.egg-info`, `venv`, `__pycache__`, `mlruns`,
                    `wandb`, ...), the two folders every Python project reads the same way (`tests`, `docs`) and
                    folders that hold only placeholders (`.gitkeep`, `.keep`, `.gitignore`) or only slides, PDFs and
                    pictures (`slides/`, `figures/`: material the README links, not code or data) need no
                    description. A repository with one folder or none needs no layout. One finding on the
                    README lists the folders no doc names.
                    """, """
                    A new team member opening the repository sees folder names, not what they hold: whether
                    `data/` is raw or cleaned, which of `models/`, `artifacts/` and `checkpoints/` holds the model
                    that ships, where the training code lives. The layout is the map the rest of the
                    documentation refers to; an undocumented folder is where files pile up nobody dares delete.
                    """, """
                    Add a "Project layout" section to the README: a tree (`tree -d -L 1`, or the cookiecutter-style
                    drawing) or a list with one line per top-level folder saying what it holds. When a pull request
                    adds a folder, add its line.
                    """, """
                    ```text
                    churn-model/
                    ├── data/raw/customers.csv
                    ├── models/churn.joblib
                    ├── notebooks/exploration.ipynb
                    └── src/train.py
                    ```
                    with a README that never says what those folders hold.
                    """, """
                    ```markdown
                    ## Project layout

                    - `data/`: the monthly CRM export (`raw/`) and the cleaned table (`processed/`)
                    - `models/`: trained models, one file per release
                    - `notebooks/`: exploration, not run in production
                    - `src/`: the training and scoring code
                    ```
                    """).withKnownProblems("""
                    Every folder must be named: a layout that names most of them still gets a finding for the rest,
                    since the one folder left out is the one a reader asks about. A folder mentioned only in passing
                    (a path in a usage command) counts as named, which is lenient by choice: the reader then sees
                    what lives there. What the description says about each folder is not judged.
                    """));

    private static final FileSelector DOCS = DocsOutline::files;

    public ProjectStructureRule() {
        super(INFO, DOCS);
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        Set<String> folders = folders(ctx);
        if (folders.size() <= 1) {
            out.notApplicable();
            return;
        }
        Set<String> named = new TreeSet<>();
        for (String path : DOCS.select(ctx)) {
            ctx.text(path).ifPresent(text -> named.addAll(namedFolders(text)));
        }
        List<String> missing = new ArrayList<>();
        for (String folder : folders) {
            if (!named.contains(folder.toLowerCase(Locale.ROOT))) {
                missing.add(folder);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Optional<String> readme = DocsOutline.of(ctx).readmePath();
        if (readme.isEmpty() && ctx.side() == RuleContext.Side.HEAD) {
            out.notApplicable(); // structure/readme asks for the README first
            return;
        }
        String listed = String.join(", ", missing.stream().map(f -> InlineCode.span(f + "/")).toList());
        String message = missing.size() == folders.size()
                ? "Describe the project layout in " + readme.orElse("README.md") + ": a tree or a list saying what "
                        + "the top-level folders " + listed + " hold."
                : "Add " + listed + " to the project layout in the docs: say what " + (missing.size() == 1
                        ? "this top-level folder holds"
                        : "each of these top-level folders holds") + ", as for the others.";
        out.repository(readme.orElse(null), message, missing.stream().map(f -> "folder " + f).toList());
    }

    /** The meaningful top-level folders of the tree, sorted. */
    static Set<String> folders(RuleContext ctx) {
        Set<String> folders = new TreeSet<>();
        for (FileEntry f : ctx.snapshot().files()) {
            int slash = f.path().indexOf('/');
            String name = f.name().toLowerCase(Locale.ROOT);
            if (slash > 0 && !PLACEHOLDERS.contains(name) && !PRESENTATION.matcher(name).matches()) {
                String folder = f.path().substring(0, slash);
                if (isMeaningful(folder)) {
                    folders.add(folder);
                }
            }
        }
        return folders;
    }

    private static boolean isMeaningful(String folder) {
        String lower = folder.toLowerCase(Locale.ROOT);
        return !lower.startsWith(".") && !lower.startsWith("__") && !lower.endsWith(".egg-info")
                && !SELF_EXPLAINED.contains(lower);
    }

    /** The names, lower-cased, that a doc's text gives as folders (see the rule's documentation). */
    static Set<String> namedFolders(String text) {
        Set<String> named = new TreeSet<>();
        for (String line : text.split("\\r\\n|\\r|\\n")) {
            if (line.length() > 2_000) {
                line = line.substring(0, 2_000);
            }
            if (TREE_LINE.matcher(line).find()) {
                String rest = TREE_PREFIX.matcher(line).replaceFirst("").strip();
                String first = rest.split("[\\s#<]", 2)[0];
                addName(named, first.startsWith("./") ? first.substring(2) : first);
            }
            var item = ITEM.matcher(line);
            if (item.find()) {
                addName(named, item.group(1));
            }
            var path = PATH_START.matcher(line);
            while (path.find()) {
                addName(named, path.group(1));
            }
            var span = SPAN.matcher(line);
            while (span.find()) {
                addName(named, span.group(1));
            }
        }
        return named;
    }

    private static void addName(Set<String> named, String name) {
        String n = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        if (!n.isEmpty()) {
            named.add(n.toLowerCase(Locale.ROOT));
        }
    }
}
