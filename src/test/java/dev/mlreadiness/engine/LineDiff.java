package dev.mlreadiness.engine;

import java.util.BitSet;

/** A longest-common-subsequence line diff, enough for test-sized files: which new lines are added. */
final class LineDiff {

    private LineDiff() {
    }

    static BitSet addedLines(String oldText, String newText) {
        String[] a = lines(oldText);
        String[] b = lines(newText);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        BitSet added = new BitSet();
        int i = 0;
        int j = 0;
        while (j < b.length) {
            if (i < a.length && a[i].equals(b[j])) {
                i++;
                j++;
            } else if (i < a.length && lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                added.set(j + 1);
                j++;
            }
        }
        return added;
    }

    private static String[] lines(String text) {
        if (text.isEmpty()) {
            return new String[0];
        }
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return t.split("\n", -1);
    }
}
