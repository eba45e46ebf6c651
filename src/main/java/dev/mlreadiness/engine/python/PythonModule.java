package dev.mlreadiness.engine.python;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the rules need to know about one Python source file: imports, calls with their arguments, string
 * literals and comments, read from {@link PythonTokenizer} tokens so that text inside strings, comments
 * and docstrings is never taken for code.
 *
 * <p>
 * Approximations (there is no parse tree):
 * <ul>
 * <li>Scope is ignored: an alias bound anywhere in the file (inside a function too) resolves every use;
 * when a name is bound twice, the later import wins for the whole file. Assignments
 * ({@code np = None}) do not shadow imports.</li>
 * <li>A call is an opening parenthesis after a non-keyword name or after a closing bracket; calls through
 * other receivers ({@code "".join(x)}, {@code pd.read_csv(f).sample()}) get the callee {@code ?.name}.</li>
 * <li>Argument kinds come from the argument's tokens alone ({@link ValueKind}); values are not evaluated.</li>
 * <li>The arguments of a call whose parenthesis is never closed end with its physical line; code after
 * a broken statement is still read.</li>
 * </ul>
 */
public final class PythonModule {

    /** The source, not its tokens: tokens are most of a parsed module's memory and few readers need them. */
    private final String source;
    private final List<Import> imports;
    private final Map<String, String> bindings;
    private final List<Call> calls;
    private final List<StringLiteral> strings;
    private final List<Token> comments;
    private final Set<String> definedFunctions;
    /**
     * The code tokens, kept only as long as nothing else needs the memory: the readers that need tokens after the
     * parse (the value flow of the code evidence, definitions, expressions) mostly run right after it, and take them
     * from here instead of tokenizing again; once the collector has cleared them, {@link #code()} tokenizes again.
     */
    private volatile WeakReference<CodeTokens> code;
    /** Built on first use: most files are never asked for expressions. */
    private ExpressionReader expressions;

    private PythonModule(String source, Token[] tokens) {
        this.source = source;
        CodeTokens code = new CodeTokens(tokens);
        this.code = new WeakReference<>(code);
        ImportReader importReader = ImportReader.read(code);
        this.imports = List.copyOf(importReader.imports());
        this.bindings = Map.copyOf(importReader.bindings());
        this.calls = List.copyOf(CallReader.read(code, this::resolve));
        this.strings = List.copyOf(StringReader.read(code));
        List<Token> commentTokens = new ArrayList<>();
        for (Token t : tokens) {
            if (t.kind() == Token.Kind.COMMENT) {
                commentTokens.add(t);
            }
        }
        this.comments = List.copyOf(commentTokens);
        Set<String> functions = new LinkedHashSet<>();
        for (int i = 0; i + 1 < code.size(); i++) {
            if (code.isName(i, "def") && code.isIdentifier(i + 1)) {
                functions.add(code.get(i + 1).text());
            }
        }
        this.definedFunctions = Set.copyOf(functions);
    }

    /**
     * Reads Python source. Never throws on bad input: whatever cannot be tokenized or understood is skipped.
     *
     * @param source the file's text; {@code null} is treated as empty
     * @throws TooManyTokensException past {@link dev.mlreadiness.engine.snapshot.InputLimits#MAX_PYTHON_TOKENS}
     *         tokens, the one budget that refuses the source
     */
    public static PythonModule parse(String source) {
        String text = source == null ? "" : source;
        return new PythonModule(text, PythonTokenizer.tokenArray(text));
    }

    /**
     * All tokens of the source, comments and line breaks included, ending with END. Tokenizes again on each call
     * (a parsed module does not keep them: thousands of parsed files would hold millions of tokens), so a reader
     * that needs them more than once keeps the list.
     */
    public List<Token> tokens() {
        return Collections.unmodifiableList(PythonTokenizer.tokenize(source));
    }

    /**
     * The code tokens (comments and non-logical line breaks left out), as the parse made them while the collector
     * has not cleared them, else tokenized again: always the same tokens.
     */
    CodeTokens code() {
        CodeTokens tokens = code.get();
        if (tokens == null) {
            tokens = new CodeTokens(PythonTokenizer.tokenArray(source));
            code = new WeakReference<>(tokens);
        }
        return tokens;
    }

    /** Drops the code tokens, as the collector may at any time: for tests of {@link #code()}. */
    void forgetCode() {
        code = new WeakReference<>(null);
    }

    /**
     * The line of the first {@code def name} of the module (a function or method defined with that name), or -1
     * when there is none.
     */
    public int definitionLine(String name) {
        CodeTokens tokens = code();
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.isName(i, name) && tokens.isName(i - 1, "def")) {
                return tokens.get(i).line();
            }
        }
        return -1;
    }

    /** The length of the source in chars: a measure of the module's size. */
    public int length() {
        return source.length();
    }

    /** Every name bound by an import statement, in source order (a {@code from x import *} is recorded too). */
    public List<Import> imports() {
        return imports;
    }

    /**
     * Resolves the first segment of a dotted name through the imports: {@code np.random.rand} becomes
     * {@code numpy.random.rand} after {@code import numpy as np}, and {@code tts} becomes
     * {@code sklearn.model_selection.train_test_split} after {@code from sklearn.model_selection import
     * train_test_split as tts}. A name no import binds (or a {@code ?} receiver) is returned unchanged.
     */
    public String resolve(String dotted) {
        if (dotted == null || dotted.isEmpty()) {
            return dotted;
        }
        int dot = dotted.indexOf('.');
        String first = dot < 0 ? dotted : dotted.substring(0, dot);
        String target = bindings.get(first);
        return target == null ? dotted : target + dotted.substring(first.length());
    }

    /** Every call of the file (nested calls, method calls and decorator calls included), in source order. */
    public List<Call> calls() {
        return calls;
    }

    /** Every string literal of the file in source order; implicitly concatenated literals stay separate. */
    public List<StringLiteral> strings() {
        return strings;
    }

    /** The COMMENT tokens, {@code #} included. */
    public List<Token> comments() {
        return comments;
    }

    /** Names defined with {@code def} anywhere in the file (functions and methods). */
    public Set<String> definedFunctions() {
        return definedFunctions;
    }

    /**
     * The arguments of one call as expression trees (nested calls, dict/list/tuple displays, names and literals).
     *
     * @param callIndex the call's position in {@link #calls()}
     */
    public synchronized Expression.Call callExpression(int callIndex) {
        return expressions().call(callIndex);
    }

    /**
     * The values a plain assignment statement gives this (dotted) name anywhere in the file, in source order:
     * {@code grid = {...}}, {@code a = b = ...}, {@code self.model = ...}, {@code x: dict = ...}. Scope is ignored;
     * tuple targets, augmented assignments and {@code for}/{@code with} targets are not read.
     */
    public synchronized List<Expression> assignedValues(String dottedName) {
        return expressions().assignedValues(dottedName);
    }

    /** Callers hold this module's lock: the reader memoizes in plain maps. */
    private ExpressionReader expressions() {
        if (expressions == null) {
            expressions = new ExpressionReader(code());
        }
        return expressions;
    }
}
