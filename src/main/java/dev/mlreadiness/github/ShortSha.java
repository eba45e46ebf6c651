package dev.mlreadiness.github;

/** A commit as GitHub shows it to people: the first seven characters of its SHA. */
public final class ShortSha {

    static final int LENGTH = 7;

    private ShortSha() {
    }

    /** The abbreviated SHA; a shorter string is returned whole. */
    public static String of(String sha) {
        return sha.substring(0, Math.min(LENGTH, sha.length()));
    }
}
