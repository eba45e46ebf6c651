package dev.mlreadiness.engine.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class TrainingEnvironmentRuleTest {

    @Test
    void reproducibilitySectionPasses() {
        Report r = TestRepo.create()
                .file("README.md", "# X\n\n## Reproducibility\n\nSeeds: 42. Pins: requirements.txt\n")
                .scan(new TrainingEnvironmentRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void missingSectionSaysWhatToWrite() {
        Report r = TestRepo.create().file("README.md", "# X\n\nIntro.\n\n## Environmental impact\n\nLow.\n")
                .scan(new TrainingEnvironmentRule());
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::message).containsExactly(tuple(
                "docs/training-environment", "Add a `## Training environment` section to README.md (or a page "
                        + "under docs/) that says where the pinned package versions are and which random seeds "
                        + "training uses."));
    }

    @Test
    void modelCardAndDatasheetAreInTheDocSet() {
        Report r = TestRepo.create().file("README.md", "# X\n\nIntro.\n")
                .file("MODEL_CARD.md", "## Training procedure\n\nAdamW, seed 1.\n").scan(new TrainingEnvironmentRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void inflectedAndWiderHeadingsPassButLongerWordsDoNot() {
        for (String heading : List.of("Dependencies", "How it trains", "Seeding", "Prerequisites", "Hardware")) {
            Report r = TestRepo.create().file("README.md", "# X\n\n## " + heading + "\n\nPython 3.11, seed 42.\n")
                    .scan(new TrainingEnvironmentRule());
            assertThat(r.findings()).as(heading).isEmpty();
        }
        for (String heading : List.of("Strainer", "Constraints")) {
            Report r = TestRepo.create().file("README.md", "# X\n\n## " + heading + "\n\nPython 3.11.\n")
                    .scan(new TrainingEnvironmentRule());
            assertThat(r.findings()).as(heading).extracting(Finding::ruleId)
                    .containsExactly("docs/training-environment");
        }
    }

    @Test
    void pullRequestRenamingTheSectionToAnInflectedFormKeepsItPassing() {
        Report r = TestRepo.create().file("README.md", "# X\n\n## Training\n\nSeed 42.\n").change()
                .modify("README.md", "# X\n\n## Trained with\n\nSeed 42.\n").evaluate(new TrainingEnvironmentRule());
        assertThat(r.findings()).isEmpty();
    }
}
