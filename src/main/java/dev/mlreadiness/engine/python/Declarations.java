package dev.mlreadiness.engine.python;

import java.util.Set;

/**
 * Whether a module holds only declarations, no logic: what a package's {@code __init__.py} of re-exports, a
 * constants module or an empty file holds. A module has no logic when each of its statements is
 * <ul>
 * <li>an {@code import} or {@code from ... import} statement, {@code pass} or {@code del};</li>
 * <li>an expression made only of literals: a docstring, a string, a number, {@code ...};</li>
 * <li>an assignment (plain, augmented or annotated) or an annotation ({@code x: int}) whose targets and value
 * are built from literals and names only: names, attributes, subscripts, containers, unpacking
 * ({@code [*a.__all__]}), unary and binary {@code +}/{@code -} and {@code |} (type unions); no call, no other
 * operator, no lambda, comprehension or conditional;</li>
 * <li>the header of an import guard: {@code try:}, {@code except ...:}, {@code else:}, {@code finally:}, or
 * {@code if TYPE_CHECKING:} (also {@code typing.TYPE_CHECKING}).</li>
 * </ul>
 * A {@code def}, a {@code class}, a decorator, any call and any other statement is logic.
 */
public final class Declarations {

    private static final Set<String> LITERAL_NAMES = Set.of("True", "False", "None");
    private static final Set<String> VALUE_OPERATORS = Set.of("(", ")", "[", "]", "{", "}", ",", ":", ".", "=", "-",
            "+", "|", "...", "+=", "-=", "|=");
    private static final Set<String> UNPACKING_AFTER = Set.of("(", "[", "{", ",");

    private Declarations() {
    }

    /** True when the module has no logic (see the class comment); an empty module has none. */
    public static boolean only(PythonModule module) {
        return only(module.code());
    }

    static boolean only(CodeTokens code) {
        int i = 0;
        while (i < code.size() && code.get(i).kind() != Token.Kind.END) {
            if (code.isStatementEnd(i)) {
                i++;
                continue;
            }
            int headerEnd = guardHeaderEnd(code, i);
            if (headerEnd > i) {
                i = headerEnd + 1;
                continue;
            }
            int end = i;
            while (!code.isStatementEnd(end)) {
                end++;
            }
            if (!isDeclaration(code, i, end)) {
                return false;
            }
            i = end;
        }
        return true;
    }

    /** The colon of an import guard's header starting at {@code start}, or -1. */
    private static int guardHeaderEnd(CodeTokens code, int start) {
        if (code.isName(start, "try") || code.isName(start, "else") || code.isName(start, "finally")) {
            return code.isOp(start + 1, ":") ? start + 1 : -1;
        }
        if (code.isName(start, "if")) {
            int colon = code.isName(start + 1, "TYPE_CHECKING") ? start + 2
                    : code.isName(start + 1, "typing") && code.isOp(start + 2, ".")
                            && code.isName(start + 3, "TYPE_CHECKING") ? start + 4 : -1;
            return colon > 0 && code.isOp(colon, ":") ? colon : -1;
        }
        if (code.isName(start, "except")) {
            for (int j = start + 1; j < code.size() && !code.isStatementEnd(j); j++) {
                if (code.isOp(j, ":") && code.depth(j) == code.depth(start)) {
                    return j;
                }
                boolean allowed = code.isIdentifier(j) || code.isName(j, "as") || code.isOp(j, ".")
                        || code.isOp(j, ",") || code.isOp(j, "(") || code.isOp(j, ")");
                if (!allowed) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static boolean isDeclaration(CodeTokens code, int start, int end) {
        if (code.isName(start, "import") || code.isName(start, "from")) {
            return true;
        }
        if (code.isName(start, "pass") || code.isName(start, "del")) {
            return code.isName(start, "del") || end == start + 1;
        }
        boolean assignment = false;
        boolean literalsOnly = true;
        for (int j = start; j < end; j++) {
            Token t = code.get(j);
            switch (t.kind()) {
                case STRING, NUMBER -> {
                }
                case NAME -> {
                    if (CodeTokens.isKeyword(t.text()) && !LITERAL_NAMES.contains(t.text())) {
                        return false;
                    }
                    literalsOnly &= LITERAL_NAMES.contains(t.text());
                }
                case OP -> {
                    String op = t.text();
                    boolean unpacking = (op.equals("*") || op.equals("**")) && j > start
                            && UNPACKING_AFTER.contains(code.get(j - 1).text());
                    if (!VALUE_OPERATORS.contains(op) && !unpacking) {
                        return false;
                    }
                    if (op.equals("(") && CallReader.isCall(code, j)) {
                        return false;
                    }
                    // `=`, `+=`, or the colon of an annotation (`x: int`)
                    assignment |= (op.endsWith("=") || op.equals(":")) && code.depth(j) == code.depth(start);
                    literalsOnly &= op.equals("...") || op.equals("-");
                }
                default -> {
                    return false;
                }
            }
        }
        return assignment || literalsOnly;
    }
}
