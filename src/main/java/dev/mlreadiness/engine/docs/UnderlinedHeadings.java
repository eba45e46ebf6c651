package dev.mlreadiness.engine.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the underlined titles of reStructuredText and plain-text READMEs ({@code Usage} over a line of
 * {@code -----}) as Markdown ATX headings, so one Markdown parser reads every doc. Line numbers are kept: the
 * underline (and an RST overline) become blank lines. Levels follow RST: each new adornment style, in order of
 * first appearance, is one level deeper.
 */
final class UnderlinedHeadings {

    private static final String ADORNMENT_CHARS = "=-~^*#+_:'\"`.";

    private UnderlinedHeadings() {
    }

    static String toMarkdown(String text) {
        String[] lines = text.split("\r?\n", -1);
        List<String> styles = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String title = lines[i - 1];
            if (!isAdornment(lines[i]) || title.isBlank() || Character.isWhitespace(title.charAt(0))
                    || isAdornment(title)) {
                continue;
            }
            boolean overline = i >= 2 && lines[i - 2].strip().equals(lines[i].strip());
            String style = (overline ? "over" : "") + lines[i].strip().charAt(0);
            if (!styles.contains(style)) {
                styles.add(style);
            }
            int level = Math.min(6, styles.indexOf(style) + 1);
            lines[i - 1] = "#".repeat(level) + " " + title.strip();
            lines[i] = "";
            if (overline) {
                lines[i - 2] = "";
            }
        }
        return String.join("\n", lines);
    }

    private static boolean isAdornment(String line) {
        String s = line.strip();
        if (s.length() < 3 || ADORNMENT_CHARS.indexOf(s.charAt(0)) < 0) {
            return false;
        }
        return s.chars().allMatch(c -> c == s.charAt(0));
    }
}
