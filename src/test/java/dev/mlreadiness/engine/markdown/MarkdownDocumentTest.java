package dev.mlreadiness.engine.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MarkdownDocumentTest {

    @Nested
    class Title {

        @Test
        void atxLevelOneHeadingIsTheTitle() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("# Churn model\n\nPredicts churn.\n");

            assertThat(doc.title()).contains(new Heading("Churn model", 1, 1));
        }

        @Test
        void setextHeadingIsTheTitle() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("\nChurn model\n===========\n\nPredicts churn.\n");

            assertThat(doc.title()).contains(new Heading("Churn model", 1, 2));
        }

        @Test
        void setextLevelTwoHeadingIsNoTitle() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("Churn model\n-----------\n\nPredicts churn.\n");

            assertThat(doc.title()).isEmpty();
            assertThat(doc.sections()).extracting(Section::level).containsExactly(2);
        }

        @Test
        void firstHeadingAtLevelTwoMeansNoTitleEvenWithALaterLevelOne() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("## Usage\n\nRun it.\n\n# Project\n");

            assertThat(doc.title()).isEmpty();
        }

        @Test
        void inlineMarkupIsRemovedFromHeadingText() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse(
                    "# The **`churn`** _model_ [docs](https://x.y)\n\n## **Usage**\n\ntext\n");

            assertThat(doc.title()).map(Heading::text).contains("The churn model docs");
            assertThat(doc.sections()).extracting(Section::text).containsExactly("The churn model docs", "Usage");
        }

        @Test
        void byteOrderMarkDoesNotHideTheTitle() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("\uFEFF# Churn model\n");

            assertThat(doc.title()).map(Heading::text).contains("Churn model");
        }
    }

    @Nested
    class Intro {

        @Test
        void paragraphUnderTheTitleIsAnIntro() throws MarkdownBudgetException {
            assertThat(MarkdownParser.parse("# Churn\n\nPredicts which customers leave.\n\n## Usage\n").hasIntro())
                    .isTrue();
        }

        @Test
        void noParagraphBeforeTheNextHeadingMeansNoIntro() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("# Churn\n\n## Usage\n\nRun `make`.\n");

            assertThat(doc.hasIntro()).isFalse();
        }

        @Test
        void badgesOnlyParagraphIsNoIntro() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("""
                    # Churn

                    [![CI](https://x/ci.svg)](https://x/ci) | ![License: MIT](https://x/mit.svg)
                    [![PyPI](https://x/pypi.svg)](https://pypi.org/p/churn)

                    ## Usage

                    Run it.
                    """);

            assertThat(doc.hasIntro()).isFalse();
        }

        @Test
        void paragraphAfterTheBadgesIsAnIntro() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("""
                    # Churn

                    ![CI](https://x/ci.svg)

                    Predicts which customers leave.
                    """);

            assertThat(doc.hasIntro()).isTrue();
        }

        @Test
        void withoutTitleAParagraphBeforeTheFirstHeadingIsAnIntro() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("Predicts churn.\n\n## Usage\n\nRun it.\n");

            assertThat(doc.title()).isEmpty();
            assertThat(doc.hasIntro()).isTrue();
        }

        @Test
        void withoutTitleAParagraphOnlyUnderALevelTwoHeadingIsNoIntro() throws MarkdownBudgetException {
            assertThat(MarkdownParser.parse("## Usage\n\nRun it.\n").hasIntro()).isFalse();
        }

        @Test
        void htmlBlockOrCodeOrListIsNoIntro() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("""
                    # Churn

                    <p align="center">Predicts churn</p>

                    - a list item

                    ```
                    code
                    ```
                    """);

            assertThat(doc.hasIntro()).isFalse();
        }
    }

    @Nested
    class Sections {

        @Test
        void contentOfASectionIncludesItsSubsections() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("""
                    # Project
                    ## Usage
                    ### Install
                    Run `pip install churn`.
                    ### Train
                    ```bash
                    python train.py
                    ```
                    ## License
                    MIT
                    """);

            assertThat(doc.sections()).extracting(Section::text, Section::level, Section::line).containsExactly(
                    tuple("Project", 1, 1),
                    tuple("Usage", 2, 2),
                    tuple("Install", 3, 3),
                    tuple("Train", 3, 5),
                    tuple("License", 2, 9));
            Section usage = doc.sections().get(1);
            assertThat(usage.hasContent()).isTrue();
            assertThat(usage.hasExampleBlock()).isTrue();
            assertThat(usage.plainText()).isEqualTo("Install\nRun pip install churn.\nTrain\npython train.py");
            assertThat(usage.codeBlocks()).containsExactly(new CodeBlock("bash", "python train.py\n", 6));
            assertThat(doc.sections().get(2).hasExampleBlock()).isFalse();
            assertThat(doc.sections().get(4).plainText()).isEqualTo("MIT");
        }

        @Test
        void contentAPredicateDismissesIsNoContentHeadingsAndRulesNeverAre() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("""
                    # Title

                    Boilerplate.

                    ## Usage

                    ```
                    boiler code
                    ```

                    <p>boiler html</p>

                    ---
                    """);
            Predicate<ContentBlock> boilerplate = block -> block.text().contains("oiler");

            assertThat(doc.sections().get(0).hasContent()).isTrue();
            assertThat(doc.sections().get(0).hasContent(boilerplate)).isFalse();
            assertThat(doc.sections().get(1).hasExampleBlock(boilerplate)).isFalse();
            assertThat(doc.hasIntro()).isTrue();
            assertThat(doc.hasIntro(boilerplate)).isFalse();
            assertThat(doc.hasContent(boilerplate)).isFalse();
            List<ContentBlock> seen = new ArrayList<>();
            doc.hasContent(block -> seen.add(block));
            assertThat(seen).extracting(ContentBlock::kind).containsExactly(ContentBlock.Kind.TEXT,
                    ContentBlock.Kind.CODE, ContentBlock.Kind.HTML);
            assertThat(seen).extracting(ContentBlock::text).containsExactly("Boilerplate.", "boiler code\n",
                    "<p>boiler html</p>");

            MarkdownDocument real = MarkdownParser.parse("# Title\n\nBoilerplate.\n\nPredicts churn.\n");
            assertThat(real.hasIntro(boilerplate)).isTrue();
            assertThat(real.sections().get(0).hasContent(boilerplate)).isTrue();
        }

        @Test
        void levelTwoHeadingFollowedDirectlyByALevelThreeWithContentHasContent() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("## Data\n### Sources\nKaggle churn dataset.\n");

            assertThat(doc.sections().get(0).hasContent()).isTrue();
            assertThat(doc.sections().get(1).hasContent()).isTrue();
        }

        @Test
        void emptySectionFollowedByASameLevelHeadingHasNoContent() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("## Deployment\n\n## Usage\n\nRun it.\n");

            assertThat(doc.sections().get(0).hasContent()).isFalse();
            assertThat(doc.sections().get(0).plainText()).isEmpty();
            assertThat(doc.sections().get(1).hasContent()).isTrue();
        }

        @Test
        void levelTwoSectionWithOnlyEmptySubsectionsHasNoContent() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser
                    .parse("## Usage\n### Install\n---\n### Run\n<!-- TODO -->\n## License\nMIT\n");

            assertThat(doc.sections().get(0).hasContent()).isFalse();
            assertThat(doc.sections().get(0).plainText()).isEqualTo("Install\nRun");
        }

        @Test
        void eachKindOfContentBlockCounts() throws MarkdownBudgetException {
            List<String> bodies = List.of("Some words.", "- item", "1. step", "| a | b |\n|---|---|\n| 1 | 2 |",
                    "```\ncode\n```", "    indented code", "> quoted words", "<div>html</div>",
                    "![architecture](arch.png)");
            for (String body : bodies) {
                MarkdownDocument doc = MarkdownParser.parse("## Section\n\n" + body + "\n");

                assertThat(doc.sections().get(0).hasContent()).as(body).isTrue();
            }
        }

        @Test
        void blanksCommentsAndRulesAreNoContent() throws MarkdownBudgetException {
            List<String> bodies = List.of("", "<!-- to do -->", "---", "```\n\n```", "[ref]: https://x.y");
            for (String body : bodies) {
                MarkdownDocument doc = MarkdownParser.parse("## Section\n\n" + body + "\n");

                assertThat(doc.sections().get(0).hasContent()).as(body).isFalse();
            }
        }

        @Test
        void exampleBlockIsACodeBlockOrATableNotAParagraphOrList() throws MarkdownBudgetException {
            assertThat(MarkdownParser.parse("## Model\n\n| in | out |\n|---|---|\n| 1 | 0 |\n")
                    .sections().get(0).hasExampleBlock()).isTrue();
            assertThat(MarkdownParser.parse("## Model\n\n    x = predict(y)\n").sections().get(0).hasExampleBlock())
                    .isTrue();
            assertThat(MarkdownParser.parse("## Model\n\nInput `x`, output `y`.\n\n- step\n")
                    .sections().get(0).hasExampleBlock()).isFalse();
        }

        @Test
        void headingInsideAFencedCodeBlockIsNoHeading() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("""
                    ## Usage

                    ```markdown
                    # Not a heading
                    ## Deployment
                    ```
                    """);

            assertThat(doc.sections()).extracting(Section::text).containsExactly("Usage");
            assertThat(doc.sections().get(0).codeBlocks())
                    .containsExactly(new CodeBlock("markdown", "# Not a heading\n## Deployment\n", 3));
        }

        @Test
        void headingInsideABlockQuoteIsContentNotASection() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("## Notes\n\n> ## Deployment\n");

            assertThat(doc.sections()).extracting(Section::text).containsExactly("Notes");
            assertThat(doc.sections().get(0).hasContent()).isTrue();
        }

        @Test
        void rawHtmlIsLeftOutOfPlainText() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("## Results\n\n<!-- accuracy -->\n\nF1 is <b>0.9</b>.\n");

            assertThat(doc.sections().get(0).plainText()).isEqualTo("F1 is 0.9.");
        }
    }

    @Nested
    class Tables {

        @Test
        void tablesAnywhereWithTheirCellsAndLines() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("""
                    Intro.

                    | Database key | Data type | Data order |
                    |---|---|---|
                    | `age` | **int** | ratio |
                    | city | string | nominal |

                    - list with a table:

                      | a | b |
                      |---|---|
                    """);

            assertThat(doc.tables()).containsExactly(
                    new Table(List.of("Database key", "Data type", "Data order"),
                            List.of(List.of("age", "int", "ratio"), List.of("city", "string", "nominal")), 3),
                    new Table(List.of("a", "b"), List.of(), 10));
        }

        @Test
        void rowWithFewerCellsIsPaddedToTheHeader() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("| a | b |\n|---|---|\n| 1 |\n");

            assertThat(doc.tables().get(0).rows()).containsExactly(List.of("1", ""));
        }

        @Test
        void pipesWithoutADelimiterRowAreNoTable() throws MarkdownBudgetException {
            assertThat(MarkdownParser.parse("| a | b |\n| 1 | 2 |\n").tables()).isEmpty();
        }
    }

    @Nested
    class FrontMatterBlock {

        @Test
        void huggingFaceModelCardFrontMatterIsReadAsYaml() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("""
                    ---
                    license: apache-2.0
                    tags: [text-classification, churn]
                    metrics:
                      - accuracy
                      - f1
                    model-index:
                      - name: churn-bert
                    ---
                    # Churn BERT

                    Classifies churn.
                    """);

            assertThat(doc.hasFrontMatter()).isTrue();
            assertThat(doc.frontMatterProblem()).isEmpty();
            assertThat(doc.frontMatter().path("license").asText()).isEqualTo("apache-2.0");
            assertThat(doc.frontMatter().path("tags")).hasSize(2);
            assertThat(doc.frontMatter().path("tags").get(1).asText()).isEqualTo("churn");
            assertThat(doc.frontMatter().path("metrics").get(0).asText()).isEqualTo("accuracy");
            assertThat(doc.frontMatter().path("model-index").get(0).path("name").asText()).isEqualTo("churn-bert");
            assertThat(doc.title()).contains(new Heading("Churn BERT", 1, 10));
            assertThat(doc.hasIntro()).isTrue();
            assertThat(doc.plainText()).isEqualTo("Churn BERT\nClassifies churn.");
        }

        @Test
        void noFrontMatterGivesAnEmptyObject() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("# Title\n\nlicense: mit\n");

            assertThat(doc.hasFrontMatter()).isFalse();
            assertThat(doc.frontMatter().isObject()).isTrue();
            assertThat(doc.frontMatter()).isEmpty();
            assertThat(doc.frontMatterProblem()).isEmpty();
        }

        @Test
        void invalidYamlGivesAnEmptyObjectAndAProblem() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("---\ntags: [a, b\nlicense: : mit\n---\n# Title\n");

            assertThat(doc.hasFrontMatter()).isTrue();
            assertThat(doc.frontMatter()).isEmpty();
            assertThat(doc.frontMatterProblem()).get().asString().startsWith("the front matter is not valid YAML");
            assertThat(doc.title()).map(Heading::text).contains("Title");
        }

        @Test
        void yamlListIsNoMapping() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("---\n- a\n- b\n---\ntext\n");

            assertThat(doc.frontMatter()).isEmpty();
            assertThat(doc.frontMatterProblem()).contains("the front matter is not a mapping of keys to values");
        }

        @Test
        void emptyFrontMatterIsPresentAndEmpty() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("---\n---\n# Title\n");

            assertThat(doc.hasFrontMatter()).isTrue();
            assertThat(doc.frontMatter()).isEmpty();
            assertThat(doc.frontMatterProblem()).isEmpty();
        }

        @Test
        void unclosedFrontMatterIsNoFrontMatterAndDoesNotSwallowTheDocument() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("---\nlicense: mit\n\n# Title\n\nIntro.\n");

            assertThat(doc.hasFrontMatter()).isFalse();
            assertThat(doc.frontMatter()).isEmpty();
            assertThat(doc.title()).contains(new Heading("Title", 1, 4));
            assertThat(doc.hasIntro()).isTrue();
        }

        @Test
        void changingTheReturnedFrontMatterDoesNotChangeTheDocument() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse("---\nlicense: mit\n---\n");

            ((com.fasterxml.jackson.databind.node.ObjectNode) doc.frontMatter()).put("license", "gpl");

            assertThat(doc.frontMatter().path("license").asText()).isEqualTo("mit");
        }
    }

    @Nested
    class OddInput {

        @Test
        void crlfLineEndingsGiveTheSameStructureAndLines() throws MarkdownBudgetException {
            MarkdownDocument doc = MarkdownParser.parse(
                    "---\r\nlicense: mit\r\n---\r\nTitle\r\n=====\r\n\r\nIntro\r\ntext.\r\n\r\n## Usage\r\n\r\n"
                            + "| name | type |\r\n|---|---|\r\n| age | int |\r\n");

            assertThat(doc.frontMatter().path("license").asText()).isEqualTo("mit");
            assertThat(doc.title()).contains(new Heading("Title", 1, 4));
            assertThat(doc.hasIntro()).isTrue();
            assertThat(doc.sections().get(1).line()).isEqualTo(10);
            assertThat(doc.tables())
                    .containsExactly(new Table(List.of("name", "type"), List.of(List.of("age", "int")), 12));
            assertThat(doc.plainText()).doesNotContain("\r");
        }

        @Test
        void emptyAndNullDocumentsHaveNothing() throws MarkdownBudgetException {
            for (String text : new String[] { "", null, "\n\n  \n" }) {
                MarkdownDocument doc = MarkdownParser.parse(text);

                assertThat(doc.title()).isEmpty();
                assertThat(doc.hasIntro()).isFalse();
                assertThat(doc.sections()).isEmpty();
                assertThat(doc.tables()).isEmpty();
                assertThat(doc.codeBlocks()).isEmpty();
                assertThat(doc.plainText()).isEmpty();
                assertThat(doc.hasFrontMatter()).isFalse();
            }
        }

        @Test
        void deeplyNestedInputParsesWithoutOverflowingTheStack() throws MarkdownBudgetException {
            String text = "## Usage\n\n" + "> ".repeat(20_000) + "- ".repeat(5_000) + "deep words\n\n"
                    + "*a ".repeat(20_000) + "[".repeat(20_000) + "\n";

            MarkdownDocument doc = MarkdownParser.parse(text);

            assertThat(doc.sections()).extracting(Section::text).containsExactly("Usage");
            assertThat(doc.sections().get(0).plainText()).contains("deep words");
        }
    }
}
