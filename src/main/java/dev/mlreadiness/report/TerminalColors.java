package dev.mlreadiness.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Minimal colour for the text report in a terminal, laid over {@link TextReport}'s plain text (which stays the
 * same in pipes, logs and files): the severity word of each finding line and the result of the last line. Nothing
 * else changes, so the columns still line up.
 */
public final class TerminalColors {

    private static final String RESET = "\u001b[0m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";
    private static final String GREEN = "\u001b[32m";

    /** The severity column of a finding line: indented, then the word before the rule id. */
    private static final Pattern SEVERITY = Pattern
            .compile("(?m)^(\\s+\\S.*?  )(error|warning|notice)(\\s+[a-z]+/[a-z0-9-]+  )");
    private static final Pattern RESULT = Pattern.compile("(?m)^Result: (failure|success|skipped)\\b");

    private TerminalColors() {
    }

    public static String apply(String text) {
        Matcher m = SEVERITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + color(m.group(2)) + m.group(2) + RESET
                    + m.group(3)));
        }
        m.appendTail(out);
        Matcher r = RESULT.matcher(out.toString());
        StringBuilder done = new StringBuilder();
        while (r.find()) {
            String c = r.group(1).equals("failure") ? RED : r.group(1).equals("success") ? GREEN : YELLOW;
            r.appendReplacement(done, Matcher.quoteReplacement("Result: " + c + r.group(1) + RESET));
        }
        r.appendTail(done);
        return done.toString();
    }

    private static String color(String severity) {
        return switch (severity) {
            case "error" -> RED;
            case "warning" -> YELLOW;
            default -> CYAN;
        };
    }
}
