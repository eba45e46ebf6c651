package dev.mlreadiness.engine.markdown;

/**
 * A Markdown heading (ATX {@code #} or setext {@code ===}/{@code ---}).
 *
 * @param text the plain text of the heading's inline content: markup removed ({@code **Usage**} is
 *        {@code Usage}), code spans kept as their text, whitespace collapsed
 * @param level 1 to 6
 * @param line 1-based line of the heading in the source text (the text line for a setext heading)
 */
public record Heading(String text, int level, int line) {

    public Heading {
        text = text == null ? "" : text;
    }
}
