package dev.mlreadiness.engine.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class ModelCardRuleTest {

    private static final String FULL_CARD = """
            # Model card
            ## Intended use
            Retention calls.
            ## Training data
            CRM 2023.
            ## Evaluation
            F1 0.68.
            ## Limitations
            New accounts.
            """;

    @Test
    void noArtifactsMeansNotApplicable() {
        Report r = TestRepo.create().file("README.md", "# X\n").file("data/x.pkl", 10).scan(new ModelCardRule());
        assertThat(r.findings()).isEmpty();
        assertThat(r.scores()).isEmpty();
    }

    @Test
    void weightsWithoutACardAreReported() {
        Report r = TestRepo.create().file("README.md", "# X\n").file("checkpoints/best.safetensors", 100)
                .scan(new ModelCardRule());
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::path, Finding::message).containsExactly(tuple(
                "docs/model-card", null, "This repository ships model artifacts but no model card: add MODEL_CARD.md "
                        + "with sections for intended use, training data, evaluation and limitations."));
    }

    @Test
    void aModelFileOutsideTheModelsFolderWithoutACardIsReported() {
        for (String model : new String[] { "checkpoints/best.pt", "pytorch_model.bin", "app/model.pkl",
                "serving/churnClassifier.joblib", "src/rf_model.pickle" }) {
            Report r = TestRepo.create().file("README.md", "# X\n").file("app/main.py", "x = 1\n").file(model, 100)
                    .scan(new ModelCardRule());
            assertThat(r.findings()).as(model).extracting(Finding::message).singleElement().asString()
                    .startsWith("This repository ships model artifacts but no model card");
            // the trap: the same file beside a complete card
            assertThat(TestRepo.create().file("MODEL_CARD.md", FULL_CARD).file(model, 100).scan(new ModelCardRule())
                    .findings()).as(model).isEmpty();
        }
        // small .bin/.h5 files not named as a model outside the models folder are training arguments or data
        for (String other : new String[] { "results/run1/training_args.bin", "data/features.h5" }) {
            assertThat(TestRepo.create().file("README.md", "# X\n").file(other, 5_368).scan(new ModelCardRule())
                    .findings()).as(other).isEmpty();
        }
        assertThat(TestRepo.create().file("README.md", "# X\n").file("results/big.bin", 6L << 20)
                .scan(new ModelCardRule()).findings()).as("large .bin").hasSize(1);
        // pickles not named as a model outside the models folder are often cached data
        for (String data : new String[] { "data/features.pkl", "cache/remodeling_costs.pkl", "src/modelling.joblib" }) {
            assertThat(TestRepo.create().file(data, 100).scan(new ModelCardRule()).scores()).as(data).isEmpty();
        }
    }

    @Test
    void aPullRequestAddingTheFirstModelFileOutsideTheModelsFolderIsANewGap() {
        Report r = TestRepo.create().file("README.md", "# X\n").file("app.py", "x = 1\n")
                .change().add("model.pkl", 100).evaluate(new ModelCardRule());
        assertThat(r.findings()).extracting(Finding::isNew).containsExactly(true);

        Report withCard = TestRepo.create().file("MODEL_CARD.md", FULL_CARD).file("app.py", "x = 1\n")
                .change().add("weights/best.safetensors", 100).evaluate(new ModelCardRule());
        assertThat(withCard.findings()).isEmpty();

        Report data = TestRepo.create().file("README.md", "# X\n").change().add("data/features.pkl", 100)
                .evaluate(new ModelCardRule());
        assertThat(data.findings()).isEmpty();
    }

    @Test
    void picklesCountOnlyUnderTheModelsFolder() {
        Report r = TestRepo.create().file("models/churn.joblib", 100).scan(new ModelCardRule());
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("docs/model-card");
    }

    @Test
    void completeModelCardPasses() {
        Report r = TestRepo.create().file("models/churn.pt", 100).file("MODEL_CARD.md", FULL_CARD)
                .scan(new ModelCardRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void aFirstIncompleteCardIsNoNewGapButDroppingASectionIs() {
        String partial = "# Card\n## Intended use\nRetention.\n## Training data\nCRM.\n## Evaluation\nF1 0.68.\n";
        Report first = TestRepo.create().file("models/churn.pt", 100)
                .change().add("MODEL_CARD.md", partial).evaluate(new ModelCardRule());
        assertThat(first.findings()).extracting(Finding::message, Finding::isNew).containsExactly(
                tuple("Add limitations section to the model card MODEL_CARD.md.", false));

        Report dropped = TestRepo.create().file("models/churn.pt", 100).file("MODEL_CARD.md", FULL_CARD)
                .change().modify("MODEL_CARD.md", FULL_CARD.replace("## Limitations\nNew accounts.\n", ""))
                .evaluate(new ModelCardRule());
        assertThat(dropped.findings()).extracting(Finding::isNew).containsExactly(true);
    }

    @Test
    void missingAndEmptyPartsAreListedInOneFinding() {
        String card = "# Card\n## Uses\nRetention.\n## Training data\nCRM.\n## Limitations\n";
        Report r = TestRepo.create().file("models/churn.pt", 100).file("MODEL_CARD.md", card).scan(new ModelCardRule());
        assertThat(r.findings()).extracting(Finding::path, Finding::message).containsExactly(tuple("MODEL_CARD.md",
                "Add evaluation and limitations sections to the model card MODEL_CARD.md."));
    }

    @Test
    void huggingFaceFrontMatterMakesTheReadmeACard() {
        String readme = """
                ---
                license: apache-2.0
                pipeline_tag: text-classification
                model-index:
                - name: churn
                  results: []
                ---
                # churn
                ## Intended uses & limitations
                Retention. Not for pricing.
                ## Training and evaluation data
                CRM 2023.
                """;
        Report r = TestRepo.create().file("model.safetensors", 100).file("README.md", readme).scan(new ModelCardRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void frontMatterWithoutCardKeysIsNoCard() {
        String readme = "---\ntitle: Churn\nlayout: page\n---\n# churn\n## Intended use\nx\n";
        Report r = TestRepo.create().file("model.onnx", 100).file("README.md", readme).scan(new ModelCardRule());
        assertThat(r.findings()).extracting(Finding::message).singleElement().asString()
                .startsWith("This repository ships model artifacts but no model card");
    }
}
