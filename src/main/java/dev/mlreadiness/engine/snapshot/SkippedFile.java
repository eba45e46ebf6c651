package dev.mlreadiness.engine.snapshot;

/** A file the checklist could not read or use, with the reason, so reports can say what was not checked. */
public record SkippedFile(String path, String reason) {
}
