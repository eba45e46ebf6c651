package dev.mlreadiness.engine.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class UsageRuleTest {

    @Test
    void quickStartAndInstallationHeadingsPass() {
        assertThat(TestRepo.create().file("README.md", "# X\n\n## Quick start\n\n`make run`\n")
                .scan(new UsageRule()).findings()).isEmpty();
        assertThat(TestRepo.create().file("README.md", "# X\n\n### Installation\n\n- pip install .\n")
                .scan(new UsageRule()).findings()).isEmpty();
    }

    @Test
    void subsectionContentCountsForTheParentSection() {
        String md = "# X\n\n## Getting started\n\n### Install\n\n```\npip install .\n```\n";
        assertThat(TestRepo.create().file("README.md", md).scan(new UsageRule()).findings()).isEmpty();
    }

    @Test
    void inflectedHeadingsAndTheWordsReadmesUsePass() {
        for (String heading : List.of("Installing", "Run it", "prepare", "1. Easy start", "Examples", "Tutorial",
                "Commands", "Reproducing the results", "Running the pipeline", "How to use")) {
            Report r = TestRepo.create().file("README.md", "# X\n\n## " + heading + "\n\n`make train`\n")
                    .scan(new UsageRule());
            assertThat(r.findings()).as(heading).isEmpty();
        }
    }

    @Test
    void longerWordsDoNotMatch() {
        for (String heading : List.of("Installer internals", "Runtime", "Settings", "Counterexample")) {
            Report r = TestRepo.create().file("README.md", "# X\n\n## " + heading + "\n\nText.\n")
                    .scan(new UsageRule());
            assertThat(r.findings()).as(heading).extracting(Finding::ruleId).containsExactly("docs/usage");
        }
    }

    @Test
    void htmlCommentsOnlyDoNotCount() {
        Report r = TestRepo.create()
                .file("README.md", "# X\n\n## Usage\n\n<!-- TODO -->\n")
                .scan(new UsageRule());
        assertThat(r.findings()).extracting(Finding::path, Finding::message).containsExactly(tuple("README.md",
                "The `## Usage` section of README.md is empty: say how to install the project and run it (the "
                        + "commands, their inputs and outputs)."));
    }

    @Test
    void plainTextReadmeWithUnderlinedTitlePasses() {
        assertThat(TestRepo.create().file("README.txt", "Usage\n-----\nRun make.\n").scan(new UsageRule())
                .findings()).isEmpty();
        assertThat(TestRepo.create().file("README", "Usage:\nRun make.\n").scan(new UsageRule()).findings())
                .extracting(Finding::path).containsExactly("README");
    }

    @Test
    void huggingFaceModelCardGetStartedHeadingPassesButOtherStartsDoNot() {
        // the heading every Hugging Face model card template has for its usage example
        assertThat(TestRepo.create().file("README.md", "# m\n\n## How to Get Started with the Model\n\n"
                + "```python\npipeline('text-classification', model='acme/m')\n```\n").scan(new UsageRule())
                .findings()).isEmpty();
        assertThat(TestRepo.create().file("README.md", "# m\n\n## How we started\n\nA hackathon.\n\n"
                + "## Get the data\n\nAsk ops.\n").scan(new UsageRule()).findings())
                .extracting(Finding::path).containsExactly("README.md");
    }

    @Test
    void theCookiecutterStockPagesAreTemplateText() {
        Report r = TestRepo.create().file("README.md", CookiecutterFiles.README)
                .file("docs/getting-started.rst", CookiecutterFiles.GETTING_STARTED)
                .file("docs/commands.rst", CookiecutterFiles.COMMANDS)
                .scan(new UsageRule());
        assertThat(r.findings()).extracting(Finding::path, Finding::message).containsExactly(tuple(
                "docs/commands.rst", "The `Commands` section of docs/commands.rst holds only template text: say how "
                        + "to install the project and run it (the commands, their inputs and outputs)."));
    }

    @Test
    void theStockPagesFilledInPass() {
        String filled = CookiecutterFiles.GETTING_STARTED
                + "\nRun ``make data`` then ``make train``; the model lands in models/.\n";
        assertThat(TestRepo.create().file("README.md", CookiecutterFiles.README)
                .file("docs/getting-started.rst", filled).scan(new UsageRule()).findings()).isEmpty();
        // the mkdocs flavour (v2) of the same page
        assertThat(TestRepo.create().file("README.md", "# churn\n\nPredicts churn.\n")
                .file("docs/docs/getting-started.md", CookiecutterFiles.GETTING_STARTED).scan(new UsageRule())
                .findings())
                .extracting(Finding::path).containsExactly("docs/docs/getting-started.md");
    }

    @Test
    void pullRequestFillingTheStockPageRemovesTheGapAndAddingAStubLeavesItOld() {
        Report filled = TestRepo.create().file("README.md", "# churn\n\nPredicts churn.\n")
                .file("docs/getting-started.rst", CookiecutterFiles.GETTING_STARTED).change()
                .modify("docs/getting-started.rst", CookiecutterFiles.GETTING_STARTED + "\nRun ``make train``.\n")
                .evaluate(new UsageRule());
        assertThat(filled.findings()).isEmpty();

        Report stub = TestRepo.create().file("README.md", "# churn\n\nPredicts churn.\n").change()
                .add("docs/getting-started.rst", CookiecutterFiles.GETTING_STARTED).evaluate(new UsageRule());
        // the same gap as before, now pointing at the stub: not one the pull request made
        assertThat(stub.findings()).extracting(Finding::path, Finding::isNew)
                .containsExactly(tuple("docs/getting-started.rst", false));
    }

    @Test
    void noReadmeIsNotApplicableButAnEmptyDocsPageIsStillNamed() {
        Report none = TestRepo.create().file("train.py", "x = 1\n").scan(new UsageRule());
        assertThat(none.findings()).isEmpty();
        assertThat(none.scores()).isEmpty();

        Report empty = TestRepo.create().file("train.py", "x = 1\n").file("docs/usage.md", "# Usage\n")
                .scan(new UsageRule());
        assertThat(empty.findings()).extracting(Finding::path).containsExactly("docs/usage.md");
    }
}
