package dev.mlreadiness.engine.rules.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.mlreadiness.engine.docs.DocSection;
import dev.mlreadiness.engine.docs.SectionCheck;
import dev.mlreadiness.engine.docs.SectionSearch;
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
                    preprocessing or workflow (add words under `sections: docs/model-pseudocode:`) shows, in \
                    itself or a subsection, both parts the course asks of pseudocode:

                    - the steps, in order: a numbered list (or a bulleted one) of at least two items, a non-blank \
                    code block (fenced or indented), or an image (a diagram, Markdown `![..](..)` or HTML \
                    `<img>`: the course asks for "a visual representation");
                    - an example input and output: a non-blank code block, a table, or an image.

                    One code block or one image can be both. The parts may sit in different matching sections \
                    (steps under `## Pipeline`, the example under `## Model`). A template's stock code (the \
                    Cookiecutter Data Science "Project Organization" tree) is neither. The finding names the part \
                    that is missing: the steps, the example, or both.

                    """ + SectionCheck.HOW_SECTIONS_MATCH,
                    """
                    Pseudocode is the map of the model: the feature engineering steps, the components of the \
                    pipeline or ensemble, and what goes in and comes out. Without an example input and output, \
                    the people integrating the model guess the format, and the people retraining it cannot tell \
                    whether a step changed its behaviour.""",
                    "Add a `## Model` section that lists the pipeline steps in order (a numbered list, a code block "
                            + "or a diagram) and shows one example input and the output it gives, in a fenced code "
                            + "block, a table or an image.",
                    """
                    ```markdown
                    ## Model
                    A gradient-boosted model on engineered usage features.

                    | input | output |
                    |---|---|
                    | tenure 12, plan pro | 0.27 |
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
        Optional<SectionSearch> found = SECTION.found(ctx, INFO.id(), out);
        if (found.isEmpty()) {
            return;
        }
        SectionSearch search = found.get();
        boolean steps = search.found().stream().anyMatch(ModelPseudocodeRule::hasSteps);
        boolean example = search.found().stream().anyMatch(ModelPseudocodeRule::hasExample);
        if (steps && example) {
            return;
        }
        DocSection first = search.found().get(0);
        List<String> missing = new ArrayList<>();
        String message;
        if (!steps && !example) {
            missing.add("steps");
            missing.add("example");
            message = "The " + first.label() + " lists no steps and shows no example: list the model's steps in order "
                    + "(a numbered list, a code block or a diagram) and add an example input and output (a fenced "
                    + "code block, a table or an image).";
        } else if (!steps) {
            missing.add("steps");
            message = "The " + first.label() + " does not list the model's steps: add them in order (a numbered "
                    + "list, a code block or a diagram image), from the input through feature engineering to the "
                    + "prediction.";
        } else {
            missing.add("example");
            message = "Add an example input and output (a fenced code block, a table or an image) to the "
                    + first.label() + ".";
        }
        out.repository(first.path(), message, missing);
    }

    /** The steps, in order: a list of two items or more, a code block, or a diagram. */
    static boolean hasSteps(DocSection s) {
        return s.section().hasOrderedList() || s.section().hasBulletList() || s.hasCodeBlock()
                || !s.section().images().isEmpty();
    }

    /** The example input and output: a code block, a table or an image. */
    static boolean hasExample(DocSection s) {
        return s.hasExampleBlock() || !s.section().images().isEmpty();
    }
}
