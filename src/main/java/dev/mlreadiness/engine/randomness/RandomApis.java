package dev.mlreadiness.engine.randomness;

import static dev.mlreadiness.engine.randomness.RandomApi.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import dev.mlreadiness.engine.code.CodeFile;
import dev.mlreadiness.engine.python.Call;
import dev.mlreadiness.engine.python.ValueKind;
import dev.mlreadiness.engine.randomness.RandomApi.Condition;

/**
 * The knowledge of which APIs are random and how each is seeded, as one table: to cover a new API, add a line.
 * The first entry that matches a call decides. A call whose function name contains {@code seed} is never random
 * here: it is a seeding call, and it seeds every library of its file (the spec's rule).
 */
public final class RandomApis {

    static final String NUMPY = "numpy";
    static final String RANDOM = "random";
    static final String TORCH = "torch";
    static final String TENSORFLOW = "tensorflow";
    static final String KERAS = "keras";
    static final String IMGAUG = "imgaug";

    /** How to seed each library once per file, for messages. */
    public static final Map<String, String> LIBRARY_SEEDS = Map.of(
            NUMPY, "`np.random.seed(42)`",
            RANDOM, "`random.seed(42)`",
            TORCH, "`torch.manual_seed(42)`",
            TENSORFLOW, "`tf.random.set_seed(42)`",
            KERAS, "`keras.utils.set_random_seed(42)`",
            IMGAUG, "`ia.seed(42)`");

    private static final String RS = "random_state";
    /** Where the boosting libraries document their fixed default seeds. */
    private static final String XGBOOST_DEFAULT = "seeded by default: `seed` defaults to 0 "
            + "(xgboost.readthedocs.io, XGBoost Parameters)";
    private static final String LIGHTGBM_DEFAULT = "seeded by default: `random_state=None` uses LightGBM's fixed "
            + "C++ default seeds (`bagging_seed` 3, `feature_fraction_seed` 2, ...; lightgbm.readthedocs.io, "
            + "Parameters and `LGBMModel`)";
    private static final String CATBOOST_DEFAULT = "seeded by default: `random_seed` defaults to 0 "
            + "(catboost.ai, Training parameters, common)";

    public static final List<RandomApi> TABLE = List.of(
            // scikit-learn: estimators, splitters and helpers that take random_state
            api("sklearn.**.train_test_split").seededBy(RS).when(Condition.unlessFalse("shuffle")),
            api("sklearn.**.{KFold,StratifiedKFold,GroupKFold,StratifiedGroupKFold}").seededBy(RS)
                    .when(Condition.isTrue("shuffle")),
            api("sklearn.**.{RepeatedKFold,RepeatedStratifiedKFold,ShuffleSplit,StratifiedShuffleSplit,"
                    + "GroupShuffleSplit}").seededBy(RS),
            api("sklearn.**.{RandomForest*,ExtraTree*,GradientBoosting*,HistGradientBoosting*,DecisionTree*,"
                    + "AdaBoost*,Bagging*,IsolationForest,RandomTreesEmbedding}").seededBy(RS),
            api("sklearn.**.{KMeans,MiniBatchKMeans,BisectingKMeans,GaussianMixture,BayesianGaussianMixture,TSNE,"
                    + "FastICA}").seededBy(RS),
            api("sklearn.**.PCA").seededBy(RS).when(Condition.stringIn("svd_solver", false, "randomized", "arpack")),
            api("sklearn.**.TruncatedSVD").seededBy(RS).when(Condition.stringIn("algorithm", true, "randomized")),
            api("sklearn.**.{MLP*,SGD*}").seededBy(RS),
            api("sklearn.**.{RandomizedSearchCV,HalvingRandomSearchCV}").seededBy(RS),
            api("sklearn.**.{make_classification,make_regression,make_blobs,make_moons,make_circles,"
                    + "make_multilabel_classification}").seededBy(RS),
            api("sklearn.utils.**.{resample,shuffle}").seededBy(RS),
            // imbalanced-learn samplers
            api("imblearn.**.{RandomOverSampler,RandomUnderSampler,*SMOTE*,ADASYN,ClusterCentroids}").seededBy(RS),
            // gradient boosting libraries: their defaults are fixed seeds, so an estimator without one is
            // reproducible; listed so that the table says why they are not flagged
            api("xgboost.**.XGB*").seededBy(RS, "seed").when(Condition.never(XGBOOST_DEFAULT)),
            api("lightgbm.**.LGBM*").seededBy(RS, "seed").when(Condition.never(LIGHTGBM_DEFAULT)),
            api("catboost.**.CatBoost*").seededBy("random_seed", RS).when(Condition.never(CATBOOST_DEFAULT)),
            api("umap.**.UMAP").seededBy(RS),
            // hyper-parameter search: hyperopt draws from a fresh RandomState unless rstate= or the environment
            // variable; an Optuna study samples with an unseeded TPESampler unless given a seeded sampler
            api("hyperopt.**.fmin").seededBy("rstate").example("np.random.default_rng(42)")
                    .envSeed("HYPEROPT_FMIN_SEED"),
            api("optuna.**.create_study").seededBy("sampler").seededThrough("seed", "Sampler")
                    .example("optuna.samplers.TPESampler(seed=42)"),
            // pandas DataFrame/Series.sample; a bare .sample() (torch distributions) is not this one
            api(".sample").seededBy(RS).when(new Condition("`n=`/`frac=` given, or one number",
                    c -> c.keyword("n") != null || c.keyword("frac") != null || (c.positional().size() == 1
                            && c.positional().get(0).kind() == ValueKind.NUMBER))),
            // Hugging Face datasets: Dataset.train_test_split and .shuffle take seed= (or generator=); without
            // them they derive a seed from numpy's global state. .shuffle only in a file importing datasets:
            // its first positional argument is the seed, so numpy's rng.shuffle(array) is never taken for one
            api(".train_test_split").seededBy("seed", "generator").coveredBy(NUMPY),
            api(".shuffle").seededBy("seed", "generator").seedAt(0).coveredBy(NUMPY).onlyIfImported("datasets"),
            // Keras: a seed= passed to an ImageDataGenerator's flow seeds its random transforms
            api(".{flow,flow_from_directory,flow_from_dataframe}").seededBy("seed").seeds(KERAS)
                    .when(Condition.never("its own shuffling is left out, like `fit`'s default"))
                    .onlyIfImported(TENSORFLOW, KERAS),
            api(".fit").when(Condition.isTrue("shuffle")).coveredBy(KERAS).onlyIfImported(TENSORFLOW, KERAS),
            // numpy: seeded generators, then the legacy global functions
            api("numpy.random.default_rng").seededBy("seed").seedAt(0).seeds(NUMPY),
            api("numpy.random.RandomState").seededBy("seed").seedAt(0).seeds(NUMPY),
            api("numpy.random.*").coveredBy(NUMPY).except("Generator", "BitGenerator", "PCG64", "PCG64DXSM",
                    "MT19937", "Philox", "SFC64", "get_state", "set_state"),
            // Python's random module
            api("random.Random").seededBy("x").seedAt(0),
            api("random.*").coveredBy(RANDOM).except("SystemRandom", "getstate", "setstate"),
            // torch: random tensors, random initializers, shuffling loaders and splits
            api("torch.{rand*,multinomial,bernoulli,normal,poisson}").seededBy("generator").coveredBy(TORCH),
            api("torch.nn.init.{uniform_,normal_,xavier_*,kaiming_*,trunc_normal_,orthogonal_,sparse_}")
                    .seededBy("generator").coveredBy(TORCH),
            api("torch.utils.data.**.DataLoader").seededBy("generator").when(Condition.isTrue("shuffle"))
                    .coveredBy(TORCH),
            api("torch.utils.data.**.random_split").seededBy("generator").coveredBy(TORCH),
            // tensorflow and keras random ops take an op-level seed=
            api("{tensorflow,keras}.**.random.*").seededBy("seed").coveredBy(TENSORFLOW)
                    .except("Generator", "get_global_generator", "set_global_generator", "SeedGenerator"),
            // Keras random augmentation: preprocessing layers and ImageDataGenerator's random transforms
            api("{tensorflow,keras}.**.layers.**.{Random*,RandAugment,AugMix,CutMix,MixUp}").seededBy("seed")
                    .coveredBy(KERAS).except("RandomFourierFeatures"),
            api("{tensorflow,keras}.**.ImageDataGenerator").coveredBy(KERAS).when(Condition.anyGiven(
                    "rotation_range", "width_shift_range", "height_shift_range", "brightness_range", "shear_range",
                    "zoom_range", "channel_shift_range", "horizontal_flip", "vertical_flip")),
            // imgaug: a Sequential is random itself only with random_order=True; the augmenters nested in a
            // random one are reported with it
            api("imgaug.augmenters.**.Sequential").seededBy("seed", RS).when(Condition.isTrue("random_order"))
                    .coveredBy(IMGAUG).outermost(),
            api("imgaug.augmenters.**.*").seededBy("seed", RS).coveredBy(IMGAUG).outermost().except("Identity",
                    "Noop", "Resize", "Lambda", "AssertLambda", "AssertShape", "ChangeColorspace", "WithColorspace",
                    "WithChannels", "Grayscale", "Augmenter"));

    /**
     * The table's compiled patterns and its indexes, built on the first lookup rather than when the table is first
     * used: the rule's documentation reads the table at class initialisation, and a check that evaluates nothing
     * (an empty folder, not an ML project) should not pay for compiling every entry.
     */
    private static final class Index {
        static final List<Pattern> COMPILED = TABLE.stream().map(RandomApi::compile).toList();

        /**
         * The table's entries by the top-level module their qualified names start with ({@code sklearn},
         * {@code tensorflow} and {@code keras}, ...), and its method entries by method name, each list in table
         * order: a call is tested only against the few entries its name can match (running every entry's regex on
         * each call of each file was most of a full scan's rule time).
         */
        static final Map<String, int[]> BY_MODULE = index(false);
        static final Map<String, int[]> BY_METHOD = index(true);
    }

    private RandomApis() {
    }

    /**
     * The first table entry covering the call, if any; seeding calls (name contains "seed") never match.
     *
     * @param imported the top-level modules the file imports, for entries that apply only with one of them
     */
    public static Optional<RandomApi> find(CodeFile file, Call call, Set<String> imported) {
        if (isSeeding(call)) {
            return Optional.empty();
        }
        int[] candidates;
        if (file.isMethodOnValue(call)) {
            candidates = Index.BY_METHOD.get(call.simpleName());
        } else {
            List<String> names = file.qualifiedNames(call);
            candidates = Index.BY_MODULE.get(firstSegment(names.get(0)));
            for (int n = 1; n < names.size(); n++) { // `from m import *`: a bare name may be in several modules
                candidates = merge(candidates, Index.BY_MODULE.get(firstSegment(names.get(n))));
            }
        }
        if (candidates == null) {
            return Optional.empty();
        }
        for (int i : candidates) {
            RandomApi api = TABLE.get(i);
            if ((api.imports().isEmpty() || api.imports().stream().anyMatch(imported::contains))
                    && api.matches(file, call, Index.COMPILED.get(i))) {
                return Optional.of(api);
            }
        }
        return Optional.empty();
    }

    private static String firstSegment(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static int[] merge(int[] a, int[] b) {
        if (a == null || b == null || a == b) {
            return a == null ? b : a;
        }
        return IntStream.concat(Arrays.stream(a), Arrays.stream(b))
                .distinct().sorted().toArray();
    }

    /** See {@link Index#BY_MODULE}. */
    private static Map<String, int[]> index(boolean methods) {
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int i = 0; i < TABLE.size(); i++) {
            if (TABLE.get(i).pattern().startsWith(".") == methods) {
                for (String k : indexKeys(TABLE.get(i))) {
                    lists.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
                }
            }
        }
        Map<String, int[]> out = new HashMap<>();
        lists.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return Map.copyOf(out);
    }

    /**
     * The names an entry is indexed by: the alternatives of its first part ({@code tensorflow} and {@code keras}
     * for {@code {tensorflow,keras}.**.random.*}), or of its method name for {@code .name} patterns.
     *
     * @throws IllegalStateException when that part has a wildcard: every entry must be reachable by index
     */
    static Set<String> indexKeys(RandomApi api) {
        String p = api.pattern();
        String key = p.startsWith(".") ? p.substring(1) : p.substring(0, Math.max(p.indexOf('.'), 0));
        if (key.startsWith("{") && key.endsWith("}")) {
            key = key.substring(1, key.length() - 1);
        }
        if (!key.matches("[A-Za-z0-9_]+(,[A-Za-z0-9_]+)*")) {
            throw new IllegalStateException("a table entry needs a literal first module or method name: " + p);
        }
        return Set.of(key.split(","));
    }

    /** A call of a function whose name contains "seed" ({@code set_seed}, {@code manual_seed}, ...). */
    public static boolean isSeeding(Call call) {
        String name = call.qualifiedName().substring(call.qualifiedName().lastIndexOf('.') + 1);
        return name.toLowerCase(java.util.Locale.ROOT).contains("seed")
                || call.simpleName().toLowerCase(java.util.Locale.ROOT).contains("seed");
    }

    /**
     * The table as a Markdown table, for the rule's documentation. Built with plain appends (no string
     * concatenation, streams or lambdas): it runs when the rule's class is initialised, in every process, and each
     * new concatenation shape costs the JVM generated classes at start-up.
     */
    public static String describe() {
        StringBuilder md = new StringBuilder(8192).append("| API (qualified name) | seeded by | random when ")
                .append("| or seeded by the file's | a seeded call seeds the file's |\n|---|---|---|---|---|\n");
        for (RandomApi a : TABLE) {
            StringBuilder seed = new StringBuilder();
            for (String k : a.seedKeywords()) {
                separate(seed, ", ").append('`').append(k).append("=`");
            }
            if (a.seedPosition() >= 0) {
                separate(seed, ", ").append("positional argument ").append(a.seedPosition() + 1);
            }
            if (a.seedInside() != null) {
                seed.append(" given `").append(a.seedInside()).append("=`, inline or through a variable");
            }
            if (a.example() != null) {
                seed.append(" (e.g. `").append(a.example()).append("`)");
            }
            StringBuilder when = new StringBuilder(a.condition().text().isEmpty() ? "always" : a.condition().text());
            if (!a.imports().isEmpty()) {
                when.append(", in a file importing ");
                appendSorted(when, a.imports(), " or ");
            }
            StringBuilder file = new StringBuilder();
            if (a.coveredBy() != null) {
                file.append(a.coveredBy()).append(" seed");
            }
            if (a.envSeed() != null) {
                separate(file, ", ").append('`').append(a.envSeed()).append("` (environment)");
            }
            md.append("| `").append(a.pattern().replace("|", "\\|")).append('`');
            if (!a.except().isEmpty()) {
                md.append(" except ");
                appendSorted(md, a.except(), ", ");
            }
            md.append(" | ").append(seed.isEmpty() ? "—" : seed)
                    .append(" | ").append(when)
                    .append(" | ").append(file.isEmpty() ? "—" : file)
                    .append(" | ").append(a.seeds() == null ? "—" : a.seeds())
                    .append(" |\n");
        }
        return md.toString();
    }

    private static StringBuilder separate(StringBuilder sb, String separator) {
        return sb.isEmpty() ? sb : sb.append(separator);
    }

    /** Appends the names sorted, each in backticks, with the separator between them. */
    private static void appendSorted(StringBuilder sb, Set<String> names, String separator) {
        String[] sorted = names.toArray(new String[0]);
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (i > 0) {
                sb.append(separator);
            }
            sb.append('`').append(sorted[i]).append('`');
        }
    }
}
