package dev.mlreadiness.engine.rule;

import java.util.ArrayList;
import java.util.List;

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

    /** The files {@link #CODE} selects, read (those that could not be read are skipped with the reason). */
    public static List<CodeFile> read(RuleContext ctx) {
        return read(ctx, CODE);
    }

    /** The files {@link #NOTEBOOKS} selects, read (those that could not be read are skipped with the reason). */
    public static List<CodeFile> notebooks(RuleContext ctx) {
        return read(ctx, NOTEBOOKS).stream().filter(f -> f.notebook().isPresent()).toList();
    }

    private static List<CodeFile> read(RuleContext ctx, FileSelector files) {
        for (FileEntry f : ctx.filesToScan()) {
            if (CodeFiles.isCode(f.path()) && !CodeFiles.isReadable(f)) {
                CodeFiles.read(ctx, f); // over the size limit: not read, only listed as skipped
            }
        }
        List<CodeFile> out = new ArrayList<>();
        for (FileEntry f : files.entries(ctx)) {
            CodeFiles.read(ctx, f).ifPresent(out::add);
        }
        return out;
    }
}
