package dev.mlreadiness.engine.markdown;

/**
 * A top-level block with content, as a rule reads it to judge what it says (e.g. whether it is only a
 * template's placeholder text).
 *
 * @param kind what the block is
 * @param text for {@link Kind#TEXT} the plain text, one line per paragraph, heading or table row (code inside
 *        a list as is); for {@link Kind#CODE} the code; for {@link Kind#HTML} the raw markup
 */
public record ContentBlock(Kind kind, String text) {

    /** The kinds of content block. */
    public enum Kind {
        /** A paragraph, list, block quote or table. */
        TEXT,
        /** A fenced or indented code block. */
        CODE,
        /** An HTML block. */
        HTML
    }
}
