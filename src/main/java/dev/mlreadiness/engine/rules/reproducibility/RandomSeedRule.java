package dev.mlreadiness.engine.rules.reproducibility;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.mlreadiness.engine.Findings;
import dev.mlreadiness.engine.Rule;
import dev.mlreadiness.engine.RuleContext;
import dev.mlreadiness.engine.RuleDoc;
import dev.mlreadiness.engine.RuleInfo;
import dev.mlreadiness.engine.Scope;
import dev.mlreadiness.engine.Severity;
import dev.mlreadiness.engine.code.CodeFile;
import dev.mlreadiness.engine.python.Call;

/** {@code reproducibility/random-seed}: calls of random APIs pass a seed, or their library is seeded. */
public final class RandomSeedRule implements Rule {

    public static final RuleInfo INFO = new RuleInfo("reproducibility/random-seed", "Random calls without a seed",
            Severity.WARNING, Scope.LINE, new RuleDoc("""
                    Flags, in Python files and notebook code cells, a call of a random API that is not seeded.
                    Names are resolved through imports (`from sklearn.model_selection import train_test_split as
                    tts` makes `tts(...)` a `train_test_split`); strings, comments and docstrings never match. A
                    call that passes `**kwargs` is not flagged (the seed may be in there), and `random_state=None`
                    counts as no seed. A multi-line call is reported on the line of the function's name; in a
                    notebook, on the line of the `.ipynb` file holding that source line.

                    APIs with a seed argument must get it. Library-level random functions (`np.random.*`,
                    `random.*`, torch and tensorflow/keras random ops) are also fine when the file seeds that
                    library; a file (a notebook counts as one file) that calls any function whose name contains
                    `seed` (`np.random.seed`, `torch.manual_seed`, `set_seed`, `seed_everything`, ...) counts as
                    seeding every library, and a seeded `np.random.default_rng(42)` seeds numpy. We chose not to
                    excuse scikit-learn-style calls by a file-level seed: their results then depend on how many
                    random calls ran before them, and `random_state=` is the documented way. In a pull request
                    only changed files are read, and the seeds must be in the same file.

                    The APIs covered, first match wins:

                    """ + RandomApis.describe(), """
                    An unseeded split, initialisation or sampler gives a different model on every run: metrics
                    move between runs for no reason, a reported score cannot be reproduced, and a bug fix cannot
                    be told apart from noise. Reviewers rarely spot a missing `random_state`.
                    """, """
                    Pass a fixed seed (`random_state=42`, `seed=42`, `generator=torch.Generator().manual_seed(42)`)
                    to each random call, or seed the library once at the top of the file (`np.random.seed(42)`,
                    `torch.manual_seed(42)`, `tf.random.set_seed(42)`, `transformers.set_seed(42)`). Keep the seed in
                    one config value and document it.
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
                    """));

    /** Stands for "every library" in a file's set of seeded libraries. */
    private static final String ALL = "*";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Collection<String> reads(RuleContext ctx) {
        return CodeFilesToScan.paths(ctx);
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        for (CodeFile file : CodeFilesToScan.read(ctx)) {
            List<Call> calls = file.module().calls();
            // looked up once per call: both the file's seeds and the findings need it
            List<Optional<RandomApi>> apis = calls.stream().map(call -> RandomApis.find(file, call)).toList();
            Set<String> seeded = seededLibraries(calls, apis);
            for (int i = 0; i < calls.size(); i++) {
                Call call = calls.get(i);
                if (call.hasDoubleStar()) {
                    continue;
                }
                apis.get(i).ifPresent(api -> {
                    boolean coveredByFile = api.coveredBy() != null
                            && (seeded.contains(ALL) || seeded.contains(api.coveredBy()));
                    boolean seedMayBeStarred = api.seedPosition() >= 0 && call.hasStar();
                    if (!api.isSeeded(call) && !coveredByFile && !seedMayBeStarred
                            && api.condition().test().test(call)) {
                        out.line(file.path(), file.fileLine(call.line()), message(api, call), call.normalized());
                    }
                });
            }
        }
    }

    private static Set<String> seededLibraries(List<Call> calls, List<Optional<RandomApi>> apis) {
        Set<String> seeded = new HashSet<>();
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            if (RandomApis.isSeeding(call)) {
                seeded.add(ALL);
                return seeded;
            }
            apis.get(i).filter(api -> api.seeds() != null && api.isSeeded(call))
                    .ifPresent(api -> seeded.add(api.seeds()));
        }
        return seeded;
    }

    private static String message(RandomApi api, Call call) {
        // `?.sample` is a method on an expression: show it as `.sample`
        String written = call.callee().startsWith("?") ? call.callee().substring(1) : call.callee();
        String name = "`" + written + "`";
        String resolved = call.qualifiedName().substring(call.qualifiedName().lastIndexOf('.') + 1);
        if (!written.endsWith(resolved)) {
            name += " (`" + resolved + "`)"; // an alias: `tts` means little to a reader, train_test_split does
        }
        String keyword = api.seedKeywords().isEmpty() ? null : "`" + api.seedKeywords().get(0) + "=`";
        if (api.coveredBy() == null) {
            return "Pass a fixed " + (keyword != null ? keyword : "seed") + " to " + name
                    + " so it gives the same result on every run.";
        }
        return "Seed " + api.coveredBy() + " once in this file (" + RandomApis.LIBRARY_SEEDS.get(api.coveredBy())
                + ")" + (keyword != null ? " or pass " + keyword + " to " + name : "")
                + " so " + name + " gives the same result on every run.";
    }
}
