package dev.mlreadiness.engine.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.Extension;
import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Parses Markdown (CommonMark with GitHub tables and YAML front matter) into a {@link MarkdownDocument}.
 * Never throws: any text, however large or malformed, gives a document.
 */
public final class MarkdownParser {

    private static final Parser WITH_FRONT_MATTER =
            parser(List.of(TablesExtension.create(), YamlFrontMatterExtension.create()));
    private static final Parser WITHOUT_FRONT_MATTER = parser(List.of(TablesExtension.create()));

    private MarkdownParser() {
    }

    private static Parser parser(List<Extension> extensions) {
        return Parser.builder().extensions(extensions).includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    }

    /** Parses {@code text}; {@code null} reads as an empty document. */
    public static MarkdownDocument parse(String text) {
        String source = withoutByteOrderMark(text == null ? "" : text);
        Node root = WITH_FRONT_MATTER.parse(source);
        FrontMatter frontMatter = FrontMatter.none();
        if (root.getFirstChild() instanceof YamlFrontMatterBlock block) {
            Optional<String> yaml = closedFrontMatter(block, source);
            if (yaml.isPresent()) {
                frontMatter = FrontMatter.read(yaml.get());
                block.unlink();
            } else {
                // An unclosed block is no front matter: commonmark's extension would swallow the whole file.
                root = WITHOUT_FRONT_MATTER.parse(source);
            }
        }
        List<BlockSummary> blocks = new ArrayList<>();
        for (Node block = root.getFirstChild(); block != null; block = block.getNext()) {
            blocks.add(BlockSummary.of(block));
        }
        return new MarkdownDocument(blocks, frontMatter);
    }

    /** The YAML between the opening and the closing delimiter, when the block has a closing one. */
    private static Optional<String> closedFrontMatter(YamlFrontMatterBlock block, String source) {
        List<SourceSpan> lines = block.getSourceSpans();
        if (lines.size() < 2) {
            return Optional.empty();
        }
        SourceSpan opening = lines.get(0);
        SourceSpan closing = lines.get(lines.size() - 1);
        String closingText = source.substring(closing.getInputIndex(),
                closing.getInputIndex() + closing.getLength()).strip();
        if (!closingText.equals("---") && !closingText.equals("...")) {
            return Optional.empty();
        }
        return Optional.of(source.substring(opening.getInputIndex() + opening.getLength(), closing.getInputIndex()));
    }

    // Editors on Windows save a byte-order mark; commonmark would read "\uFEFF# Title" as a paragraph.
    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
