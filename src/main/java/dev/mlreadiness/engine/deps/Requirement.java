package dev.mlreadiness.engine.deps;

import java.util.List;
import java.util.Map;

/**
 * One declared dependency, from any manifest. Non-pip manifests translate their own syntax into a
 * PEP 440 specifier with the same meaning (Poetry {@code "1.2.3"} becomes {@code ==1.2.3}, conda
 * {@code =1.21} becomes {@code ==1.21.*}), so {@link #pin()} judges every manifest alike; the text as
 * written stays in {@code rawText}.
 *
 * @param name PEP 503-normalised name; null when a URL or path names no package
 * @param specifier version specifier, clauses joined by {@code ,} without spaces; empty when none
 * @param marker environment marker after {@code ;}, or null
 * @param kind what sort of reference this is
 * @param line 1-based line where the requirement starts (first line of a continued one)
 * @param hasHash a {@code --hash} option or a hash in the URL fragment
 * @param vcsRef for VCS requirements the ref after {@code @}, or null
 * @param rawText the entry as written (comment removed, continuations joined)
 * @param extras requested extras, normalised
 * @param url the direct URL or local path, or null for a named requirement
 */
public record Requirement(String name, String specifier, String marker, Kind kind, int line, boolean hasHash,
        String vcsRef, String rawText, List<String> extras, String url) {

    /** What the requirement points at. */
    public enum Kind {
        /** A package from an index, by name and specifier. */
        NAMED,
        /** A version-control URL ({@code git+https://...}). */
        VCS,
        /** An archive or wheel URL. */
        URL,
        /** A local path, {@code file:} URL or an environment variable resolved at install time. */
        LOCAL
    }

    public Requirement {
        specifier = specifier == null ? "" : specifier;
        extras = extras == null ? List.of() : List.copyOf(extras);
    }

    /** A requirement without extras or direct URL. */
    public Requirement(String name, String specifier, String marker, Kind kind, int line, boolean hasHash,
            String vcsRef, String rawText) {
        this(name, specifier, marker, kind, line, hasHash, vcsRef, rawText, List.of(), null);
    }

    /** How firmly this requirement alone fixes what gets installed. */
    public Pin pin() {
        return Pin.of(this);
    }

    /**
     * Pinned by itself, or by an exact pin of the same name in a constraints file ({@code -c}) that the
     * requirements file references.
     *
     * @param constraints pinned requirements of the constraints files, by normalised name
     */
    public boolean isPinnedBy(Map<String, Requirement> constraints) {
        if (pin().isPinned()) {
            return true;
        }
        if (kind != Kind.NAMED || name == null) {
            return false;
        }
        Requirement constraint = constraints.get(name);
        return constraint != null && constraint.pin().isPinned();
    }

    /** The same requirement, pinned by a {@code --hash} option given beside it. */
    Requirement withHash() {
        return new Requirement(name, specifier, marker, kind, line, true, vcsRef, rawText, extras, url);
    }
}
