package dev.mlreadiness.engine.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

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
        String md = "# X\n\n## Architecture\n\n- user tower\n- item tower\n\n### Example\n\n| in | out |\n|---|---|\n"
                + "| a | 1 |\n";
        assertThat(TestRepo.create().file("docs/model.md", md).file("README.md", "# X\n\nIntro.\n")
                .scan(new ModelPseudocodeRule()).findings()).isEmpty();
    }

    @Test
    void sectionWithoutAnExampleIsReported() {
        String md = "# X\n\n## Model\n\nA gradient-boosted model on usage features.\n\n```\n\n```\n";
        Report r = TestRepo.create().file("README.md", md).scan(new ModelPseudocodeRule());
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::path, Finding::message).containsExactly(tuple(
                "docs/model-pseudocode", "README.md", "The `## Model` section of README.md lists no steps and shows no "
                        + "example: list the model's steps in order (a numbered list, a code block or a diagram) and "
                        + "add an example input and output (a fenced code block, a table or an image)."));
    }

    @Test
    void codeBlockOutsideTheSectionDoesNotCount() {
        String md = "# X\n\n## Usage\n\n```\npython train.py\n```\n\n## Modelling\n\n1. scale\n2. forest\n";
        Report r = TestRepo.create().file("README.md", md).scan(new ModelPseudocodeRule());
        assertThat(r.findings()).extracting(Finding::message).containsExactly(NO_EXAMPLE);
    }

    @Test
    void theTemplateTreeIsNoExample() {
        String md = "# Churn model\n\nPredicts churn.\n\n## Project Organization\n\n" + CookiecutterFiles.TREE;
        Report r = TestRepo.create().file("README.md", md).scan(new ModelPseudocodeRule());
        assertThat(r.findings()).extracting(Finding::message).containsExactly("The `# Churn model` section of "
                + "README.md lists no steps and shows no example: list the model's steps in order (a numbered list, a "
                + "code block or a diagram) and add an example input and output (a fenced code block, a table or an "
                + "image).");

        String withExample = md + "\n## Model\n\n```text\n{\"tenure\": 12} -> 0.27\n```\n";
        assertThat(TestRepo.create().file("README.md", withExample).scan(new ModelPseudocodeRule()).findings())
                .isEmpty();
    }

    private static final String NO_EXAMPLE = "Add an example input and output (a fenced code block, a table or an "
            + "image) to the `## Modelling` section of README.md.";

    private static final String NO_STEPS = "The `## Model` section of README.md does not list the model's steps: add "
            + "them in order (a numbered list, a code block or a diagram image), from the input through feature "
            + "engineering to the prediction.";

    @Test
    void stepsWithoutAnExampleAskForTheExample() {
        String md = "# X\n\n## Modelling\n\n1. Impute `tenure`.\n2. One-hot encode `plan`.\n3. Random forest.\n";
        Report r = TestRepo.create().file("README.md", md).scan(new ModelPseudocodeRule());
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::path, Finding::message)
                .containsExactly(tuple("docs/model-pseudocode", "README.md", NO_EXAMPLE));
    }

    @Test
    void anExampleWithoutStepsAsksForTheSteps() {
        String md = "# X\n\n## Model\n\nA random forest.\n\n| input | output |\n|---|---|\n| tenure 12 | 0.27 |\n";
        Report r = TestRepo.create().file("README.md", md).scan(new ModelPseudocodeRule());
        assertThat(r.findings()).extracting(Finding::message).containsExactly(NO_STEPS);
    }

    @Test
    void aNumberedListADiagramOrACodeBlockAreTheStepsAndAnImageIsAnExample() {
        for (String body : List.of(
                // numbered steps and an example as a table
                "1. Impute.\n2. Encode.\n3. Forest.\n\n| input | output |\n|---|---|\n| tenure 12 | 0.27 |\n",
                // a diagram image: the course's "visual representation" is both
                "![pipeline](docs/pipeline.png)\n",
                // an HTML image, as READMEs size them
                "<p align=\"center\"><img src=\"docs/architecture.svg\" width=\"600\"></p>\n",
                // one code block showing the steps and the example
                "```python\nfeatures = encode(impute(row))\nmodel.predict(features)  # {\"tenure\": 12} -> 0.27\n```\n",
                // bulleted steps, then a screenshot of an example prediction
                "- impute\n- encode\n- forest\n\n![example prediction](docs/example.png)\n")) {
            String md = "# X\n\n## Model\n\nHow the churn score is made.\n\n" + body;
            assertThat(TestRepo.create().file("README.md", md).scan(new ModelPseudocodeRule()).findings()).as(body)
                    .isEmpty();
        }
    }

    @Test
    void theStepsAndTheExampleMayBeInDifferentMatchingSections() {
        String md = "# X\n\n## Pipeline\n\n1. Impute.\n2. Forest.\n\n## Usage\n\nRun it.\n\n## Model output\n\n"
                + "```json\n{\"churn_probability\": 0.27}\n```\n";
        assertThat(TestRepo.create().file("README.md", md).scan(new ModelPseudocodeRule()).findings()).isEmpty();
    }

    @Test
    void aPullRequestRemovingTheStepsMakesThatPartNew() {
        String full = "# X\n\n## Model\n\n1. Impute.\n2. Forest.\n\n| input | output |\n|---|---|\n| a | 1 |\n";
        String noSteps = "# X\n\n## Model\n\nA forest.\n\n| input | output |\n|---|---|\n| a | 1 |\n";
        Report removed = TestRepo.create().file("README.md", full).change().modify("README.md", noSteps)
                .evaluate(new ModelPseudocodeRule());
        assertThat(removed.findings()).extracting(Finding::message, Finding::isNew)
                .containsExactly(tuple(NO_STEPS, true));

        // the old gap had both parts missing: adding the example leaves the steps gap as old as it was
        String bare = "# X\n\n## Model\n\nA forest.\n";
        Report half = TestRepo.create().file("README.md", bare).change().modify("README.md", noSteps)
                .evaluate(new ModelPseudocodeRule());
        assertThat(half.findings()).extracting(Finding::message, Finding::isNew)
                .containsExactly(tuple(NO_STEPS, false));
    }
}
