package dev.mlreadiness.engine.deps;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a release version satisfies a requirement's specifier, for the simple clauses: PEP 440 {@code ==},
 * {@code !=}, {@code >=}, {@code <=}, {@code >}, {@code <}, {@code ~=} and Poetry's {@code ^} and {@code ~}, on
 * plain release versions ({@code 1.26.4}; a {@code .postN} is allowed). Anything else (wildcards, local versions,
 * {@code ===}, {@code ||}, pre- and dev-releases, where PEP 440's special cases apply) cannot be evaluated here.
 */
public final class VersionSpecifiers {

    private static final Pattern CLAUSE = Pattern.compile("(==|!=|>=|<=|~=|>|<|\\^|~)(\\d+(?:\\.\\d+)*)"
            + "(?:\\.post(\\d+))?");
    private static final Pattern RELEASE = Pattern.compile("(\\d+(?:\\.\\d+)*)(?:\\.post(\\d+))?");

    private VersionSpecifiers() {
    }

    /**
     * Whether {@code version} satisfies every clause of {@code specifier} (clauses joined by {@code ,}, as
     * {@link Requirement#specifier()} has them); empty when either cannot be evaluated.
     */
    public static Optional<Boolean> allows(String specifier, String version) {
        Matcher v = RELEASE.matcher(version);
        if (!v.matches()) {
            return Optional.empty();
        }
        long[] candidate = key(v.group(1), v.group(2));
        if (specifier.isBlank()) {
            return Optional.of(true);
        }
        boolean all = true;
        for (String clause : specifier.split(",")) {
            Matcher c = CLAUSE.matcher(clause.strip());
            if (!c.matches()) {
                return Optional.empty();
            }
            String op = c.group(1);
            long[] bound = key(c.group(2), c.group(3));
            int cmp = compare(candidate, bound);
            List<Long> release = release(c.group(2));
            all &= switch (op) {
                case "==" -> cmp == 0;
                case "!=" -> cmp != 0;
                case ">=" -> cmp >= 0;
                case "<=" -> cmp <= 0;
                case ">" -> cmp > 0 && !samePostFamily(candidate, bound, c.group(3));
                case "<" -> cmp < 0;
                // ~=1.4.5 is >=1.4.5,==1.4.*; ~=1 is invalid
                case "~=" -> release.size() >= 2 && cmp >= 0 && prefixMatches(candidate, release, release.size() - 1);
                // Poetry: ^1.2.3 keeps the left-most non-zero part; ~1.2.3 keeps major.minor (~1 keeps major)
                case "^" -> cmp >= 0 && prefixMatches(candidate, release, caretKept(release));
                case "~" -> cmp >= 0 && prefixMatches(candidate, release, Math.min(2, release.size()));
                default -> false;
            };
        }
        return Optional.of(all);
    }

    /** PEP 440: {@code >V} excludes the post-releases of V unless V is one itself. */
    private static boolean samePostFamily(long[] candidate, long[] bound, String boundPost) {
        if (boundPost != null) {
            return false;
        }
        long[] c = candidate.clone();
        c[c.length - 1] = -1;
        return compare(c, bound) == 0;
    }

    private static int caretKept(List<Long> release) {
        for (int i = 0; i < release.size(); i++) {
            if (release.get(i) != 0) {
                return i + 1;
            }
        }
        return release.size();
    }

    private static boolean prefixMatches(long[] candidate, List<Long> release, int parts) {
        for (int i = 0; i < parts; i++) {
            if (candidate[i] != release.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static List<Long> release(String dotted) {
        List<Long> parts = new ArrayList<>();
        for (String p : dotted.split("\\.")) {
            parts.add(p.length() > 18 ? Long.MAX_VALUE : Long.parseLong(p));
        }
        return parts;
    }

    /** Release padded to 12 parts (longer ones are cut: no real version has them), then the post number or -1. */
    private static long[] key(String dotted, String post) {
        long[] key = new long[13];
        List<Long> parts = release(dotted);
        for (int i = 0; i < Math.min(12, parts.size()); i++) {
            key[i] = parts.get(i);
        }
        key[12] = post == null ? -1 : post.length() > 18 ? Long.MAX_VALUE : Long.parseLong(post);
        return key;
    }

    private static int compare(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            int c = Long.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
