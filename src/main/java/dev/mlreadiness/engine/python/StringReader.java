package dev.mlreadiness.engine.python;

import java.util.ArrayList;
import java.util.List;

/** Lists the string literals of the code and tells docstrings apart. */
final class StringReader {

    private StringReader() {
    }

    static List<StringLiteral> read(CodeTokens code) {
        List<StringLiteral> strings = new ArrayList<>();
        boolean docstringStatement = false;
        for (int i = 0; i < code.size(); i++) {
            Token t = code.get(i);
            if (t.kind() != Token.Kind.STRING) {
                docstringStatement = false;
                continue;
            }
            boolean startsStatement = i == 0 || code.get(i - 1).kind() != Token.Kind.STRING;
            if (startsStatement) {
                docstringStatement = isDocstring(code, i);
            }
            strings.add(new StringLiteral(t.stringValue(), t.line(), t.column(), docstringStatement));
        }
        return strings;
    }

    /**
     * A docstring is a statement made only of string literals that is the first statement of the module
     * or comes right after a {@code def}/{@code class} header (on the next line or after its colon).
     */
    static boolean isDocstring(CodeTokens code, int i) {
        if (!code.isStatementStart(i)) {
            return false;
        }
        int end = i;
        while (code.get(end).kind() == Token.Kind.STRING) {
            end++;
        }
        if (!code.isStatementEnd(end)) {
            return false;
        }
        if (i == 0) {
            return true;
        }
        int header = code.get(i - 1).kind() == Token.Kind.NEWLINE ? i - 2 : i - 1;
        return code.isDefinitionHeaderColon(header);
    }
}
