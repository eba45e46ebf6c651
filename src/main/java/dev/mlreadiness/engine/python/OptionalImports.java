package dev.mlreadiness.engine.python;

import java.util.HashSet;
import java.util.Set;

/**
 * The lines of imports a module does not need to run: those in the body or a handler of a {@code try} with an
 * {@code except ImportError} (or {@code ModuleNotFoundError}, {@code Exception}, {@code BaseException}, a bare
 * {@code except:}), the optional-dependency idiom; and those under {@code if TYPE_CHECKING:}, read by type
 * checkers only. Blocks are told apart by the column of each statement's first token.
 */
public final class OptionalImports {

    private static final Set<String> IMPORT_ERRORS = Set.of("ImportError", "ModuleNotFoundError", "Exception",
            "BaseException");

    private OptionalImports() {
    }

    /** The 1-based lines, of the module, of the statements inside such blocks. */
    public static Set<Integer> lines(PythonModule module) {
        CodeTokens code = module.code();
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < code.size(); i++) {
            if (code.logicalLineStart(i) != i) {
                continue;
            }
            boolean typeChecking = code.isName(i, "if") && (code.isName(i + 1, "TYPE_CHECKING")
                    || code.isName(i + 1, "typing") && code.isOp(i + 2, ".") && code.isName(i + 3, "TYPE_CHECKING"));
            if (!typeChecking && !(code.isName(i, "try") && code.isOp(i + 1, ":"))) {
                continue;
            }
            int column = code.get(i).column();
            int end = blockEnd(code, i, column);
            if (typeChecking) {
                addLines(code, i + 1, end, out);
                continue;
            }
            // the handlers: logical lines at the try's column starting with except, each followed by its block
            boolean catchesImportError = false;
            int j = end;
            while (j < code.size() && code.isName(j, "except") && code.get(j).column() == column) {
                catchesImportError |= catchesImportError(code, j);
                j = blockEnd(code, j, column);
            }
            if (catchesImportError) {
                addLines(code, i + 1, j, out);
            }
        }
        return out;
    }

    /** The first logical-line start after {@code start} at or left of {@code column} (or the end). */
    private static int blockEnd(CodeTokens code, int start, int column) {
        int j = start + 1;
        while (j < code.size()) {
            if (code.logicalLineStart(j) == j && code.get(j).kind() != Token.Kind.NEWLINE
                    && code.get(j).kind() != Token.Kind.END && code.get(j).column() <= column) {
                return j;
            }
            j++;
        }
        return code.size();
    }

    private static boolean catchesImportError(CodeTokens code, int except) {
        if (code.isOp(except + 1, ":")) {
            return true; // a bare except
        }
        for (int k = except + 1; k < code.size() && !code.isStatementEnd(k) && !code.isName(k, "as"); k++) {
            if (code.get(k).kind() == Token.Kind.NAME && IMPORT_ERRORS.contains(code.get(k).text())) {
                return true;
            }
        }
        return false;
    }

    private static void addLines(CodeTokens code, int from, int to, Set<Integer> out) {
        for (int k = from; k < to && k < code.size(); k++) {
            out.add(code.get(k).line());
        }
    }
}
