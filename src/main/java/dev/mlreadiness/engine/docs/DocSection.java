package dev.mlreadiness.engine.docs;

import dev.mlreadiness.engine.markdown.ContentBlock;
import dev.mlreadiness.engine.markdown.Section;

/**
 * A section of one doc file of the documentation set.
 *
 * @param path the doc file
 * @param section the section in it
 */
public record DocSection(String path, Section section) {

    /** How messages name it: {@code `## Deploy` section of README.md}, or without the hashes outside Markdown. */
    public String label() {
        String heading = DocsOutline.isMarkdown(path) ? "#".repeat(section.level()) + " " + section.text()
                : section.text();
        return "`" + heading + "` section of " + path;
    }

    /** Whether the section has content, but only {@link TemplateText template text}. */
    public boolean isTemplateOnly() {
        return section.hasContent() && !section.hasContent(TemplateText::matches);
    }

    /** Whether the section, subsections included, holds a code block or a table that is not template text. */
    public boolean hasExampleBlock() {
        return section.hasExampleBlock(TemplateText::matches);
    }

    /** Whether the section, subsections included, holds a non-blank code block that is not template text. */
    public boolean hasCodeBlock() {
        return section.codeBlocks().stream().anyMatch(c -> !c.literal().isBlank()
                && !TemplateText.matches(new ContentBlock(ContentBlock.Kind.CODE, c.literal())));
    }
}
