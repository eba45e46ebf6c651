package dev.mlreadiness.engine.python;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The {@code def} and {@code class} statements of a module, with where they sit and whether they have a docstring,
 * read from tokens (so a {@code def} inside a string or comment is none). Blocks are told apart by the column of
 * each statement's first token, as Python's indentation does.
 */
public final class Definitions {

    /**
     * One definition.
     *
     * @param name the name defined
     * @param qualifiedName the name with its enclosing classes: {@code Model.fit}
     * @param isClass a {@code class}, else a function or method
     * @param line 1-based line of the {@code def}/{@code class} keyword
     * @param nestedInFunction defined inside a function body (a closure or a local class)
     * @param isPublic neither it nor an enclosing class starts with {@code _}
     * @param hasDocstring its body starts with a string literal statement
     * @param decorators the decorators' dotted names as written ({@code property}, {@code x.setter})
     */
    public record Definition(String name, String qualifiedName, boolean isClass, int line,
            boolean nestedInFunction, boolean isPublic, boolean hasDocstring, List<String> decorators) {
    }

    private Definitions() {
    }

    /**
     * What {@code docs/code-docstrings} reads of a module.
     *
     * @param moduleDocstring whether the module starts with a docstring ({@link #hasModuleDocstring})
     * @param definitions every definition of the module ({@link #of(PythonModule)})
     * @param declarationsOnly whether the module holds only declarations ({@link Declarations#only})
     */
    public record Outline(boolean moduleDocstring, List<Definition> definitions, boolean declarationsOnly) {
    }

    /**
     * The outline of Python source, read from its tokens alone: no calls, imports or strings are read, so it costs
     * about a tokenization (a rule that needs only this does not parse the whole module).
     *
     * @throws TooManyTokensException as {@link PythonModule#parse} does
     */
    public static Outline outline(String source) {
        CodeTokens code = new CodeTokens(PythonTokenizer.tokenArray(source));
        return new Outline(hasModuleDocstring(code), of(code), Declarations.only(code));
    }

    /** Whether the module starts with a docstring. */
    public static boolean hasModuleDocstring(PythonModule module) {
        return hasModuleDocstring(module.code());
    }

    /** Whether the first string literal of the code is a docstring on the first line of code. */
    private static boolean hasModuleDocstring(CodeTokens code) {
        for (int i = 0; i < code.size(); i++) {
            if (code.get(i).kind() == Token.Kind.STRING) {
                return StringReader.isDocstring(code, i) && code.get(i).line() == firstCodeLine(code);
            }
        }
        return false;
    }

    private static int firstCodeLine(CodeTokens code) {
        for (int i = 0; i < code.size(); i++) { // no comments, no NL
            if (code.get(i).kind() != Token.Kind.NEWLINE) {
                return code.get(i).line();
            }
        }
        return -1;
    }

    /** Every definition of the module, in source order. */
    public static List<Definition> of(PythonModule module) {
        return of(module.code());
    }

    private static List<Definition> of(CodeTokens code) {
        List<Definition> out = new ArrayList<>();
        Deque<Definition> open = new ArrayDeque<>();
        Deque<Integer> columns = new ArrayDeque<>();
        List<String> decorators = new ArrayList<>();
        boolean helpGiven = false;
        for (int i = 0; i < code.size(); i++) {
            if (code.logicalLineStart(i) != i || code.get(i).kind() == Token.Kind.END
                    || code.get(i).kind() == Token.Kind.NEWLINE) {
                continue;
            }
            int column = code.get(i).column();
            while (!columns.isEmpty() && columns.peek() >= column) {
                columns.pop();
                open.pop();
            }
            if (code.isOp(i, "@")) {
                int end = i + 1;
                while (code.isIdentifier(end) || code.isOp(end, ".")) {
                    end++;
                }
                decorators.add(code.joined(i + 1, end));
                if (code.isOp(end, "(")) {
                    int close = code.match(end);
                    for (int k = end + 1; k + 1 < close; k++) {
                        if (code.isName(k, "help") && code.isOp(k + 1, "=")) {
                            helpGiven = true; // @click.command(help="..."): the command's text documents it
                        }
                    }
                }
                continue;
            }
            int keyword = code.isName(i, "async") ? i + 1 : i;
            boolean isClass = code.isName(keyword, "class");
            if (!(isClass || code.isName(keyword, "def")) || !code.isIdentifier(keyword + 1)) {
                decorators.clear();
                helpGiven = false;
                continue;
            }
            String name = code.get(keyword + 1).text();
            boolean inFunction = open.stream().anyMatch(d -> !d.isClass());
            boolean isPublic = !name.startsWith("_") && open.stream().allMatch(d -> !d.name().startsWith("_"));
            StringBuilder qualified = new StringBuilder();
            open.descendingIterator().forEachRemaining(d -> qualified.append(d.name()).append('.'));
            qualified.append(name);
            Definition d = new Definition(name, qualified.toString(), isClass, code.get(keyword).line(), inFunction,
                    isPublic, helpGiven || docstringAfterHeader(code, keyword), List.copyOf(decorators));
            decorators.clear();
            helpGiven = false;
            out.add(d);
            open.push(d);
            columns.push(column);
        }
        return out;
    }

    /** Whether the body of the definition at {@code keyword} starts with a string literal statement. */
    private static boolean docstringAfterHeader(CodeTokens code, int keyword) {
        int j = keyword;
        while (j < code.size() && !code.isStatementEnd(j) && !code.isDefinitionHeaderColon(j)) {
            j++;
        }
        if (!code.isDefinitionHeaderColon(j)) {
            return false;
        }
        int body = code.at(j + 1).kind() == Token.Kind.NEWLINE ? j + 2 : j + 1;
        return code.at(body).kind() == Token.Kind.STRING;
    }
}
