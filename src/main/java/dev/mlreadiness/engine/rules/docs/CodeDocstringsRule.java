package dev.mlreadiness.engine.rules.docs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mlreadiness.engine.code.CodeFile;
import dev.mlreadiness.engine.code.CodeFiles;
import dev.mlreadiness.engine.markdown.InlineCode;
import dev.mlreadiness.engine.python.Definitions;
import dev.mlreadiness.engine.python.Definitions.Definition;
import dev.mlreadiness.engine.python.Definitions.Outline;
import dev.mlreadiness.engine.python.TooManyTokensException;
import dev.mlreadiness.engine.repo.TestFiles;
import dev.mlreadiness.engine.rule.AbstractRule;
import dev.mlreadiness.engine.rule.CodeFileTally;
import dev.mlreadiness.engine.rule.FileParser;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.ChangeStatus;
import dev.mlreadiness.engine.snapshot.FileChange;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * {@code docs/code-docstrings}: the public modules, classes and functions a pull request adds have docstrings; a
 * full scan reports the packages where most public definitions have none. Each file's outline is read in the pass
 * over the code files ({@link CodeFileTally}: several files at once), the findings tallied in the files' order.
 */
public final class CodeDocstringsRule extends AbstractRule implements CodeFileTally<CodeDocstringsRule.Read> {

    /** A full scan reports a package when fewer than this share of its public definitions have docstrings. */
    static final double COVERAGE_THRESHOLD = 0.5;
    /** ... and it has at least this many: a package of two helpers is no documentation debt worth a finding. */
    static final int MIN_DEFINITIONS = 5;
    private static final int NAMES_LISTED = 6;

    public static final RuleInfo INFO = new RuleInfo("docs/code-docstrings", "Public code has docstrings",
            Severity.NOTICE, Scope.LINE, new RuleDoc("""
                    Reads the Python files (`.py`; notebooks and test files are skipped) as tokens, so a `def`
                    inside a string or a comment is none. A definition is public when neither its name nor an
                    enclosing class's name starts with `_` (so `__init__` and other special methods are not asked
                    for); functions nested in a function, `@overload` stubs and property setters and deleters
                    are never asked for. A docstring is a string literal as the first statement of the body.

                    - **In a pull request**: each public class, function or method whose `def`/`class` line the
                      pull request adds, and the module itself when the pull request adds a public module with
                      more than imports and constants (an `__init__.py` of re-exports needs none), must have a
                      docstring. Private modules and packages (`_impl.py`, `_vendor/`) are not public, and a
                      module-level `main()` of a module with a docstring is documented by it. One finding per file, on the first such line, lists
                      the names.
                    - **In a full scan**: existing code is reported per package (the folder of the files), only
                      where fewer than half of at least five public classes and functions have docstrings: one
                      finding on the first undocumented definition, with the coverage and the names.
                    """, """
                    The seed asks to "explain the purpose of each file and function". An ML code base is read
                    by people who did not write it (the data scientist's successor, the engineer who serves the
                    model): a function named `prepare(df)` without a docstring hides which columns it expects,
                    what it drops and whether it may run on serving data. Undocumented code is the technical debt
                    that makes every later change slower and riskier.
                    """, """
                    Add a docstring that says what the function or class does, what it expects and what it
                    returns (one line is often enough), and a module docstring that says what the file is for.
                    Make helpers that are not meant to be used elsewhere private with a leading `_`.
                    """, """
                    ```python
                    def build_features(customers):
                        features = customers[["tenure"]].copy()
                        ...
                    ```
                    """, """
                    ```python
                    \"""Feature engineering for the churn model.\"""


                    def build_features(customers):
                        \"""Turns raw customer rows (one per customer) into the model's feature table.\"""
                        features = customers[["tenure"]].copy()
                        ...
                    ```
                    """).withKnownProblems("""
                    What a docstring says is not judged. Code the pull request only moves keeps its old gap; a
                    `def` line it rewrites (a renamed function, a changed signature) counts as added. The full-scan
                    threshold (half, at least five definitions) is fixed.
                    """));

    private static final FileSelector PYTHON = FileSelector.toScan(f -> CodeFiles.isReadable(f)
            && CodeFiles.isPython(f.path()) && !TestFiles.isTestFile(f.path()) && !isPrivate(f.path()));

    /**
     * The files read as {@link CodeFiles#PYTHON} reads them (the same text, the same reasons to skip one), but only
     * their outline: a full scan of a large repository met most files outside the parse cache and parsed each whole
     * again (calls, imports, strings), half of the CPU of the scan.
     */
    private static final FileParser<Outline> OUTLINE = new FileParser<>() {
        @Override
        public Outline parse(String path, byte[] content) throws ParseFailure {
            if (Snapshot.isBinary(content)) {
                throw new ParseFailure("binary content, not Python source");
            }
            String text = new String(content, StandardCharsets.UTF_8);
            try {
                return Definitions.outline(text.startsWith("\uFEFF") ? text.substring(1) : text);
            } catch (TooManyTokensException e) {
                throw new ParseFailure(e.getMessage());
            }
        }

        @Override
        public long weight(Outline parsed, byte[] content) {
            return 256 + 128L * parsed.definitions().size();
        }
    };

    public CodeDocstringsRule() {
        super(INFO, PYTHON);
    }

    /** A file's outline and its definitions asked for docstrings (read apart from every other file). */
    record Read(Outline outline, List<Definition> asked) {
    }

    @Override
    public Read read(RuleContext ctx, CodeFile file) {
        Outline outline = ctx.parse(file.path(), OUTLINE).orElse(null);
        if (outline == null) {
            return null;
        }
        boolean moduleDocumented = outline.moduleDocstring();
        return new Read(outline, outline.definitions().stream().filter(CodeDocstringsRule::isAsked)
                .filter(d -> !(moduleDocumented && isScriptMain(d))).toList());
    }

    @Override
    public Tally<Read> tally(RuleContext ctx, Findings out) {
        if (ctx.snapshot().stream().noneMatch(f -> CodeFiles.isPython(f.path()))) {
            out.notApplicable();
        }
        Map<String, Package> packages = new LinkedHashMap<>();
        return new Tally<>() {
            @Override
            public void add(CodeFile file, Read read) {
                String path = file.path();
                List<Definition> asked = read.asked();
                if (ctx.isPullRequest()) {
                    pullRequest(ctx, path, read.outline(), asked, out);
                } else if (ctx.side() == RuleContext.Side.BASE) {
                    List<String> names = asked.stream().filter(d -> !d.hasDocstring())
                            .map(Definition::qualifiedName).toList();
                    if (!names.isEmpty()) {
                        report(out, path, asked.stream().filter(d -> !d.hasDocstring()).findFirst().get().line(),
                                names, false);
                    }
                } else {
                    String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
                    packages.computeIfAbsent(folder, f -> new Package()).add(path, asked);
                }
            }

            @Override
            public void finish() {
                packages.forEach((folder, p) -> p.report(folder, out));
            }
        };
    }

    private static void pullRequest(RuleContext ctx, String path, Outline outline, List<Definition> asked,
            Findings out) {
        List<String> names = new ArrayList<>();
        int first = -1;
        boolean added = ctx.changes().get(path).map(FileChange::status).filter(s -> s == ChangeStatus.ADDED)
                .isPresent();
        // a public module the pull request adds, with no docstring and more than declarations
        if (added && !outline.moduleDocstring() && !outline.declarationsOnly()) {
            names.add("module " + path.substring(path.lastIndexOf('/') + 1));
            first = 1;
        }
        for (Definition d : asked) {
            if (!d.hasDocstring() && ctx.changes().isAddedLine(path, d.line())) {
                names.add(d.qualifiedName());
                first = first < 0 ? d.line() : first;
            }
        }
        if (!names.isEmpty()) {
            report(out, path, first, names, true);
        }
    }

    /** A private module or package ({@code _impl.py}, {@code _vendor/}): none of it is public API. */
    private static boolean isPrivate(String path) {
        for (String segment : path.split("/")) {
            if (segment.startsWith("_") && !segment.startsWith("__")) {
                return true;
            }
        }
        return false;
    }

    private static void report(Findings out, String path, int line, List<String> names, boolean added) {
        String listed = listed(names);
        out.line(path, line, "Add docstrings to the public " + (added ? "code this change adds" : "code") + ": "
                + listed + ".", String.join(",", names.stream().filter(n -> !n.startsWith("module ")).toList()));
    }

    private static String listed(List<String> names) {
        List<String> spans = names.stream()
                .map(n -> n.startsWith("module ") ? "module " + InlineCode.span(n.substring(7))
                        : "`" + n + "`")
                .toList();
        return spans.size() <= NAMES_LISTED ? String.join(", ", spans)
                : String.join(", ", spans.subList(0, NAMES_LISTED)) + " and " + (spans.size() - NAMES_LISTED)
                        + " more";
    }

    /** A script's module-level {@code main()}: the module docstring says what the script does. */
    private static boolean isScriptMain(Definition d) {
        return !d.isClass() && d.qualifiedName().equals("main");
    }

    /** Public, not nested in a function, not a typing stub or a property's setter. */
    private static boolean isAsked(Definition d) {
        return d.isPublic() && !d.nestedInFunction() && d.decorators().stream().noneMatch(x -> x.equals("overload")
                || x.equals("typing.overload") || x.endsWith(".setter") || x.endsWith(".deleter"));
    }

    /** The public definitions of one folder's files, for a full scan's coverage. */
    private static final class Package {
        private int total;
        private int documented;
        private String firstPath;
        private int firstLine;
        private final List<String> undocumented = new ArrayList<>();

        void add(String path, List<Definition> asked) {
            for (Definition d : asked) {
                total++;
                if (d.hasDocstring()) {
                    documented++;
                } else {
                    if (firstPath == null) {
                        firstPath = path;
                        firstLine = d.line();
                    }
                    undocumented.add(d.qualifiedName());
                }
            }
        }

        void report(String folder, Findings out) {
            if (total < MIN_DEFINITIONS || documented >= COVERAGE_THRESHOLD * total) {
                return;
            }
            String where = folder.isEmpty() ? "the root folder" : folder + "/";
            out.line(firstPath, firstLine, documented + " of " + total + " public classes and functions in " + where
                    + " have docstrings: document " + listed(undocumented) + ".", "package " + folder);
        }
    }
}
