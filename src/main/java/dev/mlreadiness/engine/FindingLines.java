package dev.mlreadiness.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * The text of the line a finding points at, for one evaluation of the head snapshot: decodes that one line, not the
 * file (a notebook can be 20 MB), and splits each file into lines once however many findings it holds.
 */
final class FindingLines {

    private final Snapshot head;
    private final Map<String, Optional<TextLines>> cache = new HashMap<>();

    FindingLines(Snapshot head) {
        this.head = head;
    }

    /** The finding's line, without its ending; null without a line, or when the file was never read. */
    String of(Findings.Raw raw) {
        if (raw.path() == null || raw.line() == null || !head.isLoaded(raw.path())) {
            return null;
        }
        return cache.computeIfAbsent(raw.path(), p -> head.bytes(p).flatMap(TextLines::of))
                .map(t -> t.lineWithoutEnding(raw.line())).orElse(null);
    }
}
