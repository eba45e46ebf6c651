package dev.mlreadiness.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A path glob as in {@code .gitignore}-like configs: {@code *} matches within one path segment, {@code **}
 * across segments ({@code docs/**} matches every file under docs, {@code **}{@code /x.md} matches x.md at any
 * depth, including the root), {@code ?} one character, {@code [abc]} a class ({@code [a-z]} a range,
 * {@code [!abc]} or {@code [^abc]} its complement). A pattern without a slash and without {@code **} matches the
 * full path only ({@code README.md} is the root README).
 *
 * <p>
 * Matching runs the pattern as a state machine over the path, all live states at once, never backtracking:
 * its work is at most (path length + 1) x (pattern parts + 1) steps, however many stars the pattern has (a
 * config's {@code src/*a*a*a*a*a*a*a*a*a*ab} took seconds per path as a backtracking regular expression).
 */
public final class Glob {

    /** The parts a pattern compiles to; a part is one position of the state machine. */
    private enum Part {
        /** One given character. */
        CHAR,
        /** {@code ?}: one character other than {@code /}. */
        ONE,
        /** {@code [...]}: one character of the class (or not of it, when negated). */
        CLASS,
        /** {@code *}: any run of characters other than {@code /}. */
        STAR,
        /** {@code **} not followed by a slash: any run of characters. */
        ANY,
        /** {@code **}{@code /}: nothing, or any run of characters ending with {@code /}; the next part is its run. */
        FOLDERS,
        /** The run of a {@link #FOLDERS}: any characters, left after a {@code /}. */
        FOLDERS_RUN
    }

    private final String pattern;
    private final Part[] parts;
    /** Per part: the character of a {@link Part#CHAR}. */
    private final int[] chars;
    /** Per part: the ranges of a {@link Part#CLASS}, pairs of first and last code point. */
    private final int[][] ranges;
    private final boolean[] negated;

    private Glob(String pattern, List<Part> parts, List<Integer> chars, List<int[]> ranges, List<Boolean> negated) {
        this.pattern = pattern;
        int n = parts.size();
        this.parts = parts.toArray(new Part[0]);
        this.chars = new int[n];
        this.ranges = new int[n][];
        this.negated = new boolean[n];
        for (int i = 0; i < n; i++) {
            this.chars[i] = chars.get(i);
            this.ranges[i] = ranges.get(i);
            this.negated[i] = negated.get(i);
        }
    }

    /** @throws IllegalArgumentException with a message saying what is wrong with the pattern */
    public static Glob compile(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("a glob cannot be empty");
        }
        String p = pattern.startsWith("/") ? pattern.substring(1) : pattern;
        Builder b = new Builder();
        int i = 0;
        while (i < p.length()) {
            int c = p.codePointAt(i);
            if (c == '*') {
                if (p.startsWith("**/", i)) {
                    b.add(Part.FOLDERS);
                    b.add(Part.FOLDERS_RUN);
                    i += 3;
                } else if (p.startsWith("**", i)) {
                    b.add(Part.ANY);
                    i += 2;
                } else {
                    b.add(Part.STAR);
                    i++;
                }
            } else if (c == '?') {
                b.add(Part.ONE);
                i++;
            } else if (c == '[') {
                int close = p.indexOf(']', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '[' in glob '" + pattern + "'");
                }
                b.addClass(p.substring(i + 1, close), pattern);
                i = close + 1;
            } else {
                b.addChar(c);
                i += Character.charCount(c);
            }
        }
        if (p.endsWith("/")) {
            b.add(Part.ANY); // "vendor/" means everything under vendor
        }
        return new Glob(pattern, b.parts, b.chars, b.ranges, b.negated);
    }

    public boolean matches(String path) {
        return run(path, null);
    }

    /** The steps {@link #matches} takes on {@code path}: one per live state and character, for tests of its cost. */
    long steps(String path) {
        long[] steps = new long[1];
        run(path, steps);
        return steps[0];
    }

    private boolean run(String path, long[] steps) {
        int m = parts.length;
        boolean[] live = new boolean[m + 1];
        boolean[] next = new boolean[m + 1];
        live[0] = true;
        close(live);
        int i = 0;
        while (i < path.length()) {
            int c = path.codePointAt(i);
            i += Character.charCount(c);
            boolean any = false;
            for (int s = 0; s < m; s++) {
                if (!live[s]) {
                    continue;
                }
                if (steps != null) {
                    steps[0]++;
                }
                switch (parts[s]) {
                    case CHAR -> next[s + 1] |= c == chars[s];
                    case ONE -> next[s + 1] |= c != '/';
                    case CLASS -> next[s + 1] |= inClass(s, c);
                    case STAR -> next[s] |= c != '/';
                    case ANY -> next[s] = true;
                    case FOLDERS -> {
                    }
                    case FOLDERS_RUN -> {
                        next[s] = true;
                        next[s + 1] |= c == '/';
                    }
                }
            }
            boolean[] t = live;
            live = next;
            next = t;
            Arrays.fill(next, false);
            for (boolean b : live) {
                any |= b;
            }
            if (!any) {
                return false;
            }
            close(live);
        }
        return live[m];
    }

    /** Adds the states reached without reading: past a star's empty run, past or into a {@code **}{@code /}. */
    private void close(boolean[] live) {
        for (int s = 0; s < parts.length; s++) {
            if (live[s]) {
                switch (parts[s]) {
                    case STAR, ANY -> live[s + 1] = true;
                    case FOLDERS -> {
                        live[s + 1] = true;
                        live[s + 2] = true;
                    }
                    default -> {
                    }
                }
            }
        }
    }

    private boolean inClass(int part, int c) {
        int[] r = ranges[part];
        boolean in = false;
        for (int k = 0; k < r.length && !in; k += 2) {
            in = c >= r[k] && c <= r[k + 1];
        }
        return in != negated[part];
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

    /** Collects the parts of a pattern being compiled. */
    private static final class Builder {
        private final List<Part> parts = new ArrayList<>();
        private final List<Integer> chars = new ArrayList<>();
        private final List<int[]> ranges = new ArrayList<>();
        private final List<Boolean> negated = new ArrayList<>();

        void add(Part part) {
            parts.add(part);
            chars.add(-1);
            ranges.add(null);
            negated.add(false);
        }

        void addChar(int c) {
            add(Part.CHAR);
            chars.set(chars.size() - 1, c);
        }

        /** A class's text between the brackets: {@code !} or {@code ^} first negates, {@code a-z} is a range. */
        void addClass(String text, String pattern) {
            boolean not = text.startsWith("!") || text.startsWith("^");
            String body = not ? text.substring(1) : text;
            int[] cps = body.codePoints().toArray();
            if (cps.length == 0) {
                throw new IllegalArgumentException("empty class '[" + text + "]' in glob '" + pattern + "'");
            }
            List<Integer> pairs = new ArrayList<>();
            for (int k = 0; k < cps.length; k++) {
                int first = cps[k];
                int last = first;
                if (k + 2 < cps.length && cps[k + 1] == '-') {
                    last = cps[k + 2];
                    k += 2;
                    if (last < first) {
                        throw new IllegalArgumentException("range '" + new String(cps, k - 2, 3)
                                + "' runs backwards in glob '" + pattern + "'");
                    }
                }
                pairs.add(first);
                pairs.add(last);
            }
            add(Part.CLASS);
            ranges.set(ranges.size() - 1, pairs.stream().mapToInt(Integer::intValue).toArray());
            negated.set(negated.size() - 1, not);
        }
    }
}
