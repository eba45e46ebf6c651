package dev.mlreadiness.engine.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class ModelPseudocodeRuleTest {

    @Test
    void sectionWithAFencedExamplePasses() {
        String md = "# X\n\n## Model pipeline\n\n1. scale\n2. forest\n\n```json\n{\"x\": 1} -> 0.3\n```\n";
        assertThat(TestRepo.create().file("README.md", md).scan(new ModelPseudocodeRule()).findings()).isEmpty();
    }

    @Test
    void exampleTableInASubsectionPasses() {
        String md = "# X\n\n## Architecture\n\nTwo towers.\n\n### Example\n\n| in | out |\n|---|---|\n| a | 1 |\n";
        assertThat(TestRepo.create().file("docs/model.md", md).file("README.md", "# X\n\nIntro.\n")
                .scan(new ModelPseudocodeRule()).findings()).isEmpty();
    }

    @Test
    void sectionWithoutAnExampleIsReported() {
        String md = "# X\n\n## Model\n\nA gradient-boosted model on usage features.\n\n```\n\n```\n";
        Report r = TestRepo.create().file("README.md", md).scan(new ModelPseudocodeRule());
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::path, Finding::message).containsExactly(tuple(
                "docs/model-pseudocode", "README.md", "Add an example input and output (a fenced code block or a "
                        + "table) to the `## Model` section of README.md."));
    }

    @Test
    void codeBlockOutsideTheSectionDoesNotCount() {
        String md = "# X\n\n## Usage\n\n```\npython train.py\n```\n\n## Modelling\n\nText.\n";
        Report r = TestRepo.create().file("README.md", md).scan(new ModelPseudocodeRule());
        assertThat(r.findings()).extracting(Finding::message).containsExactly("Add an example input and output (a "
                + "fenced code block or a table) to the `## Modelling` section of README.md.");
    }

    @Test
    void theTemplateTreeIsNoExample() {
        String md = "# Churn model\n\nPredicts churn.\n\n## Project Organization\n\n" + CookiecutterFiles.TREE;
        Report r = TestRepo.create().file("README.md", md).scan(new ModelPseudocodeRule());
        assertThat(r.findings()).extracting(Finding::message).containsExactly("Add an example input and output (a "
                + "fenced code block or a table) to the `# Churn model` section of README.md.");

        String withExample = md + "\n## Model\n\n```text\n{\"tenure\": 12} -> 0.27\n```\n";
        assertThat(TestRepo.create().file("README.md", withExample).scan(new ModelPseudocodeRule()).findings())
                .isEmpty();
    }
}
