package dev.mlreadiness.engine.snapshot;

/** The two ways the checklist runs. */
public enum Mode {
    /** Every file counts as changed and every line as old: every finding is existing. */
    FULL_SCAN,
    /** A pull request or a git range: only the change's files are read by line rules. */
    PULL_REQUEST
}
