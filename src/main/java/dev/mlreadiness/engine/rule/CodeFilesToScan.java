package dev.mlreadiness.engine.rule;

import java.util.Collection;
import java.util.List;

import dev.mlreadiness.engine.code.CodeFile;
import dev.mlreadiness.engine.code.CodeFiles;
import dev.mlreadiness.engine.snapshot.FileEntry;

/**
 * The code files a line rule reads: the {@code .py} and {@code .ipynb} files among {@link RuleContext#filesToScan()}
 * (every file in a full scan, the changed ones in a pull request), read through the shared parsers.
 */
public final class CodeFilesToScan {

    private CodeFilesToScan() {
    }

    public static Collection<String> paths(RuleContext ctx) {
        return ctx.filesToScan().stream().filter(CodeFiles::isReadable).map(FileEntry::path).toList();
    }

    public static Collection<String> notebookPaths(RuleContext ctx) {
        return paths(ctx).stream().filter(CodeFiles::isNotebook).toList();
    }

    /**
     * The notebooks among the files to scan, read one at a time as the caller iterates (notebooks that could not
     * be read are skipped with the reason).
     */
    public static Iterable<CodeFile> notebooks(RuleContext ctx) {
        return read(ctx, ctx.filesToScan().stream().filter(f -> CodeFiles.isNotebook(f.path())).toList());
    }

    /**
     * The code files among the files to scan, read one at a time as the caller iterates (a few parsed ahead, see
     * {@link CodeFiles#readAll}): nothing holds them all
     * (a full scan of a large repository reads thousands).
     */
    public static Iterable<CodeFile> read(RuleContext ctx) {
        return read(ctx, ctx.filesToScan());
    }

    private static Iterable<CodeFile> read(RuleContext ctx, List<FileEntry> files) {
        return CodeFiles.readAll(ctx, files);
    }
}
