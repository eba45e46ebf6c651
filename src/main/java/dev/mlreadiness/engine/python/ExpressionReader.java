package dev.mlreadiness.engine.python;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link Expression} trees over the code tokens, on demand: the arguments of one call, or the values a
 * file assigns to a name. Work stays linear in the file: each call's arguments are read once (memoized), each
 * bracket's contents are walked by that bracket alone, and nesting deeper than {@link #MAX_DEPTH} brackets is
 * {@link Expression#OTHER}, so recursion stays shallow whatever the input.
 */
final class ExpressionReader {

    static final int MAX_DEPTH = 48;

    private final CodeTokens code;
    /** Opening parenthesis of each call, ascending (the order of {@link PythonModule#calls()}). */
    private final int[] parens;
    private final Map<Integer, Expression.Call> callsByIndex = new HashMap<>();
    /** Per assigned name, the token ranges [from, to) of its values; built on first use. */
    private Map<String, List<int[]>> assignments;
    private final Map<String, List<Expression>> assignedValues = new HashMap<>();

    ExpressionReader(CodeTokens code) {
        this.code = code;
        this.parens = CallReader.parens(code);
    }

    /** The arguments of the call at this index of {@link PythonModule#calls()}. */
    Expression.Call call(int index) {
        Expression.Call cached = callsByIndex.get(index);
        if (cached != null) {
            return cached;
        }
        Expression.Call call = readCall(index, parens[index]);
        callsByIndex.put(index, call);
        return call;
    }

    /** The values assigned to a (dotted) name by plain assignment statements, in source order. */
    List<Expression> assignedValues(String name) {
        if (assignments == null) {
            assignments = readAssignments();
        }
        List<Expression> cached = assignedValues.get(name);
        if (cached != null) {
            return cached;
        }
        List<Expression> values = new ArrayList<>();
        for (int[] range : assignments.getOrDefault(name, List.of())) {
            values.add(parse(range[0], range[1]));
        }
        List<Expression> result = List.copyOf(values);
        assignedValues.put(name, result);
        return result;
    }

    private Expression.Call readCall(int index, int paren) {
        int close = code.match(paren);
        int end = close >= 0 ? close : paren + 1; // an unclosed call: no arguments read
        List<Expression> positional = new ArrayList<>();
        Map<String, Expression> keywords = new LinkedHashMap<>();
        boolean doubleStar = false;
        for (int[] e : elements(paren + 1, end)) {
            int from = e[0];
            if (code.isOp(from, "**")) {
                doubleStar = true;
            } else if (code.isOp(from, "*")) {
                continue;
            } else if (e[1] - from >= 3 && code.isIdentifier(from) && code.isOp(from + 1, "=")) {
                keywords.putIfAbsent(code.get(from).text(), parse(from + 2, e[1]));
            } else {
                positional.add(parse(from, e[1]));
            }
        }
        return new Expression.Call(index, List.copyOf(positional), Collections.unmodifiableMap(keywords),
                doubleStar);
    }

    /** The expression of tokens [from, to). */
    private Expression parse(int from, int to) {
        if (from >= to || code.depth(from) > MAX_DEPTH) {
            return Expression.OTHER;
        }
        Token first = code.get(from);
        Expression literal = literal(from, to);
        if (literal != null) {
            return literal;
        }
        if (isOpening(first) && code.match(from) == to - 1) {
            return display(from, to);
        }
        return primary(from, to);
    }

    private Expression literal(int from, int to) {
        ValueKind kind = CallReader.literalKind(code, from, to);
        if (kind == null) {
            return null;
        }
        String value = kind == ValueKind.STRING && to - from == 1 ? plainString(code.get(from)) : null;
        return new Expression.Literal(kind, code.text(from, to), value);
    }

    /** The content of a string literal, escapes not decoded; null for an f-string or bytes. */
    private static String plainString(Token t) {
        for (int i = 0; i < t.text().length(); i++) {
            char c = Character.toLowerCase(t.text().charAt(i));
            if (c == '"' || c == '\'') {
                break;
            }
            if (c == 'f' || c == 'b') {
                return null;
            }
        }
        return t.stringValue();
    }

    /** {@code (…)}, {@code […]} or {@code {…}} spanning tokens [from, to). */
    private Expression display(int from, int to) {
        int inner = from + 1;
        int close = to - 1;
        if (hasTopLevelFor(inner, close)) {
            return Expression.OTHER; // a comprehension or generator
        }
        List<int[]> elements = elements(inner, close);
        String open = code.get(from).text();
        if (open.equals("(") && elements.size() == 1 && !code.isOp(close - 1, ",")) {
            return parse(inner, close); // parenthesized
        }
        if (open.equals("{") && (elements.isEmpty() || isDictEntry(elements.get(0)))) {
            return dict(elements);
        }
        List<Expression> items = new ArrayList<>();
        for (int[] e : elements) {
            items.add(code.isOp(e[0], "*") ? Expression.OTHER : parse(e[0], e[1]));
        }
        return new Expression.Sequence(List.copyOf(items));
    }

    private boolean isDictEntry(int[] element) {
        return code.isOp(element[0], "**") || topLevelColon(element[0], element[1]) >= 0;
    }

    private Expression dict(List<int[]> elements) {
        Map<String, Expression> entries = new LinkedHashMap<>();
        List<Expression> spreads = new ArrayList<>();
        boolean otherKeys = false;
        for (int[] e : elements) {
            if (code.isOp(e[0], "**")) {
                spreads.add(parse(e[0] + 1, e[1]));
                continue;
            }
            int colon = topLevelColon(e[0], e[1]);
            String key = colon == e[0] + 1 && code.get(e[0]).kind() == Token.Kind.STRING
                    ? plainString(code.get(e[0]))
                    : null;
            if (key == null) {
                otherKeys = true;
            } else {
                entries.put(key, parse(colon + 1, e[1]));
            }
        }
        return new Expression.Dict(Collections.unmodifiableMap(entries), List.copyOf(spreads), otherKeys);
    }

    /** A dotted name, or a call of a dotted name or chain ({@code a.b(x)}, {@code f(x).g(y)}). */
    private Expression primary(int from, int to) {
        if (!code.isIdentifier(from)) {
            return Expression.OTHER;
        }
        int i = from + 1;
        boolean plain = true;
        int lastParen = -1;
        while (i < to) {
            if (code.isOp(i, ".") && code.isIdentifier(i + 1)) {
                i += 2;
                lastParen = -1;
            } else if ((code.isOp(i, "(") || code.isOp(i, "[")) && code.match(i) > i && code.match(i) < to) {
                plain = false;
                lastParen = code.isOp(i, "(") ? i : -1;
                i = code.match(i) + 1;
            } else {
                return Expression.OTHER;
            }
        }
        if (plain) {
            return new Expression.Name(code.joined(from, to));
        }
        int index = lastParen < 0 ? -1 : Arrays.binarySearch(parens, lastParen);
        return index >= 0 ? call(index) : Expression.OTHER;
    }

    /** The comma-separated elements of tokens [from, to), each as {from, to}; a trailing comma adds none. */
    private List<int[]> elements(int from, int to) {
        List<int[]> out = new ArrayList<>();
        int start = from;
        for (int i = from; i < to; i++) {
            if (code.isOp(i, ",")) {
                if (i > start) {
                    out.add(new int[] { start, i });
                }
                start = i + 1;
            } else if (code.match(i) > i) {
                i = Math.min(code.match(i), to);
            }
        }
        if (to > start) {
            out.add(new int[] { start, to });
        }
        return out;
    }

    private int topLevelColon(int from, int to) {
        for (int i = from; i < to; i++) {
            if (code.isOp(i, ":")) {
                return i;
            }
            if (code.isName(i, "lambda")) {
                return -1;
            }
            if (code.match(i) > i) {
                i = code.match(i);
            }
        }
        return -1;
    }

    private boolean hasTopLevelFor(int from, int to) {
        for (int i = from; i < to; i++) {
            if (code.isName(i, "for")) {
                return true;
            }
            if (code.match(i) > i) {
                i = code.match(i);
            }
        }
        return false;
    }

    /**
     * Statements {@code name = value}, {@code a = b = value}, {@code self.x = value} and {@code x: T = value}:
     * per target, the value's token range. One pass over the tokens; scope is ignored like everywhere else.
     */
    private Map<String, List<int[]>> readAssignments() {
        Map<String, List<int[]>> out = new HashMap<>();
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < code.size(); i++) {
            if (!code.isStatementStart(i) || !code.isIdentifier(i) || code.depth(i) != 0) {
                continue;
            }
            targets.clear();
            int at = i;
            while (true) {
                int end = dottedEnd(at);
                if (end < 0) {
                    break;
                }
                if (code.isOp(end, "=")) {
                    targets.add(code.joined(at, end));
                    at = end + 1;
                } else if (code.isOp(end, ":") && targets.isEmpty()) {
                    int eq = annotationEnd(end + 1);
                    if (eq < 0) {
                        break;
                    }
                    targets.add(code.joined(at, end));
                    at = eq + 1;
                    break;
                } else {
                    break;
                }
            }
            if (targets.isEmpty()) {
                continue;
            }
            int end = at;
            while (end < code.size() && !code.isStatementEnd(end)) {
                end = code.match(end) > end ? code.match(end) + 1 : end + 1;
            }
            for (String t : targets) {
                out.computeIfAbsent(t, k -> new ArrayList<>()).add(new int[] { at, Math.min(end, code.size()) });
            }
            i = Math.max(i, end - 1);
        }
        return out;
    }

    /** The end (exclusive) of a dotted name starting at i, or -1. */
    private int dottedEnd(int i) {
        if (!code.isIdentifier(i)) {
            return -1;
        }
        int end = i + 1;
        while (code.isOp(end, ".") && code.isIdentifier(end + 1)) {
            end += 2;
        }
        return end;
    }

    /** The {@code =} ending an annotation that starts at i, or -1 when the statement has none. */
    private int annotationEnd(int i) {
        int j = i;
        while (j < code.size() && !code.isStatementEnd(j)) {
            if (code.isOp(j, "=")) {
                return j;
            }
            j = code.match(j) > j ? code.match(j) + 1 : j + 1;
        }
        return -1;
    }

    private static boolean isOpening(Token t) {
        return t.isOp("(") || t.isOp("[") || t.isOp("{");
    }
}
