package dev.mlreadiness.engine.rules.docs;

import java.util.List;

import dev.mlreadiness.engine.docs.DocSection;
import dev.mlreadiness.engine.docs.SectionCheck;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;

/** {@code docs/model-pseudocode}: the docs walk through the model's steps with an example input and output. */
public final class ModelPseudocodeRule extends SectionRule {

    private static final SectionCheck SECTION = new SectionCheck(List.of("model", "architecture", "pipeline",
            "pseudocode", "feature engineering", "method", "algorithm", "approach", "how it works", "preprocessing",
            "workflow"), "Model",
            "the feature engineering steps and pipeline components, with an example input and output");

    public static final RuleInfo INFO = new RuleInfo("docs/model-pseudocode", "Document the model as pseudocode",
            Severity.WARNING, Scope.REPOSITORY, new RuleDoc(
                    """
                    Passes when a section of the documentation set whose heading contains model, architecture, \
                    pipeline, pseudocode, feature engineering, method, algorithm, approach, how it works, \
                    preprocessing or workflow (add words under `sections: docs/model-pseudocode:`) holds a \
                    non-blank code block (fenced or indented) or a table, in itself or a subsection: the example \
                    input and output. A template's stock code (the Cookiecutter Data Science "Project Organization" \
                    tree) is no example. A matching section with prose only is reported as lacking the example.

                    """ + SectionCheck.HOW_SECTIONS_MATCH,
                    """
                    Pseudocode is the map of the model: the feature engineering steps, the components of the \
                    pipeline or ensemble, and what goes in and comes out. Without an example input and output, \
                    the people integrating the model guess the format, and the people retraining it cannot tell \
                    whether a step changed its behaviour.""",
                    "Add a `## Model` section that lists the pipeline steps in order and shows one example input "
                            + "and the output it gives, in a fenced code block or a table.",
                    """
                    ```markdown
                    ## Model
                    A gradient-boosted model on engineered usage features.
                    ```""",
                    """
                    ````markdown
                    ## Model
                    1. Impute missing `tenure` with the median; one-hot encode `plan`.
                    2. Add `calls_per_month = calls / tenure`.
                    3. `HistGradientBoostingClassifier(max_depth=6)`, probabilities calibrated (isotonic).

                    ```text
                    input:  {"tenure": 12, "plan": "pro", "calls": 30}
                    output: {"churn_probability": 0.27}
                    ```
                    ````"""));

    public ModelPseudocodeRule() {
        super(INFO, SECTION);
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        SECTION.require(ctx, INFO.id(), out, DocSection::hasExampleBlock,
                s -> "Add an example input and output (a fenced code block or a table) to the " + s.label() + ".");
    }
}
