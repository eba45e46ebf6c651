package dev.mlreadiness.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppression comments: {@code readiness: ignore[rule-id]} on a line silences that rule on that line;
 * {@code readiness: ignore-file[rule-id]} anywhere in a file silences it for the whole file. Several ids may be
 * listed, separated by commas. Works in any comment syntax ({@code #}, {@code <!-- -->}, notebook source lines),
 * because only the marker itself is looked for.
 */
public final class Suppressions {

    private static final Pattern MARKER = Pattern.compile("readiness:\\s*ignore(-file)?\\[([^\\]]*)\\]");

    private Suppressions() {
    }

    /** True when {@code lineText} carries {@code readiness: ignore[...]} naming the rule. */
    public static boolean suppressesLine(String lineText, String ruleId) {
        return names(lineText, ruleId, false);
    }

    /** True when the file carries {@code readiness: ignore-file[...]} naming the rule. */
    public static boolean suppressesFile(String fileText, String ruleId) {
        return fileText.contains("ignore-file") && names(fileText, ruleId, true);
    }

    private static boolean names(String text, String ruleId, boolean fileWide) {
        if (text == null || !text.contains("readiness")) {
            return false;
        }
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            if ((m.group(1) != null) != fileWide) {
                continue;
            }
            for (String id : m.group(2).split(",")) {
                if (id.trim().equals(ruleId)) {
                    return true;
                }
            }
        }
        return false;
    }
}
