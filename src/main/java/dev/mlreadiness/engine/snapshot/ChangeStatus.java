package dev.mlreadiness.engine.snapshot;

/** How a change touched a file (git's and GitHub's vocabulary). */
public enum ChangeStatus {
    ADDED,
    MODIFIED,
    RENAMED,
    COPIED,
    DELETED;

    /** Added, modified, renamed or copied: the file exists after the change and may be read. */
    public boolean exists() {
        return this != DELETED;
    }

    /** Added or renamed/copied into place: "the PR adds this file". */
    public boolean isNewPath() {
        return this == ADDED || this == RENAMED || this == COPIED;
    }
}
