package dev.mlreadiness.engine.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SectionDetailsTest {

    private static Section section(String md) throws MarkdownBudgetException {
        return MarkdownParser.parse(md).sections().get(0);
    }

    @Test
    void imagesLinksAndInlineCodeAreCollectedWithSubsections() throws MarkdownBudgetException {
        Section s = section("""
                ## Model

                See ![the pipeline](docs/pipeline.png) and the [runbook](docs/run.md); run `make serve`.

                <p align="center"><img width="600" src='docs/arch.svg'></p>

                ### Details

                Inline <img src=x.png> too, and `python serve.py`.

                ## Next

                ![not ours](n.png)
                """);
        assertThat(s.images()).containsExactly("docs/pipeline.png", "docs/arch.svg", "x.png");
        assertThat(s.links()).containsExactly("docs/run.md");
        assertThat(s.inlineCode()).containsExactly("make serve", "python serve.py");
        assertThat(s.hasOrderedList()).isFalse();
        assertThat(s.hasBulletList()).isFalse();
    }

    @Test
    void listsCountFromTwoItems() throws MarkdownBudgetException {
        assertThat(section("## M\n\n1. one\n2. two\n").hasOrderedList()).isTrue();
        assertThat(section("## M\n\n1. one\n").hasOrderedList()).isFalse();
        assertThat(section("## M\n\n- one\n- two\n").hasBulletList()).isTrue();
        assertThat(section("## M\n\n- one\n").hasBulletList()).isFalse();
        // a list nested in a block quote is still a list of the section
        assertThat(section("## M\n\n> 1. one\n> 2. two\n").hasOrderedList()).isTrue();
    }

    @Test
    void codeInsideCodeBlocksAndHtmlCommentsIsNoImage() throws MarkdownBudgetException {
        Section s = section("## M\n\n```\n![x](y.png) <img src=z.png>\n```\n\n<!-- <img src=c.png> -->\n");
        assertThat(s.images()).isEmpty();
    }
}
