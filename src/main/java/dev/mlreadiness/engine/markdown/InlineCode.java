package dev.mlreadiness.engine.markdown;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inline code as CommonMark reads it, both ways: splitting a line into text and code spans, and writing any text as
 * one code span. Finding messages are plain text with code spans in this syntax; renderers read them with
 * {@link #split}, and rules that quote repository text in a message write it with {@link #span}.
 */
public final class InlineCode {

    /**
     * A stretch of a line.
     *
     * @param text the characters, for code the span's content between its backtick runs (not normalised)
     * @param code whether it is the content of a code span
     */
    public record Part(String text, boolean code) {
    }

    private InlineCode() {
    }

    /**
     * The text and code spans of {@code line}. A run of backticks opens a span that only a later run of the same
     * length closes; a run that none closes is literal text, and spans after it still count. Backslashes are text.
     * Linear in the line: each run's closing partner is found in one backward pass.
     */
    public static List<Part> split(String line) {
        List<int[]> runs = new ArrayList<>(); // start and length of each backtick run, in order
        for (int i = 0; i < line.length();) {
            if (line.charAt(i) != '`') {
                i++;
                continue;
            }
            int j = i;
            while (j < line.length() && line.charAt(j) == '`') {
                j++;
            }
            runs.add(new int[] { i, j - i });
            i = j;
        }
        int[] next = new int[runs.size()]; // the next run of the same length, or -1
        Map<Integer, Integer> laterOfLength = new HashMap<>();
        for (int k = runs.size() - 1; k >= 0; k--) {
            next[k] = laterOfLength.getOrDefault(runs.get(k)[1], -1);
            laterOfLength.put(runs.get(k)[1], k);
        }
        List<Part> parts = new ArrayList<>();
        int textStart = 0;
        for (int k = 0; k < runs.size();) {
            if (next[k] < 0) {
                k++;
                continue;
            }
            int[] open = runs.get(k);
            int[] close = runs.get(next[k]);
            addText(parts, line.substring(textStart, open[0]));
            parts.add(new Part(line.substring(open[0] + open[1], close[0]), true));
            textStart = close[0] + close[1];
            k = next[k] + 1;
        }
        addText(parts, line.substring(textStart));
        return parts;
    }

    private static void addText(List<Part> parts, String text) {
        if (!text.isEmpty()) {
            parts.add(new Part(text, false));
        }
    }

    /**
     * {@code text} as one code span that shows it as it is, whatever it holds: the fence is one backtick longer than
     * the longest run inside, and a space pads content that starts or ends with a backtick (or with spaces at both
     * ends, which CommonMark would strip). Line breaks become spaces, as CommonMark shows them in a span anyway.
     */
    public static String span(String text) {
        String content = text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
        if (content.isEmpty()) {
            return "` `";
        }
        int longest = 0;
        int run = 0;
        for (int i = 0; i < content.length(); i++) {
            run = content.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        boolean pad = content.startsWith("`") || content.endsWith("`")
                || content.startsWith(" ") && content.endsWith(" ") && !content.isBlank();
        String fence = "`".repeat(longest + 1);
        return pad ? fence + " " + content + " " + fence : fence + content + fence;
    }

    /** The content of a code span as CommonMark shows it: line breaks as spaces, one padding space stripped. */
    public static String shown(String content) {
        String s = content.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
        return s.length() >= 2 && s.startsWith(" ") && s.endsWith(" ") && !s.isBlank()
                ? s.substring(1, s.length() - 1)
                : s;
    }
}
