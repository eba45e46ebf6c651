package dev.mlreadiness.engine.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class PurposeRuleTest {

    @Test
    void introUnderTheTitlePasses() {
        assertThat(TestRepo.create().file("README.md", "# Churn\n\nPredicts who cancels.\n\n## Usage\n\nx\n")
                .scan(new PurposeRule()).findings()).isEmpty();
    }

    @Test
    void introBeforeAnyHeadingPasses() {
        assertThat(TestRepo.create().file("README.md", "Predicts who cancels.\n\n## Usage\n\nx\n")
                .scan(new PurposeRule()).findings()).isEmpty();
    }

    @Test
    void overviewSectionPasses() {
        assertThat(TestRepo.create().file("README.md", "# Churn\n\n## Overview\n\nPredicts who cancels.\n")
                .scan(new PurposeRule()).findings()).isEmpty();
    }

    @Test
    void badgesAreNoIntroAndAboutInsideAWordDoesNotMatch() {
        String md = "# Churn\n\n[![ci](https://x/badge.svg)](https://x)\n\n## Aboutness\n\nx\n";
        Report r = TestRepo.create().file("README.md", md).scan(new PurposeRule());
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::path, Finding::message).containsExactly(tuple(
                "docs/purpose", "README.md", "Open README.md with a paragraph under the title that says what the "
                        + "project is for: the problem, who uses the model and what it predicts, or add an "
                        + "`## Overview` section."));
    }

    @Test
    void emptyPurposeSectionIsReportedAsEmpty() {
        Report r = TestRepo.create().file("README.md", "# Churn\n\n## Goals\n\n## Usage\n\nx\n").scan(new PurposeRule());
        assertThat(r.findings()).extracting(Finding::message).containsExactly("The `## Goals` section of README.md "
                + "is empty: say what the project is for: the problem, who uses the model and what it predicts.");
    }

    @Test
    void introInAnotherDocIsNotTheReadmeIntro() {
        Report r = TestRepo.create().file("README.md", "## Usage\n\nx\n").file("docs/index.md", "# Docs\n\nHello.\n")
                .scan(new PurposeRule());
        assertThat(r.findings()).extracting(Finding::path).containsExactly("README.md");
    }
}
