package dev.mlreadiness.engine.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class TrainingEnvironmentRuleTest {

    @Test
    void reproducibilitySectionPasses() {
        Report r = TestRepo.create().file("README.md", "# X\n\n## Reproducibility\n\nSeeds: 42. Pins: requirements.txt\n")
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
}
