package dev.mlreadiness.engine.repo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.ChangeSet;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Snapshot;

/** A full-scan rule context over in-memory text files, for the repository readers' tests. */
final class Trees {

    private Trees() {
    }

    /** Files as path, content, path, content, ... */
    static RuleContext context(String... pathsAndContents) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        List<FileEntry> entries = new ArrayList<>();
        files.forEach((p, b) -> entries.add(new FileEntry(p, b.length)));
        Snapshot s = Snapshot.of(entries, f -> Optional.ofNullable(files.get(f.path())));
        return new RuleContext(s, ChangeSet.fullScan(), ReadinessConfig.defaults(), RuleContext.Side.HEAD);
    }
}
