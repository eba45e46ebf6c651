package dev.mlreadiness.engine.rule;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;

import dev.mlreadiness.engine.snapshot.FileEntry;

/**
 * The files whose contents a rule reads, chosen in one place. A rule keeps its selector in a constant, returns it
 * from {@link Rule#reads()} (so the checklist fetches every selected file in one batch before rules run) and
 * reads, in {@link Rule#check}, only the files the same selector gives, so the two cannot drift apart (see the
 * example on {@link Rule}).
 *
 * Shared facts that read files (code evidence, the docs outline) come with a method listing what they read, which
 * is a selector too: {@code FileSelector.allOf(DocsOutline::files, CodeEvidence::files)}. Choosing files looks at
 * names and sizes only; reading a file while choosing defeats the batch (the only exception: the includes of a
 * requirements file already read are named too, see {@code UnpinnedDependencyRule}).
 */
@FunctionalInterface
public interface FileSelector {

    /**
     * The paths selected on this side of the change (see {@link RuleContext#side()}), in the order the rule reads
     * them. Paths not in the tree are ignored.
     */
    Collection<String> select(RuleContext ctx);

    /** Reads no file: rules that judge names, sizes and the change alone. */
    static FileSelector none() {
        return ctx -> List.of();
    }

    /** The files of the tree that {@code which} accepts. */
    static FileSelector inTree(Predicate<FileEntry> which) {
        return ctx -> ctx.snapshot().stream().filter(which).map(FileEntry::path).toList();
    }

    /**
     * The files that {@code which} accepts among {@link RuleContext#filesToScan()}: every file in a full scan, the
     * changed ones in a pull request (their base versions on the base side).
     */
    static FileSelector toScan(Predicate<FileEntry> which) {
        return ctx -> ctx.filesToScan().stream().filter(which).map(FileEntry::path).toList();
    }

    /** What every one of {@code parts} selects, in order, each path once. */
    static FileSelector allOf(FileSelector... parts) {
        List<FileSelector> all = List.of(parts);
        return ctx -> {
            LinkedHashSet<String> paths = new LinkedHashSet<>();
            all.forEach(p -> paths.addAll(p.select(ctx)));
            return List.copyOf(paths);
        };
    }

    /** The selected files that are in the tree, as entries (for their names and sizes). */
    default List<FileEntry> entries(RuleContext ctx) {
        return select(ctx).stream().flatMap(p -> ctx.snapshot().file(p).stream()).toList();
    }
}
