package dev.mlreadiness.engine;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A path glob as in {@code .gitignore}-like configs: {@code *} matches within one path segment, {@code **}
 * across segments ({@code docs/**} matches every file under docs, {@code **}{@code /x.md} matches x.md at any
 * depth, including the root), {@code ?} one character, {@code [abc]} a class. A pattern without a slash and
 * without {@code **} matches the full path only ({@code README.md} is the root README).
 */
public final class Glob {

    private final String pattern;
    private final Pattern regex;

    private Glob(String pattern, Pattern regex) {
        this.pattern = pattern;
        this.regex = regex;
    }

    /** @throws IllegalArgumentException with a message saying what is wrong with the pattern */
    public static Glob compile(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("a glob cannot be empty");
        }
        String p = pattern.startsWith("/") ? pattern.substring(1) : pattern;
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '*') {
                boolean dbl = i + 1 < p.length() && p.charAt(i + 1) == '*';
                if (dbl) {
                    boolean slashAfter = i + 2 < p.length() && p.charAt(i + 2) == '/';
                    if (slashAfter) {
                        re.append("(?:.*/)?");
                        i += 3;
                    } else {
                        re.append(".*");
                        i += 2;
                    }
                } else {
                    re.append("[^/]*");
                    i++;
                }
            } else if (c == '?') {
                re.append("[^/]");
                i++;
            } else if (c == '[') {
                int close = p.indexOf(']', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '[' in glob '" + pattern + "'");
                }
                String cls = p.substring(i + 1, close);
                if (cls.startsWith("!")) {
                    cls = "^" + cls.substring(1);
                }
                re.append('[').append(cls.replace("\\", "\\\\")).append(']');
                i = close + 1;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        if (p.endsWith("/")) {
            re.append(".*"); // "vendor/" means everything under vendor
        }
        try {
            return new Glob(pattern, Pattern.compile(re.toString()));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid glob '" + pattern + "': " + e.getDescription());
        }
    }

    public boolean matches(String path) {
        return regex.matcher(path).matches();
    }

    public String pattern() {
        return pattern;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Glob g && g.pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
