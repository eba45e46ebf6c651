package dev.mlreadiness.engine.python;

/**
 * One lexical token of Python source, as produced by {@link PythonTokenizer}.
 *
 * @param kind what the token is
 * @param text the exact source text of the token (a string keeps its prefix and quotes; a NEWLINE or NL
 *        holds the line break as written, or is empty at the end of input)
 * @param line 1-based line of the token's first character
 * @param column 1-based column (in chars) of the token's first character
 * @param endLine 1-based line of the token's last character (differs from {@code line} only for
 *        triple-quoted strings and strings continued with a backslash)
 */
public record Token(Kind kind, String text, int line, int column, int endLine) {

    /** Token kinds, named after Python's own {@code tokenize} module. */
    public enum Kind {
        NAME,
        NUMBER,
        STRING,
        OP,
        COMMENT,
        /** End of a logical line. */
        NEWLINE,
        /** A line break that does not end a logical line (blank line, comment line, inside brackets). */
        NL,
        /** Unterminated string or a character that cannot start any token. */
        ERRORTOKEN,
        /** End of input, always the last token. */
        END
    }

    /** Whether this is an operator or delimiter token with exactly this text. */
    public boolean isOp(String op) {
        return kind == Kind.OP && text.equals(op);
    }

    /** Whether this is a NAME token with exactly this text. */
    public boolean isName(String name) {
        return kind == Kind.NAME && text.equals(name);
    }

    /**
     * The 1-based column just after the token's last character, on {@link #endLine()}: lets callers tell
     * whether two tokens touch without keeping source offsets.
     */
    public int endColumn() {
        int lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
        return lastBreak < 0 ? column + text.length() : text.length() - lastBreak;
    }

    /**
     * The content of a string literal without its prefix and quotes (escapes are not decoded).
     *
     * @return the content, or {@code null} when this token is not a {@link Kind#STRING}
     */
    public String stringValue() {
        if (kind != Kind.STRING) {
            return null;
        }
        int quote = 0;
        while (quote < text.length() && text.charAt(quote) != '\'' && text.charAt(quote) != '"') {
            quote++;
        }
        int quoteLength = isTripleQuoted(quote) ? 3 : 1;
        int end = text.length() - quoteLength;
        int start = quote + quoteLength;
        return start <= end ? text.substring(start, end) : "";
    }

    private boolean isTripleQuoted(int quote) {
        if (text.length() - quote < 6) {
            return false;
        }
        char q = text.charAt(quote);
        return text.charAt(quote + 1) == q && text.charAt(quote + 2) == q;
    }
}
