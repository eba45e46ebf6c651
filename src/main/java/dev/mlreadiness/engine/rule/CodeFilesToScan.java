package dev.mlreadiness.engine.rule;

import java.util.List;
import java.util.stream.StreamSupport;

import dev.mlreadiness.engine.code.CodeFile;
import dev.mlreadiness.engine.code.CodeFiles;
import dev.mlreadiness.engine.snapshot.FileEntry;

/**
 * The code files line rules read: the {@code .py} and {@code .ipynb} files among {@link RuleContext#filesToScan()}
 * (every file in a full scan, the changed ones in a pull request) within the size limits of {@link CodeFiles},
 * read through the shared parsers. A rule declares {@link #CODE} or {@link #NOTEBOOKS} as what it reads
 * ({@link Rule#reads()}) and reads the same files with {@link #read} or {@link #notebooks}.
 */
public final class CodeFilesToScan {

    /** The code files to scan. */
    public static final FileSelector CODE = FileSelector.toScan(CodeFiles::isReadable);

    /** The notebooks among {@link #CODE}. */
    public static final FileSelector NOTEBOOKS = FileSelector.toScan(
            f -> CodeFiles.isReadable(f) && CodeFiles.isNotebook(f.path()));

    private CodeFilesToScan() {
    }

    /**
     * The files {@link #CODE} selects, read one at a time as the caller iterates (a few parsed ahead, see
     * {@link CodeFiles#readAll}): nothing holds them all (a full scan of a large repository reads thousands). Those
     * that could not be read are skipped with the reason.
     */
    public static Iterable<CodeFile> read(RuleContext ctx) {
        return read(ctx, CODE);
    }

    /** The files {@link #NOTEBOOKS} selects, read as the caller iterates (unreadable ones skipped with the reason). */
    public static Iterable<CodeFile> notebooks(RuleContext ctx) {
        Iterable<CodeFile> read = read(ctx, NOTEBOOKS);
        return () -> StreamSupport.stream(read.spliterator(), false).filter(f -> f.notebook().isPresent()).iterator();
    }

    /**
     * The files {@link #CODE} selects, not read: what {@link #read} reads (those over the size limit are listed as
     * skipped, as {@link #read} lists them).
     */
    static List<FileEntry> entries(RuleContext ctx) {
        return entries(ctx, CODE);
    }

    private static Iterable<CodeFile> read(RuleContext ctx, FileSelector files) {
        return CodeFiles.readAll(ctx, entries(ctx, files));
    }

    private static List<FileEntry> entries(RuleContext ctx, FileSelector files) {
        for (FileEntry f : ctx.filesToScan()) {
            if (CodeFiles.isCode(f.path()) && !CodeFiles.isReadable(f)) {
                CodeFiles.read(ctx, f); // over the size limit: not read, only listed as skipped
            }
        }
        return files.entries(ctx);
    }
}
