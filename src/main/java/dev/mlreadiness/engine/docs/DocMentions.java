package dev.mlreadiness.engine.docs;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import dev.mlreadiness.engine.markdown.InlineCode;
import dev.mlreadiness.engine.rule.RuleContext;

/**
 * What the documentation mentions by name: the words inside code (inline code spans and fenced blocks), every
 * word, the command-line flags ({@code --lr}) and the file paths it writes, read from the raw text of the doc
 * files in one pass each. Plain prose words are common ({@code train}, {@code model}): a name counts as
 * mentioned when the docs write it as code, or when it is distinctive (an underscore, a digit or an inner capital,
 * as in {@code build_features} or {@code TabularNet}) and appears anywhere.
 */
public final class DocMentions {

    private static final Set<String> FILE_EXTENSIONS = Set.of("py", "ipynb", "r", "rmd", "sh", "yaml", "yml",
            "json", "toml", "cfg", "ini", "txt", "md", "rst", "csv", "tsv", "parquet", "pkl", "pickle", "joblib",
            "pt", "pth", "ckpt", "onnx", "h5", "npy", "npz", "zip", "gz", "lock", "dockerfile");

    private final Set<String> codeWords = new HashSet<>();
    private final Set<String> words = new HashSet<>();
    private final Set<String> flags = new HashSet<>();
    private final Set<String> paths = new HashSet<>();

    private DocMentions() {
    }

    /** The mentions of the context's doc files, computed once per evaluation. */
    public static DocMentions of(RuleContext ctx) {
        return ctx.fact(DocMentions.class, c -> {
            DocMentions m = new DocMentions();
            for (String path : DocsOutline.files(c)) {
                c.text(path).ifPresent(m::read);
            }
            return m;
        });
    }

    /** For tests: the mentions of one text. */
    public static DocMentions ofText(String text) {
        DocMentions m = new DocMentions();
        m.read(text);
        return m;
    }

    /** A function, class, config key or positional argument name. */
    public boolean name(String name) {
        return codeWords.contains(name) || (distinctive(name) && words.contains(name));
    }

    /** A command-line option: {@code --lr} anywhere, or a positional's name as a {@link #name}. */
    public boolean option(String option) {
        return option.startsWith("-") ? flags.contains(option) : name(option);
    }

    /** A file, by its path or its file name. */
    public boolean path(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return paths.contains(path) || (name.indexOf('.') > 0 && paths.contains(name));
    }

    private void read(String text) {
        boolean fenced = false;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int end = text.indexOf('\n', lineStart);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(lineStart, end);
            String stripped = line.strip();
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                fenced = !fenced;
            } else if (fenced) {
                terms(line, true);
            } else {
                inline(line);
            }
            lineStart = end + 1;
        }
    }

    /**
     * A prose line: inline code spans are code. As in CommonMark, a run of backticks opens a span that only a later
     * run of the same length closes; a run that none closes is literal, and spans after it still count. Linear in
     * the line: each run's closing partner is found in one backward pass (a search per run was quadratic on a
     * crafted line of backtick runs).
     */
    private void inline(String line) {
        for (InlineCode.Part part : InlineCode.split(line)) {
            terms(part.text(), part.code());
        }
    }

    /** Words, flags and paths of a stretch of text, in one pass over its characters. */
    private void terms(String text, boolean code) {
        runs(text, DocMentions::isTermChar, term -> term(term, code));
    }

    private void term(String term, boolean code) {
        String t = trim(term);
        if (t.isEmpty()) {
            return;
        }
        if (term.startsWith("-") && term.length() > 1 && term.charAt(term.length() - 1) != '-') {
            flags.add(trimEnd(term));
        }
        if (t.indexOf('/') >= 0 || t.indexOf('.') > 0) {
            paths.add(t);
            paths.add(t.substring(t.lastIndexOf('/') + 1));
            if (isFilePath(t)) {
                return; // `python train.py` names a file, not a function `train`
            }
        }
        runs(t, DocMentions::isWordChar, word -> {
            words.add(word);
            if (code) {
                codeWords.add(word);
            }
        });
        // a hyphenated or dotted key (`learning-rate`, `model.lr`) is a word of its own too
        if (!t.equals(term) || t.indexOf('-') > 0 || t.indexOf('.') > 0) {
            words.add(t);
            if (code) {
                codeWords.add(t);
            }
        }
    }

    /** Each maximal run of characters that {@code in} accepts. */
    private static void runs(String text, CharPredicate in, Consumer<String> each) {
        int i = 0;
        while (i < text.length()) {
            if (!in.test(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && in.test(text.charAt(i))) {
                i++;
            }
            each.accept(text.substring(start, i));
        }
    }

    private interface CharPredicate {
        boolean test(char c);
    }

    /** A path with a folder, or a file name with a common extension ({@code train.py}, {@code params.yaml}). */
    private static boolean isFilePath(String t) {
        if (t.indexOf('/') >= 0) {
            return true;
        }
        String ext = t.substring(t.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return FILE_EXTENSIONS.contains(ext);
    }

    static boolean distinctive(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' || c == '-' || c == '.' || Character.isDigit(c) || (i > 0 && Character.isUpperCase(c))) {
                return true;
            }
        }
        return false;
    }

    /** Without leading dashes or {@code ./}, nor trailing dots, dashes and slashes (sentence ends, folders). */
    private static String trim(String term) {
        int start = 0;
        while (start < term.length() && term.charAt(start) == '-') {
            start++;
        }
        String t = term.substring(start);
        return trimEnd(t.startsWith("./") ? t.substring(2) : t);
    }

    private static String trimEnd(String term) {
        int end = term.length();
        while (end > 0 && ".-/".indexOf(term.charAt(end - 1)) >= 0) {
            end--;
        }
        return term.substring(0, end);
    }

    private static boolean isTermChar(char c) {
        return isWordChar(c) || c == '-' || c == '.' || c == '/';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
