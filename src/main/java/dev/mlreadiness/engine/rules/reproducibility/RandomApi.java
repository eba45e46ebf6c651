package dev.mlreadiness.engine.rules.reproducibility;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.code.CodeFile;
import dev.mlreadiness.engine.python.Argument;
import dev.mlreadiness.engine.python.Call;
import dev.mlreadiness.engine.python.ValueKind;

/**
 * One entry of the {@link RandomApis} table: which calls it covers, how such a call is seeded, and when it is
 * random at all.
 *
 * @param pattern      the qualified name, resolved through imports: {@code .} separates segments, {@code *}
 *                     matches within one segment, {@code **.} any run of segments (none included), and
 *                     {@code {a,b}} either alternative ({@code sklearn.**.RandomForest*},
 *                     {@code torch.nn.init.{uniform_,xavier_*}}). A pattern starting with {@code .} matches a
 *                     method called on a value rather than on a module ({@code .sample} for
 *                     {@code df.sample(...)})
 * @param seedKeywords the arguments that seed the call ({@code random_state}); any of them given and not
 *                     {@code None} seeds it
 * @param seedPosition the 0-based position of a positional seed ({@code np.random.default_rng(42)}), or -1
 * @param condition    when the call is random at all ({@code shuffle=True}); {@link Condition#ALWAYS} by default
 * @param coveredBy    the library whose file-level seeding also seeds this call ({@code numpy} for
 *                     {@code np.random.rand}), or null when only the call's own seed counts
 * @param seeds        the library a seeded call of this API seeds for the whole file
 *                     ({@code np.random.default_rng(42)} seeds numpy), or null
 * @param except       simple names the pattern matches but that are not random ({@code Generator})
 */
public record RandomApi(String pattern, List<String> seedKeywords, int seedPosition, Condition condition,
        String coveredBy, String seeds, Set<String> except) {

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
    }

    public RandomApi {
        seedKeywords = List.copyOf(seedKeywords);
        except = Set.copyOf(except);
    }

    /** An API matched by {@code pattern}, random always, with no seed argument yet. */
    public static RandomApi api(String pattern) {
        return new RandomApi(pattern, List.of(), -1, Condition.ALWAYS, null, null, Set.of());
    }

    public RandomApi seededBy(String... keywords) {
        return new RandomApi(pattern, List.of(keywords), seedPosition, condition, coveredBy, seeds, except);
    }

    public RandomApi seedAt(int position) {
        return new RandomApi(pattern, seedKeywords, position, condition, coveredBy, seeds, except);
    }

    public RandomApi when(Condition c) {
        return new RandomApi(pattern, seedKeywords, seedPosition, c, coveredBy, seeds, except);
    }

    public RandomApi coveredBy(String library) {
        return new RandomApi(pattern, seedKeywords, seedPosition, condition, library, seeds, except);
    }

    public RandomApi seeds(String library) {
        return new RandomApi(pattern, seedKeywords, seedPosition, condition, coveredBy, library, except);
    }

    public RandomApi except(String... names) {
        return new RandomApi(pattern, seedKeywords, seedPosition, condition, coveredBy, seeds, Set.of(names));
    }

    /** True when the call is one of this entry's APIs. */
    boolean matches(CodeFile file, Call call, Pattern compiled) {
        String simple = call.qualifiedName().substring(call.qualifiedName().lastIndexOf('.') + 1);
        if (except.contains(simple)) {
            return false;
        }
        if (pattern.startsWith(".")) {
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

    /** True when the call passes its own seed. */
    boolean isSeeded(Call call) {
        for (String k : seedKeywords) {
            Argument a = call.keyword(k);
            if (a != null && a.kind() != ValueKind.NONE) {
                return true;
            }
        }
        return seedPosition >= 0 && call.positional().size() > seedPosition
                && call.positional().get(seedPosition).kind() != ValueKind.NONE;
    }

    /** The pattern as a regular expression over qualified names (over the method name for {@code .name}). */
    Pattern compile() {
        String p = pattern.startsWith(".") ? pattern.substring(1) : pattern;
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
}
