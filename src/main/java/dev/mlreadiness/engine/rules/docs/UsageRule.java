package dev.mlreadiness.engine.rules.docs;

import java.util.List;

import dev.mlreadiness.engine.RuleDoc;
import dev.mlreadiness.engine.RuleInfo;
import dev.mlreadiness.engine.Scope;
import dev.mlreadiness.engine.Severity;

/** {@code docs/usage}: the docs say how to install and run the project. */
public final class UsageRule extends SectionRule {

    private static final SectionCheck SECTION = new SectionCheck(List.of("usage", "getting started", "get started",
            "quickstart", "how to run", "how to use", "installation", "install", "set up", "setup"), "Usage",
            "how to install the project and run it (the commands, their inputs and outputs)");

    public static final RuleInfo INFO = new RuleInfo("docs/usage", "Document how to use the project",
            Severity.WARNING, Scope.REPOSITORY, new RuleDoc(
                    """
                    Looks in the documentation set (README at the root, Markdown under `docs/`, `MODEL_CARD.md`, \
                    `DATASHEET.md`, `data/README.md`, `models/README.md`) for a heading containing usage, getting \
                    started, get started, quickstart, how to run, how to use, installation, install, set up or setup \
                    (whole words, any level, any case; add words under `sections: docs/usage:` in the config) \
                    with a paragraph, list, table or code block under it. We chose to add get started, so the \
                    Hugging Face model-card heading "How to Get Started with the Model" counts. An empty matching \
                    section is reported as empty. reStructuredText and plain-text READMEs are read for their underlined titles.""",
                    """
                    A model nobody else can run is a model nobody else can retrain, debug or ship. Without the \
                    commands written down, the next person reverse-engineers them from notebooks and shell \
                    history, and gets a different result.""",
                    "Add a `## Usage` section to README.md with the commands to install the dependencies and to "
                            + "run training and prediction, with what they read and write.",
                    """
                    ```markdown
                    # Churn model

                    Predicts which customers cancel next month.
                    ```""",
                    """
                    ```markdown
                    ## Usage

                    pip install -r requirements.txt
                    python -m churn.train --data data/processed/customers.parquet --out models/churn.joblib
                    python -m churn.predict --model models/churn.joblib --input new_customers.csv
                    ```"""));

    public UsageRule() {
        super(INFO, SECTION);
    }
}
