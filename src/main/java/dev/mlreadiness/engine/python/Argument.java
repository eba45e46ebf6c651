package dev.mlreadiness.engine.python;

import java.util.Objects;

import dev.mlreadiness.engine.snapshot.InputLimits;

/**
 * One argument of a {@link Call}.
 *
 * <p>
 * Its text is made only when asked for, and holds at most {@link InputLimits#MAX_ARGUMENT_CHARS} characters of
 * the source (then ends with {@code …}): in {@code f(f(f(...)))} each argument spans the rest of the nesting, and
 * keeping every argument's full text was quadratic in the file (issue #10).
 */
public final class Argument {

    private final CodeTokens code;
    private final int from;
    private final int to;
    private final ValueKind kind;
    private final int line;
    private String text;

    /**
     * @param text the argument's value as source text (see {@link #text()})
     * @param kind what kind of expression the value is
     * @param line 1-based line of the value's first token
     */
    public Argument(String text, ValueKind kind, int line) {
        this(null, 0, 0, kind, line);
        this.text = Objects.requireNonNull(text);
    }

    /** The argument of tokens {@code [from, to)} of {@code code}. */
    Argument(CodeTokens code, int from, int to, ValueKind kind, int line) {
        this.code = code;
        this.from = from;
        this.to = to;
        this.kind = kind;
        this.line = line;
    }

    /**
     * The argument's value as source text, whitespace-normalised: tokens are joined with one space where the
     * source had any whitespace, line break or comment between them, and with nothing where they touched (string
     * literals keep their text as written); cut after {@link InputLimits#MAX_ARGUMENT_CHARS} characters, with
     * {@code …} at the end.
     */
    public String text() {
        if (text == null) {
            text = code.text(from, to, InputLimits.MAX_ARGUMENT_CHARS);
        }
        return text;
    }

    /** What kind of expression the value is. */
    public ValueKind kind() {
        return kind;
    }

    /** 1-based line of the value's first token. */
    public int line() {
        return line;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Argument a && a.kind == kind && a.line == line && a.text().equals(text());
    }

    @Override
    public int hashCode() {
        return Objects.hash(text(), kind, line);
    }

    @Override
    public String toString() {
        return "Argument[text=" + text() + ", kind=" + kind + ", line=" + line + "]";
    }
}
