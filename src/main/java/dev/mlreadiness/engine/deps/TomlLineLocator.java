package dev.mlreadiness.engine.deps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the lines of TOML keys and array strings, which Jackson's TOML mapper does not report.
 *
 * <p>
 * Approach: the text is cut into table regions at each {@code [table]} header line. A key is
 * looked for in its table's region as {@code key =} (bare or quoted), then as a dotted key in a
 * parent region ({@code dependencies.numpy =} under {@code [tool.poetry]}), then as its own
 * {@code [table.key]} header. Strings of an array are found in order, each searched after the previous
 * one starting at the array's key, in both quote styles, ignoring text after a {@code #} comment.
 * Multi-line strings and inline tables spanning lines are not TOML-aware here; a value not found
 * falls back to its key's line, then to its table's header, then to 0.
 */
final class TomlLineLocator {

    private static final Pattern HEADER = Pattern.compile("^\\s*\\[\\[?([^\\[\\]#]+)\\]\\]?\\s*(#.*)?$");

    private final String[] lines;
    private final List<Region> regions = new ArrayList<>();

    /** Lines {@code [from, to)} (0-based) of the table {@code name}; the root table is "". */
    private record Region(String name, int header, int from, int to) {
    }

    /** A position in the text: 0-based line and column. */
    private record Position(int line, int column) {
    }

    TomlLineLocator(String text) {
        this.lines = text.split("\\r\\n|\\r|\\n", -1);
        String name = "";
        int header = -1;
        int from = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = HEADER.matcher(lines[i]);
            if (m.matches()) {
                regions.add(new Region(name, header, from, i));
                name = normaliseTableName(m.group(1));
                header = i;
                from = i + 1;
            }
        }
        regions.add(new Region(name, header, from, lines.length));
    }

    private static String normaliseTableName(String header) {
        return header.replaceAll("\\s*\\.\\s*", ".").replace("\"", "").replace("'", "").strip();
    }

    /** The text of a 1-based line, stripped; empty when out of range. */
    String text(int line) {
        return line >= 1 && line <= lines.length ? lines[line - 1].strip() : "";
    }

    /** 1-based line of the table's header, 0 when the table has none. */
    int headerLine(String table) {
        return regions.stream().filter(r -> r.name().equals(table) && r.header() >= 0)
                .mapToInt(r -> r.header() + 1).findFirst().orElse(0);
    }

    /** 1-based line where {@code key} of {@code table} is defined, or its table's header, or 0. */
    int keyLine(String table, String key) {
        Position p = keyPosition(table, key);
        return p != null ? p.line() + 1 : headerLine(table);
    }

    private Position keyPosition(String table, String key) {
        List<String> path = new ArrayList<>(table.isEmpty() ? List.of() : Arrays.asList(table.split("\\.")));
        path.add(key);
        // try the table itself, then each parent with a dotted key
        for (int split = path.size() - 1; split >= 0; split--) {
            String regionName = String.join(".", path.subList(0, split));
            Position p = findKey(regionName, path.subList(split, path.size()));
            if (p != null) {
                return p;
            }
        }
        int header = headerLine(table.isEmpty() ? key : table + "." + key);
        return header > 0 ? new Position(header - 1, lines[header - 1].length()) : null;
    }

    private Position findKey(String regionName, List<String> dottedKey) {
        StringBuilder regex = new StringBuilder("^\\s*");
        for (int i = 0; i < dottedKey.size(); i++) {
            String quoted = Pattern.quote(dottedKey.get(i));
            regex.append(i > 0 ? "\\s*\\.\\s*" : "").append("(?:\"").append(quoted).append("\"|'")
                    .append(quoted).append("'|").append(quoted).append(")");
        }
        Pattern pattern = Pattern.compile(regex.append("\\s*=").toString());
        for (Region region : regions) {
            if (!region.name().equals(regionName)) {
                continue;
            }
            for (int i = region.from(); i < region.to(); i++) {
                Matcher m = pattern.matcher(lines[i]);
                if (m.lookingAt()) {
                    return new Position(i, m.end());
                }
            }
        }
        return null;
    }

    /** Finds the strings of the array at {@code table.key}, in order. */
    ArrayStrings arrayStrings(String table, String key) {
        return new ArrayStrings(keyPosition(table, key), keyLine(table, key));
    }

    /** A cursor over one array's strings: each {@link #lineOf} search starts after the previous match. */
    final class ArrayStrings {
        private int line;
        private int column;
        private final int fallback;
        private final boolean found;

        private ArrayStrings(Position start, int fallback) {
            this.found = start != null;
            this.line = found ? start.line() : 0;
            this.column = found ? start.column() : 0;
            this.fallback = fallback;
        }

        /** 1-based line of the next occurrence of {@code value} as a TOML string, or the key's line. */
        int lineOf(String value) {
            if (!found) {
                return fallback;
            }
            String literal = "'" + value + "'";
            String basic = "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            for (int i = line; i < lines.length; i++) {
                int from = i == line ? column : 0;
                int comment = commentStart(lines[i]);
                int at = earliest(lines[i].indexOf(literal, from), lines[i].indexOf(basic, from));
                if (at >= 0 && at < comment) {
                    line = i;
                    column = at + (lines[i].startsWith(literal, at) ? literal.length() : basic.length());
                    return i + 1;
                }
            }
            return fallback;
        }

        private int earliest(int a, int b) {
            return a < 0 ? b : b < 0 ? a : Math.min(a, b);
        }
    }

    /** Index of the {@code #} starting a comment outside strings, or the line length. */
    private static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == 0 && c == '#') {
                return i;
            }
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote && !(quote == '"' && i > 0 && line.charAt(i - 1) == '\\')) {
                quote = 0;
            }
        }
        return line.length();
    }
}
