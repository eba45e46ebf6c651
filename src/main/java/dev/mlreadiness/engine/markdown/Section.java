package dev.mlreadiness.engine.markdown;

import java.util.List;
import java.util.function.Predicate;

/**
 * A heading and its content: every block after it until the next heading of the same or a higher level
 * (a smaller level number), so the subsections of a section are part of its content.
 *
 * <p>
 * Only top-level headings start sections; a heading inside a list or block quote is content of the
 * section it sits in.
 */
public final class Section {

    private final Heading heading;
    private final BlockContents content;

    Section(Heading heading, List<BlockSummary> content) {
        this.heading = heading;
        this.content = BlockContents.of(content);
    }

    public Heading heading() {
        return heading;
    }

    /** The heading's plain text, e.g. {@code Usage} for {@code ## **Usage**}. */
    public String text() {
        return heading.text();
    }

    public int level() {
        return heading.level();
    }

    /** 1-based line of the heading. */
    public int line() {
        return heading.line();
    }

    /**
     * Whether the section, subsections included, holds a non-empty paragraph, a list, a table, a non-blank
     * fenced or indented code block, a block quote with any of these, or an HTML block other than a
     * comment. Headings and thematic breaks alone are not content.
     */
    public boolean hasContent() {
        return content.hasContent();
    }

    /**
     * Like {@link #hasContent()}, not counting the top-level blocks {@code ignored} dismisses (a template's
     * placeholder text, say).
     */
    public boolean hasContent(Predicate<ContentBlock> ignored) {
        return content.hasContent(ignored);
    }

    /** Whether the section, subsections included, holds a non-blank code block or a table. */
    public boolean hasExampleBlock() {
        return content.hasExample();
    }

    /** Like {@link #hasExampleBlock()}, not counting the top-level blocks {@code ignored} dismisses. */
    public boolean hasExampleBlock(Predicate<ContentBlock> ignored) {
        return content.hasExample(ignored);
    }

    /**
     * The text of the content for word searches, subsections (their headings too) and code included,
     * raw HTML left out; the section's own heading is not part of it.
     */
    public String plainText() {
        return content.plainText();
    }

    /** The tables in the section, subsections included, in document order. */
    public List<Table> tables() {
        return content.tables();
    }

    /** The code blocks in the section, subsections included, in document order. */
    public List<CodeBlock> codeBlocks() {
        return content.codeBlocks();
    }

    /**
     * The image sources in the section, subsections included: Markdown images and HTML {@code <img src>}, in
     * document order (a diagram, a screenshot of an example).
     */
    public List<String> images() {
        return content.details().images();
    }

    /** The link destinations in the section, subsections included, in document order. */
    public List<String> links() {
        return content.details().links();
    }

    /** The contents of the inline code spans in the section, subsections included, in document order. */
    public List<String> inlineCode() {
        return content.details().inlineCode();
    }

    /** Whether the section, subsections included, holds an ordered list of at least two items. */
    public boolean hasOrderedList() {
        return content.details().orderedList();
    }

    /** Whether the section, subsections included, holds a bullet list of at least two items. */
    public boolean hasBulletList() {
        return content.details().bulletList();
    }

    @Override
    public String toString() {
        return "Section[" + "#".repeat(level()) + " " + text() + " @" + line() + "]";
    }
}
