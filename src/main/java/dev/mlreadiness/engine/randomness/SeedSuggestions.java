package dev.mlreadiness.engine.randomness;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.mlreadiness.engine.python.Argument;
import dev.mlreadiness.engine.python.Call;
import dev.mlreadiness.engine.python.PythonModule;

/**
 * The suggested fix of an unseeded call: the same line with the seed keyword added to the call's arguments, only
 * when that is mechanical and certain. The call opens and closes on the line, the line holds it once (outside
 * strings and comments), it passes no {@code *args}/{@code **kwargs}, no seed argument at all (not even
 * {@code None}), and the fixed line reads, on its own, as the same calls with only the seed added. Never where the
 * seed would change what the code does: a call that may run more than once ({@link RepeatedLines#inLoop}: every
 * bootstrap sample would be the same one), a generator built inside a function (every call would give the same
 * noise), or a method entry ({@code .sample}) whose receiver's type is not known ({@code gmm.sample(100)} is
 * scikit-learn's {@code GaussianMixture.sample}, which takes no {@code random_state}).
 */
public final class SeedSuggestions {

    /** The seed arguments that take a plain integer; others ({@code generator=}, {@code sampler=}) need code. */
    private static final Set<String> INTEGER_SEEDS = Set.of("random_state", "seed", "random_seed");

    /**
     * Longer lines get none (1,000 characters): each suggestion reads its line twice, and a generated line with
     * thousands of calls must not be read once per call.
     */
    public static final int MAX_LINE_CHARS = 1_000;

    /** Constructors of a random generator: seeded inside a function, each call would draw the same numbers. */
    private static final Set<String> GENERATORS = Set.of("default_rng", "RandomState", "Random", "Generator");

    private SeedSuggestions() {
    }

    /**
     * Whether a seed added to the call would change what the code does: the call may run more than once, or it
     * builds a generator inside a function.
     */
    public static boolean changesBehaviour(RandomApi api, Call call, RepeatedLines repeated) {
        return repeated.inLoop(call.line()) || (api.seeds() != null || GENERATORS.contains(call.simpleName()))
                && repeated.inFunction(call.line());
    }

    /**
     * The argument a suggestion adds for calls of the entry ({@code random_state}), or empty when none would do:
     * none for a method entry ({@code .sample}, {@code .train_test_split}), which matches any receiver.
     */
    public static Optional<String> keyword(RandomApi api) {
        if (api.pattern().startsWith(".") || api.example() != null || api.seedKeywords().isEmpty()
                || !INTEGER_SEEDS.contains(api.seedKeywords()
                        .get(0))) {
            return Optional.empty();
        }
        return Optional.of(api.seedKeywords().get(0));
    }

    /**
     * The line with {@code keyword=seed} added to the call's arguments, or empty when that is not certain.
     *
     * @param line the call's line as the file has it, without its line break
     */
    public static Optional<String> fixedLine(String line, Call call, RandomApi api, String keyword, long seed) {
        if (line == null || line.length() > MAX_LINE_CHARS || call.line() != call.endLine() || call.hasStar()
                || call.hasDoubleStar()
                || api.seedKeywords().stream().anyMatch(k -> call.keyword(k) != null)
                || api.seedPosition() >= 0 && call.positional().size() > api.seedPosition()) {
            return Optional.empty();
        }
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        boolean[] code = codeMask(text);
        if (code == null) {
            return Optional.empty();
        }
        int open = openingParenthesis(text, code, call);
        int close = open < 0 ? -1 : closingParenthesis(text, code, open);
        if (close < 0) {
            return Optional.empty();
        }
        String inner = text.substring(open + 1, close);
        String argument = keyword + "=" + seed;
        String args = inner.isBlank() ? argument
                : inner.stripTrailing().endsWith(",") ? inner.stripTrailing() + " " + argument
                        : inner.stripTrailing() + ", " + argument;
        String fixed = text.substring(0, open + 1) + args + text.substring(close);
        return readsTheSame(text, fixed, call, keyword, String.valueOf(seed)) ? Optional.of(fixed)
                : Optional.empty();
    }

    /**
     * Which characters are code (not in a string literal or comment); null when the line ends inside a string or
     * is continued with a backslash, or starts where a string might be open (a lone quote run we cannot place).
     */
    static boolean[] codeMask(String text) {
        boolean[] code = new boolean[text.length()];
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '#') {
                return code; // the rest is a comment
            }
            if (c == '\'' || c == '"') {
                String quote = text.startsWith(String.valueOf(c).repeat(3), i) ? String.valueOf(c).repeat(3)
                        : String.valueOf(c);
                int end = i + quote.length();
                while (end < text.length() && !text.startsWith(quote, end)) {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                if (end >= text.length()) {
                    return null;
                }
                i = end + quote.length();
                continue;
            }
            if (c == '\\') {
                return null;
            }
            code[i] = true;
            i++;
        }
        return code;
    }

    /** The {@code (} of the call, when the line holds the callee followed by {@code (} exactly once in code. */
    private static int openingParenthesis(String text, boolean[] code, Call call) {
        String needle = call.callee().startsWith("?") ? call.callee().substring(1) : call.callee();
        if (needle.isEmpty()) {
            return -1;
        }
        int found = -1;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            if (!allCode(code, at, at + needle.length())
                    || needle.charAt(0) != '.' && at > 0 && isNamePart(text.charAt(at - 1))) {
                continue;
            }
            int p = at + needle.length();
            while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
                p++;
            }
            if (p < text.length() && text.charAt(p) == '(' && code[p]) {
                if (found >= 0) {
                    return -1; // twice on the line: which one is meant is not certain
                }
                found = p;
            }
        }
        return found;
    }

    private static int closingParenthesis(String text, boolean[] code, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (!code[i]) {
                continue;
            }
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return c == ')' ? i : -1;
                }
            }
        }
        return -1;
    }

    private static boolean allCode(boolean[] code, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!code[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    /**
     * Both lines read on their own give the same calls, the call among them, except that the fixed line's call
     * has the seed too: the edit touched nothing else.
     */
    private static boolean readsTheSame(String line, String fixed, Call call, String keyword, String seed) {
        List<Call> before = PythonModule.parse(line.strip()).calls();
        List<Call> after = PythonModule.parse(fixed.strip()).calls();
        if (before.size() != after.size()) {
            return false;
        }
        int changed = 0;
        boolean sawCall = false;
        for (int i = 0; i < before.size(); i++) {
            String a = shape(before.get(i), null);
            String b = shape(after.get(i), null);
            if (a.equals(b)) {
                continue;
            }
            changed++;
            Argument added = after.get(i).keyword(keyword);
            if (added == null || !added.text().equals(seed) || !shape(after.get(i), keyword).equals(a)
                    || !a.equals(shape(call, null))) {
                return false;
            }
            sawCall = true;
        }
        return changed == 1 && sawCall;
    }

    /** The call as written, but for a keyword left out: callee, argument texts, keywords by name. */
    private static String shape(Call call, String without) {
        List<String> parts = new ArrayList<>();
        parts.add(call.callee());
        call.positional().forEach(a -> parts.add(a.text()));
        call.keywords().forEach((k, v) -> {
            if (!k.equals(without)) {
                parts.add(k + "=" + v.text());
            }
        });
        parts.add(call.hasStar() + "," + call.hasDoubleStar());
        return String.join("\u0000", parts);
    }
}
