package dev.mlreadiness.engine.diff;

import java.util.BitSet;

/**
 * Reads the hunks of a unified diff of one file (GitHub's {@code patch} field, or one file's part of
 * {@code git diff}) and tells which lines of the new file are added, and which the diff shows (the lines a
 * review comment can be on).
 */
public final class UnifiedDiff {

    private UnifiedDiff() {
    }

    /**
     * The 1-based line numbers, in the new file, of the lines the patch adds. Lines before the first hunk header
     * (file headers) are skipped; a malformed hunk header ends the reading with what was found so far.
     */
    public static BitSet addedLines(String patch) {
        return lines(patch, false);
    }

    /**
     * The 1-based line numbers, in the new file, of the lines inside the patch's hunks: added lines and context
     * lines, the right side of the diff. GitHub takes a review comment only on one of these. Read as
     * {@link #addedLines} reads.
     */
    public static BitSet rightLines(String patch) {
        return lines(patch, true);
    }

    private static BitSet lines(String patch, boolean withContext) {
        BitSet added = new BitSet();
        if (patch == null || patch.isEmpty()) {
            return added;
        }
        int newLine = -1;
        int pos = 0;
        int len = patch.length();
        while (pos < len) {
            int eol = patch.indexOf('\n', pos);
            if (eol < 0) {
                eol = len;
            }
            String line = patch.substring(pos, eol);
            pos = eol + 1;
            if (line.startsWith("@@")) {
                newLine = hunkNewStart(line);
                if (newLine < 0) {
                    return added;
                }
                continue;
            }
            if (newLine < 0) {
                continue; // file headers before the first hunk
            }
            if (line.startsWith("+")) {
                added.set(newLine++);
            } else if (line.startsWith(" ") || line.isEmpty()) {
                if (withContext) {
                    added.set(newLine);
                }
                newLine++;
            } else if (line.startsWith("\\")) {
                // "\ No newline at end of file": not a line of either side
            } else if (!line.startsWith("-")) {
                newLine = -1; // next file's header in a multi-file diff
            }
        }
        return added;
    }

    /** The {@code c} of {@code @@ -a,b +c,d @@}, or -1 when the header is malformed. */
    static int hunkNewStart(String header) {
        int plus = header.indexOf(" +");
        if (plus < 0) {
            return -1;
        }
        int i = plus + 2;
        int start = i;
        while (i < header.length() && Character.isDigit(header.charAt(i))) {
            i++;
        }
        if (i == start) {
            return -1;
        }
        try {
            return Integer.parseInt(header.substring(start, i));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
