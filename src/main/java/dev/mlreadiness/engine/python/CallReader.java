package dev.mlreadiness.engine.python;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Finds call expressions: an opening parenthesis right after a name that is not a keyword, or right
 * after a closing bracket ({@code f(x)(y)}, {@code d["k"](x)}). The parameter list of a {@code def} and the
 * bases of a {@code class} are not calls, nor are {@code match (x):} / {@code case (a, b):} statements.
 */
final class CallReader {

    private final CodeTokens code;
    private final UnaryOperator<String> resolver;

    private CallReader(CodeTokens code, UnaryOperator<String> resolver) {
        this.code = code;
        this.resolver = resolver;
    }

    /** Every call of the code, in the order of their opening parentheses (outer before nested). */
    static List<Call> read(CodeTokens code, UnaryOperator<String> resolver) {
        CallReader reader = new CallReader(code, resolver);
        List<Call> calls = new ArrayList<>();
        for (int paren : parens(code)) {
            calls.add(reader.call(reader.callee(paren), paren));
        }
        return calls;
    }

    /** The index of each call's opening parenthesis among the code tokens, in the order of {@link #read}. */
    static int[] parens(CodeTokens code) {
        CallReader reader = new CallReader(code, UnaryOperator.identity());
        int[] parens = new int[16];
        int n = 0;
        for (int i = 1; i < code.size(); i++) {
            if (code.isOp(i, "(") && reader.isCallee(i)) {
                if (n == parens.length) {
                    parens = Arrays.copyOf(parens, n * 2);
                }
                parens[n++] = i;
            }
        }
        return Arrays.copyOf(parens, n);
    }

    /** Whether the parenthesis at {@code paren} makes a call: {@link #read} lists exactly these, in order. */
    static boolean isCall(CodeTokens code, int paren) {
        return code.isOp(paren, "(") && paren > 0 && new CallReader(code, null).isCallee(paren);
    }

    /** Whether {@link #callee} of the parenthesis at i is not null, without making its text. */
    private boolean isCallee(int paren) {
        Token previous = code.get(paren - 1);
        if (previous.isOp(")") || previous.isOp("]")) {
            return true;
        }
        return code.isIdentifier(paren - 1) && !code.isName(paren - 2, "def") && !code.isName(paren - 2, "class")
                && !isMatchStatement(paren);
    }

    /** The callee of the parenthesis at i, or null when the parenthesis does not make a call. */
    /**
     * At most this many dotted parts of a callee are kept (the rest reads as an unknown receiver, {@code ?.}): no
     * real API is that deep, and the API table's patterns, matched per part, must not get a 2,000-part name from a
     * hostile file (it overflowed the regex engine's stack).
     */
    static final int MAX_CALLEE_PARTS = 32;

    private String callee(int paren) {
        Token previous = code.get(paren - 1);
        if (previous.isOp(")") || previous.isOp("]")) {
            return "?";
        }
        if (!code.isIdentifier(paren - 1) || code.isName(paren - 2, "def") || code.isName(paren - 2, "class")
                || isMatchStatement(paren)) {
            return null;
        }
        int first = paren - 1;
        int parts = 1;
        while (code.isOp(first - 1, ".") && code.isIdentifier(first - 2) && parts < MAX_CALLEE_PARTS) {
            first -= 2;
            parts++;
        }
        String dotted = code.joined(first, paren);
        return code.isOp(first - 1, ".") ? "?." + dotted : dotted;
    }

    /** {@code match (x):} and {@code case (a, b):} use soft keywords that are also ordinary names. */
    private boolean isMatchStatement(int paren) {
        int name = paren - 1;
        if (!(code.isName(name, "match") || code.isName(name, "case")) || !code.isStatementStart(name)) {
            return false;
        }
        int close = code.match(paren);
        return close >= 0 && (code.isOp(close + 1, ":") || code.isName(close + 1, "if"));
    }

    private Call call(String callee, int paren) {
        int close = code.match(paren);
        int end = close >= 0 ? close : unclosedEnd(paren);
        List<Argument> positional = new ArrayList<>();
        Map<String, Argument> keywords = new LinkedHashMap<>();
        boolean doubleStar = false;
        boolean star = false;
        int start = paren + 1;
        for (int i = start; i <= end; i++) {
            if (i < end && !code.isOp(i, ",")) {
                int partner = code.match(i);
                i = partner > i ? partner : i;
                continue;
            }
            if (i > start) {
                if (code.isOp(start, "**")) {
                    doubleStar = true;
                } else if (code.isOp(start, "*")) {
                    star = true;
                } else if (i - start >= 3 && code.isIdentifier(start) && code.isOp(start + 1, "=")) {
                    keywords.putIfAbsent(code.get(start).text(), argument(start + 2, i));
                } else if (!(i - start == 2 && code.isIdentifier(start) && code.isOp(start + 1, "="))) {
                    positional.add(argument(start, i));
                }
            }
            start = i + 1;
        }
        Token closing = code.at(end);
        int endLine = close >= 0 ? closing.line() : code.at(end - 1).endLine();
        String simpleName = callee.substring(callee.lastIndexOf('.') + 1);
        return new Call(callee, resolver.apply(callee), simpleName, code.get(paren - 1).line(), endLine,
                List.copyOf(positional), Collections.unmodifiableMap(keywords), doubleStar, star);
    }

    /**
     * Where the arguments of a parenthesis that is never closed stop: the end of its physical line (its
     * logical line may run to the end of the file, and reading that far for each would be quadratic).
     */
    private int unclosedEnd(int paren) {
        int line = code.get(paren).line();
        int i = paren + 1;
        while (i < code.size() - 1 && !code.isStatementEnd(i) && code.get(i).line() == line) {
            i++;
        }
        return i;
    }

    private Argument argument(int from, int to) {
        return new Argument(code, from, to, kind(from, to), code.get(from).line());
    }

    private ValueKind kind(int from, int to) {
        ValueKind literal = literalKind(code, from, to);
        if (literal != null) {
            return literal;
        }
        if (to - from == 1) {
            return code.isIdentifier(from) ? ValueKind.NAME : ValueKind.OTHER;
        }
        return primaryKind(from, to);
    }

    /** NONE, TRUE, FALSE, NUMBER (optionally signed) or STRING when tokens [from, to) are that literal, else null. */
    static ValueKind literalKind(CodeTokens code, int from, int to) {
        Token first = code.get(from);
        if (to - from == 1) {
            return switch (first.kind()) {
                case NUMBER -> ValueKind.NUMBER;
                case STRING -> ValueKind.STRING;
                case NAME -> switch (first.text()) {
                    case "None" -> ValueKind.NONE;
                    case "True" -> ValueKind.TRUE;
                    case "False" -> ValueKind.FALSE;
                    default -> null;
                };
                default -> null;
            };
        }
        if (to - from == 2 && (first.isOp("-") || first.isOp("+")) && code.get(from + 1).kind() == Token.Kind.NUMBER) {
            return ValueKind.NUMBER;
        }
        for (int i = from; i < to; i++) {
            if (code.get(i).kind() != Token.Kind.STRING) {
                return null;
            }
        }
        return ValueKind.STRING;
    }

    /** NAME for {@code a.b.c}, CALL for a primary that ends in a call ({@code a.b(x)}, {@code a(x).b(y)}). */
    private ValueKind primaryKind(int from, int to) {
        if (!code.isIdentifier(from)) {
            return ValueKind.OTHER;
        }
        int i = from + 1;
        boolean endsInCall = false;
        boolean plainName = true;
        while (i < to) {
            if (code.isOp(i, ".") && code.isIdentifier(i + 1)) {
                i += 2;
                endsInCall = false;
            } else if ((code.isOp(i, "(") || code.isOp(i, "[")) && code.match(i) > i && code.match(i) < to) {
                endsInCall = code.isOp(i, "(");
                plainName = false;
                i = code.match(i) + 1;
            } else {
                return ValueKind.OTHER;
            }
        }
        if (plainName) {
            return ValueKind.NAME;
        }
        return endsInCall ? ValueKind.CALL : ValueKind.OTHER;
    }
}
