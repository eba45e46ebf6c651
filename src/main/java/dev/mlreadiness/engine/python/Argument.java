package dev.mlreadiness.engine.python;

/**
 * One argument of a {@link Call}.
 *
 * @param text the argument's value as source text, whitespace-normalised: tokens are joined with one
 *             space where the source had any whitespace, line break or comment between them, and with
 *             nothing where they touched (string literals keep their text as written)
 * @param kind what kind of expression the value is
 * @param line 1-based line of the value's first token
 */
public record Argument(String text, ValueKind kind, int line) {
}
