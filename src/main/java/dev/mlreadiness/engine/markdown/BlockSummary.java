package dev.mlreadiness.engine.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;

/**
 * What the docs rules need to know about one top-level block, worked out once so that nested sections
 * can share it.
 *
 * @param heading the heading, when the block is a top-level heading (a section boundary)
 * @param content whether the block is or holds content: a non-empty paragraph, a list or block
 *        quote holding one, a table, a non-blank code block, or HTML other than comments
 * @param example whether the block is or holds a non-blank code block or a table
 * @param introParagraph whether the block is a paragraph with words of its own (not only badges)
 * @param text the block's plain text
 * @param block the block as a rule reads its words, for a block with content
 * @param details its images, links, inline code and ordered lists
 */
record BlockSummary(Optional<Heading> heading, boolean content, boolean example, boolean introParagraph,
        String text, List<Table> tables, List<CodeBlock> codeBlocks, ContentBlock block, BlockDetails details) {

    static BlockSummary of(Node block) {
        List<Table> tables = new ArrayList<>();
        List<CodeBlock> codeBlocks = new ArrayList<>();
        TreeWalk.walk(block, node -> {
            if (node instanceof TableBlock table) {
                tables.add(toTable(table));
                return false;
            }
            if (node instanceof FencedCodeBlock fenced) {
                codeBlocks.add(new CodeBlock(fenced.getInfo(), fenced.getLiteral(), TreeWalk.lineOf(fenced)));
            } else if (node instanceof IndentedCodeBlock indented) {
                codeBlocks.add(new CodeBlock("", indented.getLiteral(), TreeWalk.lineOf(indented)));
            }
            return true;
        });
        boolean example = !tables.isEmpty() || codeBlocks.stream().anyMatch(code -> !code.literal().isBlank());
        Optional<Heading> heading = block instanceof org.commonmark.node.Heading h
                ? Optional.of(new Heading(PlainText.ofInlines(h), h.getLevel(), TreeWalk.lineOf(h)))
                : Optional.empty();
        boolean content = heading.isEmpty() && TreeWalk.anyMatch(block, BlockSummary::isContentLeaf);
        boolean intro = block instanceof Paragraph && hasWordsOutsideImages(block);
        String text = PlainText.ofBlock(block);
        return new BlockSummary(heading, content, example, intro, text, List.copyOf(tables), List.copyOf(codeBlocks),
                contentBlock(block, text), heading.isPresent() ? BlockDetails.NONE : BlockDetails.of(block));
    }

    private static ContentBlock contentBlock(Node block, String text) {
        if (block instanceof FencedCodeBlock fenced) {
            return new ContentBlock(ContentBlock.Kind.CODE, fenced.getLiteral());
        }
        if (block instanceof IndentedCodeBlock indented) {
            return new ContentBlock(ContentBlock.Kind.CODE, indented.getLiteral());
        }
        if (block instanceof HtmlBlock html) {
            return new ContentBlock(ContentBlock.Kind.HTML, html.getLiteral());
        }
        return new ContentBlock(ContentBlock.Kind.TEXT, text);
    }

    /** Whether the block has content that {@code ignored} does not dismiss. */
    boolean contentBesides(Predicate<ContentBlock> ignored) {
        return content && !ignored.test(block);
    }

    /** Whether the block is or holds an example (code or a table) that {@code ignored} does not dismiss. */
    boolean exampleBesides(Predicate<ContentBlock> ignored) {
        return example && !ignored.test(block);
    }

    private static boolean isContentLeaf(Node node) {
        if (node instanceof Paragraph || node instanceof org.commonmark.node.Heading) {
            return hasVisibleInline(node);
        }
        if (node instanceof FencedCodeBlock fenced) {
            return !fenced.getLiteral().isBlank();
        }
        if (node instanceof IndentedCodeBlock indented) {
            return !indented.getLiteral().isBlank();
        }
        if (node instanceof HtmlBlock html) {
            return hasMarkupOutsideComments(html.getLiteral());
        }
        return node instanceof TableBlock;
    }

    private static boolean hasVisibleInline(Node container) {
        return TreeWalk.anyMatch(container, node -> node instanceof Text t && !t.getLiteral().isBlank()
                || node instanceof Code
                || node instanceof Image
                || node instanceof HtmlInline html && hasMarkupOutsideComments(html.getLiteral()));
    }

    /**
     * A badge row is images, or links around images, maybe with separators such as {@code |} between them:
     * its only letters are image alt texts. An intro needs letters or digits of its own.
     */
    private static boolean hasWordsOutsideImages(Node paragraph) {
        boolean[] found = { false };
        TreeWalk.walk(paragraph, node -> {
            if (node instanceof Text t && (containsLetterOrDigit(t.getLiteral()))
                    || node instanceof Code c && containsLetterOrDigit(c.getLiteral())) {
                found[0] = true;
            }
            return !found[0] && !(node instanceof Image);
        });
        return found[0];
    }

    private static boolean containsLetterOrDigit(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static boolean hasMarkupOutsideComments(String html) {
        int from = 0;
        while (true) {
            int commentStart = html.indexOf("<!--", from);
            String before = commentStart < 0 ? html.substring(from) : html.substring(from, commentStart);
            if (!before.isBlank()) {
                return true;
            }
            if (commentStart < 0) {
                return false;
            }
            int commentEnd = html.indexOf("-->", commentStart + 4);
            if (commentEnd < 0) {
                return false;
            }
            from = commentEnd + 3;
        }
    }

    private static Table toTable(TableBlock block) {
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (Node section = block.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        cells.add(PlainText.ofInlines(cell));
                    }
                }
                if (section instanceof TableHead && header.isEmpty()) {
                    header.addAll(cells);
                } else if (section instanceof TableBody) {
                    rows.add(cells);
                }
            }
        }
        return new Table(header, rows, TreeWalk.lineOf(block));
    }
}
