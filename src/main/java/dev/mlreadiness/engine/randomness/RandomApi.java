package dev.mlreadiness.engine.randomness;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.code.CodeFile;
import dev.mlreadiness.engine.python.Argument;
import dev.mlreadiness.engine.python.Call;
import dev.mlreadiness.engine.python.Expression;
import dev.mlreadiness.engine.python.PythonModule;
import dev.mlreadiness.engine.python.ValueKind;

/**
 * One entry of the {@link RandomApis} table: which calls it covers, how such a call is seeded, and when it is
 * random at all. Built with {@link #api(String)} and the {@code with}-style methods; immutable.
 *
 * <ul>
 * <li>{@link #pattern()}: the qualified name, resolved through imports: {@code .} separates segments, {@code *}
 * matches within one segment, {@code **.} any run of segments (none included), and {@code {a,b}} either
 * alternative ({@code sklearn.**.RandomForest*}, {@code torch.nn.init.{uniform_,xavier_*}}). A pattern
 * starting with {@code .} matches a method called on a value rather than on a module ({@code .sample} for
 * {@code df.sample(...)}); its name has no wildcard (alternatives are fine)</li>
 * <li>{@link #seedKeywords()}: the arguments that seed the call ({@code random_state}); any of them given and
 * not {@code None} seeds it</li>
 * <li>{@link #seedPosition()}: the 0-based position of a positional seed ({@code np.random.default_rng(42)}),
 * or -1</li>
 * <li>{@link #condition()}: when the call is random at all ({@code shuffle=True}); always by default</li>
 * <li>{@link #coveredBy()}: the library whose file-level seeding also seeds this call ({@code numpy} for
 * {@code np.random.rand}), or null when only the call's own seed counts</li>
 * <li>{@link #seeds()}: the library a seeded call of this API seeds for the whole file
 * ({@code np.random.default_rng(42)} seeds numpy), or null</li>
 * <li>{@link #except()}: simple names the pattern matches but that are not random ({@code Generator})</li>
 * <li>{@link #imports()}: top-level modules one of which the file must import for the entry to apply
 * ({@code datasets} for a value's {@code .shuffle()}); empty for any file</li>
 * <li>{@link #example()}: a value for the first seed keyword that messages and the table show
 * ({@code np.random.default_rng(42)} for {@code rstate=}), or null</li>
 * <li>{@link #seedInside()}: when set, a seed keyword's value seeds the call only if it is itself seeded: a call
 * of a {@code *<suffix>} class passing {@code <keyword>=} (inline, or a name the file assigns one), as
 * {@code sampler=TPESampler(seed=42)}; a value the file does not show is trusted</li>
 * <li>{@link #envSeed()}: an environment variable that seeds the call; a file naming it in a string literal
 * ({@code os.environ["HYPEROPT_FMIN_SEED"] = "1"}) counts as seeding it</li>
 * <li>{@link #outermost()}: calls of this entry nested in the arguments of another call of the same library
 * are reported once, on the outermost one ({@code iaa.Sequential([iaa.Fliplr(0.5), iaa.Affine()])})</li>
 * </ul>
 */
public final class RandomApi {

    /** An extra condition for a call to be random, with the text the rule's documentation shows. */
    public record Condition(String text, Predicate<Call> test) {
        public static final Condition ALWAYS = new Condition("", c -> true);

        /** The argument is given as {@code True}. */
        public static Condition isTrue(String keyword) {
            return new Condition("`" + keyword + "=True`", c -> kind(c, keyword) == ValueKind.TRUE);
        }

        /** Unless the argument is given as {@code False}. */
        public static Condition unlessFalse(String keyword) {
            return new Condition("unless `" + keyword + "=False`", c -> kind(c, keyword) != ValueKind.FALSE);
        }

        /** Never: the call is listed to document why it is not flagged, or because it seeds others. */
        public static Condition never(String why) {
            return new Condition("never: " + why, c -> false);
        }

        /** One of the arguments is given with a value other than {@code 0}, {@code None} or {@code False}. */
        public static Condition anyGiven(String... keywords) {
            String text = "one of " + String.join(", ", List.of(keywords).stream().map(k -> "`" + k + "=`")
                    .toList()) + " given, not `0`/`None`/`False`";
            return new Condition(text, c -> {
                for (String k : keywords) {
                    Argument a = c.keyword(k);
                    if (a != null && a.kind() != ValueKind.NONE && a.kind() != ValueKind.FALSE && !isZero(a)) {
                        return true;
                    }
                }
                return false;
            });
        }

        /** The argument is one of these strings, or (when {@code orAbsent}) not given at all. */
        public static Condition stringIn(String keyword, boolean orAbsent, String... values) {
            Set<String> set = Set.of(values);
            String text = "`" + keyword + "` " + String.join(" or ", List.of(values).stream()
                    .map(v -> "`\"" + v + "\"`").toList()) + (orAbsent ? " or not given" : "");
            return new Condition(text, c -> {
                Argument a = c.keyword(keyword);
                if (a == null) {
                    return orAbsent;
                }
                return a.kind() == ValueKind.STRING && a.text().length() >= 2
                        && set.contains(a.text().substring(1, a.text().length() - 1));
            });
        }

        private static ValueKind kind(Call c, String keyword) {
            Argument a = c.keyword(keyword);
            return a == null ? null : a.kind();
        }

        private static boolean isZero(Argument a) {
            if (a.kind() != ValueKind.NUMBER) {
                return false;
            }
            String t = a.text().replace("_", "").replace(" ", "");
            for (int i = 0; i < t.length(); i++) {
                char ch = t.charAt(i);
                if (ch >= '1' && ch <= '9') {
                    return false;
                }
                if (ch == 'e' || ch == 'E' || ch == 'x' || ch == 'X' || ch == 'j' || ch == 'J') {
                    return i > 0; // 0e5, 0x0, 0j: the digits before decide
                }
            }
            return true;
        }
    }

    /** The mutable form an entry is built from; entries themselves never change. */
    private static final class Spec {
        String pattern;
        List<String> seedKeywords = List.of();
        int seedPosition = -1;
        Condition condition = Condition.ALWAYS;
        String coveredBy;
        String seeds;
        Set<String> except = Set.of();
        Set<String> imports = Set.of();
        String example;
        String seedInside;
        String seedInsideSuffix;
        String envSeed;
        boolean outermost;
    }

    private final Spec spec;

    private RandomApi(Spec spec) {
        this.spec = spec;
    }

    /** An API matched by {@code pattern}, random always, with no seed argument yet. */
    public static RandomApi api(String pattern) {
        Spec s = new Spec();
        s.pattern = pattern;
        return new RandomApi(s);
    }

    private RandomApi with(Consumer<Spec> change) {
        Spec s = new Spec();
        s.pattern = spec.pattern;
        s.seedKeywords = spec.seedKeywords;
        s.seedPosition = spec.seedPosition;
        s.condition = spec.condition;
        s.coveredBy = spec.coveredBy;
        s.seeds = spec.seeds;
        s.except = spec.except;
        s.imports = spec.imports;
        s.example = spec.example;
        s.seedInside = spec.seedInside;
        s.seedInsideSuffix = spec.seedInsideSuffix;
        s.envSeed = spec.envSeed;
        s.outermost = spec.outermost;
        change.accept(s);
        return new RandomApi(s);
    }

    public RandomApi seededBy(String... keywords) {
        return with(s -> s.seedKeywords = List.of(keywords));
    }

    public RandomApi seedAt(int position) {
        return with(s -> s.seedPosition = position);
    }

    public RandomApi when(Condition c) {
        return with(s -> s.condition = c);
    }

    public RandomApi coveredBy(String library) {
        return with(s -> s.coveredBy = library);
    }

    public RandomApi seeds(String library) {
        return with(s -> s.seeds = library);
    }

    public RandomApi except(String... names) {
        return with(s -> s.except = Set.of(names));
    }

    public RandomApi onlyIfImported(String... modules) {
        return with(s -> s.imports = Set.of(modules));
    }

    public RandomApi example(String argument) {
        return with(s -> s.example = argument);
    }

    /** See {@link #seedInside()}: {@code seededThrough("seed", "Sampler")}. */
    public RandomApi seededThrough(String innerKeyword, String classSuffix) {
        return with(s -> {
            s.seedInside = innerKeyword;
            s.seedInsideSuffix = classSuffix;
        });
    }

    public RandomApi envSeed(String variable) {
        return with(s -> s.envSeed = variable);
    }

    public RandomApi outermost() {
        return with(s -> s.outermost = true);
    }

    public String pattern() {
        return spec.pattern;
    }

    public List<String> seedKeywords() {
        return spec.seedKeywords;
    }

    public int seedPosition() {
        return spec.seedPosition;
    }

    public Condition condition() {
        return spec.condition;
    }

    public String coveredBy() {
        return spec.coveredBy;
    }

    public String seeds() {
        return spec.seeds;
    }

    public Set<String> except() {
        return spec.except;
    }

    public Set<String> imports() {
        return spec.imports;
    }

    public String example() {
        return spec.example;
    }

    public String seedInside() {
        return spec.seedInside;
    }

    public String envSeed() {
        return spec.envSeed;
    }

    public boolean isOutermost() {
        return spec.outermost;
    }

    /** True when the call is one of this entry's APIs. */
    boolean matches(CodeFile file, Call call, Pattern compiled) {
        String simple = call.qualifiedName().substring(call.qualifiedName().lastIndexOf('.') + 1);
        if (spec.except.contains(simple)) {
            return false;
        }
        if (spec.pattern.startsWith(".")) {
            return file.isMethodOnValue(call) && compiled.matcher(call.simpleName()).matches();
        }
        if (file.isMethodOnValue(call)) {
            return false; // `random.choice` where `random` is a variable, not the module
        }
        for (String name : file.qualifiedNames(call)) {
            if (compiled.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the call passes its own seed.
     *
     * @param index the call's position in the module's calls
     * @param seededNames per file, whether a name's assigned values are seeded (see {@link #seedInside()}): each
     *        name is judged once however many calls pass it
     */
    public boolean isSeeded(PythonModule module, int index, Call call, Map<String, Boolean> seededNames) {
        for (String k : spec.seedKeywords) {
            Argument a = call.keyword(k);
            if (a != null && a.kind() != ValueKind.NONE && (spec.seedInside == null || isSeededValue(module,
                    module.callExpression(index).keywords().get(k), seededNames, 0, new int[1]))) {
                return true;
            }
        }
        return spec.seedPosition >= 0 && call.positional().size() > spec.seedPosition
                && call.positional().get(spec.seedPosition).kind() != ValueKind.NONE;
    }

    /**
     * See {@link #seedInside()}. A name's answer is kept for the file under its name when the depth bound cut
     * nothing below it, else only for that depth ({@code name@depth}): an answer cut deep in one call's reading
     * must not stand for a shallow reading from another call (each name is read at most once per depth).
     *
     * @param cuts counts the readings the depth bound cut, [0]
     */
    private boolean isSeededValue(PythonModule module, Expression value, Map<String, Boolean> names, int depth,
            int[] cuts) {
        if (depth > 4) {
            cuts[0]++;
            return true;
        }
        if (value instanceof Expression.Literal literal) {
            return literal.kind() != ValueKind.NONE;
        }
        if (value instanceof Expression.Name name) {
            String key = spec.seedInside + " " + spec.seedInsideSuffix + " " + name.dotted();
            String atDepth = key + "@" + depth;
            Boolean known = names.containsKey(key) ? names.get(key) : names.get(atDepth);
            if (known == null) {
                names.put(key, true); // a name assigned itself: trusted
                int before = cuts[0];
                List<Expression> assigned = module.assignedValues(name.dotted());
                known = assigned.isEmpty() || assigned.stream().anyMatch(v -> isSeededValue(module, v, names,
                        depth + 1, cuts));
                if (cuts[0] == before) {
                    names.put(key, known);
                } else {
                    names.remove(key);
                    names.put(atDepth, known);
                }
            }
            return known;
        }
        if (!(value instanceof Expression.Call call)) {
            return true;
        }
        if (!module.calls().get(call.index()).simpleName().endsWith(spec.seedInsideSuffix) || call.hasDoubleStar()) {
            return true; // a factory or a wrapper this table does not know: trusted
        }
        Expression inner = call.keywords().get(spec.seedInside);
        if (inner != null && !(inner instanceof Expression.Literal l && l.kind() == ValueKind.NONE)) {
            return true;
        }
        // a wrapper sampler (PartialFixedSampler(params, base_sampler)) is as seeded as the sampler it wraps
        for (var e : call.keywords().entrySet()) {
            if (e.getKey().endsWith(spec.seedInsideSuffix.toLowerCase(Locale.ROOT))
                    && isSeededValue(module, e.getValue(), names, depth + 1, cuts)) {
                return true;
            }
        }
        for (Expression p : call.positional()) {
            if (p instanceof Expression.Call c && module.calls().get(c.index()).simpleName()
                    .endsWith(spec.seedInsideSuffix) && isSeededValue(module, p, names, depth + 1, cuts)) {
                return true;
            }
        }
        return false;
    }

    /** The pattern as a regular expression over qualified names (over the method name for {@code .name}). */
    Pattern compile() {
        String p = spec.pattern.startsWith(".") ? spec.pattern.substring(1) : spec.pattern;
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char ch = p.charAt(i);
            if (p.startsWith("**.", i)) {
                re.append("(?:\\w+\\.)*");
                i += 2;
            } else {
                re.append(switch (ch) {
                    case '*' -> "\\w*";
                    case '.' -> "\\.";
                    case '{' -> "(?:";
                    case ',' -> "|";
                    case '}' -> ")";
                    default -> Pattern.quote(String.valueOf(ch));
                });
            }
        }
        return Pattern.compile(re.toString());
    }

    @Override
    public String toString() {
        return "RandomApi[" + spec.pattern + "]";
    }
}
