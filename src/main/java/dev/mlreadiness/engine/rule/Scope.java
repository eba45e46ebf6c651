package dev.mlreadiness.engine.rule;

/** Where a rule looks, which decides how its findings are judged new or existing. */
public enum Scope {
    /** The repository as a whole (a missing doc, folder or manifest): new when the change causes it. */
    REPOSITORY,
    /** One file the change adds or renames (its name, size, place): new when the change touches the file. */
    FILE,
    /** Lines of changed files: new when the line is an added line. */
    LINE,
    /** Something only a pull request can cause (stale docs): always new, never in a full scan. */
    PULL_REQUEST
}
