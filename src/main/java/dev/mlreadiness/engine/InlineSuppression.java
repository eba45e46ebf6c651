package dev.mlreadiness.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * Whether a finding is suppressed by a comment in the head snapshot: {@code readiness: ignore-file[rule]} anywhere
 * in its file, or {@code readiness: ignore[rule]} on its line (the syntax is {@link Suppressions}'). Looks only in
 * files the rules already read, and decides each file and rule once (the checklist uses one instance per rule and
 * file).
 */
final class InlineSuppression {

    private final Snapshot head;
    private final FindingLines lines;
    /**
     * Per path and rule, whether the file suppresses the rule: decoding a large file once per finding made
     * thousands of findings in one file take seconds.
     */
    private final Map<String, Boolean> fileSuppressed = new HashMap<>();
    /** Per path, line and rule: a long line holding many findings is searched once per rule, not per finding. */
    private final Map<String, Boolean> lineSuppressed = new HashMap<>();

    InlineSuppression(Snapshot head, FindingLines lines) {
        this.head = head;
        this.lines = lines;
    }

    boolean suppresses(Findings.Raw raw, String ruleId) {
        if (raw.path() == null || !head.isLoaded(raw.path())) {
            return false; // never read a file only to look for suppression comments
        }
        Boolean wholeFile = fileSuppressed.computeIfAbsent(raw.path() + "\u0000" + ruleId,
                k -> suppressesFile(raw.path(), ruleId));
        if (wholeFile == null) {
            return false;
        }
        if (wholeFile) {
            return true;
        }
        return lineSuppressed.computeIfAbsent(raw.path() + "\u0000" + raw.line() + "\u0000" + ruleId, k -> {
            String line = lines.markedLine(raw);
            return line != null && Suppressions.suppressesLine(line, ruleId);
        });
    }

    /**
     * Whether the file carries {@code readiness: ignore-file[ruleId]}; null for binary or missing files. Looks for
     * the marker in the bytes first so a large file without one (nearly all) is never decoded whole.
     */
    private Boolean suppressesFile(String path, String ruleId) {
        Optional<byte[]> bytes = head.bytes(path);
        if (bytes.isEmpty() || Snapshot.isBinary(bytes.get())) {
            return null;
        }
        return TextLines.containsAscii(bytes.get(), "ignore-file")
                && head.text(path).map(t -> Suppressions.suppressesFile(t, ruleId)).orElse(false);
    }
}
