package dev.mlreadiness.engine.rules.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.mlreadiness.engine.code.CodeEvidence;
import dev.mlreadiness.engine.code.Evidence;
import dev.mlreadiness.engine.docs.DocSection;
import dev.mlreadiness.engine.docs.DocsOutline;
import dev.mlreadiness.engine.docs.SectionCheck;
import dev.mlreadiness.engine.docs.SectionSearch;
import dev.mlreadiness.engine.markdown.InlineCode;
import dev.mlreadiness.engine.markdown.Table;
import dev.mlreadiness.engine.markdown.WordMatcher;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;

/** {@code docs/experiments}: the docs say which models were tried and with which metrics they were compared. */
public final class ExperimentsRule extends SectionRule {

    private static final SectionCheck SECTION = new SectionCheck(List.of("experiment", "model selection",
            "result", "evaluation", "benchmark", "hyperparameter", "metric", "performance", "ablation", "comparison",
            "leaderboard", "model zoo"), "Experiments",
            "which models were tried, with which hyperparameters, and the metrics that picked the winner");

    /** Metric names, matched as whole words ({@code F1-score} holds {@code f1}; {@code map} is left out: prose). */
    static final List<String> METRICS = List.of("accuracy", "balanced accuracy", "precision", "recall", "f1",
            "f score", "fbeta", "auc", "roc", "auroc", "pr auc", "average precision", "rmse", "mae", "mse", "mape",
            "smape", "r2", "r squared", "mean absolute error", "mean squared error", "log loss", "cross entropy",
            "bleu", "rouge", "meteor", "perplexity", "wer", "cer", "iou", "dice", "ndcg", "mrr", "hit rate",
            "top 1", "top 5", "mcc", "kappa", "silhouette", "psnr", "ssim", "fid", "exact match");

    /**
     * What a metric table may name besides {@link #METRICS}: names too short or too common to count in prose
     * ({@code mAP}, {@code loss}), read only in a header cell or a first-column cell with a score next to it.
     */
    private static final List<String> TABLE_METRICS = Stream.concat(METRICS.stream(), Stream.of("map", "map50",
            "ap", "ap50", "ap75", "miou", "loss", "acc", "ppl", "error rate", "spearman", "pearson")).toList();

    /** A score: {@code 0.84}, {@code 84.2%}, {@code 71.3 ± 0.4}, {@code <0.01}; cells are capped in length first. */
    private static final Pattern SCORE = Pattern.compile(
            "[<>~≈]?[-+]?(\\d+(\\.\\d*)?|\\.\\d+) ?%?( ?(±|\\+-|\\+/-) ?\\d+(\\.\\d*)? ?%?)?");

    private static final int MAX_SCORE_LENGTH = 40;

    /** Read for its {@code metrics:}: with {@code params.yaml}, DVC tracks the experiments. */
    private static final String DVC_YAML = "dvc.yaml";

    /** A score in prose: {@code 0.91}, {@code .91}, {@code 93 %}, {@code 1200}; one-digit integers are counts. */
    private static final Pattern PROSE_SCORE = Pattern.compile("(?<![\\w.])(\\d*\\.\\d+|\\d+ ?%|\\d{2,})(?![\\w])");
    /** Digits that are part of a metric's name. */
    private static final Pattern METRIC_DIGITS = Pattern.compile(
            "(?i)\\b(f[- ]?1|f[- ]?2|r[- ]?2|r²|top[- ]?\\d+|ap\\d*|map\\d*|bleu[- ]?\\d|rouge[- ]?\\w+|recall@\\d+|"
                    + "precision@\\d+|ndcg@\\d+|hit@\\d+)\\b");
    /** What shows an experiment tracker in the docs: its host in a link, or its UI command. */
    private static final List<String> TRACKER_MARKS = List.of("wandb.ai/", "neptune.ai/", "comet.com/", "comet.ml/",
            "dagshub.com/", "tensorboard.dev/", "studio.iterative.ai/", "mlflow ui", "mlflow server", "dvc exp show",
            "dvc metrics show", "mlflow.", "/mlflow");
    private static final List<String> METRIC_FILES = List.of("metrics.json", "metrics.yaml", "metrics.yml");
    private static final int MAX_TEXT = 500_000;
    private static final int MAX_MODELS_NAMED = 5;
    /** Outlier filters, clusterings and mixtures: helpers when a supervised model is trained. */
    private static final java.util.Set<String> UNSUPERVISED = java.util.Set.of("IsolationForest",
            "LocalOutlierFactor", "EllipticEnvelope", "OneClassSVM", "KMeans", "MiniBatchKMeans", "BisectingKMeans",
            "DBSCAN", "HDBSCAN", "OPTICS", "AgglomerativeClustering", "SpectralClustering", "MeanShift", "Birch",
            "GaussianMixture", "BayesianGaussianMixture");
    private static final Pattern EXPLORATION = Pattern.compile("(?<![a-z])eda(?![a-z])|explor|analysis|visuali");

    /** Prose names of model families, by the start of the class names they stand for. */
    private static final Map<String, List<String>> PROSE_NAMES = new LinkedHashMap<>();
    static {
        PROSE_NAMES.put("XGB", List.of("xgboost", "xgb"));
        PROSE_NAMES.put("LGBM", List.of("lightgbm", "lgbm", "light gbm"));
        PROSE_NAMES.put("CatBoost", List.of("catboost"));
        PROSE_NAMES.put("SVC", List.of("svm", "support vector"));
        PROSE_NAMES.put("SVR", List.of("svm", "support vector"));
        PROSE_NAMES.put("LinearSV", List.of("svm", "linear svm", "support vector"));
        PROSE_NAMES.put("NuSV", List.of("svm", "support vector"));
        PROSE_NAMES.put("OneClassSVM", List.of("svm", "one class svm"));
        PROSE_NAMES.put("KNeighbors", List.of("knn", "k nn", "nearest neighbors", "nearest neighbours",
                "nearest neighbor", "nearest neighbour"));
        PROSE_NAMES.put("MLP", List.of("mlp", "neural network", "neural net", "perceptron"));
        PROSE_NAMES.put("HistGradientBoosting", List.of("gradient boosting", "gradient boosted", "gbm", "gbdt"));
        PROSE_NAMES.put("GradientBoosting", List.of("gradient boosting", "gradient boosted", "gbm", "gbdt"));
        PROSE_NAMES.put("RandomForest", List.of("random forest", "rf"));
        PROSE_NAMES.put("DecisionTree", List.of("decision tree", "cart"));
        PROSE_NAMES.put("ExtraTrees", List.of("extra trees", "extremely randomized trees"));
        PROSE_NAMES.put("KMeans", List.of("k means", "kmeans"));
        PROSE_NAMES.put("MiniBatchKMeans", List.of("k means", "kmeans"));
        PROSE_NAMES.put("SGD", List.of("sgd", "stochastic gradient descent"));
        PROSE_NAMES.put("LinearDiscriminantAnalysis", List.of("lda", "linear discriminant"));
        PROSE_NAMES.put("QuadraticDiscriminantAnalysis", List.of("qda", "quadratic discriminant"));
        PROSE_NAMES.put("Voting", List.of("voting", "ensemble"));
        PROSE_NAMES.put("Stacking", List.of("stacking", "stacked", "ensemble"));
        PROSE_NAMES.put("GaussianProcess", List.of("gaussian process"));
        PROSE_NAMES.put("LogisticRegression", List.of("logistic regression", "logit"));
    }

    public static final RuleInfo INFO = new RuleInfo("docs/experiments", "Document experiments and model selection",
            Severity.WARNING, Scope.REPOSITORY, new RuleDoc(
                    """
                    Passes when a section of the documentation set whose heading contains experiment, model \
                    selection, result, evaluation, benchmark, hyperparameter, metric, performance, ablation, \
                    comparison, leaderboard or model zoo (add words under `sections: docs/experiments:`) names at \
                    least one metric as a whole word (accuracy, precision, recall, F1, AUC/ROC, RMSE, MAE, MSE, R², \
                    log loss, BLEU, ROUGE, perplexity, WER, IoU, NDCG, ...), in its text, tables or subsections. \
                    Also passes with a metric table anywhere in the documentation set, under any heading (`## Test`) \
                    or none: a Markdown table whose header cell names a metric with a score below it, or whose \
                    first column names a metric with a score in its row (there mAP, AP, mIoU, loss, acc and PPL \
                    count too). Also passes when an experiment tracker is in use: code that uses MLflow, W&B, \
                    Neptune or Comet, or DVC `params.yaml` with metrics (a `dvc.yaml` declaring `metrics`, or a \
                    `metrics.json`/`metrics.yaml`). A matching section that names no metric is reported as such.

                    What it says is checked against the code (issue 14):

                    - a metric needs its value: a matching section passes when a metric and a score stand on the \
                    same line or the next (`AUC 0.91`, `an F1 of 0.7`, `accuracy: 93 %`, `### ROC AUC` over \
                    `0.84 on hold-out`); a section that names metrics without a score ("Accuracy was good.") is \
                    reported as giving no score, unless a metric table, a tracker in the code, a committed \
                    `metrics.json`/`metrics.yaml` anywhere, or a tracker link in the docs (`wandb.ai/`, \
                    `neptune.ai/`, `comet.com/`, `dagshub.com/`, an MLflow server, `dvc exp show`) holds the scores;
                    - the models the code trains are named: every scikit-learn, XGBoost, LightGBM or CatBoost \
                    estimator the code constructs (by its real class name, whatever alias it is imported under; \
                    wrappers such as `CalibratedClassifierCV` and `DummyClassifier` baselines left out) must appear \
                    somewhere in the documentation set, by its class name (`RandomForestClassifier`, \
                    `RandomForest`) or a common prose name (`random forest`, `logistic regression`, `XGBoost`, \
                    `SVM`, `k-NN`, `gradient boosting`, `naive Bayes`). Asked only when the docs document \
                    experiments (a matching section or a metric table): a repository whose record is only its \
                    tracker is not asked to copy it. Models the code builds otherwise (a `torch.nn.Module`, a Hugging \
                    Face checkpoint) are not asked for: their names are too free to match.

                    """ + SectionCheck.HOW_SECTIONS_MATCH,
                    """
                    Selecting a model is a decision that has to be re-made when data or requirements change. If \
                    the models considered, the metrics used and the hyperparameters tried are not written down, \
                    the next person repeats the search, or trusts a model without knowing what it beat.""",
                    "Add a `## Experiments` section listing the models tried, the hyperparameters searched and a "
                            + "table of their scores on the validation set, naming the metric; or log runs with an "
                            + "experiment tracker (MLflow, W&B, DVC) and link to it.",
                    """
                    ```markdown
                    ## Results
                    We tried a few models and the forest was best.
                    ```""",
                    """
                    ```markdown
                    ## Results
                    Validation set (20 % hold-out, stratified), 5-fold CV on the rest for tuning:

                    | Model               | Hyperparameters searched        | F1   | ROC AUC |
                    |---------------------|---------------------------------|------|---------|
                    | LogisticRegression  | C in {0.01, 0.1, 1}             | 0.61 | 0.78    |
                    | RandomForest (kept) | depth 4-16, 100-500 trees       | 0.68 | 0.84    |
                    ```""").withKnownProblems("""
                    A metric table passes wherever it is, under any heading or none: scores on a metric are the record
                    of the experiment whatever the heading above them.
                    """));

    public ExperimentsRule() {
        super(INFO, SECTION, FileSelector.allOf(CodeEvidence::files, ctx -> List.of(DVC_YAML)));
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        boolean tracked = tracker(ctx).isPresent() || docsTracker(ctx);
        Optional<String> table = metricTable(ctx);
        SectionSearch search = SECTION.search(ctx, INFO.id());
        if (!tracked && table.isEmpty()) {
            if (!search.isFound()) {
                SECTION.reportGap(ctx, search, out);
                return;
            }
            if (search.found().stream().noneMatch(ExperimentsRule::namesAMetric)) {
                DocSection first = search.found().get(0);
                out.repository(first.path(), "The " + first.label() + " names no metric: say which metrics (e.g. "
                        + "accuracy, F1, RMSE) compared the models, with their scores.");
                return;
            }
            if (search.found().stream().noneMatch(ExperimentsRule::givesAScore)) {
                DocSection first = search.found().get(0);
                out.repository(first.path(), "The " + first.label() + " names a metric but no score: give its value "
                        + "for the models compared (e.g. `F1 0.68`, or a table of scores), or link the experiment "
                        + "tracker that holds them.", List.of("score"));
            }
        }
        if (search.isFound() || table.isPresent()) {
            reportUnnamedModels(ctx, out, search, table);
        }
    }

    /** The models the code trains that no doc names, in one finding. */
    private static void reportUnnamedModels(RuleContext ctx, Findings out, SectionSearch search,
            Optional<String> table) {
        Map<String, Evidence> unnamed = new LinkedHashMap<>();
        List<Evidence> estimators = candidates(CodeEvidence.of(ctx).estimators());
        if (estimators.isEmpty()) {
            return;
        }
        String docs = docsText(ctx);
        for (Evidence e : estimators) {
            if (!unnamed.containsKey(e.what()) && !namesModel(docs, e.what())) {
                unnamed.put(e.what(), e);
            }
        }
        if (unnamed.isEmpty()) {
            return;
        }
        List<String> named = new ArrayList<>();
        for (Evidence e : unnamed.values()) {
            if (named.size() == MAX_MODELS_NAMED) {
                break;
            }
            named.add(InlineCode.span(e.what()) + " (" + e.path() + ":" + e.line() + ")");
        }
        int more = unnamed.size() - named.size();
        String where = search.isFound() ? "the " + search.found().get(0).label() : table.get();
        String path = search.isFound() ? search.found().get(0).path() : table.get();
        out.repository(path, "The docs never name " + (unnamed.size() == 1 ? "the model" : "the models")
                + " the code trains: " + String.join(", ", named) + (more > 0 ? " and " + more + " more" : "")
                + ". Say in " + where + " which models were tried and how each scored.",
                unnamed.keySet().stream().map(m -> "model " + m).toList());
    }

    /**
     * The estimators that are candidate models: unsupervised helpers (outlier filters, clusterings used as features)
     * only when the code trains no supervised model, and estimators of exploration notebooks ({@code eda},
     * {@code explor}, {@code analysis} in the name) only when no other file trains a model.
     */
    static List<Evidence> candidates(List<Evidence> estimators) {
        List<Evidence> kept = estimators;
        if (kept.stream().anyMatch(e -> !UNSUPERVISED.contains(e.what()))) {
            kept = kept.stream().filter(e -> !UNSUPERVISED.contains(e.what())).toList();
        }
        if (kept.stream().anyMatch(e -> !isExploration(e.path()))) {
            kept = kept.stream().filter(e -> !isExploration(e.path())).toList();
        }
        return kept;
    }

    private static boolean isExploration(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.endsWith(".ipynb") && EXPLORATION.matcher(name).find();
    }

    /** Whether the docs' text names the model class, by its name or a common prose name. */
    static boolean namesModel(String docs, String model) {
        List<String> names = new ArrayList<>();
        names.add(model);
        String stem = model.replaceAll("(Classifier|Regressor|Ranker|CV)$", "");
        if (!stem.isEmpty()) {
            names.add(stem);
        }
        if (model.endsWith("NB")) {
            names.add("naive bayes");
        }
        PROSE_NAMES.forEach((prefix, prose) -> {
            if (model.startsWith(prefix)) {
                names.addAll(prose);
            }
        });
        return WordMatcher.containsAnyWord(docs, names);
    }

    /** Every doc's text, headings included (capped). */
    private static String docsText(RuleContext ctx) {
        StringBuilder b = new StringBuilder();
        for (DocsOutline.Doc d : DocsOutline.of(ctx).docs()) {
            if (b.length() > MAX_TEXT) {
                break;
            }
            b.append(d.document().plainText()).append('\n');
        }
        return b.length() > MAX_TEXT ? b.substring(0, MAX_TEXT) : b.toString();
    }

    /** Whether a metric and a score stand on the same line of the section's text, or on consecutive lines. */
    static boolean givesAScore(DocSection s) {
        String text = s.section().text() + "\n" + s.section().plainText();
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (WordMatcher.containsAnyWord(lines[i], METRICS)) {
                if (hasScore(lines[i]) || (i + 1 < lines.length && hasScore(lines[i + 1]))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasScore(String line) {
        return PROSE_SCORE.matcher(METRIC_DIGITS.matcher(line).replaceAll(" ")).find();
    }

    /** A tracker the docs link or name by its UI, or a committed metrics file anywhere in the tree. */
    private static boolean docsTracker(RuleContext ctx) {
        if (ctx.snapshot().stream().anyMatch(f -> METRIC_FILES.contains(f.name().toLowerCase(Locale.ROOT)))) {
            return true;
        }
        for (DocsOutline.Doc d : DocsOutline.of(ctx).docs()) {
            StringBuilder b = new StringBuilder(d.document().plainText());
            for (var section : d.document().sections()) {
                section.links().forEach(l -> b.append('\n').append(l));
            }
            String text = b.toString().toLowerCase(Locale.ROOT);
            if (TRACKER_MARKS.stream().anyMatch(text::contains)) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesAMetric(DocSection s) {
        return WordMatcher.containsAnyWord(s.section().text() + "\n" + s.section().plainText(), METRICS);
    }

    /** The first doc with a metric table, under any heading or none. */
    private static Optional<String> metricTable(RuleContext ctx) {
        return DocsOutline.of(ctx).docs().stream()
                .filter(d -> d.document().tables().stream().anyMatch(ExperimentsRule::isMetricTable))
                .map(DocsOutline.Doc::path).findFirst();
    }

    /**
     * Whether the table scores something on a metric: a header cell names a metric and a cell below it holds a
     * score, or a first-column cell names one and another cell of its row holds a score.
     */
    static boolean isMetricTable(Table table) {
        List<String> header = table.header();
        for (int column = 0; column < header.size(); column++) {
            if (WordMatcher.containsAnyWord(header.get(column), TABLE_METRICS)) {
                int c = column;
                if (table.rows().stream().anyMatch(row -> c < row.size() && isScore(row.get(c)))) {
                    return true;
                }
            }
        }
        for (List<String> row : table.rows()) {
            if (!row.isEmpty() && WordMatcher.containsAnyWord(row.get(0), TABLE_METRICS)
                    && row.stream().skip(1).anyMatch(ExperimentsRule::isScore)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isScore(String cell) {
        String s = cell.strip();
        return s.length() <= MAX_SCORE_LENGTH && SCORE.matcher(s).matches();
    }

    /** What shows an experiment tracker in use, if anything. */
    private static Optional<String> tracker(RuleContext ctx) {
        boolean params = ctx.snapshot().exists("params.yaml");
        boolean dvcMetrics = ctx.text(DVC_YAML).map(t -> t.contains("metrics:")).orElse(false)
                || ctx.snapshot().exists("metrics.json") || ctx.snapshot().exists("metrics.yaml");
        if (params && dvcMetrics) {
            return Optional.of("DVC params.yaml with metrics");
        }
        return CodeEvidence.of(ctx).experimentTrackers().stream().findFirst().map(e -> e.what() + " in " + e.path());
    }
}
