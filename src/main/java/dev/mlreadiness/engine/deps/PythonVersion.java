package dev.mlreadiness.engine.deps;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python version constraint found in a manifest ({@code requires-python}, Poetry's {@code python},
 * {@code python=3.10} in environment.yml, Pipfile's {@code python_version}).
 *
 * @param constraint the constraint as written, e.g. {@code >=3.11,<3.12}, {@code ^3.9}, {@code =3.10}
 * @param line 1-based line where it is declared (0 when unknown)
 */
public record PythonVersion(String constraint, int line) {

    private static final Pattern CLAUSE = Pattern
            .compile("(===|==|~=|!=|<=|>=|<|>|\\^|~|=)?\\s*v?([0-9][0-9A-Za-z.*+!-]*)");
    private static final Pattern LEADING_DIGITS = Pattern.compile("[0-9]{1,6}");
    private static final int UNBOUNDED = 999;

    /**
     * True when every version the constraint allows shares one major.minor, as
     * {@code reproducibility/python-version} asks: {@code ==3.11.*}, {@code ~=3.11.0},
     * {@code >=3.11,<3.12}, bare {@code 3.11} (conda, Pipfile) and Poetry {@code ~3.11} do;
     * {@code >=3.8}, {@code ^3.9}, {@code ~=3.11} and {@code 3} do not.
     */
    public boolean fixesMinorVersion() {
        String c = constraint.strip();
        if (c.isEmpty() || c.contains("|")) {
            return false;
        }
        int lowest = -1;
        int highest = Integer.MAX_VALUE;
        for (String clause : c.split(",")) {
            Matcher m = CLAUSE.matcher(clause.strip());
            if (!m.matches()) {
                return false;
            }
            String op = m.group(1) == null ? "" : m.group(1);
            List<Integer> release = release(m.group(2));
            if (release.isEmpty()) {
                return false;
            }
            int major = release.get(0);
            int minor = release.size() > 1 ? release.get(1) : -1;
            int patch = release.size() > 2 ? release.get(2) : -1;
            switch (op) {
                case "", "=", "==", "===" -> {
                    if (minor < 0) {
                        return false;
                    }
                    lowest = Math.max(lowest, key(major, minor));
                    highest = Math.min(highest, key(major, minor));
                }
                case "~=" -> {
                    lowest = Math.max(lowest, key(major, Math.max(minor, 0)));
                    highest = Math.min(highest, patch >= 0 ? key(major, minor) : key(major, UNBOUNDED));
                }
                case "~" -> {
                    lowest = Math.max(lowest, key(major, Math.max(minor, 0)));
                    highest = Math.min(highest, minor >= 0 ? key(major, minor) : key(major, UNBOUNDED));
                }
                case "^", ">=", ">" -> {
                    lowest = Math.max(lowest, key(major, Math.max(minor, 0)));
                    if (op.equals("^")) {
                        highest = Math.min(highest, key(major, UNBOUNDED));
                    }
                }
                case "<" -> highest = Math.min(highest, patch > 0 ? key(major, minor)
                        : minor > 0 ? key(major, minor - 1) : key(major - 1, UNBOUNDED));
                case "<=" -> highest = Math.min(highest, key(major, minor < 0 ? UNBOUNDED : minor));
                default -> {
                    // != excludes one version and leaves the range as it is
                }
            }
        }
        return lowest >= 0 && lowest == highest;
    }

    private static int key(int major, int minor) {
        return major * (UNBOUNDED + 1) + minor;
    }

    /** Leading numeric components: {@code 3.11.*} gives [3, 11], {@code 3.12rc1} gives [3, 12]. */
    private static List<Integer> release(String version) {
        List<Integer> parts = new ArrayList<>();
        for (String part : version.split("\\.")) {
            Matcher digits = LEADING_DIGITS.matcher(part);
            if (!digits.lookingAt()) {
                break;
            }
            parts.add(Integer.parseInt(digits.group()));
            if (digits.end() < part.length()) {
                break;
            }
        }
        return parts;
    }
}
