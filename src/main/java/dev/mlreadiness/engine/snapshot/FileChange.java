package dev.mlreadiness.engine.snapshot;

import java.util.BitSet;

/**
 * One file of a change.
 *
 * @param previousPath the old path of a renamed or copied file, else null
 * @param addedLines 1-based line numbers of the new file that the change adds; null when unknown (no patch:
 *        binary or too large a diff)
 * @param diffLines 1-based line numbers of the new file that the diff shows (added and context lines inside its
 *        hunks): where a review comment can be; null when unknown
 */
public record FileChange(String path, ChangeStatus status, String previousPath, BitSet addedLines,
        BitSet diffLines) {

    /** A change whose diff is known only by its added lines (they are all inside hunks). */
    public FileChange(String path, ChangeStatus status, String previousPath, BitSet addedLines) {
        this(path, status, previousPath, addedLines, addedLines);
    }

    /** True when the line is one the change adds. An added file without a patch counts as added whole. */
    public boolean isAddedLine(int line) {
        if (addedLines == null) {
            return status == ChangeStatus.ADDED;
        }
        return line >= 0 && addedLines.get(line);
    }

    /** Line rules can judge this file: its added lines are known, or the file is new as a whole. */
    public boolean linesKnown() {
        return addedLines != null || status == ChangeStatus.ADDED;
    }

    /** True when the diff shows the line (inside a hunk), so a review comment can be on it. */
    public boolean inDiff(int line) {
        return diffLines != null && line > 0 && diffLines.get(line);
    }

    /**
     * The first line of the hunk that shows {@code line}, or -1 when no hunk does. A hunk is a run of lines the
     * diff shows; two hunks that touch in the new file read as one (with three lines of context git joins them
     * anyway).
     */
    public int hunkStart(int line) {
        return inDiff(line) ? diffLines.previousClearBit(line) + 1 : -1;
    }
}
