package dev.mlreadiness.engine.rules.reproducibility;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.mlreadiness.engine.TextLines;
import dev.mlreadiness.engine.code.CodeFile;
import dev.mlreadiness.engine.python.Call;
import dev.mlreadiness.engine.python.Expression;
import dev.mlreadiness.engine.python.Import;
import dev.mlreadiness.engine.python.PythonModule;
import dev.mlreadiness.engine.python.StringLiteral;
import dev.mlreadiness.engine.randomness.RandomApi;
import dev.mlreadiness.engine.randomness.RandomApis;
import dev.mlreadiness.engine.randomness.RepeatedLines;
import dev.mlreadiness.engine.randomness.SearchGrids;
import dev.mlreadiness.engine.randomness.SeedSuggestions;
import dev.mlreadiness.engine.rule.AbstractRule;
import dev.mlreadiness.engine.rule.CodeFileRule;
import dev.mlreadiness.engine.rule.CodeFilesToScan;
import dev.mlreadiness.engine.rule.CodeFindings;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;

/** {@code reproducibility/random-seed}: calls of random APIs pass a seed, or their library is seeded. */
public final class RandomSeedRule extends AbstractRule implements CodeFileRule {

    public static final RuleInfo INFO = new RuleInfo("reproducibility/random-seed", "Random calls without a seed",
            Severity.WARNING, Scope.LINE, new RuleDoc("""
                    Flags, in Python files and notebook code cells, a call of a random API that is not seeded.
                    Names are resolved through imports (`from sklearn.model_selection import train_test_split as
                    tts` makes `tts(...)` a `train_test_split`); strings, comments and docstrings never match. A
                    call that passes `**kwargs` is not flagged (the seed may be in there), and `random_state=None`
                    counts as no seed. A multi-line call is reported on the line of the function's name; in a
                    notebook, on the line of the `.ipynb` file holding that source line, the message led by the
                    cell as notebook viewers count it (`Cell 7 (In [5]), line 3: ...`).

                    A suggested change adds the seed (`random_state=42`, `seed=42`, `random_seed=42`; the value is
                    `seed:` in the config) when the fix is mechanical: in a `.py` file, a call that opens and
                    closes on its line, appears there once outside strings and comments, passes no `*args`,
                    `**kwargs` nor any seed (not even `None`), and whose API takes a plain number (not
                    `generator=`, `sampler=` or `rstate=`; not a library-level function such as `np.random.rand`,
                    which a file-level seed fixes). None where the seed would change what the code does: a call
                    in a `for`/`while` body, a comprehension or on a line holding a loop (every bootstrap
                    `df.sample(frac=1, replace=True)` would be the same sample), a generator (`default_rng`,
                    `RandomState`) built inside a function or lambda (every call would give the same noise), and a
                    method such as `.sample` or `.train_test_split`, whose receiver may be any object
                    (`gmm.sample(100)` takes no `random_state`). Two findings on one line get none: each
                    suggestion replaces the whole line, so applying both would keep only one seed.

                    APIs with a seed argument must get it. Library-level random functions (`np.random.*`,
                    `random.*`, torch and tensorflow/keras random ops) are also fine when the file seeds that
                    library; a file (a notebook counts as one file) that calls any function whose name contains
                    `seed` (`np.random.seed`, `torch.manual_seed`, `set_seed`, `seed_everything`, ...) counts as
                    seeding every library, and a seeded `np.random.default_rng(42)` seeds numpy.

                    A seed in a hyper-parameter search's grid counts: an estimator given to a `*SearchCV` (inline
                    or through a variable the file assigns) whose grid (a dict, `dict(...)` or a list of them,
                    inline or through a variable) has a `random_state`, `seed` or `random_seed` key is seeded; a
                    `clf__random_state` key seeds the step `clf` of a `Pipeline` (`make_pipeline`'s lower-cased
                    class names, the named estimators of `ColumnTransformer`, `FeatureUnion`, stacking and voting
                    ensembles, a wrapper's `estimator__...`). A grid value of only `None` seeds nothing.

                    Where we depart from the original list: XGBoost, LightGBM and CatBoost estimators are not
                    flagged without a seed, because their defaults are fixed seeds (the table names each
                    library's documentation). Hugging Face `Dataset.shuffle()` is checked only in a file importing
                    `datasets` and, like `Dataset.train_test_split()`, is also fine when the file seeds numpy
                    (`datasets` derives the seed from numpy's global state). Optuna's `create_study()` needs a
                    sampler given `seed=` (inline or through a variable; a sampler the file does not show, such as
                    a factory's result, is trusted). hyperopt's `fmin()` needs `rstate=` or the
                    `HYPEROPT_FMIN_SEED` environment variable named in the file: it draws from a fresh random state
                    otherwise, so a file-level seed does not help. Keras random augmentation
                    (`ImageDataGenerator` with a random transform, the `Random*` preprocessing layers) and
                    `fit(shuffle=True)` are flagged only in a file that sets no seed (`keras.utils.set_random_seed`,
                    `tf.random.set_seed`, any seeding call); a `seed=` passed to an `ImageDataGenerator`'s
                    `flow*()` seeds it too. `fit()` shuffles by default, but only an explicit `shuffle=True` is
                    reported: every `fit()` would be noise. imgaug augmenters need `ia.seed(...)` in the file (or
                    their own `seed=`); the augmenters nested in one pipeline are reported once, on its outermost
                    call.

                    The APIs covered, first match wins:

                    """ + RandomApis.describe(), """
                    An unseeded split, initialisation or sampler gives a different model on every run: metrics
                    move between runs for no reason, a reported score cannot be reproduced, and a bug fix cannot
                    be told apart from noise. Reviewers rarely spot a missing `random_state`.
                    """, """
                    Pass a fixed seed (`random_state=42`, `seed=42`, `generator=torch.Generator().manual_seed(42)`,
                    `sampler=optuna.samplers.TPESampler(seed=42)`, `rstate=np.random.default_rng(42)`) to each
                    random call, or seed the library once at the top of the file (`np.random.seed(42)`,
                    `torch.manual_seed(42)`, `keras.utils.set_random_seed(42)`, `transformers.set_seed(42)`,
                    `ia.seed(42)`). Keep the seed in one config value and document it.
                    """, """
                    ```python
                    from sklearn.model_selection import train_test_split
                    import numpy as np

                    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)
                    noise = np.random.normal(size=100)
                    ```
                    """, """
                    ```python
                    from sklearn.model_selection import train_test_split
                    import numpy as np

                    SEED = 42
                    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)
                    rng = np.random.default_rng(SEED)
                    noise = rng.normal(size=100)
                    ```
                    """).withKnownProblems("""
                    A file-level seed does not excuse scikit-learn-style calls: their results would then depend on how
                    many random calls ran before them, and `random_state=` is the documented way. A seed counts only in
                    the same file as the call; in a pull request only changed files are read.
                    """));

    /** Stands for "every library" in a file's set of seeded libraries. */
    private static final String ALL = "*";
    /** A call no table entry covers. */
    private static final RandomApi NONE = RandomApi.api("");

    public RandomSeedRule() {
        super(INFO, CodeFilesToScan.CODE);
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        for (CodeFile file : CodeFilesToScan.read(ctx)) {
            check(ctx, file, out);
        }
    }

    /** Each file on its own: nothing is kept between files, gaps are reported in the file checked. */
    @Override
    public boolean checksFilesApart() {
        return true;
    }

    @Override
    public void check(RuleContext ctx, CodeFile file, Findings out) {
        PythonModule module = file.module();
        List<Call> calls = module.calls();
        Set<String> imported = importedModules(module);
        // one table lookup per distinct callee of the file: the answer depends on nothing else
        Map<String, RandomApi> byCallee = new HashMap<>();
        List<RandomApi> apis = new ArrayList<>(calls.size());
        boolean searches = false;
        for (Call call : calls) {
            apis.add(byCallee.computeIfAbsent(call.callee(), k -> RandomApis.find(file, call, imported).orElse(NONE)));
            searches |= call.simpleName().endsWith("SearchCV");
        }
        Map<String, Boolean> seededNames = new HashMap<>();
        Set<String> seeded = seededLibraries(module, calls, apis, seededNames);
        Set<Integer> gridSeeded = searches ? SearchGrids.seededEstimators(module) : Set.of();
        Set<String> strings = null;
        int[] outer = null;
        // an outermost call -> whether random calls nested in it were flagged too, in source order
        Map<Integer, Boolean> outermost = new TreeMap<>();
        TextLines[] lines = new TextLines[1];
        RepeatedLines[] repeated = new RepeatedLines[1];
        List<Flagged> found = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            RandomApi api = apis.get(i);
            if (api == NONE || call.hasDoubleStar() || gridSeeded.contains(i) || !api.condition().test().test(call)) {
                continue;
            }
            boolean coveredByFile = api.coveredBy() != null
                    && (seeded.contains(ALL) || seeded.contains(api.coveredBy()));
            boolean seedMayBeStarred = api.seedPosition() >= 0 && call.hasStar();
            if (coveredByFile || seedMayBeStarred || api.isSeeded(module, i, call, seededNames)) {
                continue;
            }
            if (api.envSeed() != null) {
                strings = strings != null ? strings : stringValues(module);
                if (strings.contains(api.envSeed())) {
                    continue;
                }
            }
            if (api.isOutermost()) {
                outer = outer != null ? outer : outermostCalls(module, apis);
                outermost.merge(outer[i], outer[i] != i, Boolean::logicalOr);
            } else {
                found.add(new Flagged(i, false));
            }
        }
        outermost.forEach((i, nested) -> found.add(new Flagged(i, nested)));
        // two findings on one line: each suggestion would replace the line without the other's seed, so neither
        // gets one (applying both would keep only one fix)
        Map<Integer, Integer> perLine = new HashMap<>();
        found.forEach(f -> perLine.merge(calls.get(f.call()).line(), 1, Integer::sum));
        for (Flagged f : found) {
            Call call = calls.get(f.call());
            RandomApi api = apis.get(f.call());
            CodeFindings.line(out, file, call.line(), f.nested() ? nestedMessage(api, call) : message(api, call),
                    call.normalized(), f.nested() || perLine.get(call.line()) > 1 ? null
                            : suggestion(ctx, file, call, api, lines, repeated));
        }
    }

    /** A reported call, by index; nested: reported for the random augmenters nested in it. */
    private record Flagged(int call, boolean nested) {
    }

    /**
     * The call's line with the seed argument added ({@code seed:} of the config), when the fix is mechanical and
     * certain (see {@link SeedSuggestions}); never in a notebook, whose lines are JSON.
     *
     * @param lines the file's lines, read on the first suggestion: [0]
     * @param repeated the file's lines that may run more than once, read on the first suggestion: [0]
     */
    private static String suggestion(RuleContext ctx, CodeFile file, Call call, RandomApi api, TextLines[] lines,
            RepeatedLines[] repeated) {
        if (file.notebook().isPresent()) {
            return null;
        }
        Optional<String> keyword = SeedSuggestions.keyword(api);
        if (keyword.isEmpty()) {
            return null;
        }
        if (repeated[0] == null) {
            repeated[0] = RepeatedLines.of(file.module().tokens());
        }
        if (SeedSuggestions.changesBehaviour(api, call, repeated[0])) {
            return null;
        }
        if (lines[0] == null) {
            lines[0] = ctx.snapshot().bytes(file.path()).flatMap(TextLines::of).orElse(null);
            if (lines[0] == null) {
                return null;
            }
        }
        return SeedSuggestions.fixedLine(lines[0].lineWithoutEnding(call.line()), call, api, keyword.get(),
                ctx.config().seed()).orElse(null);
    }

    private static Set<String> seededLibraries(PythonModule module, List<Call> calls, List<RandomApi> apis,
            Map<String, Boolean> seededNames) {
        Set<String> seeded = new HashSet<>();
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            if (RandomApis.isSeeding(call)) {
                seeded.add(ALL);
                return seeded;
            }
            RandomApi api = apis.get(i);
            if (api.seeds() != null && api.isSeeded(module, i, call, seededNames)) {
                seeded.add(api.seeds());
            }
        }
        return seeded;
    }

    /** The top-level modules the file imports ({@code tensorflow} for {@code from tensorflow import keras}). */
    private static Set<String> importedModules(PythonModule module) {
        Set<String> modules = new HashSet<>();
        for (Import i : module.imports()) {
            String m = i.module();
            if (!m.isEmpty() && m.charAt(0) != '.') {
                int dot = m.indexOf('.');
                modules.add(dot < 0 ? m : m.substring(0, dot));
            }
        }
        return modules;
    }

    private static Set<String> stringValues(PythonModule module) {
        Set<String> values = new HashSet<>();
        for (StringLiteral s : module.strings()) {
            if (!s.docstring()) {
                values.add(s.value());
            }
        }
        return values;
    }

    /**
     * For each call, the outermost call of an {@link RandomApi#isOutermost()} entry of the same library whose
     * arguments hold it (itself when there is none). Calls come outer first, so each tree is walked once.
     */
    private static int[] outermostCalls(PythonModule module, List<RandomApi> apis) {
        int[] outer = new int[apis.size()];
        Arrays.fill(outer, -1);
        ArrayDeque<Expression> todo = new ArrayDeque<>();
        for (int i = 0; i < outer.length; i++) {
            RandomApi api = apis.get(i);
            if (outer[i] >= 0 || api == NONE || !api.isOutermost()) {
                continue;
            }
            outer[i] = i;
            todo.add(module.callExpression(i));
            while (!todo.isEmpty()) {
                Expression e = todo.pop();
                if (e instanceof Expression.Call c) {
                    if (c.index() != i && outer[c.index()] < 0 && apis.get(c.index()).isOutermost()
                            && Objects.equals(apis.get(c.index()).coveredBy(), api.coveredBy())) {
                        outer[c.index()] = i;
                    }
                    todo.addAll(c.positional());
                    todo.addAll(c.keywords().values());
                } else if (e instanceof Expression.Sequence s) {
                    todo.addAll(s.elements());
                } else if (e instanceof Expression.Dict d) {
                    todo.addAll(d.entries().values());
                }
            }
        }
        return outer;
    }

    private static String message(RandomApi api, Call call) {
        String name = displayName(call);
        String keyword = api.seedKeywords().isEmpty() ? null : api.seedKeywords().get(0) + "=";
        String argument = keyword == null ? null : "`" + keyword + (api.example() != null ? api.example() : "") + "`";
        if (api.coveredBy() == null) {
            return "Pass " + (api.example() != null ? argument : "a fixed " + (argument != null ? argument : "seed"))
                    + " to " + name + (api.envSeed() != null ? " (or set `" + api.envSeed() + "`)" : "")
                    + " so it gives the same result on every run.";
        }
        return "Seed " + api.coveredBy() + " once in this file (" + RandomApis.LIBRARY_SEEDS.get(api.coveredBy())
                + ")" + (argument != null ? " or pass " + argument + " to " + name : "")
                + " so " + name + " gives the same result on every run.";
    }

    /** For an outermost call reported for the random calls nested in it: only the file-level seed fixes them. */
    private static String nestedMessage(RandomApi api, Call call) {
        return "Seed " + api.coveredBy() + " once in this file (" + RandomApis.LIBRARY_SEEDS.get(api.coveredBy())
                + ") so the random augmenters in " + displayName(call) + " give the same result on every run.";
    }

    private static String displayName(Call call) {
        // `?.sample` is a method on an expression: show it as `.sample`
        String written = call.callee().startsWith("?") ? call.callee().substring(1) : call.callee();
        String name = "`" + written + "`";
        String resolved = call.qualifiedName().substring(call.qualifiedName().lastIndexOf('.') + 1);
        if (!written.endsWith(resolved)) {
            name += " (`" + resolved + "`)"; // an alias: `tts` means little to a reader, train_test_split does
        }
        return name;
    }
}
