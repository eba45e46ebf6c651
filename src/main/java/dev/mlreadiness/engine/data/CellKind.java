package dev.mlreadiness.engine.data;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What one cell of a data file holds, as far as its type goes. */
public enum CellKind {
    /** Empty, or a usual marker of a missing value ({@code NA}, {@code null}, {@code NaN}, {@code ?}, ...). */
    MISSING,
    /** {@code true}/{@code false}, {@code yes}/{@code no}, {@code t}/{@code f}, {@code y}/{@code n}. */
    BOOLEAN,
    /** A whole number, {@code 12} or {@code -3} (also {@code 4.0}: pandas writes whole numbers so beside gaps). */
    INTEGER,
    /** Any other number, {@code 0.25}, {@code 1e-3}, {@code inf}. */
    DECIMAL,
    /** A date or time with digits, {@code 2024-03-01}, {@code 01/03/2024 12:00}. */
    DATE,
    /** Anything else: words. */
    TEXT;

    private static final Set<String> MISSING_MARKERS = Set.of("", "na", "n/a", "nan", "null", "none", "nil", "-",
            "--", "?", "#n/a", "missing", "<na>", "nat", "undefined", ".");
    private static final Set<String> BOOLEANS = Set.of("true", "false", "yes", "no", "t", "f", "y", "n");
    private static final Pattern INTEGER_PATTERN = Pattern.compile("[+-]?\\d+(\\.0*)?");
    private static final Pattern DECIMAL_PATTERN = Pattern.compile(
            "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_PATTERN = Pattern.compile(
            "\\d{4}[-/.]\\d{1,2}([-/.]\\d{1,2})?([ T].*)?|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}([ T].*)?"
                    + "|\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

    /** The kind of one cell's text. */
    public static CellKind of(String cell) {
        String value = cell.strip();
        if (value.length() > 200) {
            return TEXT;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (MISSING_MARKERS.contains(lower)) {
            return MISSING;
        }
        if (BOOLEANS.contains(lower)) {
            return BOOLEAN;
        }
        if (INTEGER_PATTERN.matcher(value).matches()) {
            return INTEGER;
        }
        if (DECIMAL_PATTERN.matcher(value).matches()) {
            return DECIMAL;
        }
        if (DATE_PATTERN.matcher(value).matches()) {
            return DATE;
        }
        return TEXT;
    }

    /** Whether the text has a digit: dates written with month names still do, words do not. */
    static boolean hasDigit(String cell) {
        return cell.chars().anyMatch(Character::isDigit);
    }
}
