package dev.mlreadiness.engine.markdown;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** What a run of top-level blocks (a section's content, or a whole document) holds, put together once. */
record BlockContents(boolean hasContent, boolean hasExample, String plainText, List<Table> tables,
        List<CodeBlock> codeBlocks, List<BlockSummary> blocks, BlockDetails details) {

    static BlockContents of(List<BlockSummary> blocks) {
        return new BlockContents(
                blocks.stream().anyMatch(BlockSummary::content),
                blocks.stream().anyMatch(BlockSummary::example),
                blocks.stream().map(BlockSummary::text).filter(text -> !text.isEmpty())
                        .collect(Collectors.joining("\n")),
                blocks.stream().flatMap(block -> block.tables().stream()).toList(),
                blocks.stream().flatMap(block -> block.codeBlocks().stream()).toList(),
                List.copyOf(blocks),
                BlockDetails.join(blocks.stream().map(BlockSummary::details).toList()));
    }

    /** Whether a block has content that {@code ignored} does not dismiss. */
    boolean hasContent(Predicate<ContentBlock> ignored) {
        return hasContent && blocks.stream().anyMatch(block -> block.contentBesides(ignored));
    }

    /** Whether a block holds an example (code or a table) that {@code ignored} does not dismiss. */
    boolean hasExample(Predicate<ContentBlock> ignored) {
        return hasExample && blocks.stream().anyMatch(block -> block.exampleBesides(ignored));
    }
}
