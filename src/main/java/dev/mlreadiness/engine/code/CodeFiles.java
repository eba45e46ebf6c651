package dev.mlreadiness.engine.code;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import dev.mlreadiness.engine.notebook.NotebookFormatException;
import dev.mlreadiness.engine.notebook.NotebookParser;
import dev.mlreadiness.engine.python.TooManyTokensException;
import dev.mlreadiness.engine.rule.FileParser;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * Which files are code ({@code .py} files and {@code .ipynb} notebooks) and the shared parsers that read them, so
 * the evidence and every code rule reuse one parse per file and evaluation. Files over the size limits are not
 * read at all and are listed as skipped: a 5 MB generated {@code .py} is data, not code someone reviews.
 */
public final class CodeFiles {

    /**
     * Larger Python files are skipped (4 MiB: a hand-written 50,000-line module of ordinary line lengths, about
     * 2 MB, is still read; generated code beyond that is not).
     */
    public static final long MAX_PYTHON_BYTES = 4L * 1024 * 1024;
    /** Larger notebooks are skipped (20 MiB); outputs are most of a notebook's size and are not kept. */
    public static final long MAX_NOTEBOOK_BYTES = 20L * 1024 * 1024;

    /** Reads a {@code .py} file (UTF-8, a byte-order mark dropped, malformed bytes replaced). */
    public static final FileParser<CodeFile> PYTHON = (path, content) -> {
        if (Snapshot.isBinary(content)) {
            throw new FileParser.ParseFailure("binary content, not Python source");
        }
        String text = new String(content, StandardCharsets.UTF_8);
        try {
            return CodeFile.python(path, text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (TooManyTokensException e) {
            throw new FileParser.ParseFailure(e.getMessage());
        }
    };

    /** Reads a notebook; invalid JSON and unsupported formats become a skip reason. */
    public static final FileParser<CodeFile> NOTEBOOK = (path, content) -> {
        try {
            return CodeFile.notebook(path, NotebookParser.parse(content));
        } catch (TooManyTokensException e) {
            throw new FileParser.ParseFailure(e.getMessage());
        } catch (NotebookFormatException e) {
            throw new FileParser.ParseFailure("notebook could not be read: " + e.getMessage(), e);
        }
    };

    private CodeFiles() {
    }

    public static boolean isPython(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".py");
    }

    public static boolean isNotebook(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".ipynb");
    }

    public static boolean isCode(String path) {
        return isPython(path) || isNotebook(path);
    }

    /** True when the file is code and not over its size limit (an unknown size counts as within). */
    public static boolean isReadable(FileEntry file) {
        return isCode(file.path()) && file.size() <= limit(file.path());
    }

    /**
     * The file read as code, through the evaluation's cache. Empty for files that are not code, files over the
     * size limit (recorded as skipped with the reason), and files the parser rejected (skipped too).
     */
    public static Optional<CodeFile> read(RuleContext ctx, FileEntry file) {
        if (!isCode(file.path())) {
            return Optional.empty();
        }
        if (file.size() > limit(file.path())) {
            ctx.skip(file.path(), "larger than " + (limit(file.path()) / (1024 * 1024))
                    + " MiB: not analysed as code");
            return Optional.empty();
        }
        return ctx.parse(file.path(), isNotebook(file.path()) ? NOTEBOOK : PYTHON);
    }

    private static long limit(String path) {
        return isNotebook(path) ? MAX_NOTEBOOK_BYTES : MAX_PYTHON_BYTES;
    }
}
