package dev.mlreadiness.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Checklist;
import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.MlProjectDetector;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.rules.production.CiRule;
import dev.mlreadiness.engine.rules.production.TestsRule;
import dev.mlreadiness.engine.rules.structure.DependencyManifestRule;
import dev.mlreadiness.engine.rules.structure.LayoutRule;
import dev.mlreadiness.engine.rules.structure.ReadmeRule;

/** A model-only Hugging Face repository is reviewed, without the rules about a project that trains the model. */
class ModelRepositoryTest {

    private static final String CARD = """
            ---
            license: apache-2.0
            library_name: transformers
            pipeline_tag: text-classification
            ---

            # distilbert-imdb

            A DistilBERT fine-tuned on IMDB reviews.
            """;

    /** The rules that do not fit a model-only repository, and one that does. */
    private static Checklist checklist() {
        return new Checklist(List.of(new ReadmeRule(), new DependencyManifestRule(), new LayoutRule(),
                new TestsRule(), new CiRule()), new MlProjectDetector());
    }

    private static TestRepo hub() {
        return TestRepo.create().noConfig().file("README.md", CARD).file("model.safetensors", 10L)
                .file("config.json", "{}").file("tokenizer.json", "{}")
                .file("handler.py", "from transformers import pipeline\n\nclass EndpointHandler:\n"
                        + "    def __init__(self, path):\n        self.pipe = pipeline(model=path)\n");
    }

    private static List<String> checked(Report r) {
        return r.scores().stream().map(s -> s.category().id() + " " + s.checked()).toList();
    }

    @Test
    void aModelOnlyRepositoryIsCheckedWithoutTheProjectRules() {
        Report r = hub().scan(checklist());
        assertThat(r.applicable()).as("an ML project without notebook or manifest").isTrue();
        assertThat(r.findings()).isEmpty();
        assertThat(checked(r)).as("only structure/readme applied").containsExactly("structure 1");
    }

    @Test
    void trainingCodeMakesItAProjectAgain() {
        Report r = hub().file("train.py", "from transformers import Trainer\n\nTrainer(model=m).train()\n")
                .scan(checklist());
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactlyInAnyOrder(
                "structure/dependency-manifest", "structure/layout", "production/tests", "production/ci");
    }

    @Test
    void withoutItsModelFileItIsNoModelRepository() {
        Report r = TestRepo.create().file("README.md", CARD).file("app.py", "x = 1\n").scan(checklist());
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactlyInAnyOrder(
                "structure/dependency-manifest", "structure/layout", "production/tests", "production/ci");
    }

    @Test
    void aPullRequestToAModelRepositoryGetsNoProjectFindings() {
        Report r = hub().change().modify("handler.py", "class EndpointHandler:\n    pass\n")
                .add("model-v2.safetensors", 10L).evaluate(checklist());
        assertThat(r.applicable()).isTrue();
        assertThat(r.findings()).isEmpty();

        Report training = hub().change().add("train.py", "import torch\nmodel.fit(x, y)\n").evaluate(checklist());
        assertThat(training.findings()).extracting(Finding::ruleId, Finding::isNew)
                .contains(tuple("production/tests", true), tuple("structure/layout", true));
    }
}
