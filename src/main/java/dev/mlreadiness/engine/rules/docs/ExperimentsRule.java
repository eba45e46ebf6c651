package dev.mlreadiness.engine.rules.docs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.mlreadiness.engine.Findings;
import dev.mlreadiness.engine.RuleContext;
import dev.mlreadiness.engine.RuleDoc;
import dev.mlreadiness.engine.RuleInfo;
import dev.mlreadiness.engine.Scope;
import dev.mlreadiness.engine.Severity;
import dev.mlreadiness.engine.code.CodeEvidence;
import dev.mlreadiness.engine.markdown.WordMatcher;

/** {@code docs/experiments}: the docs say which models were tried and with which metrics they were compared. */
public final class ExperimentsRule extends SectionRule {

    private static final SectionCheck SECTION = new SectionCheck(List.of("experiments", "experiment",
            "model selection", "results", "evaluation", "benchmarks", "benchmark", "hyperparameters"), "Experiments",
            "which models were tried, with which hyperparameters, and the metrics that picked the winner");

    /** Metric names, matched as whole words ({@code F1-score} holds {@code f1}; {@code map} is left out: prose). */
    static final List<String> METRICS = List.of("accuracy", "balanced accuracy", "precision", "recall", "f1",
            "f score", "fbeta", "auc", "roc", "auroc", "pr auc", "average precision", "rmse", "mae", "mse", "mape",
            "smape", "r2", "r squared", "mean absolute error", "mean squared error", "log loss", "cross entropy",
            "bleu", "rouge", "meteor", "perplexity", "wer", "cer", "iou", "dice", "ndcg", "mrr", "hit rate",
            "top 1", "top 5", "mcc", "kappa", "silhouette", "psnr", "ssim", "fid", "exact match");

    public static final RuleInfo INFO = new RuleInfo("docs/experiments", "Document experiments and model selection",
            Severity.WARNING, Scope.REPOSITORY, new RuleDoc(
                    """
                    Passes when a section of the documentation set whose heading contains experiments, \
                    experiment, model selection, results, evaluation, benchmark(s) or hyperparameters (add words \
                    under `sections: docs/experiments:`) names at least one metric as a whole word (accuracy, \
                    precision, recall, F1, AUC/ROC, RMSE, MAE, MSE, R², log loss, BLEU, ROUGE, perplexity, WER, \
                    IoU, NDCG, ...), in its text, tables or subsections. Also passes when an experiment tracker is \
                    in use: code that uses MLflow, W&B, Neptune or Comet, or DVC `params.yaml` with metrics \
                    (a `dvc.yaml` declaring `metrics`, or a \
                    `metrics.json`/`metrics.yaml`). A matching section that names no metric is reported as such.""",
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
                    ```"""));

    public ExperimentsRule() {
        super(INFO, SECTION);
    }

    @Override
    protected Collection<String> alsoReads(RuleContext ctx) {
        List<String> files = new ArrayList<>(CodeEvidence.files(ctx));
        files.add("dvc.yaml");
        return files;
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        if (tracker(ctx).isPresent()) {
            return;
        }
        SECTION.require(ctx, INFO.id(), out, ExperimentsRule::namesAMetric, s -> "The " + s.label()
                + " names no metric: say which metrics (e.g. accuracy, F1, RMSE) compared the models, with their "
                + "scores.");
    }

    private static boolean namesAMetric(DocSection s) {
        return WordMatcher.containsAnyWord(s.section().text() + "\n" + s.section().plainText(), METRICS);
    }

    /** What shows an experiment tracker in use, if anything. */
    private static Optional<String> tracker(RuleContext ctx) {
        boolean params = ctx.snapshot().exists("params.yaml");
        boolean dvcMetrics = ctx.text("dvc.yaml").map(t -> t.contains("metrics:")).orElse(false)
                || ctx.snapshot().exists("metrics.json") || ctx.snapshot().exists("metrics.yaml");
        if (params && dvcMetrics) {
            return Optional.of("DVC params.yaml with metrics");
        }
        return CodeEvidence.of(ctx).experimentTrackers().stream().findFirst().map(e -> e.what() + " in " + e.path());
    }
}
