package dev.mlreadiness.engine.deps;

/**
 * A line of a manifest that could not be understood. Parsers collect these instead of throwing,
 * so one bad line never hides the rest of the file.
 *
 * @param line 1-based line in the manifest (0 when unknown)
 * @param message one sentence saying what is wrong
 */
public record Problem(int line, String message) {
}
