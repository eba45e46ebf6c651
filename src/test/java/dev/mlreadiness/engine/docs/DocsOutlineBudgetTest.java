package dev.mlreadiness.engine.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.markdown.MarkdownParser;
import dev.mlreadiness.engine.rules.docs.PurposeRule;
import dev.mlreadiness.engine.rules.docs.UsageRule;
import dev.mlreadiness.engine.snapshot.SkippedFile;

/** A doc over a Markdown budget is listed as not checked, with the budget it breaks; the other docs still count. */
class DocsOutlineBudgetTest {

    private static final String GUIDE = "# Guide\n\nHow to run the churn model.\n\n## Usage\n\n`make train`\n";

    @Test
    void aDocOverTheLineBudgetIsSkippedAndTheOtherDocsStillCount() {
        String longReadme = "# X\n\n## Usage\n\n`make run`\n" + "\n".repeat(MarkdownParser.MAX_LINES);

        Report r = TestRepo.create().file("README.md", longReadme).file("docs/guide.md", GUIDE)
                .scan(new UsageRule(), new PurposeRule());

        assertThat(r.skipped()).containsExactly(
                new SkippedFile("README.md", "more than 20,000 lines: not read as documentation"));
        assertThat(r.findings()).extracting(Finding::ruleId).doesNotContain("docs/usage");
    }

    @Test
    void aDocOverTheSizeBudgetIsSkippedBeforeItIsDecoded() {
        String bigPage = "# Big\n\n" + "| a |\n".repeat(MarkdownParser.MAX_BYTES / 6);

        Report r = TestRepo.create().file("README.md", GUIDE).file("docs/big.md", bigPage)
                .scan(new UsageRule());

        assertThat(r.skipped()).containsExactly(
                new SkippedFile("docs/big.md", "larger than 512 KiB: not read as documentation"));
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void aPlainTextReadmeIsHeldToTheSameBudgets() {
        String rst = "Churn\n=====\n\nUsage\n-----\n\nmake run\n" + "x\n".repeat(MarkdownParser.MAX_LINES);

        Report r = TestRepo.create().file("README.rst", rst).file("docs/guide.md", GUIDE).scan(new UsageRule());

        assertThat(r.skipped()).extracting(SkippedFile::path, SkippedFile::reason)
                .containsExactly(tuple("README.rst", "more than 20,000 lines: not read as documentation"));
    }
}
