package dev.mlreadiness.engine.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

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
        Report r = TestRepo.create().file("README.md", "# Churn\n\n## Goals\n\n## Usage\n\nx\n")
                .scan(new PurposeRule());
        assertThat(r.findings()).extracting(Finding::message).containsExactly("The `## Goals` section of README.md "
                + "is empty: say what the project is for: the problem, who uses the model and what it predicts.");
    }

    @Test
    void introInAnotherDocIsNotTheReadmeIntro() {
        Report r = TestRepo.create().file("README.md", "## Usage\n\nx\n").file("docs/index.md", "# Docs\n\nHello.\n")
                .scan(new PurposeRule());
        assertThat(r.findings()).extracting(Finding::path).containsExactly("README.md");
    }

    @Test
    void theTemplatesPlaceholderIsNoIntro() {
        Report r = TestRepo.create().file("README.md", CookiecutterFiles.README).scan(new PurposeRule());
        assertThat(r.findings()).extracting(Finding::path, Finding::message).containsExactly(tuple("README.md",
                "Replace the template's placeholder under the title of README.md with a paragraph that says what "
                        + "the project is for: the problem, who uses the model and what it predicts."));
    }

    @Test
    void aRealDescriptionNextToTheTemplatesTreePasses() {
        String md = CookiecutterFiles.README.replace("A short description of the project.",
                "Predicts which subscribers cancel next month, for the retention team.");
        assertThat(TestRepo.create().file("README.md", md).scan(new PurposeRule()).findings()).isEmpty();
    }

    @Test
    void theMkdocsIndexDescriptionWithThePlaceholderIsTemplateText() {
        Report r = TestRepo.create().file("README.md", "# churn\n\n## Usage\n\n`make train`\n")
                .file("docs/docs/index.md", "# churn documentation!\n\n## Description\n\n"
                        + "A short description of the project.\n\n## Commands\n\nThe Makefile contains the central "
                        + "entry points for common tasks related to this project.\n")
                .scan(new PurposeRule());
        assertThat(r.findings()).extracting(Finding::path, Finding::message).containsExactly(tuple(
                "docs/docs/index.md", "The `## Description` section of docs/docs/index.md holds only template text: "
                        + "say what the project is for: the problem, who uses the model and what it predicts."));

        Report real = TestRepo.create().file("README.md", "# churn\n\n## Usage\n\n`make train`\n")
                .file("docs/docs/index.md", "# churn documentation!\n\n## Description\n\n"
                        + "Predicts which subscribers cancel next month.\n")
                .scan(new PurposeRule());
        assertThat(real.findings()).isEmpty();
    }

    @Test
    void widerWordsAndInflectionsPass() {
        for (String heading : List.of("Description", "Summary", "Background", "Motivating example", "TL;DR",
                "What is churn-model?", "Project goals")) {
            Report r = TestRepo.create().file("README.md", "## " + heading + "\n\nPredicts who cancels.\n")
                    .scan(new PurposeRule());
            assertThat(r.findings()).as(heading).isEmpty();
        }
    }

    @Test
    void noReadmeIsStructureReadmesFindingNotThisOne() {
        Report r = TestRepo.create().file("train.py", "x = 1\n").scan(new PurposeRule());
        assertThat(r.findings()).isEmpty();
        assertThat(r.scores()).isEmpty();

        Report overview = TestRepo.create().file("train.py", "x = 1\n")
                .file("docs/index.md", "# Docs\n\n## Overview\n\nPredicts who cancels.\n").scan(new PurposeRule());
        assertThat(overview.findings()).isEmpty();
        assertThat(overview.scores()).isNotEmpty();
    }

    @Test
    void pullRequestReplacingThePlaceholderFixesItAndWritingOneIsNew() {
        Report fixed = TestRepo.create().file("README.md", CookiecutterFiles.README).change()
                .modify("README.md", CookiecutterFiles.README.replace("A short description of the project.",
                        "Predicts which subscribers cancel next month."))
                .evaluate(new PurposeRule());
        assertThat(fixed.findings()).isEmpty();

        Report worse = TestRepo.create().file("README.md", "# churn\n\nPredicts who cancels.\n").change()
                .modify("README.md", "# churn\n\nA short description of the project.\n").evaluate(new PurposeRule());
        assertThat(worse.findings()).extracting(Finding::ruleId, Finding::isNew)
                .containsExactly(tuple("docs/purpose", true));
    }
}
