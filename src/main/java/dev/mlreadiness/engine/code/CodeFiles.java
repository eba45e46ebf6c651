package dev.mlreadiness.engine.code;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

import dev.mlreadiness.engine.notebook.NotebookFormatException;
import dev.mlreadiness.engine.notebook.NotebookParser;
import dev.mlreadiness.engine.python.TooManyTokensException;
import dev.mlreadiness.engine.rule.FileParser;
import dev.mlreadiness.engine.rule.OrderedWork;
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

    /**
     * About how many bytes a parsed file holds per char of code (calls with their arguments, strings, imports),
     * for the evaluation's parse cache; measured on generated numpy-heavy modules.
     */
    private static final long BYTES_PER_CODE_CHAR = 16;

    /** Files parsed ahead by {@link #readAll}, and at most this many bytes of them (beyond one, whatever its size). */
    private static final int AHEAD = 4;
    private static final long AHEAD_BYTES = 8L * 1024 * 1024;

    /** Reads a {@code .py} file (UTF-8, a byte-order mark dropped, malformed bytes replaced). */
    public static final FileParser<CodeFile> PYTHON = weighed((path, content) -> {
        if (Snapshot.isBinary(content)) {
            throw new FileParser.ParseFailure("binary content, not Python source");
        }
        String text = new String(content, StandardCharsets.UTF_8);
        try {
            return CodeFile.python(path, text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (TooManyTokensException e) {
            throw new FileParser.ParseFailure(e.getMessage());
        }
    });

    /** Reads a notebook; invalid JSON and unsupported formats become a skip reason. */
    public static final FileParser<CodeFile> NOTEBOOK = weighed((path, content) -> {
        try {
            return CodeFile.notebook(path, NotebookParser.parse(content));
        } catch (TooManyTokensException e) {
            throw new FileParser.ParseFailure(e.getMessage());
        } catch (NotebookFormatException e) {
            throw new FileParser.ParseFailure("notebook could not be read: " + e.getMessage(), e);
        }
    });

    private CodeFiles() {
    }

    /** The parser with a weight by the code it holds: a notebook's outputs are not kept. */
    private static FileParser<CodeFile> weighed(FileParser<CodeFile> parser) {
        return new FileParser<>() {
            @Override
            public CodeFile parse(String path, byte[] content) throws ParseFailure {
                return parser.parse(path, content);
            }

            @Override
            public long weight(CodeFile parsed, byte[] content) {
                return 1024 + BYTES_PER_CODE_CHAR * parsed.module().length();
            }
        };
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

    /**
     * The files read as code (see {@link #read}), one at a time as the caller iterates, the next few parsed ahead
     * on the common pool when the machine has more than one core ({@link OrderedWork}): rules and evidence loop over
     * thousands of files, and parsing is most of their time. Results are the same as reading one after the other;
     * nothing holds all the files.
     */
    public static Iterable<CodeFile> readAll(RuleContext ctx, List<FileEntry> files) {
        return () -> new Iterator<>() {
            private final OrderedWork<FileEntry, Optional<CodeFile>> ahead = OrderedWork.of(files, f -> read(ctx, f),
                    FileEntry::size, AHEAD, AHEAD_BYTES);
            private CodeFile next;

            @Override
            public boolean hasNext() {
                while (next == null && ahead.hasNext()) {
                    next = ahead.next().orElse(null);
                }
                return next != null;
            }

            @Override
            public CodeFile next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CodeFile out = next;
                next = null;
                return out;
            }
        };
    }

    private static long limit(String path) {
        return isNotebook(path) ? MAX_NOTEBOOK_BYTES : MAX_PYTHON_BYTES;
    }
}
