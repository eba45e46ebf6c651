package dev.mlreadiness.engine.rules.docs;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.mlreadiness.engine.code.CodeEvidence;
import dev.mlreadiness.engine.docs.DocSection;
import dev.mlreadiness.engine.docs.DocsOutline;
import dev.mlreadiness.engine.docs.SectionCheck;
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
        if (tracker(ctx).isPresent() || metricTable(ctx).isPresent()) {
            return;
        }
        SECTION.require(ctx, INFO.id(), out, ExperimentsRule::namesAMetric, s -> "The " + s.label()
                + " names no metric: say which metrics (e.g. accuracy, F1, RMSE) compared the models, with their "
                + "scores.");
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
