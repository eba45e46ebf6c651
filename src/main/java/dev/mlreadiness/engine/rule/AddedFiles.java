package dev.mlreadiness.engine.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dev.mlreadiness.engine.snapshot.ChangeStatus;
import dev.mlreadiness.engine.snapshot.FileChange;
import dev.mlreadiness.engine.snapshot.FileEntry;

/**
 * The files that "the PR adds" rules judge, following the spec's two modes: in a full scan every file of the
 * tree; in a pull request the files it adds or moves into place (or, for {@link #written}, every file whose
 * content it writes, binary files without a patch included); nothing on the base side.
 */
public final class AddedFiles {

    private AddedFiles() {
    }

    /** Files the change adds, renames or copies (every file in a full scan). */
    public static List<FileEntry> of(RuleContext ctx) {
        return select(ctx, ChangeStatus::isNewPath);
    }

    /** Files the change adds, modifies, renames or copies (every file in a full scan). */
    public static List<FileEntry> written(RuleContext ctx) {
        return select(ctx, ChangeStatus::exists);
    }

    private static List<FileEntry> select(RuleContext ctx, Predicate<ChangeStatus> status) {
        if (ctx.side() == RuleContext.Side.BASE) {
            return List.of();
        }
        if (ctx.changes().isFullScan()) {
            return List.copyOf(ctx.snapshot().files());
        }
        List<FileEntry> out = new ArrayList<>();
        for (FileChange c : ctx.changes().files()) {
            if (status.test(c.status())) {
                ctx.snapshot().file(c.path()).ifPresent(out::add);
            }
        }
        return out;
    }
}
