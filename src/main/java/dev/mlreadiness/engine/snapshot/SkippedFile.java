package dev.mlreadiness.engine.snapshot;

/**
 * A file the checklist could not read or use, with the reason, so reports can say what was not checked.
 *
 * @param changed the pull request changes the file: a gap in it would go unseen, so reports count these apart and
 *        {@code fail-on} treats them as a warning
 */
public record SkippedFile(String path, String reason, boolean changed) {

    /** A file the change does not touch (or any file of a full scan). */
    public SkippedFile(String path, String reason) {
        this(path, reason, false);
    }
}
