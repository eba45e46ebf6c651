package dev.mlreadiness.engine.markdown;

/**
 * A fenced or indented code block.
 *
 * @param info the info string after the opening fence (e.g. {@code python}), empty for an indented
 *        block or a fence without one
 * @param literal the code, without the fences
 * @param line 1-based line where the block starts (the opening fence for a fenced block)
 */
public record CodeBlock(String info, String literal, int line) {

    public CodeBlock {
        info = info == null ? "" : info;
        literal = literal == null ? "" : literal;
    }
}
