package dev.mlreadiness.engine.snapshot;

import java.util.BitSet;

/**
 * One file of a change.
 *
 * @param previousPath the old path of a renamed or copied file, else null
 * @param addedLines 1-based line numbers of the new file that the change adds; null when unknown (no patch:
 *        binary or too large a diff)
 */
public record FileChange(String path, ChangeStatus status, String previousPath, BitSet addedLines) {

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
}
