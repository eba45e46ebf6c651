package dev.mlreadiness.engine.markdown;

import java.util.Optional;

/**
 * The outcome of looking for a section by its heading words: found with content, found but empty (so a
 * rule can say "the section X is empty" rather than "add a section"), or missing.
 */
public final class SectionMatch {

    /** The three outcomes. */
    public enum Status {
        /** A matching heading with content. */
        FOUND,
        /** Only matching headings without content. */
        EMPTY,
        /** No matching heading. */
        MISSING
    }

    private static final SectionMatch MISSING = new SectionMatch(Status.MISSING, null);

    private final Status status;
    private final Section section;

    private SectionMatch(Status status, Section section) {
        this.status = status;
        this.section = section;
    }

    static SectionMatch withContent(Section section) {
        return new SectionMatch(Status.FOUND, section);
    }

    static SectionMatch withoutContent(Section section) {
        return new SectionMatch(Status.EMPTY, section);
    }

    static SectionMatch notFound() {
        return MISSING;
    }

    public Status status() {
        return status;
    }

    /** The first matching section with content when found, the first matching heading when empty. */
    public Optional<Section> section() {
        return Optional.ofNullable(section);
    }

    public boolean found() {
        return status == Status.FOUND;
    }

    public boolean empty() {
        return status == Status.EMPTY;
    }

    public boolean missing() {
        return status == Status.MISSING;
    }

    @Override
    public String toString() {
        return "SectionMatch[" + status + (section == null ? "" : " " + section) + "]";
    }
}
