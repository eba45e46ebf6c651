package dev.mlreadiness.engine.python;

import java.util.Arrays;
import java.util.Set;

/**
 * The tokens that carry code (comments and non-logical line breaks removed), with the bracket structure
 * and logical-line boundaries the readers of {@link PythonModule} need.
 */
final class CodeTokens {

    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
            "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
            "return", "try", "while", "with", "yield");

    private final Token[] tokens;
    /** Index of the matching bracket, or -1 when it has none. */
    private final int[] match;
    /** Bracket depth before each token. */
    private final int[] depth;
    /** Index of the first token of each token's logical line. */
    private final int[] logicalLineStart;

    CodeTokens(Token[] all) {
        Token[] kept = new Token[all.length];
        int n = 0;
        for (Token t : all) {
            if (t.kind() != Token.Kind.COMMENT && t.kind() != Token.Kind.NL) {
                kept[n++] = t;
            }
        }
        this.tokens = n == all.length ? kept : Arrays.copyOf(kept, n);
        match = new int[n];
        depth = new int[n];
        logicalLineStart = new int[n];
        Arrays.fill(match, -1);
        // the open brackets, innermost last
        int[] open = new int[16];
        int opened = 0;
        int lineStart = 0;
        for (int i = 0; i < n; i++) {
            Token t = tokens[i];
            depth[i] = opened;
            logicalLineStart[i] = lineStart;
            if (t.kind() == Token.Kind.NEWLINE) {
                // The tokenizer ends logical lines only at depth 0, so anything still open here is unbalanced.
                opened = 0;
                lineStart = i + 1;
            } else if (t.kind() != Token.Kind.OP || t.text().length() != 1) {
                continue;
            } else if (isOpening(t)) {
                if (opened == open.length) {
                    open = Arrays.copyOf(open, opened * 2);
                }
                open[opened++] = i;
            } else if (isClosing(t) && opened > 0 && closes(tokens[open[opened - 1]], t)) {
                int opener = open[--opened];
                match[opener] = i;
                match[i] = opener;
            }
        }
    }

    static boolean isKeyword(String name) {
        return KEYWORDS.contains(name);
    }

    int size() {
        return tokens.length;
    }

    Token get(int i) {
        return tokens[i];
    }

    /** The token at i, or the END token when i is out of range. */
    Token at(int i) {
        return i >= 0 && i < tokens.length ? tokens[i] : tokens[tokens.length - 1];
    }

    int match(int i) {
        return match[i];
    }

    int depth(int i) {
        return depth[i];
    }

    int logicalLineStart(int i) {
        return logicalLineStart[i];
    }

    boolean isOp(int i, String op) {
        return i >= 0 && i < tokens.length && tokens[i].isOp(op);
    }

    boolean isName(int i, String name) {
        return i >= 0 && i < tokens.length && tokens[i].isName(name);
    }

    /** A NAME that is not a hard keyword. */
    boolean isIdentifier(int i) {
        return i >= 0 && i < tokens.length && tokens[i].kind() == Token.Kind.NAME && !isKeyword(tokens[i].text());
    }

    /** Whether a statement can start at i: at a logical line start, after {@code ;} or a depth-0 {@code :}. */
    boolean isStatementStart(int i) {
        if (logicalLineStart[i] == i) {
            return true;
        }
        Token previous = tokens[i - 1];
        return previous.isOp(";") || (previous.isOp(":") && depth[i - 1] == 0);
    }

    /** Whether a logical line ends at i (NEWLINE, END, or a {@code ;} separating statements). */
    boolean isStatementEnd(int i) {
        Token t = at(i);
        return t.kind() == Token.Kind.NEWLINE || t.kind() == Token.Kind.END || (t.isOp(";") && depth[i] == 0);
    }

    /**
     * Whether the token at i is the colon ending a {@code def} or {@code class} header: the first depth-0
     * colon of a logical line that starts with {@code def}, {@code async def} or {@code class}.
     */
    boolean isDefinitionHeaderColon(int i) {
        if (!isOp(i, ":") || depth[i] != 0) {
            return false;
        }
        int start = logicalLineStart[i];
        boolean definition = isName(start, "def") || isName(start, "class")
                || (isName(start, "async") && isName(start + 1, "def"));
        if (!definition) {
            return false;
        }
        for (int j = start; j < i; j++) {
            if (tokens[j].isOp(":") && depth[j] == 0) {
                return false;
            }
        }
        return true;
    }

    /** Texts of tokens [from, to) with nothing between them: a dotted name without its spacing. */
    String joined(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append(tokens[i].text());
        }
        return text.toString();
    }

    /** Source text of tokens [from, to), one space where the source had a gap between two tokens. */
    String text(int from, int to) {
        return text(from, to, Integer.MAX_VALUE);
    }

    /**
     * As {@link #text(int, int)}, but at most {@code max} characters of it, then {@code …}: the work is bounded by
     * {@code max}, however many tokens the range holds.
     */
    String text(int from, int to, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            Token t = tokens[i];
            String gap = "";
            if (i > from) {
                Token previous = tokens[i - 1];
                if (previous.endLine() != t.line() || previous.endColumn() != t.column()) {
                    gap = " ";
                }
            }
            int room = max - text.length();
            if (gap.length() + t.text().length() > room) {
                text.append(gap, 0, Math.min(gap.length(), room));
                text.append(t.text(), 0, Math.max(0, room - gap.length()));
                return text.append('\u2026').toString();
            }
            text.append(gap).append(t.text());
        }
        return text.toString();
    }

    /** An OP token of one character ({@code (}, {@code [} or <code>{</code>). */
    private static boolean isOpening(Token t) {
        char c = t.text().charAt(0);
        return c == '(' || c == '[' || c == '{';
    }

    /** An OP token of one character ({@code )}, {@code ]} or <code>}</code>). */
    private static boolean isClosing(Token t) {
        char c = t.text().charAt(0);
        return c == ')' || c == ']' || c == '}';
    }

    private static boolean closes(Token opening, Token closing) {
        char close = closing.text().charAt(0);
        return switch (opening.text().charAt(0)) {
            case '(' -> close == ')';
            case '[' -> close == ']';
            default -> close == '}';
        };
    }
}
