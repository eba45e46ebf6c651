package dev.mlreadiness.engine.rules.reproducibility;

import static dev.mlreadiness.engine.rules.reproducibility.RandomApi.api;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.code.CodeFile;
import dev.mlreadiness.engine.python.Call;
import dev.mlreadiness.engine.rules.reproducibility.RandomApi.Condition;

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

    /** How to seed each library once per file, for messages. */
    static final Map<String, String> LIBRARY_SEEDS = Map.of(
            NUMPY, "`np.random.seed(42)`",
            RANDOM, "`random.seed(42)`",
            TORCH, "`torch.manual_seed(42)`",
            TENSORFLOW, "`tf.random.set_seed(42)`");

    private static final String RS = "random_state";

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
            // gradient boosting libraries and UMAP
            api("xgboost.**.XGB*").seededBy(RS, "seed"),
            api("lightgbm.**.LGBM*").seededBy(RS, "seed"),
            api("catboost.**.CatBoost*").seededBy("random_seed", RS),
            api("umap.**.UMAP").seededBy(RS),
            // pandas DataFrame/Series.sample; a bare .sample() (torch distributions) is not this one
            api(".sample").seededBy(RS).when(new Condition("`n=`/`frac=` given, or one number",
                    c -> c.keyword("n") != null || c.keyword("frac") != null || (c.positional().size() == 1
                            && c.positional().get(0).kind() == dev.mlreadiness.engine.python.ValueKind.NUMBER))),
            // Hugging Face datasets: Dataset.train_test_split takes seed= (or generator=); a value's .shuffle()
            // is left out, numpy's seeded Generator.shuffle looks the same
            api(".train_test_split").seededBy("seed", "generator"),
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
                    .except("Generator", "get_global_generator", "set_global_generator", "SeedGenerator"));

    private static final List<Pattern> COMPILED = TABLE.stream().map(RandomApi::compile).toList();

    /**
     * Per entry, the top-level modules a qualified name must start with to match it ({@code sklearn}, or
     * {@code tensorflow} and {@code keras}); null when the entry is a method pattern or its first part has a
     * wildcard. Most calls ({@code np.asarray}, {@code print}) then skip the regexes of every entry: running all
     * of them on each call of each file was most of a full scan's rule time.
     */
    private static final List<Set<String>> FIRST_MODULES = TABLE.stream().map(RandomApis::firstModules).toList();

    private RandomApis() {
    }

    /** The first table entry covering the call, if any; seeding calls (name contains "seed") never match. */
    public static Optional<RandomApi> find(CodeFile file, Call call) {
        if (isSeeding(call)) {
            return Optional.empty();
        }
        Set<String> modules = null;
        for (int i = 0; i < TABLE.size(); i++) {
            Set<String> first = FIRST_MODULES.get(i);
            if (first != null) {
                if (modules == null) {
                    modules = new HashSet<>();
                    for (String name : file.qualifiedNames(call)) {
                        int dot = name.indexOf('.');
                        modules.add(dot < 0 ? name : name.substring(0, dot));
                    }
                }
                if (first.stream().noneMatch(modules::contains)) {
                    continue; // cannot match: the entry's regex starts with one of these modules
                }
            }
            if (TABLE.get(i).matches(file, call, COMPILED.get(i))) {
                return Optional.of(TABLE.get(i));
            }
        }
        return Optional.empty();
    }

    /** See {@link #FIRST_MODULES}. */
    static Set<String> firstModules(RandomApi api) {
        String p = api.pattern();
        int dot = p.indexOf('.');
        if (dot <= 0) {
            return null; // a method pattern (".sample"), or one part only
        }
        String first = p.substring(0, dot);
        if (first.startsWith("{") && first.endsWith("}")) {
            first = first.substring(1, first.length() - 1);
        }
        if (!first.matches("[A-Za-z0-9_,]+")) {
            return null;
        }
        return Set.of(first.split(","));
    }

    /** A call of a function whose name contains "seed" ({@code set_seed}, {@code manual_seed}, ...). */
    public static boolean isSeeding(Call call) {
        String name = call.qualifiedName().substring(call.qualifiedName().lastIndexOf('.') + 1);
        return name.toLowerCase(java.util.Locale.ROOT).contains("seed")
                || call.simpleName().toLowerCase(java.util.Locale.ROOT).contains("seed");
    }

    /** The table as a Markdown table, for the rule's documentation. */
    public static String describe() {
        StringBuilder md = new StringBuilder("| API (qualified name) | seeded by | random when | or seeded by the file's |\n"
                + "|---|---|---|---|\n");
        for (RandomApi a : TABLE) {
            String seed = String.join(", ", a.seedKeywords().stream().map(k -> "`" + k + "=`").toList());
            if (a.seedPosition() >= 0) {
                seed += (seed.isEmpty() ? "" : ", ") + "positional argument " + (a.seedPosition() + 1);
            }
            md.append("| `").append(a.pattern().replace("|", "\\|")).append('`')
                    .append(a.except().isEmpty() ? "" : " except " + String.join(", ", a.except().stream().sorted()
                            .map(e -> "`" + e + "`").toList()))
                    .append(" | ").append(seed.isEmpty() ? "—" : seed)
                    .append(" | ").append(a.condition().text().isEmpty() ? "always" : a.condition().text())
                    .append(" | ").append(a.coveredBy() == null ? "—" : a.coveredBy() + " seed")
                    .append(" |\n");
        }
        return md.toString();
    }
}
