package dev.mlreadiness.engine.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.markdown.ContentBlock;
import dev.mlreadiness.engine.markdown.ContentBlock.Kind;
import dev.mlreadiness.engine.rules.docs.CookiecutterFiles;

class TemplateTextTest {

    private static boolean text(String text) {
        return TemplateText.matches(new ContentBlock(Kind.TEXT, text));
    }

    @Test
    void stockSentencesAreTemplateText() {
        assertThat(text("A short description of the project.")).isTrue();
        assertThat(text("The Makefile contains the central entry points for common tasks related to this project."))
                .isTrue();
        assertThat(text("This is where you describe how to get set up on a clean install, including the commands "
                + "necessary to get the raw data (using the sync_data_from_s3 command, for example), and then how to "
                + "make the cleaned, final data sets.")).isTrue();
        assertThat(text("This is where you describe how to get set up on a clean install.")).isTrue();
    }

    @Test
    void placeholdersTheTemplateFillsInAreTemplateTextToo() {
        // the bucket and the project name are the author's answers to the template's questions, not documentation
        assertThat(text("make sync_data_to_s3 will use aws s3 sync to recursively sync files in data/ up to "
                + "s3://acme-churn/data/.\nmake sync_data_from_s3 will use aws s3 sync to recursively sync files "
                + "from s3://acme-churn/data/ to data/.")).isTrue();
        assertThat(text("churn-prediction documentation master file, created by sphinx-quickstart. You can adapt "
                + "this file completely to your liking, but it should at least contain the root toctree "
                + "directive.")).isTrue();
    }

    @Test
    void aStockSentenceWithTheAuthorsOwnWordsIsTheAuthorsText() {
        assertThat(text("A short description of the project. It predicts churn from CRM data.")).isFalse();
        assertThat(text("The Makefile contains the central entry points for common tasks related to this project."
                + "\n`make train` fits the forest on data/processed.")).isFalse();
        assertThat(text("Predicts which customers cancel next month.")).isFalse();
        assertThat(text("")).isFalse();
    }

    @Test
    void theProjectOrganizationTreeIsTemplateTextButACodeExampleIsNot() {
        String fenced = CookiecutterFiles.TREE;
        String tree = fenced.substring(fenced.indexOf('\n') + 1, fenced.lastIndexOf("```"));
        assertThat(TemplateText.matches(new ContentBlock(Kind.CODE, tree))).isTrue();
        assertThat(TemplateText.matches(new ContentBlock(Kind.CODE, "python -m churn.train --data data/raw\n")))
                .isFalse();
        // an author's own tree that shares one note with the template's is the author's
        assertThat(TemplateText.matches(new ContentBlock(Kind.CODE,
                "├── data  <- The original, immutable data dump.\n├── api   <- FastAPI app serving the model\n")))
                .isFalse();
    }

    @Test
    void theTemplatesFooterAndBadgeAreTemplateTextOtherHtmlIsNot() {
        assertThat(TemplateText.matches(new ContentBlock(Kind.HTML, "<p><small>Project based on the <a target="
                + "\"_blank\" href=\"https://drivendata.github.io/cookiecutter-data-science/\">cookiecutter data "
                + "science project template</a>. #cookiecutterdatascience</small></p>"))).isTrue();
        assertThat(TemplateText.matches(new ContentBlock(Kind.HTML, "<p>Predicts churn.</p>"))).isFalse();
    }

    @Test
    void aLongLineIsRejectedWithoutTryingEveryFill() {
        String manyWords = "make sync data ".repeat(20_000);
        assertThat(text(manyWords)).isFalse();
        assertThat(text("this ".repeat(50_000))).isFalse();
    }
}
