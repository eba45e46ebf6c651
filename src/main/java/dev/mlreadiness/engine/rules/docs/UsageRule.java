package dev.mlreadiness.engine.rules.docs;

import java.util.List;

import dev.mlreadiness.engine.docs.SectionCheck;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;

/** {@code docs/usage}: the docs say how to install and run the project. */
public final class UsageRule extends SectionRule {

    private static final SectionCheck SECTION = new SectionCheck(List.of("usage", "how to use", "how to run", "run",
            "getting started", "get started", "quickstart", "easy start", "install", "installation", "set up",
            "setup", "prepare", "example", "tutorial", "command", "reproduce", "reproduction", "demo", "instructions",
            "user guide"), "Usage",
            "how to install the project and run it (the commands, their inputs and outputs)");

    public static final RuleInfo INFO = new RuleInfo("docs/usage", "Document how to use the project",
            Severity.WARNING, Scope.REPOSITORY, new RuleDoc(
                    """
                    Looks in the documentation set for a heading containing usage, how to use, how to run, run, \
                    getting started, get started, quickstart, easy start, install, installation, set up, setup, \
                    prepare, example, tutorial, command, reproduce, reproduction, demo, instructions or user guide \
                    (add words under `sections: docs/usage:`) with content under it, so `## Run it`, \
                    `1. Easy start`, `## prepare`, `## Examples` and `## Reproducing the results` count. An empty \
                    matching section is reported as empty. reStructuredText and plain-text READMEs are read for \
                    their underlined \
                    titles.

                    """ + SectionCheck.HOW_SECTIONS_MATCH,
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
                    ```""").withKnownProblems("""
                    The spec's words are widened to the headings real READMEs use for their commands, including the
                    Hugging Face model-card heading "How to Get Started with the Model"; a section under such a heading
                    passes whatever it holds, commands or not.
                    """));

    public UsageRule() {
        super(INFO, SECTION);
    }
}
