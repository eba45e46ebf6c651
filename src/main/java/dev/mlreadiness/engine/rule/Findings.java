package dev.mlreadiness.engine.rule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

import dev.mlreadiness.engine.Checklist;

/**
 * Where a rule reports its gaps. The method chosen says what kind of gap it is, which decides how the
 * {@link Checklist} judges it new or existing.
 */
public final class Findings {

    /** How a gap is judged new. */
    public enum Kind {
        /** Of the repository as a whole: new when the base of the change did not have it. */
        REPOSITORY,
        /** Of one file: new when the change adds or modifies that file. */
        FILE,
        /** Of one line: new when the change adds that line. */
        LINE,
        /** Caused by the pull request itself: always new. */
        PULL_REQUEST
    }

    /**
     * @param subjects what the gap is made of, for judging it new: by default the message itself; a repository
     *        gap that lists parts (missing folders, missing sections) names each part; a line gap names
     *        what identifies it whatever its line number and formatting (the call, the requirement)
     * @param suggestion the line's whole text with the gap fixed, or null (see {@code Finding.suggestion})
     */
    public record Raw(Kind kind, String path, Integer line, String message, List<String> subjects, String suggestion) {
        public Raw(Kind kind, String path, Integer line, String message, List<String> subjects) {
            this(kind, path, line, message, subjects, null);
        }

        Raw(Kind kind, String path, Integer line, String message) {
            this(kind, path, line, message, List.of(message));
        }
    }

    private final List<Raw> raw = new ArrayList<>();
    private boolean notApplicable;

    /** A gap of the whole repository, such as a missing README. */
    public void repository(String message) {
        raw.add(new Raw(Kind.REPOSITORY, null, null, message));
    }

    /** A gap of the whole repository that belongs to a file, such as README.md lacking a usage section. */
    public void repository(String path, String message) {
        raw.add(new Raw(Kind.REPOSITORY, path, null, message));
    }

    /**
     * A repository gap made of parts (the folders missing, the sections a model card lacks), named in
     * {@code subjects}: it is new only when the change adds a part the base did not miss, so fixing one part of
     * an old gap does not make the rest look new.
     */
    public void repository(String path, String message, Collection<String> subjects) {
        raw.add(new Raw(Kind.REPOSITORY, path, null, message, List.copyOf(subjects)));
    }

    /** A gap of one file the change adds or touches, such as a badly named notebook. */
    public void file(String path, String message) {
        raw.add(new Raw(Kind.FILE, path, null, message));
    }

    /** A gap on one line (1-based) of a file, identified by its message. */
    public void line(String path, int line, String message) {
        raw.add(new Raw(Kind.LINE, path, line, message));
    }

    /**
     * A gap on one line (1-based) of a file, with what identifies it independently of the line's number and
     * formatting: the resolved callee and its arguments, the requirement's name, the path literal, a digest of a
     * secret (never the secret). In a pull request a gap on an added line is existing when the base version of
     * the file, or of a file the change renames, modifies or deletes, had a gap of the same rule and subject:
     * code the change only moves, reformats or renames brings no new gap. Null means the message.
     */
    public void line(String path, int line, String message, String subject) {
        raw.add(new Raw(Kind.LINE, path, line, message, List.of(subject == null ? message : subject)));
    }

    /**
     * The same, with the line's whole text as it would read with the gap fixed (no line break): only when the fix
     * is mechanical and certain, for a line of a plain text file (not inside a notebook's JSON).
     */
    public void line(String path, int line, String message, String subject, String suggestion) {
        raw.add(new Raw(Kind.LINE, path, line, message, List.of(subject == null ? message : subject),
                suggestion));
    }

    /** A gap the pull request causes by what it changes as a whole (code without docs). Optional path. */
    public void pullRequest(String path, String message) {
        raw.add(new Raw(Kind.PULL_REQUEST, path, null, message));
    }

    /**
     * The rule does not apply to this repository (no data, no classifier, ...): it is left out of the
     * scorecard instead of counting as passed.
     */
    public void notApplicable() {
        notApplicable = true;
    }

    /**
     * A short digest of {@code parts} for subjects that must not hold their text: a secret, or a notebook cell's
     * whole source.
     */
    public static String digest(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update(p.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Adds what {@code other} holds after what this holds: its gaps in their order, and its not-applicable mark. */
    public void addAll(Findings other) {
        raw.addAll(other.raw);
        notApplicable |= other.notApplicable;
    }

    public List<Raw> raw() {
        return raw;
    }

    public boolean isNotApplicable() {
        return notApplicable && raw.isEmpty();
    }
}
