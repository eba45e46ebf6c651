package dev.mlreadiness.engine.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Suggests the known names closest to a misspelt one (edit distance), for friendly errors. */
public final class ClosestNames {

    private ClosestNames() {
    }

    /**
     * Up to {@code max} names within a distance of a third of the input's length (at least 3), closest first.
     * A name that contains the input (or the part after a slash) also counts as close.
     */
    public static List<String> closest(String input, Collection<String> names, int max) {
        String in = input.toLowerCase(Locale.ROOT).trim();
        int limit = Math.max(3, in.length() / 3);
        String tail = in.contains("/") ? in.substring(in.indexOf('/') + 1) : in;
        return names.stream()
                .filter(n -> distance(in, n) <= limit || (!tail.isEmpty() && n.contains(tail)))
                .sorted(Comparator.comparingInt((String n) -> distance(in, n)).thenComparing(n -> n))
                .limit(max)
                .toList();
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
