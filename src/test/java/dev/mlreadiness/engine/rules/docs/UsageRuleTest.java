package dev.mlreadiness.engine.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
    void installingAndHtmlCommentsOnlyDoNotCount() {
        Report r = TestRepo.create()
                .file("README.md", "# X\n\n## Installing\n\nSoon.\n\n## Usage\n\n<!-- TODO -->\n")
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
}
