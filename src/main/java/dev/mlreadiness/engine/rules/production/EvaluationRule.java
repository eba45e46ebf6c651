package dev.mlreadiness.engine.rules.production;

import java.util.List;
import java.util.function.Function;

import dev.mlreadiness.engine.code.CodeEvidence;
import dev.mlreadiness.engine.code.CodeFile;
import dev.mlreadiness.engine.code.CodeFiles;
import dev.mlreadiness.engine.code.Evidence;
import dev.mlreadiness.engine.rule.AbstractRule;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;

/** {@code production/evaluation}: code that trains a model also evaluates it on held-out data. */
public final class EvaluationRule extends AbstractRule {

    public static final RuleInfo INFO = new RuleInfo("production/evaluation", "Evaluation on held-out data",
            Severity.WARNING, Scope.REPOSITORY, new RuleDoc("""
                    Applies when the repository's code trains a model: a method call `.fit(` or `.fit_generator(`,
                    or a call named `train(` (`trainer.train()`, `xgb.train(...)`) in a `.py` file or notebook
                    that is not a test. It then looks, anywhere in the repository, for evaluation on held-out data,
                    recognised by what the code does rather than by the library it uses:

                    - a metric, a loss or a score computed on data named for a held-out set: an identifier such as
                      `X_test`, `x_val`, `valid_loader`, `val_ds`, `test_dataloader`, `eval_dataset`, `holdout`, or
                      a file or split named so in a string (`pd.read_csv("data/test.csv")`,
                      `load_dataset(..., split="validation")`), followed through assignments and loops
                      (`for x, y in val_loader:` then `loss = criterion(model(x), y)`). A metric is `sklearn.metrics`,
                      `torchmetrics`, Hugging Face `evaluate`, keras metrics, `.score(`, `.evaluate(`, or a function
                      or object named for one (`accuracy(`, `mean_ap(`, `metric.update(`, `evaluate_model(`,
                      `validate(`); a loss is `criterion(`, `loss_fn(`, `F.cross_entropy(` and the like; a value named
                      for a held-out measurement (`val_loss`, `test_acc`) computed from them counts too;
                    - a validation set handed to training, on which the library reports the loss every epoch:
                      `validation_split=`, `validation_data=`, `eval_set=`, `eval_dataset=` (a `Trainer`),
                      `valid_sets=`, `evals=`, `val_dataloaders=`, a Lightning `validation_step`/`test_step`;
                    - cross-validation that scores (`cross_val_score`, `cross_validate`, `*SearchCV`);
                    - a `dvc.yaml` stage named or run as an evaluation (`evaluate`, `eval`, `test`, `validate`,
                      `score`) whose `deps` name a held-out file or folder (`data/test.csv`);
                    - or, as before, both a metric library and a split function (`train_test_split`, a CV
                      splitter, `random_split`) somewhere in the code.

                    Words count whole: `latest`, `contest`, `attestation` and `testing_mode` name no test set, nor do
                    `max_val` or `valid_mask`: `val`, `valid`, `dev` and `eval` count only beside a word for data
                    (`loader`, `ds`, `X`) or, but for `eval`, for a measurement (`val_loss`). Strings count only as
                    file and split names (text with spaces and config files such as `test.yaml` do not); comments
                    and docstrings never count. When nothing is found the message says what was found instead: a
                    score on the training data (`model.score(X, y)` after `model.fit(X, y)`, or on `X_train`), a
                    split nothing is computed on, or metrics on data not named as held out, and where (`src/train.py:12`,
                    or in a notebook its cell: `notebooks/model.ipynb, cell 4 (In [3]), line 2`). This departs from the
                    original spec, which asked for a metric library and a split function: held-out evaluation
                    written by hand (a validation loss that picks the checkpoint, `model.score(X_test, y_test)`)
                    passes now.
                    """, """
                    A model scored on the data it was trained on looks better than it is: overfitting and
                    leakage go unnoticed until production traffic shows the real error. Without a metric on
                    held-out data there is no baseline to compare the next model against.
                    """, """
                    Hold out data the model never sees in training (`train_test_split`, cross-validation, or a
                    validation set passed to `fit`), compute the metrics that matter for the use case on it, and
                    record them (in the README's results or an experiment tracker).
                    """, """
                    ```python
                    model = RandomForestClassifier(random_state=0)
                    model.fit(X, y)
                    print(model.score(X, y))
                    ```
                    """, """
                    ```python
                    from sklearn.metrics import f1_score
                    from sklearn.model_selection import train_test_split

                    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
                    model = RandomForestClassifier(random_state=0).fit(X_train, y_train)
                    print(f1_score(y_test, model.predict(X_test)))
                    ```
                    """).withKnownProblems("""
                    The whole repository is searched, not the training file alone, since evaluation often lives in its
                    own module, notebook or pipeline stage: in a repository that trains several models, one evaluated
                    model is enough.
                    """));

    public EvaluationRule() {
        super(INFO, CodeEvidence::files);
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        CodeEvidence evidence = CodeEvidence.of(ctx);
        if (evidence.modelTraining().isEmpty()) {
            out.notApplicable();
            return;
        }
        List<Evidence> metrics = evidence.metrics();
        List<Evidence> splits = evidence.heldOutSplits();
        if (!evidence.heldOutEvaluation().isEmpty() || (!metrics.isEmpty() && !splits.isEmpty())) {
            return;
        }
        String fix = "the model does not train on (for example split off with `train_test_split`).";
        if (!evidence.trainingDataScoring().isEmpty()) {
            Evidence scoring = evidence.trainingDataScoring().get(0);
            report(ctx, out, scoring, where -> "No evaluation on held-out data found, and `" + shown(scoring) + "` ("
                    + where + ") scores the data the model was fitted on: compute the metric on a validation or test "
                    + "set " + fix);
        } else if (!splits.isEmpty()) {
            Evidence split = splits.get(0);
            report(ctx, out, split, where -> "No evaluation on held-out data found: `" + shown(split) + "` (" + where
                    + ") holds data out, but no metric, loss or `score` computed on it was found. Compute one on "
                    + "the held-out part (for example `f1_score(y_test, model.predict(X_test))`).");
        } else if (!metrics.isEmpty()) {
            Evidence metric = metrics.get(0);
            report(ctx, out, metric, where -> "No evaluation on held-out data found: metrics are computed (`"
                    + shown(metric) + "` in " + where + ") but none on a split or a file named val, validation, "
                    + "test or holdout. Compute them on data " + fix);
        } else {
            Evidence training = evidence.modelTraining().get(0);
            report(ctx, out, training, where -> "No evaluation on held-out data found for the model trained in "
                    + where + " (`" + shown(training) + "`): compute a metric, a loss or `score` on a validation or "
                    + "test set " + fix);
        }
    }

    /**
     * The gap, its message placing the code found: {@code src/train.py:12}, or in a notebook its path and cell
     * ({@code notebooks/train.ipynb, cell 4 (In [3]), line 2}). The gap stays the same one whatever the cell's
     * number: it is identified by the message naming the notebook by its path alone.
     */
    private static void report(RuleContext ctx, Findings out, Evidence e, Function<String, String> message) {
        if (!CodeFiles.isNotebook(e.path())) {
            out.repository(message.apply(e.path() + ":" + e.line()));
            return;
        }
        String place = ctx.parse(e.path(), CodeFiles.NOTEBOOK).flatMap(CodeFile::notebook)
                .flatMap(nb -> nb.describeLine(e.line())).map(p -> e.path() + ", " + p).orElse(e.path());
        out.repository(null, message.apply(place), List.of(message.apply(e.path())));
    }

    /** The code found, with a receiver that is no plain name left out: {@code .fit(}, not {@code ?.fit(}. */
    private static String shown(Evidence e) {
        return e.what().startsWith("?.") ? e.what().substring(1) : e.what();
    }

}
