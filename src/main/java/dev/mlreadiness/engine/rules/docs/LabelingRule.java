package dev.mlreadiness.engine.rules.docs;

import java.util.List;

import dev.mlreadiness.engine.code.CodeEvidence;
import dev.mlreadiness.engine.docs.SectionCheck;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;

/** {@code docs/labeling}: a repository that trains a classifier says how its labels were made. */
public final class LabelingRule extends SectionRule {

    private static final SectionCheck SECTION = new SectionCheck(List.of("label", "labeling", "labelling",
            "annotation", "annotate", "target", "ground truth", "class", "outcome", "response variable"), "Labeling",
            "how the target labels were made (source, rules or annotators, known noise) and how that changed",
            "DATASHEET.md, data/README.md or a page under docs/");

    public static final RuleInfo INFO = new RuleInfo("docs/labeling", "Document how the labels were made",
            Severity.WARNING, Scope.REPOSITORY, new RuleDoc(
                    """
                    Applies when Python code or a notebook trains a classifier (sklearn `*Classifier`, \
                    `LogisticRegression`, `SVC`, ..., torch `CrossEntropyLoss`/`BCE*`, keras `*_crossentropy` \
                    losses; imports resolved, comments and strings ignored). Then passes with a section of the \
                    documentation set whose heading contains label, labeling, labelling, annotation, annotate, \
                    target, ground truth, class, outcome or response variable (add words under \
                    `sections: docs/labeling:`), with content.

                    """ + SectionCheck.HOW_SECTIONS_MATCH,
                    """
                    Documenting how the response variable was labeled makes the training pipeline reproducible, \
                    lets the team judge the model's reliability through label quality, and improve performance \
                    by improving labels. Labeling methods evolve: without a record, a model trained on last \
                    year's labelling rules is silently compared with one trained on this year's.""",
                    "Add a `## Labeling` section that says where the target comes from (a business event, a rule, "
                            + "annotators and their guidelines), the time window, class balance and known noise.",
                    """
                    ```python
                    model = LogisticRegression().fit(X, df["churned"])   # README says nothing about "churned"
                    ```""",
                    """
                    ```markdown
                    ## Labeling
                    `churned` is 1 when the subscription was cancelled within 30 days after the snapshot date
                    (billing system event `sub_cancelled`); paused accounts are 0. 8 % positives.
                    ```""").withKnownProblems("""
                    The words class (`## Classes` defines the labels) and outcome are added to the spec's, so a
                    `## Classes` section passes even when it only lists the classes.
                    """));

    public LabelingRule() {
        super(INFO, SECTION, CodeEvidence::files);
    }

    @Override
    protected boolean applies(RuleContext ctx) {
        return !CodeEvidence.of(ctx).classifierTraining().isEmpty();
    }
}
