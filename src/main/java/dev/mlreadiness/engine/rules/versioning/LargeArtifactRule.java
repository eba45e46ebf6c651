package dev.mlreadiness.engine.rules.versioning;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.mlreadiness.engine.repo.ArtifactKinds;
import dev.mlreadiness.engine.repo.DvcTracking;
import dev.mlreadiness.engine.repo.GitAttributes;
import dev.mlreadiness.engine.repo.LfsPointer;
import dev.mlreadiness.engine.rule.AbstractRule;
import dev.mlreadiness.engine.rule.AddedFiles;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.FileEntry;

/** {@code versioning/large-artifact}: large data files and model weights are kept out of plain git. */
public final class LargeArtifactRule extends AbstractRule {

    private static final double MIB = 1024.0 * 1024.0;

    public static final RuleInfo INFO = new RuleInfo("versioning/large-artifact", "Large data and model files in git",
            Severity.ERROR, Scope.FILE, new RuleDoc("""
                    Flags any file larger than `max-file-size` (default 5MB, binary units: 5 MiB) that is not
                    source code, and model weights (`.pt .pth .ckpt .onnx .safetensors` anywhere, `.h5 .bin` under
                    the models folder) at any size, unless the file is a Git LFS pointer, a `.gitattributes` rule
                    (at the root or in a folder above the file) gives it `filter=lfs`, or DVC tracks it
                    (`<file>.dvc`, a `.dvc` file of a folder above it, or `outs` of a `dvc.yaml`). The original
                    spec listed data and model extensions; we follow the amendment instead, so a 40 MiB `.json`,
                    `.txt` corpus, `.xlsx`, image or PDF counts as well. Source code is program code (`.py`,
                    `.ipynb`, `.R`, `.jl`, `.sql`, shell, JVM, JavaScript/TypeScript, C/C++/CUDA, Go, Rust and
                    the like) and documentation markup (`.md`, `.rst`, `.tex`); lock files (`poetry.lock`,
                    `package-lock.json`, ...) are never artifacts either. `.h5`
                    (also HDF5 data) and `.bin` (any binary) are weights at any size only under the models folder;
                    elsewhere they count once over the limit, like any other file. Extensions are compared in any
                    letter case.
                    """, """
                    Git keeps every version of every file forever: a 200 MB checkpoint committed once makes every
                    clone, CI run and container build download it, even after it is deleted. Git has no way to
                    version datasets and models alongside the code that produced them, so they drift apart.
                    """, """
                    Remove the file from the commit and track it with Git LFS (`git lfs track "*.pt"`, commit the
                    `.gitattributes`) or DVC (`dvc add models/model.pt`, commit the `.dvc` file). To purge it from
                    history as well, use `git filter-repo` or `git lfs migrate import`. Raise `max-file-size` in
                    `.github/ml-readiness.yml` if your data files are meant to live in git.
                    """, """
                    ```text
                    models/resnet50.pt        (97.8 MiB, committed to git)
                    data/train.csv            (340.2 MiB, committed to git)
                    ```
                    """, """
                    ```text
                    .gitattributes            *.pt filter=lfs diff=lfs merge=lfs -text
                    models/resnet50.pt        (Git LFS pointer)
                    data/train.csv.dvc        (DVC tracks data/train.csv)
                    ```
                    """).withKnownProblems("""
                    Notebooks count as code, so they are never flagged however large: a heavy notebook is heavy with
                    outputs, and Git LFS or DVC would make it unreviewable. A pull request is judged on every file it
                    adds, modifies, renames or copies, since each new version of a large file is stored in git history
                    again; a full scan judges every file.
                    """));

    /** Flagged files small enough to be an LFS pointer: only those are worth opening, for a pointer header. */
    private static final FileSelector MAY_BE_POINTERS = ctx -> flagged(ctx).stream()
            .filter(f -> LfsPointer.mayBePointer(f.size())).map(FileEntry::path).toList();
    private static final FileSelector READS = FileSelector.allOf(ctx -> GitAttributes.files(ctx.snapshot()),
            ctx -> DvcTracking.files(ctx.snapshot()), MAY_BE_POINTERS);

    public LargeArtifactRule() {
        super(INFO, READS);
    }

    /** Not source code, and over the limit (an unknown size, -1, never is) or weights that need LFS at any size. */
    private static boolean wouldBeFlagged(RuleContext ctx, FileEntry f) {
        return !ArtifactKinds.isSourceCode(f.path())
                && (ArtifactKinds.isWeightsAtAnySize(f.path(), ctx.paths()) || f.size() > ctx.config().maxFileSize());
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        long max = ctx.config().maxFileSize();
        Set<String> mayBePointers = Set.copyOf(MAY_BE_POINTERS.select(ctx));
        for (FileEntry f : flagged(ctx)) {
            boolean weights = ArtifactKinds.isWeightsAtAnySize(f.path(), ctx.paths());
            if (mayBePointers.contains(f.path()) && isPointer(ctx, f.path()) || GitAttributes.in(ctx).isLfs(f.path())
                    || DvcTracking.in(ctx).tracks(f.path())) {
                continue;
            }
            String size = f.size() < 0 ? "" : mib(f.size());
            String what = weights ? size + (size.isEmpty() ? "" : " of ") + "model weights"
                    : size + ", over the " + mib(max) + " limit";
            out.file(f.path(), "Track " + f.path() + " (" + what + ") with Git LFS (`" + lfsCommand(f.path())
                    + "`) or DVC (`dvc add " + f.path() + "`) instead of committing it to git.");
        }
    }

    /** The files the change writes (every file in a full scan) that {@link #wouldBeFlagged}. */
    private static List<FileEntry> flagged(RuleContext ctx) {
        return AddedFiles.written(ctx).stream().filter(f -> wouldBeFlagged(ctx, f)).toList();
    }

    private static boolean isPointer(RuleContext ctx, String path) {
        return ctx.snapshot().bytes(path).filter(LfsPointer::isPointer).isPresent();
    }

    /** Track the extension, or the file itself when it has none. */
    private static String lfsCommand(String path) {
        String ext = ArtifactKinds.extension(path).orElse(ArtifactKinds.lastExtension(path));
        return "git lfs track \"" + (ext.isEmpty() ? path : "*" + ext) + "\"";
    }

    /** Sizes for people, in MiB as config sizes are binary: {@code 12.3 MiB}, {@code 0.04 MiB}. */
    static String mib(long bytes) {
        double v = bytes / MIB;
        if (v >= 0.1 || bytes == 0) {
            return String.format(Locale.ROOT, "%.1f MiB", v);
        }
        return v >= 0.01 ? String.format(Locale.ROOT, "%.2f MiB", v) : "under 0.01 MiB";
    }
}
