package dev.mlreadiness.engine.markdown;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Parses Markdown (CommonMark with GitHub tables and YAML front matter) into a {@link MarkdownDocument}, within
 * budgets that keep the time and memory of any file small and proportional to its size: a pull request's author
 * controls the docs, and they are parsed on the server's threads.
 *
 * <p>
 * Text over {@link #MAX_BYTES} or {@link #MAX_LINES}, or with a table over {@link #MAX_TABLE_CELLS}, is refused
 * with a {@link MarkdownBudgetException} (the file is then listed as not checked). Nesting deeper than
 * {@link #MAX_BLOCK_NESTING} blocks (list items, block quotes) or {@link #MAX_INLINE_NESTING} inline elements
 * (emphasis, links) is read as plain text, as commonmark-java does beyond its limits: the words are kept.
 */
public final class MarkdownParser {

    /**
     * Larger docs are not read (512 KiB). A long README is 50 KB; at this size even text made of nothing but
     * Markdown punctuation parses in about a second on one core.
     */
    public static final int MAX_BYTES = 512 * 1024;
    /** Docs with more lines are not read (20,000): every line costs objects, blank or not. */
    public static final int MAX_LINES = 20_000;
    /**
     * Docs with a table of more cells are not read (100,000): a row is padded to the header's width, so a wide
     * header over many short rows would otherwise cost far more than the file's size.
     */
    public static final int MAX_TABLE_CELLS = 100_000;
    /** List items and block quotes nested deeper than this (100) are read as paragraph text. */
    public static final int MAX_BLOCK_NESTING = 100;
    /** Emphasis, links and images nested deeper than this (100) are read as plain text. */
    public static final int MAX_INLINE_NESTING = 100;

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.builder().maxCells(MAX_TABLE_CELLS).build()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .maxOpenBlockParsers(MAX_BLOCK_NESTING)
            .maxInlineNesting(MAX_INLINE_NESTING)
            .build();

    /** commonmark-java's message when a table reaches {@code maxCells}. */
    private static final String TOO_MANY_CELLS = "Aborting parsing because maximum number of cells";

    // The delimiters of commonmark-java's YAML front matter extension, which this replaces.
    private static final Pattern FRONT_MATTER_START = Pattern.compile("-{3}(\\s.*)?");
    private static final Pattern FRONT_MATTER_END = Pattern.compile("(-{3}|\\.{3})(\\s.*)?");

    private MarkdownParser() {
    }

    /**
     * Parses {@code text}; {@code null} reads as an empty document.
     *
     * @throws MarkdownBudgetException when the text is over a budget; the message says which
     */
    public static MarkdownDocument parse(String text) throws MarkdownBudgetException {
        String source = withoutByteOrderMark(text == null ? "" : text);
        checkSize(source.length()); // a UTF-8 file has at least as many bytes as its text has chars
        Lines lines = Lines.of(source);
        FrontMatter frontMatter = FrontMatter.none();
        Optional<int[]> block = frontMatterLines(lines);
        if (block.isPresent()) {
            int open = block.get()[0];
            int close = block.get()[1];
            frontMatter = FrontMatter.read(source.substring(lines.contentEnd(open), lines.start(close)));
            source = lines.blankOut(open, close);
        }
        Node root = commonmark(source);
        List<BlockSummary> blocks = new ArrayList<>();
        for (Node node = root.getFirstChild(); node != null; node = node.getNext()) {
            blocks.add(BlockSummary.of(node));
        }
        return new MarkdownDocument(blocks, frontMatter);
    }

    /**
     * Refuses a file over {@link #MAX_BYTES} before it is even decoded.
     *
     * @throws MarkdownBudgetException when {@code bytes} is over the budget
     */
    public static void checkSize(long bytes) throws MarkdownBudgetException {
        if (bytes > MAX_BYTES) {
            throw new MarkdownBudgetException("larger than " + MAX_BYTES / 1024 + " KiB: not read as documentation");
        }
    }

    private static Node commonmark(String source) throws MarkdownBudgetException {
        try {
            return PARSER.parse(source);
        } catch (IllegalArgumentException e) {
            if (String.valueOf(e.getMessage()).startsWith(TOO_MANY_CELLS)) {
                throw new MarkdownBudgetException("has a table of more than " + String.format("%,d", MAX_TABLE_CELLS)
                        + " cells: not read as documentation");
            }
            throw e;
        } catch (StackOverflowError e) {
            // A last resort: the nesting limits are meant to make this impossible, but a stack overflow in a
            // parser must cost one file, not the whole review.
            throw new MarkdownBudgetException("nested too deeply to read as documentation");
        }
    }

    /**
     * The first and last line of a closed front-matter block: {@code ---} on the first non-blank line, up to the
     * next line that is {@code ---} or {@code ...}, as commonmark-java's YAML front matter extension finds it. A
     * block whose end line carries more (or that never ends) is no front matter, and the file reads as Markdown.
     */
    private static Optional<int[]> frontMatterLines(Lines lines) {
        int open = 0;
        while (open < lines.count() && lines.text(open).isBlank()) {
            open++;
        }
        if (open == lines.count() || !FRONT_MATTER_START.matcher(lines.text(open)).matches()) {
            return Optional.empty();
        }
        for (int i = open + 1; i < lines.count(); i++) {
            String line = lines.text(i);
            if (FRONT_MATTER_END.matcher(line).matches()) {
                String end = line.strip();
                return end.equals("---") || end.equals("...") ? Optional.of(new int[] { open, i }) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    // Editors on Windows save a byte-order mark; commonmark would read "\uFEFF# Title" as a paragraph.
    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The lines of a text as commonmark splits them ({@code \n}, {@code \r\n} or {@code \r}), within the budget. */
    private record Lines(String source, int[] starts, int count) {

        static Lines of(String source) throws MarkdownBudgetException {
            int[] starts = new int[Math.min(MAX_LINES, 1 + source.length() / 64) + 1];
            int count = 1;
            for (int i = 0; i < source.length(); i++) {
                char c = source.charAt(i);
                if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < source.length() && source.charAt(i + 1) == '\n') {
                        i++;
                    }
                    if (i + 1 == source.length()) {
                        break; // a final line ending starts no line
                    }
                    if (count == MAX_LINES) {
                        throw new MarkdownBudgetException("more than " + String.format("%,d", MAX_LINES)
                                + " lines: not read as documentation");
                    }
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, Math.min(MAX_LINES, starts.length * 2));
                    }
                    starts[count++] = i + 1;
                }
            }
            return new Lines(source, starts, count);
        }

        int start(int line) {
            return starts[line];
        }

        /** Where the line's text ends, before its line ending. */
        int contentEnd(int line) {
            int end = line + 1 < count ? starts[line + 1] : source.length();
            while (end > starts[line] && (source.charAt(end - 1) == '\n' || source.charAt(end - 1) == '\r')) {
                end--;
            }
            return end;
        }

        String text(int line) {
            return source.substring(starts[line], contentEnd(line));
        }

        /** The source with lines {@code from} to {@code to} emptied, their line endings kept: line numbers stay. */
        String blankOut(int from, int to) {
            StringBuilder out = new StringBuilder(source.length()).append(source, 0, starts[from]);
            for (int line = from; line <= to; line++) {
                int next = line + 1 < count ? starts[line + 1] : source.length();
                out.append(source, contentEnd(line), next);
            }
            return out.append(source, to + 1 < count ? starts[to + 1] : source.length(), source.length()).toString();
        }
    }
}
