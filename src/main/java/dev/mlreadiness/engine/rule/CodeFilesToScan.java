package dev.mlreadiness.engine.rule;

import java.util.ArrayList;
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

    /** The notebooks among the files to scan (notebooks that could not be read are skipped with the reason). */
    public static List<CodeFile> notebooks(RuleContext ctx) {
        return read(ctx).stream().filter(f -> f.notebook().isPresent()).toList();
    }

    public static List<CodeFile> read(RuleContext ctx) {
        List<CodeFile> out = new ArrayList<>();
        for (FileEntry f : ctx.filesToScan()) {
            CodeFiles.read(ctx, f).ifPresent(out::add);
        }
        return out;
    }
}
