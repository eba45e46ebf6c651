package dev.mlreadiness.engine.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * The shapes of Markdown that made commonmark-java 0.27 superlinear or overflow the stack (issue 10), and the
 * budgets: each input is either read, with its words kept, or refused with the budget it breaks.
 */
class MarkdownBudgetsTest {

    @Test
    void textUpToTheSizeBudgetIsReadOneCharMoreIsRefused() throws MarkdownBudgetException {
        assertThat(MarkdownParser.parse("a".repeat(MarkdownParser.MAX_BYTES)).plainText())
                .hasSize(MarkdownParser.MAX_BYTES);
        assertThatThrownBy(() -> MarkdownParser.parse("a".repeat(MarkdownParser.MAX_BYTES + 1)))
                .isInstanceOf(MarkdownBudgetException.class)
                .hasMessage("larger than 512 KiB: not read as documentation");
        assertThatThrownBy(() -> MarkdownParser.checkSize(20L * 1024 * 1024))
                .hasMessage("larger than 512 KiB: not read as documentation");
    }

    @Test
    void linesUpToTheLineBudgetAreReadOneMoreIsRefusedWhateverTheLineEndings() throws MarkdownBudgetException {
        int max = MarkdownParser.MAX_LINES;
        assertThat(MarkdownParser.parse("# T\n" + "x\n".repeat(max - 1)).title()).isPresent();
        for (String ending : List.of("\n", "\r\n", "\r")) {
            assertThatThrownBy(() -> MarkdownParser.parse("# T" + ending + ("x" + ending).repeat(max - 1) + "x"))
                    .as(ending.replace("\r", "CR").replace("\n", "LF"))
                    .hasMessage("more than 20,000 lines: not read as documentation");
        }
        // blank lines count too: each is an object to the parser
        assertThatThrownBy(() -> MarkdownParser.parse("\n".repeat(max + 1)))
                .isInstanceOf(MarkdownBudgetException.class);
    }

    @Test
    void pipeLinesWithoutADelimiterRowAreAParagraphReadWholeOrRefusedByLines() throws MarkdownBudgetException {
        MarkdownDocument doc = MarkdownParser.parse("# Data\n\n" + "| a |\n".repeat(19_000));

        assertThat(doc.tables()).isEmpty();
        assertThat(doc.sections().get(0).plainText()).startsWith("| a | | a |");
        assertThatThrownBy(() -> MarkdownParser.parse("# Data\n\n" + "| a |\n".repeat(40_000)))
                .hasMessageStartingWith("more than 20,000 lines");
    }

    @Test
    void nestingBeyondTheBudgetIsReadAsText() throws MarkdownBudgetException {
        MarkdownDocument dashes = MarkdownParser.parse("- ".repeat(200_000) + "x");
        assertThat(dashes.plainText()).endsWith("- - x");

        MarkdownDocument quotes = MarkdownParser.parse("## Usage\n\n" + "> ".repeat(100_000) + "deep words\n");
        assertThat(quotes.sections().get(0).plainText()).endsWith("> > deep words");

        StringBuilder indented = new StringBuilder("## Usage\n\n");
        for (int depth = 0; depth < 600; depth++) {
            indented.append("  ".repeat(depth)).append("- item ").append(depth).append('\n');
        }
        MarkdownDocument list = MarkdownParser.parse(indented.toString());
        assertThat(list.sections().get(0).plainText()).contains("item 0").contains("item 599");
    }

    @Test
    void aTableUpToTheCellBudgetIsReadAWiderOneIsRefused() throws MarkdownBudgetException {
        // a row is padded to the header's width: 2 KB of header and one-character rows make many cells
        String header = "|" + "a|".repeat(1000) + "\n|" + "-|".repeat(1000) + "\n";
        MarkdownDocument doc = MarkdownParser.parse(header + "|b\n".repeat(50));
        assertThat(doc.tables()).singleElement().satisfies(t -> {
            assertThat(t.header()).hasSize(1000);
            assertThat(t.rows()).hasSize(50).allSatisfy(row -> assertThat(row).hasSize(1000));
        });

        assertThatThrownBy(() -> MarkdownParser.parse(header + "|b\n".repeat(200)))
                .hasMessage("has a table of more than 100,000 cells: not read as documentation");
    }

    @Test
    void inputsThatOverflowedTheStackParseOnASmallStack() throws InterruptedException {
        List<String> inputs = List.of("<a" + " x=y".repeat(20_000),
                "*a **a ".repeat(20_000) + "b" + " a** a*".repeat(20_000),
                "*".repeat(50_000) + "x" + "*".repeat(50_000),
                "![".repeat(20_000) + "x" + "](u)".repeat(20_000),
                "a@" + "b.".repeat(100_000) + "c");
        List<String> words = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                for (String input : inputs) {
                    words.add(MarkdownParser.parse(input).plainText());
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join();

        assertThat(failure.get()).isNull();
        assertThat(words).hasSize(inputs.size()).allSatisfy(text -> assertThat(text).isNotEmpty());
    }

    @Test
    void frontMatterAfterBlankLinesIsFoundAndLineNumbersStay() throws MarkdownBudgetException {
        MarkdownDocument doc = MarkdownParser.parse("\n\n---\nlicense: mit\n---\n# Card\n");

        assertThat(doc.frontMatter().path("license").asText()).isEqualTo("mit");
        assertThat(doc.title()).contains(new Heading("Card", 1, 6));
    }

    @Test
    void frontMatterEndingInALineWithMoreTextIsNoFrontMatter() throws MarkdownBudgetException {
        MarkdownDocument doc = MarkdownParser.parse("---\nlicense: mit\n--- more\n# Card\n");

        assertThat(doc.hasFrontMatter()).isFalse();
        assertThat(doc.title()).contains(new Heading("Card", 1, 4));
        assertThat(doc.plainText()).contains("license: mit");
    }

    @Test
    void indentedOrLongerDashesOpenNoFrontMatter() throws MarkdownBudgetException {
        assertThat(MarkdownParser.parse(" ---\nlicense: mit\n---\n").hasFrontMatter()).isFalse();
        assertThat(MarkdownParser.parse("----\nlicense: mit\n---\n").hasFrontMatter()).isFalse();
        assertThat(MarkdownParser.parse("---   \nlicense: mit\n...\n").frontMatter().path("license").asText())
                .isEqualTo("mit");
    }
}
