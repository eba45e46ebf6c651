package dev.mlreadiness.engine.notebook;

/**
 * An error output of a code cell ({@code output_type: "error"}, or {@code "pyerr"} in nbformat 3).
 *
 * @param ename the exception name, or {@code null} when absent
 * @param evalue the exception message, or {@code null} when absent
 * @param line 1-based line, in the {@code .ipynb} text, where the output object starts
 */
public record ErrorOutput(String ename, String evalue, int line) {
}
