package dev.mlreadiness.engine.python;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Follows values through one module in source order, from seeds to the calls and assignments they reach. A seed
 * is a name the caller recognises ({@code X_test}) or a string literal it recognises ({@code "data/test.csv"});
 * a name becomes tainted when a reached value is assigned to it, and is cleared when an unreached value is.
 *
 * <p>
 * What binds a name: {@code x = v} (also chained and annotated), {@code a, b = x, y} (element by element),
 * {@code a, b = v} (both, unless the caller says the names split the value apart), {@code x += v} (taints, never
 * clears), {@code for t1, t2 in v:} (every target), {@code with v as x:}, and {@code x.append(v)} / {@code extend}
 * / {@code add} / {@code update} / {@code insert}. The targets of a comprehension's {@code for} are tainted within
 * its statement only. Approximations (there is no parse tree): scope and control flow are ignored, so a name
 * tainted anywhere above counts below, in any function; an attribute or subscript is followed only as the dotted
 * name written ({@code self.val_x}), at most {@value #MAX_CHAIN} segments deep. Strings are seeds only through
 * the caller's predicate: comments never count and docstrings reach nothing.
 *
 * <p>
 * Linear in the number of tokens: each bracket is marked reached at most once.
 */
public final class ValueFlow {

    /** Dotted names longer than this are looked up by their first segments only. */
    static final int MAX_CHAIN = 8;
    /** How far a comprehension's targets and its iterable are read, in tokens each. */
    private static final int MAX_COMPREHENSION_TOKENS = 200;
    private static final Set<String> MUTATORS = Set.of("append", "extend", "add", "update", "insert");
    private static final Set<String> HEADERS = Set.of("if", "elif", "else", "while", "for", "with", "try", "except",
            "finally", "def", "class", "async");
    private static final Set<String> COMPARISONS = Set.of("==", "<=", ">=", "!=", ":=");

    /**
     * One call of the module.
     *
     * @param call the call, as in {@link PythonModule#calls()}
     * @param reached whether a seed or a tainted name appears among its arguments (nested calls included;
     *        keyword argument names and the names of called functions do not count, their values do)
     */
    public record CallFlow(Call call, boolean reached) {
    }

    /**
     * One binding of names.
     *
     * @param targets the names bound, as written ({@code val_loss}, {@code self.preds}); for a tuple target
     *        each of its names
     * @param line 1-based line of the statement
     * @param reached whether the value holds a seed or a tainted name
     * @param valueCalls the calls inside the value, in order
     */
    public record Binding(List<String> targets, int line, boolean reached, List<Call> valueCalls) {
    }

    private final CodeTokens code;
    private final Predicate<String> seedName;
    private final Predicate<String> seedString;
    private final Predicate<String> keepsApart;
    private final List<Call> moduleCalls;
    private final int[] enclosing;
    private final int[] callAt;
    private final boolean[] marked;
    private final Set<String> tainted = new HashSet<>();
    private final List<Binding> bindings = new ArrayList<>();

    private ValueFlow(PythonModule module, Predicate<String> seedName, Predicate<String> seedString,
            Predicate<String> keepsApart) {
        this.code = module.code();
        this.seedName = seedName;
        this.seedString = seedString;
        this.keepsApart = keepsApart;
        this.moduleCalls = module.calls();
        int n = code.size();
        this.enclosing = new int[n];
        this.callAt = new int[n];
        this.marked = new boolean[n];
        Arrays.fill(callAt, -1);
        // the open brackets around the token, innermost last
        int[] open = new int[16];
        int opened = 0;
        for (int i = 0; i < n; i++) {
            Token t = code.get(i);
            if (t.kind() == Token.Kind.NEWLINE) {
                opened = 0;
            }
            int match = code.match(i);
            if (match >= 0 && match < i) {
                while (opened > 0 && open[opened - 1] != match) {
                    opened--;
                }
                opened = Math.max(0, opened - 1);
            }
            enclosing[i] = opened == 0 ? -1 : open[opened - 1];
            boolean opening = t.isOp("(") || t.isOp("[") || t.isOp("{");
            if (opening && (match > i || match < 0)) {
                if (opened == open.length) {
                    open = Arrays.copyOf(open, opened * 2);
                }
                open[opened++] = i; // an unclosed bracket encloses the rest of its logical line
            }
        }
        // the calls' parentheses, in the order of the module's calls
        int[] parens = CallReader.parens(code);
        for (int k = 0; k < parens.length && k < moduleCalls.size(); k++) {
            callAt[parens[k]] = k;
        }
    }

    /**
     * Traces a module.
     *
     * @param seedName whether an identifier (a name or an attribute) is a seed by itself
     * @param seedString whether a string literal's content (without prefix and quotes) is a seed
     * @param keepsApart whether a name, as the target of a tuple assignment, says the value is split apart
     *        ({@code X_train} in {@code X_train, X_test = split(...)}): such a tuple taints none of its
     *        names, any other tuple taints all of them ({@code x, y = batch})
     */
    public static Result trace(PythonModule module, Predicate<String> seedName, Predicate<String> seedString,
            Predicate<String> keepsApart) {
        ValueFlow flow = new ValueFlow(module, seedName, seedString, keepsApart);
        flow.run();
        List<CallFlow> calls = new ArrayList<>(flow.moduleCalls.size());
        for (int i = 0; i < flow.code.size(); i++) {
            if (flow.callAt[i] >= 0) {
                calls.add(new CallFlow(flow.moduleCalls.get(flow.callAt[i]), flow.marked[i]));
            }
        }
        return new Result(List.copyOf(calls), List.copyOf(flow.bindings));
    }

    /**
     * What a trace found.
     *
     * @param calls every call of the module that the tracer saw, in source order
     * @param bindings every binding, in source order
     */
    public record Result(List<CallFlow> calls, List<Binding> bindings) {
    }

    private void run() {
        int n = code.size();
        int i = 0;
        // headers on one line (`else: else: ... x = 1`) share the line's end: finding it again for each header
        // made one hostile 480 KB line cost seconds
        int end = -1;
        while (i < n && code.get(i).kind() != Token.Kind.END) {
            if (code.isStatementEnd(i)) {
                i++;
                continue;
            }
            if (i >= end) {
                end = statementEnd(i);
            }
            Token first = code.get(i);
            if (first.kind() == Token.Kind.NAME && HEADERS.contains(first.text())) {
                int colon = headerColon(i, end);
                header(i, colon);
                i = colon < end ? colon + 1 : end;
            } else {
                simple(i, end);
                i = end;
            }
        }
    }

    private int statementEnd(int start) {
        int j = start;
        while (!code.isStatementEnd(j)) {
            j++;
        }
        return j;
    }

    /** The colon ending a compound statement's header, or {@code end} when it has none. */
    private int headerColon(int start, int end) {
        for (int j = start; j < end; j++) {
            if (code.isOp(j, ":") && code.depth(j) == code.depth(start)) {
                return j;
            }
        }
        return end;
    }

    private void header(int start, int end) {
        int s = code.isName(start, "async") ? start + 1 : start;
        if (code.isName(s, "for")) {
            int in = s + 1;
            while (in < end && !(code.isName(in, "in") && code.depth(in) == code.depth(s))) {
                in++;
            }
            if (in < end) {
                boolean reached = mark(in + 1, end);
                bind(names(s + 1, in), code.get(s).line(), reached, calls(in + 1, end), false, true);
                return;
            }
        } else if (code.isName(s, "with")) {
            int as = s + 1;
            while (as < end && !(code.isName(as, "as") && code.depth(as) == code.depth(s))) {
                as++;
            }
            if (as + 1 < end && code.isIdentifier(as + 1)) {
                boolean reached = mark(s + 1, as);
                mark(as + 2, end);
                bind(List.of(code.get(as + 1).text()), code.get(s).line(), reached, calls(s + 1, as), false, true);
                return;
            }
        }
        mark(start, end);
    }

    private void simple(int start, int end) {
        int depth = code.depth(start);
        List<Integer> equals = new ArrayList<>();
        int augmented = -1;
        for (int j = start; j < end && augmented < 0; j++) {
            if (code.isName(j, "lambda") && code.depth(j) == depth) {
                break;
            }
            if (code.depth(j) != depth || code.get(j).kind() != Token.Kind.OP) {
                continue;
            }
            String op = code.get(j).text();
            if (op.equals("=")) {
                equals.add(j);
            } else if (op.length() >= 2 && op.endsWith("=") && !COMPARISONS.contains(op) && equals.isEmpty()) {
                augmented = j;
            }
        }
        int line = code.get(start).line();
        if (augmented >= 0) {
            boolean reached = mark(augmented + 1, end);
            bind(single(start, augmented), line, reached, calls(augmented + 1, end), true, true);
        } else if (!equals.isEmpty()) {
            int valueStart = equals.get(equals.size() - 1) + 1;
            boolean reached = mark(valueStart, end);
            List<Call> valueCalls = calls(valueStart, end);
            int from = start;
            for (int eq : equals) {
                List<String> single = single(from, eq);
                if (!single.isEmpty()) {
                    bind(single, line, reached, valueCalls, false, true);
                } else if (equals.size() == 1 && pairwise(from, eq, valueStart, end, line)) {
                    break;
                } else if (isTuple(from, eq)) {
                    List<String> names = names(from, eq);
                    bind(names, line, reached, valueCalls, false, names.stream().noneMatch(keepsApart));
                }
                from = eq + 1;
            }
        } else {
            mark(start, end);
            mutation(start, end);
        }
    }

    /**
     * {@code a, b = x, y}: each name takes its own element when targets and values are plain and as many.
     *
     * @return whether the assignment was bound so
     */
    private boolean pairwise(int from, int to, int valueStart, int end, int line) {
        List<int[]> targets = parts(from, to);
        List<int[]> values = parts(valueStart, end);
        if (targets.size() < 2 || targets.size() != values.size()) {
            return false;
        }
        List<List<String>> singles = new ArrayList<>();
        for (int[] t : targets) {
            List<String> single = single(t[0], t[1]);
            if (single.isEmpty()) {
                return false;
            }
            singles.add(single);
        }
        for (int k = 0; k < singles.size(); k++) {
            int[] v = values.get(k);
            bind(singles.get(k), line, mark(v[0], v[1]), calls(v[0], v[1]), false, true);
        }
        return true;
    }

    /** The ranges between the commas of {@code [from, to)} at its own depth. */
    private List<int[]> parts(int from, int to) {
        List<int[]> parts = new ArrayList<>();
        int start = from;
        for (int j = from; j <= to; j++) {
            if (j == to || (code.isOp(j, ",") && code.depth(j) == code.depth(from))) {
                if (j > start) {
                    parts.add(new int[] { start, j });
                }
                start = j + 1;
            }
        }
        return parts;
    }

    /** {@code name.append(value)} as a whole statement binds {@code name}. */
    private void mutation(int start, int end) {
        int j = start;
        while (code.isIdentifier(j) && code.isOp(j + 1, ".")) {
            j += 2;
        }
        if (j == start || !code.isIdentifier(j) || !MUTATORS.contains(code.get(j).text()) || !code.isOp(j + 1, "(")
                || code.match(j + 1) != end - 1) {
            return;
        }
        bind(List.of(code.joined(start, j - 1)), code.get(start).line(), marked[j + 1], calls(j + 2, end - 1), true,
                true);
    }

    /**
     * Records a binding and updates the tainted names.
     *
     * @param additive a binding that can only add ({@code +=}, {@code append}): never clears
     * @param taints whether a reached value taints the targets (false for a tuple that splits data apart)
     */
    private void bind(List<String> targets, int line, boolean reached, List<Call> valueCalls, boolean additive,
            boolean taints) {
        if (targets.isEmpty()) {
            return;
        }
        bindings.add(new Binding(targets, line, reached, valueCalls));
        boolean tainting = reached && taints;
        for (String t : targets) {
            if (tainting) {
                tainted.add(t);
            } else if (!additive) {
                tainted.remove(t);
            }
        }
    }

    /** The target {@code [from, to)} as one dotted name ({@code x}, {@code self.x}, {@code *x}, {@code x: int}). */
    private List<String> single(int from, int to) {
        int s = code.isOp(from, "*") ? from + 1 : from;
        int e = s;
        while (e < to && code.isIdentifier(e) && code.isOp(e + 1, ".") && e + 2 < to) {
            e += 2;
        }
        if (e >= to || !code.isIdentifier(e)) {
            return List.of();
        }
        boolean annotated = code.isOp(e + 1, ":");
        return e + 1 == to || annotated ? List.of(code.joined(s, e + 1)) : List.of();
    }

    /** {@code a, b} or {@code (a, b)} or {@code [a, b]}; not a subscript or a call's attribute. */
    private boolean isTuple(int from, int to) {
        if (code.isOp(from, "(") || code.isOp(from, "[")) {
            return true;
        }
        for (int j = from; j < to; j++) {
            if (code.isOp(j, ",") && code.depth(j) == code.depth(from)) {
                return true;
            }
        }
        return false;
    }

    /** The dotted names in {@code [from, to)}: the names a tuple target or a {@code for} target binds. */
    private List<String> names(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int j = from; j < to; j++) {
            if (code.isIdentifier(j) && !code.isOp(j - 1, ".")) {
                int e = j;
                while (code.isOp(e + 1, ".") && code.isIdentifier(e + 2) && e + 2 < to) {
                    e += 2;
                }
                out.add(code.joined(j, e + 1));
                j = e;
            }
        }
        return out;
    }

    private List<Call> calls(int from, int to) {
        List<Call> out = new ArrayList<>();
        for (int j = from; j < to; j++) {
            if (callAt[j] >= 0) {
                out.add(moduleCalls.get(callAt[j]));
            }
        }
        return out;
    }

    /**
     * Marks every bracket around a seed or tainted token of {@code [from, to)} as reached, after tainting the
     * targets of the comprehensions there whose iterable is reached.
     *
     * @return whether any token of the range is a seed or tainted
     */
    private boolean mark(int from, int to) {
        Set<String> local = comprehensionTargets(from, to);
        boolean reached = false;
        for (int j = from; j < to; j++) {
            if (!isTainted(j, local)) {
                continue;
            }
            reached = true;
            for (int b = enclosing[j]; b >= 0 && !marked[b]; b = enclosing[b]) {
                marked[b] = true;
            }
        }
        return reached;
    }

    private Set<String> comprehensionTargets(int from, int to) {
        Set<String> local = Set.of();
        for (int j = from; j < to; j++) {
            if (!code.isName(j, "for") || code.depth(j) == 0) {
                continue;
            }
            int d = code.depth(j);
            int in = j + 1;
            while (in < to && in <= j + MAX_COMPREHENSION_TOKENS && code.depth(in) >= d
                    && !(code.isName(in, "in") && code.depth(in) == d)) {
                in++;
            }
            if (in >= to || !code.isName(in, "in")) {
                continue;
            }
            boolean reached = false;
            for (int k = in + 1; k < to && k <= in + MAX_COMPREHENSION_TOKENS && code.depth(k) >= d
                    && !(code.depth(k) == d && (code.isName(k, "for") || code.isName(k, "if"))); k++) {
                reached |= isTainted(k, Set.of());
            }
            if (reached) {
                local = local.isEmpty() ? new HashSet<>() : local;
                local.addAll(names(j + 1, in));
            }
        }
        return local;
    }

    private boolean isTainted(int j, Set<String> local) {
        Token t = code.get(j);
        if (t.kind() == Token.Kind.STRING) {
            return seedString.test(t.stringValue());
        }
        // a keyword argument's name and a called function's name are no values
        if (!code.isIdentifier(j) || isKeywordArgumentName(j) || code.isOp(j + 1, "(")) {
            return false;
        }
        if (seedName.test(t.text())) {
            return true;
        }
        if (code.isOp(j - 1, ".") || (tainted.isEmpty() && local.isEmpty())) {
            return false;
        }
        StringBuilder dotted = new StringBuilder(t.text());
        for (int e = j, segments = 1; segments <= MAX_CHAIN; segments++) {
            String name = dotted.toString();
            if (tainted.contains(name) || local.contains(name)) {
                return true;
            }
            if (!code.isOp(e + 1, ".") || !code.isIdentifier(e + 2)) {
                break;
            }
            e += 2;
            dotted.append('.').append(code.get(e).text());
        }
        return false;
    }

    private boolean isKeywordArgumentName(int j) {
        return code.isOp(j + 1, "=") && (code.isOp(j - 1, "(") || code.isOp(j - 1, ",")) && code.depth(j) > 0;
    }
}
