package dev.mlreadiness.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.snapshot.InputLimits;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * The text of the line a finding points at, for one evaluation of the head snapshot: decodes that one line, not the
 * file (a notebook can be 20 MB), splits each file into lines once however many findings it holds, and decodes each
 * line once however many findings sit on it (the checklist uses one instance per rule and file, so that an evaluation
 * with findings in thousands of files does not keep every file's lines). A line longer than
 * {@link InputLimits#MAX_HASHED_LINE_BYTES} is given
 * by its start and length: a notebook saved without indentation is one 6.8 MB line holding 50,000 findings, and
 * decoding it for each took minutes.
 */
final class FindingLines {

    private final Snapshot head;
    private final Map<String, Optional<TextLines>> files = new HashMap<>();
    /** Per path and line: the text {@link #of} gives. */
    private final Map<String, String> lines = new HashMap<>();
    /** Per path and line: whether the line holds a {@code readiness:} comment. */
    private final Map<String, Boolean> marked = new HashMap<>();

    FindingLines(Snapshot head) {
        this.head = head;
    }

    /**
     * The finding's line, without its ending, cut as {@link TextLines#lineWithoutEnding(int, int)} cuts it beyond
     * {@link InputLimits#MAX_HASHED_LINE_BYTES}; null without a line, or when the file was never read.
     */
    String of(Findings.Raw raw) {
        return textLines(raw).map(t -> lines.computeIfAbsent(key(raw),
                k -> t.lineWithoutEnding(raw.line(), InputLimits.MAX_HASHED_LINE_BYTES))).orElse(null);
    }

    /**
     * The whole line when it holds {@code readiness:} (a suppression comment may stand at the end of a long line),
     * else null; each line is searched once.
     */
    String markedLine(Findings.Raw raw) {
        Optional<TextLines> text = textLines(raw);
        if (text.isEmpty() || !marked.computeIfAbsent(key(raw),
                k -> text.get().lineContainsAscii(raw.line(), "readiness"))) {
            return null;
        }
        return text.get().lineWithoutEnding(raw.line());
    }

    private Optional<TextLines> textLines(Findings.Raw raw) {
        if (raw.path() == null || raw.line() == null || !head.isLoaded(raw.path())) {
            return Optional.empty();
        }
        return files.computeIfAbsent(raw.path(), p -> head.bytes(p).flatMap(TextLines::of));
    }

    private static String key(Findings.Raw raw) {
        return raw.path() + "\u0000" + raw.line();
    }
}
