package dev.mlreadiness.engine.python;

/**
 * One string literal of the source (f-strings included, as a whole).
 *
 * @param value the literal's content without prefix and quotes, escapes not decoded
 * @param line 1-based line where the literal starts
 * @param column 1-based column where the literal (its prefix) starts
 * @param docstring whether the literal is a module, class or function docstring: the first statement of
 *        the module or right after a {@code def}/{@code class} header, made only of string literals
 */
public record StringLiteral(String value, int line, int column, boolean docstring) {
}
