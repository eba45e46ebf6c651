package dev.mlreadiness.engine.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A parsed Markdown file as the docs rules see it: its title, whether it opens with an intro, its
 * sections, tables, code blocks, front matter and plain text. Immutable; made by {@link MarkdownParser}.
 */
public final class MarkdownDocument {

    private final Optional<Heading> title;
    private final List<BlockSummary> introParagraphs;
    private final List<Section> sections;
    private final BlockContents content;
    private final FrontMatter frontMatter;

    MarkdownDocument(List<BlockSummary> blocks, FrontMatter frontMatter) {
        this.frontMatter = frontMatter;
        this.sections = sectionsOf(blocks);
        int firstHeading = nextHeading(blocks, 0);
        this.title = firstHeading < blocks.size()
                ? blocks.get(firstHeading).heading().filter(heading -> heading.level() == 1)
                : Optional.empty();
        List<BlockSummary> intro = new ArrayList<>(introParagraphs(blocks.subList(0, firstHeading)));
        if (title.isPresent()) {
            intro.addAll(introParagraphs(blocks.subList(firstHeading + 1, nextHeading(blocks, firstHeading + 1))));
        }
        this.introParagraphs = List.copyOf(intro);
        this.content = BlockContents.of(blocks);
    }

    private static List<Section> sectionsOf(List<BlockSummary> blocks) {
        List<Section> sections = new ArrayList<>();
        for (int start = 0; start < blocks.size(); start++) {
            Optional<Heading> heading = blocks.get(start).heading();
            if (heading.isEmpty()) {
                continue;
            }
            int level = heading.get().level();
            int end = start + 1;
            while (end < blocks.size()
                    && blocks.get(end).heading().map(next -> next.level() > level).orElse(true)) {
                end++;
            }
            sections.add(new Section(heading.get(), blocks.subList(start + 1, end)));
        }
        return List.copyOf(sections);
    }

    private static int nextHeading(List<BlockSummary> blocks, int from) {
        int index = from;
        while (index < blocks.size() && blocks.get(index).heading().isEmpty()) {
            index++;
        }
        return index;
    }

    private static List<BlockSummary> introParagraphs(List<BlockSummary> blocks) {
        return blocks.stream().filter(BlockSummary::introParagraph).toList();
    }

    /**
     * The document title: the first heading, when it is level 1 (ATX {@code #} or setext {@code ===}).
     * A document whose first heading is level 2 or deeper has no title.
     */
    public Optional<Heading> title() {
        return title;
    }

    /**
     * Whether the document opens with an intro: a paragraph before the first heading, or right under the
     * title (before the next heading). Only top-level paragraphs with words of their own count: a badges
     * row (images, links around images, separators between them) is not an intro, nor is raw HTML.
     */
    public boolean hasIntro() {
        return !introParagraphs.isEmpty();
    }

    /** Like {@link #hasIntro()}, not counting the paragraphs {@code ignored} dismisses (a template's placeholder). */
    public boolean hasIntro(Predicate<ContentBlock> ignored) {
        return introParagraphs.stream().anyMatch(paragraph -> !ignored.test(paragraph.block()));
    }

    /** One section per top-level heading, in document order; nested sections overlap their parents. */
    public List<Section> sections() {
        return sections;
    }

    /**
     * Whether the document has content anywhere (headings alone are none, as for {@link Section#hasContent()})
     * that {@code ignored} does not dismiss.
     */
    public boolean hasContent(Predicate<ContentBlock> ignored) {
        return content.hasContent(ignored);
    }

    /** Every table in the document, with or without a heading above it, in document order. */
    public List<Table> tables() {
        return content.tables();
    }

    /** Every fenced or indented code block in the document, in document order. */
    public List<CodeBlock> codeBlocks() {
        return content.codeBlocks();
    }

    /** The text of the whole document, headings included, raw HTML and front matter left out. */
    public String plainText() {
        return content.plainText();
    }

    /** Whether the document starts with a closed YAML front-matter block ({@code ---} … {@code ---}). */
    public boolean hasFrontMatter() {
        return frontMatter.present();
    }

    /**
     * The top-level mapping of the YAML front matter (e.g. a Hugging Face model card's {@code license},
     * {@code tags}, {@code metrics}); an empty object node when there is none or it is not valid YAML.
     * A copy: changing it does not change the document.
     */
    public JsonNode frontMatter() {
        return frontMatter.values().deepCopy();
    }

    /** Why the front matter could not be read, when the document has front matter that is not a YAML mapping. */
    public Optional<String> frontMatterProblem() {
        return frontMatter.problem();
    }
}
