package dev.mlreadiness.engine.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.python.Argument;
import dev.mlreadiness.engine.python.Call;
import dev.mlreadiness.engine.python.Expression;
import dev.mlreadiness.engine.python.ValueKind;

/**
 * Reads one code file's calls for what documentation of training must name: the estimators it trains and the seeds
 * it fixes, into {@link CodeEvidence}.
 * <ul>
 * <li>estimators: calls of scikit-learn, XGBoost, LightGBM and CatBoost model classes, by their real names through
 * import aliases ({@code RFC()} after {@code from sklearn.ensemble import RandomForestClassifier as RFC}), and
 * {@code xgboost.train}/{@code lightgbm.train}. Scikit-learn classes count when their name ends in
 * {@code Classifier}, {@code Regressor} or {@code Regression}, or is one of {@link #SKLEARN_MODELS}; wrappers and
 * baselines ({@link #NOT_MODELS}) do not, nor does an estimator passed whole as an argument to a model or to a
 * preprocessing step ({@code IterativeImputer(estimator=BayesianRidge())}, {@code AdaBoostClassifier(Tree())});</li>
 * <li>seeds: an integer given as {@code random_state=}, {@code seed=} or {@code random_seed=}, or as the first
 * argument of a seeding call (a function whose name contains {@code seed}: {@code np.random.seed},
 * {@code torch.manual_seed}, {@code set_seed}) or of {@code default_rng}, {@code RandomState}, {@code Random},
 * {@code PRNGKey}; directly, or through a name assigned one integer in the file ({@code SEED = 42}); and the
 * integer default of a command-line option named for a seed ({@code add_argument("--seed", default=42)}). Seeds
 * read from configuration or arguments have no value in the code and are not collected. Seeds of a notebook count
 * only when the notebook trains a model ({@code .fit(}, {@code train(}, an estimator constructed): exploration samples
 * are not training. In a Python file that trains nothing, only seeding calls and seed options count (a training
 * script may import them): a generator or a {@code random_state=} of a demo-data script does not.</li>
 * </ul>
 */
final class TrainingReader {

    private static final Set<String> MODEL_LIBRARIES = Set.of("sklearn", "xgboost", "lightgbm", "catboost");
    static final Set<String> SKLEARN_MODELS = Set.of("SVC", "SVR", "LinearSVC", "LinearSVR", "NuSVC", "NuSVR",
            "OneClassSVM", "Ridge", "RidgeCV", "Lasso", "LassoCV", "ElasticNet", "ElasticNetCV", "Lars", "LassoLars",
            "BayesianRidge", "ARDRegression", "KernelRidge", "Perceptron", "GaussianNB", "MultinomialNB",
            "BernoulliNB", "ComplementNB", "CategoricalNB", "LinearDiscriminantAnalysis",
            "QuadraticDiscriminantAnalysis", "KMeans", "MiniBatchKMeans", "BisectingKMeans", "DBSCAN", "HDBSCAN",
            "OPTICS", "AgglomerativeClustering", "SpectralClustering", "MeanShift", "Birch", "GaussianMixture",
            "BayesianGaussianMixture", "IsolationForest", "LocalOutlierFactor", "EllipticEnvelope");
    /** Wrappers around another estimator, and baselines: the estimator inside is the model. */
    static final Set<String> NOT_MODELS = Set.of("DummyClassifier", "DummyRegressor", "OneVsRestClassifier",
            "OneVsOneClassifier", "OutputCodeClassifier", "MultiOutputClassifier", "MultiOutputRegressor",
            "ClassifierChain", "RegressorChain", "CalibratedClassifierCV", "TransformedTargetRegressor",
            "FrozenEstimator", "SelfTrainingClassifier");
    /** Preprocessing steps that take an estimator: the estimator they are given is not a model tried. */
    static final Set<String> ESTIMATOR_USERS = Set.of("IterativeImputer", "SelectFromModel", "RFE", "RFECV",
            "SequentialFeatureSelector");
    private static final Set<String> SEED_KEYWORDS = Set.of("random_state", "seed", "random_seed");
    private static final Set<String> SEEDED_CONSTRUCTORS = Set.of("default_rng", "RandomState", "Random", "PRNGKey");
    private static final Set<String> OPTION_CALLS = Set.of("add_argument", "option", "Option", "DEFINE_integer");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,20}");

    private final CodeFile file;
    private final List<Seed> seeds = new ArrayList<>();
    /** The seeds of seeding calls and seed options: a Python file's count even when it trains nothing itself. */
    private final List<Seed> globalSeeds = new ArrayList<>();
    private boolean trains;

    private TrainingReader(CodeFile file) {
        this.file = file;
    }

    static void read(CodeFile file, CodeEvidence out) {
        TrainingReader reader = new TrainingReader(file);
        List<Call> calls = file.module().calls();
        for (Call c : calls) {
            reader.call(c, calls, out);
        }
        if (reader.trains) {
            out.seeds.addAll(reader.seeds);
        } else if (file.notebook().isEmpty()) {
            out.seeds.addAll(reader.globalSeeds);
        }
    }

    private void call(Call c, List<Call> calls, CodeEvidence out) {
        String name = c.simpleName();
        if (name.equals("fit") || name.equals("fit_generator") || name.equals("train")) {
            trains = true;
        }
        java.util.Optional<String> model = estimator(c);
        if (model.isPresent()) {
            trains = true;
            if (!isPart(c, calls)) {
                out.estimators.add(new Evidence(file.path(), file.fileLine(c.line()), model.get()));
            }
        }
        for (String k : SEED_KEYWORDS) {
            Argument a = c.keyword(k);
            if (a != null) {
                seed(c, a, k + "=" + a.text());
            }
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if ((lower.contains("seed") || SEEDED_CONSTRUCTORS.contains(name)) && !c.positional().isEmpty()) {
            int before = seeds.size();
            seed(c, c.positional().get(0), c.callee() + "(" + c.positional().get(0).text() + ")");
            if (lower.contains("seed")) {
                globalSeeds.addAll(seeds.subList(before, seeds.size()));
            }
        }
        if (OPTION_CALLS.contains(name) && !c.positional().isEmpty()) {
            String flag = stringLiteral(c.positional().get(0).text());
            Argument def = c.keyword("default");
            if (def == null && name.equals("DEFINE_integer") && c.positional().size() > 1) {
                def = c.positional().get(1);
            }
            if (flag != null && flag.toLowerCase(java.util.Locale.ROOT).contains("seed") && def != null
                    && def.kind() == ValueKind.NUMBER && INTEGER.matcher(def.text()).matches()) {
                String option = name.equals("DEFINE_integer") ? "--" + flag : flag;
                Seed seed = new Seed(file.path(), file.fileLine(c.line()), def.text(), option,
                        option + " (default " + def.text() + ")");
                seeds.add(seed);
                globalSeeds.add(seed);
            }
        }
    }

    /**
     * Whether the call is passed, as a whole argument, to a model (the base estimator of a boosting, bagging or
     * stacking model) or to a preprocessing step that uses an estimator ({@link #ESTIMATOR_USERS}): the model is the
     * outer one, or the estimator is not a model tried ({@code IterativeImputer(estimator=BayesianRidge())}). Inside
     * a wrapper, a search or a pipeline the estimator is the model and still counts.
     */
    private boolean isPart(Call c, List<Call> calls) {
        String head = c.callee() + "(";
        for (Call outer : calls) {
            if (outer == c || c.line() < outer.line() || c.line() > outer.endLine()
                    || !(ESTIMATOR_USERS.contains(outer.simpleName()) || estimator(outer).isPresent())) {
                continue;
            }
            List<Argument> args = new ArrayList<>(outer.positional());
            args.addAll(outer.keywords().values());
            for (Argument a : args) {
                if (a.text().startsWith(head)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A seed argument: an integer literal, or a name the file assigns one integer literal. */
    private void seed(Call c, Argument a, String code) {
        int line = file.fileLine(c.line());
        if (a.kind() == ValueKind.NUMBER && INTEGER.matcher(a.text()).matches()) {
            seeds.add(new Seed(file.path(), line, a.text(), null, code));
        } else if (a.kind() == ValueKind.NAME && a.text().indexOf('.') < 0) {
            List<Expression> values = file.module().assignedValues(a.text());
            if (values.size() == 1 && values.get(0) instanceof Expression.Literal lit
                    && lit.kind() == ValueKind.NUMBER && INTEGER.matcher(lit.text()).matches()) {
                seeds.add(new Seed(file.path(), line, lit.text(), a.text(), code));
            }
        }
    }

    /** The model a call constructs, by its real name, if it is one. */
    private java.util.Optional<String> estimator(Call c) {
        if (file.isMethodOnValue(c)) {
            return java.util.Optional.empty();
        }
        for (String q : file.qualifiedNames(c)) {
            int dot = q.indexOf('.');
            if (dot < 0 || !MODEL_LIBRARIES.contains(q.substring(0, dot))) {
                continue;
            }
            String root = q.substring(0, dot);
            String simple = q.substring(q.lastIndexOf('.') + 1);
            if (simple.equals("train") && (root.equals("xgboost") || root.equals("lightgbm"))) {
                return java.util.Optional.of(root.equals("xgboost") ? "XGBoost" : "LightGBM");
            }
            if (isModelClass(root, simple)) {
                return java.util.Optional.of(simple);
            }
        }
        return java.util.Optional.empty();
    }

    static boolean isModelClass(String library, String simple) {
        if (simple.isEmpty() || !Character.isUpperCase(simple.charAt(0)) || NOT_MODELS.contains(simple)) {
            return false;
        }
        return switch (library) {
            case "sklearn" -> simple.endsWith("Classifier") || simple.endsWith("Regressor")
                    || simple.endsWith("Regression") || simple.endsWith("RegressionCV")
                    || SKLEARN_MODELS.contains(simple);
            case "xgboost" -> simple.startsWith("XGB") && !simple.equals("XGBModel");
            case "lightgbm" -> simple.startsWith("LGBM") && !simple.equals("LGBMModel");
            case "catboost" -> simple.startsWith("CatBoost") && (simple.endsWith("Classifier")
                    || simple.endsWith("Regressor") || simple.endsWith("Ranker"));
            default -> false;
        };
    }

    /** The content of a plain one-part string literal, else null. */
    private static String stringLiteral(String text) {
        if (text.length() < 2) {
            return null;
        }
        char q = text.charAt(0);
        return (q == '"' || q == '\'') && text.charAt(text.length() - 1) == q && text.indexOf(q, 1) == text.length() - 1
                ? text.substring(1, text.length() - 1)
                : null;
    }
}
