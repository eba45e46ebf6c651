package dev.mlreadiness.engine.docs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

import dev.mlreadiness.engine.markdown.HeadingMatcher;
import dev.mlreadiness.engine.markdown.MarkdownBudgetException;
import dev.mlreadiness.engine.markdown.MarkdownDocument;
import dev.mlreadiness.engine.markdown.MarkdownParser;
import dev.mlreadiness.engine.markdown.SchemaTable;
import dev.mlreadiness.engine.markdown.SchemaTables;
import dev.mlreadiness.engine.markdown.Section;
import dev.mlreadiness.engine.rule.FileParser;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * The documentation set as the docs rules see it: every readable doc file parsed once, the root README first.
 * Shared by the rules as a {@link RuleContext#fact fact}.
 *
 * <p>
 * Markdown files ({@code .md}, {@code .markdown}) are parsed as they are. reStructuredText and plain-text
 * files ({@code .rst}, {@code .txt}, an extension-less {@code README}) are read for their underlined titles
 * ({@code Usage} over {@code -----}) and Markdown-style {@code #} headings; their tables are not recognised.
 * Other files of the set (images, notebooks, HTML) are not read.
 */
public final class DocsOutline {

    /** The one parser of doc files, so each is parsed once per evaluation whichever rules read it. */
    public static final FileParser<MarkdownDocument> PARSER = DocsOutline::parse;

    private static final List<String> README_NAMES = List.of("readme.md", "readme.markdown", "readme.rst",
            "readme.txt", "readme");

    /**
     * One doc file.
     *
     * @param path its path
     * @param document its outline
     */
    public record Doc(String path, MarkdownDocument document) {
    }

    /**
     * A schema table in one doc file.
     *
     * @param path the doc file
     * @param table the table
     */
    public record DocSchemaTable(String path, SchemaTable table) {
    }

    private final List<Doc> docs;
    private final Optional<Doc> readme;
    private final Optional<String> readmePath;

    private DocsOutline(List<Doc> docs, Optional<String> readmePath) {
        this.docs = docs;
        this.readmePath = readmePath;
        this.readme = readmePath.flatMap(p -> docs.stream().filter(d -> d.path().equals(p)).findFirst());
    }

    /** The outline of the context's tree, computed once per evaluation and side. */
    public static DocsOutline of(RuleContext ctx) {
        return ctx.fact(DocsOutline.class, DocsOutline::read);
    }

    /** The doc files the outline reads, for {@code Rule.reads}. */
    public static List<String> files(RuleContext ctx) {
        TreeSet<String> paths = new TreeSet<>();
        for (String p : ctx.docFiles()) {
            if (isReadable(p)) {
                paths.add(p);
            }
        }
        rootReadme(ctx.snapshot()).ifPresent(paths::add);
        return List.copyOf(paths);
    }

    private static DocsOutline read(RuleContext ctx) {
        Optional<String> readmePath = rootReadme(ctx.snapshot());
        List<String> paths = new ArrayList<>(files(ctx));
        // README first: messages point at the first match, and the README is where readers look first
        paths.sort(Comparator.comparing((String p) -> !readmePath.map(p::equals).orElse(false))
                .thenComparing(Comparator.naturalOrder()));
        List<Doc> docs = new ArrayList<>();
        for (String p : paths) {
            ctx.parse(p, PARSER).ifPresent(d -> docs.add(new Doc(p, d)));
        }
        return new DocsOutline(List.copyOf(docs), readmePath);
    }

    /** The root README, whatever its case, preferring Markdown (GitHub's order). */
    private static Optional<String> rootReadme(Snapshot snapshot) {
        for (String name : README_NAMES) {
            Optional<String> found = snapshot.stream().map(FileEntry::path)
                    .filter(p -> p.indexOf('/') < 0 && p.toLowerCase(Locale.ROOT).equals(name)).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Every parsed doc, README first, then by path. */
    public List<Doc> docs() {
        return docs;
    }

    /** The root README, when there is one and it could be read. */
    public Optional<Doc> readme() {
        return readme;
    }

    /** The file messages tell people to edit: the root README, or {@code README.md} when there is none. */
    public String readmeName() {
        return readmePath.orElse("README.md");
    }

    /** The path of the root README, when the tree has one (even when unreadable). */
    public Optional<String> readmePath() {
        return readmePath;
    }

    /**
     * What a "no section with content" gap is made of, whichever way it is worded (add a section, the section is
     * empty, it holds only template text, replace the placeholder): a pull request that turns one wording into
     * another, say by adding a stub page, leaves the gap as old as it was.
     */
    public static final List<String> NO_SECTION = List.of("no section with content");

    /**
     * Reports a "no section with content" gap on the root README. Without a README the gap is
     * {@code structure/readme}'s: the rule is then not applicable, so the author gets one finding, "add a README",
     * not one per docs rule. On the base side of a pull request the gap is still reported, so that adding a README
     * that lacks the section does not make the old gap look new.
     */
    public void reportOnReadme(RuleContext ctx, Findings out, String message) {
        if (readmePath.isPresent()) {
            out.repository(readmePath.get(), message, NO_SECTION);
        } else if (ctx.side() == RuleContext.Side.BASE) {
            out.repository(null, message, NO_SECTION);
        } else {
            out.notApplicable();
        }
    }

    /**
     * The sections of every doc whose heading contains one of {@code words} (in any inflected form) as a whole
     * word or phrase. A section whose content is only {@link TemplateText template text} counts as empty.
     */
    public SectionSearch find(Collection<String> words) {
        List<DocSection> found = new ArrayList<>();
        DocSection firstEmpty = null;
        for (Doc doc : docs) {
            for (Section s : doc.document().sections()) {
                if (!HeadingMatcher.matches(s.text(), words)) {
                    continue;
                }
                if (s.hasContent(TemplateText::matches)) {
                    found.add(new DocSection(doc.path(), s));
                } else if (firstEmpty == null) {
                    firstEmpty = new DocSection(doc.path(), s);
                }
            }
        }
        return new SectionSearch(List.copyOf(found), Optional.ofNullable(firstEmpty));
    }

    /** Every data-schema table in the docs, with or without a heading above it, in doc and document order. */
    public List<DocSchemaTable> schemaTables() {
        return docs.stream().flatMap(d -> SchemaTables.find(d.document()).stream()
                .map(t -> new DocSchemaTable(d.path(), t))).toList();
    }

    static boolean isMarkdown(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".md") || lower.endsWith(".markdown");
    }

    private static boolean isReadable(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        String name = lower.substring(lower.lastIndexOf('/') + 1);
        return isMarkdown(path) || lower.endsWith(".rst") || lower.endsWith(".txt") || name.equals("readme");
    }

    private static MarkdownDocument parse(String path, byte[] content) throws FileParser.ParseFailure {
        if (Snapshot.isBinary(content)) {
            throw new FileParser.ParseFailure("binary content in a documentation file");
        }
        try {
            MarkdownParser.checkSize(content.length);
            String text = new String(content, StandardCharsets.UTF_8);
            return MarkdownParser.parse(isMarkdown(path) ? text : UnderlinedHeadings.toMarkdown(text));
        } catch (MarkdownBudgetException e) {
            throw new FileParser.ParseFailure(e.getMessage(), e);
        }
    }
}
