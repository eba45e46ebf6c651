package dev.mlreadiness.engine.snapshot;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The files a pull request (or git range) changes, with their added lines. Empty and unused in a full scan. */
public final class ChangeSet {

    private static final ChangeSet FULL_SCAN = new ChangeSet(Map.of(), false, true);

    private final Map<String, FileChange> changes;
    private final boolean partial;
    private final boolean fullScan;

    private ChangeSet(Map<String, FileChange> changes, boolean partial, boolean fullScan) {
        this.changes = changes;
        this.partial = partial;
        this.fullScan = fullScan;
    }

    /** No change: every file of the tree is read and every finding is existing. */
    public static ChangeSet fullScan() {
        return FULL_SCAN;
    }

    /**
     * @param partial true when the source listed only part of the change (GitHub lists at most 3,000 files)
     */
    public static ChangeSet of(List<FileChange> files, boolean partial) {
        Map<String, FileChange> map = new LinkedHashMap<>();
        for (FileChange f : files) {
            map.put(f.path(), f);
        }
        return new ChangeSet(Collections.unmodifiableMap(map), partial, false);
    }

    public boolean isFullScan() {
        return fullScan;
    }

    public boolean partial() {
        return partial;
    }

    public Collection<FileChange> files() {
        return changes.values();
    }

    public Optional<FileChange> get(String path) {
        return Optional.ofNullable(changes.get(path));
    }

    /** True when the change adds, modifies or renames the file (deleted files are not "changed" here). */
    public boolean touches(String path) {
        FileChange c = changes.get(path);
        return c != null && c.status().exists();
    }

    public boolean isAddedLine(String path, int line) {
        FileChange c = changes.get(path);
        return c != null && c.status().exists() && c.isAddedLine(line);
    }
}
