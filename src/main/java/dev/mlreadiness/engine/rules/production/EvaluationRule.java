package dev.mlreadiness.engine.rules.production;

import java.util.Collection;

import dev.mlreadiness.engine.Findings;
import dev.mlreadiness.engine.Rule;
import dev.mlreadiness.engine.RuleContext;
import dev.mlreadiness.engine.RuleDoc;
import dev.mlreadiness.engine.RuleInfo;
import dev.mlreadiness.engine.Scope;
import dev.mlreadiness.engine.Severity;
import dev.mlreadiness.engine.code.CodeEvidence;

/** {@code production/evaluation}: code that trains a model also evaluates it on held-out data. */
public final class EvaluationRule implements Rule {

    public static final RuleInfo INFO = new RuleInfo("production/evaluation", "Evaluation on held-out data",
            Severity.WARNING, Scope.REPOSITORY, new RuleDoc("""
                    Applies when the repository's code trains a model: a method call `.fit(` or `.fit_generator(`,
                    or a call named `train(` (`trainer.train()`, `xgb.train(...)`) in a `.py` file or notebook
                    that is not a test. It then asks the code, anywhere in the repository, for both a metric
                    (`sklearn.metrics`, `torchmetrics`, Hugging Face `evaluate`, keras `metrics=` or
                    `keras.metrics`, a `.evaluate(` method call) and a held-out split (`train_test_split`, a
                    CV splitter, `cross_val_*`, `*SearchCV`, `random_split`, `Dataset.train_test_split`, or a
                    `validation_split=` / `validation_data=` / `eval_set=` / `eval_dataset=` / `valid_sets=`
                    argument). Strings and comments never count. We chose to look at the whole repository, not
                    the training file alone, since evaluation often lives in its own module or notebook.
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
                    """));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Collection<String> reads(RuleContext ctx) {
        return CodeEvidence.files(ctx);
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        CodeEvidence evidence = CodeEvidence.of(ctx);
        if (evidence.modelTraining().isEmpty()) {
            out.notApplicable();
            return;
        }
        boolean metric = !evidence.metrics().isEmpty();
        boolean split = !evidence.heldOutSplits().isEmpty();
        if (!metric && !split) {
            out.repository("Evaluate the trained model on held-out data: split off a test set (for example with "
                    + "`train_test_split`) and report a metric on it (for example from `sklearn.metrics`).");
        } else if (!split) {
            out.repository("Compute the metrics on held-out data: split off a test or validation set (for example "
                    + "with `train_test_split` or `validation_split=`) instead of scoring on the training data.");
        } else if (!metric) {
            out.repository("Report a metric on the held-out split (for example from `sklearn.metrics` or "
                    + "`torchmetrics`) so the model's quality is measured.");
        }
    }
}
