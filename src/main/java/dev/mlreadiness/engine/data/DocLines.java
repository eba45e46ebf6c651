package dev.mlreadiness.engine.data;

import java.util.Optional;

import dev.mlreadiness.engine.docs.DocSection;
import dev.mlreadiness.engine.docs.DocsOutline;
import dev.mlreadiness.engine.markdown.Section;
import dev.mlreadiness.engine.rule.RuleContext;

/** Where sections and tables of the docs lie in their files' lines. */
public final class DocLines {

    private DocLines() {
    }

    /** The deepest section holding the schema table: the heading right above it. */
    public static Optional<DocSection> sectionOf(RuleContext ctx, DocsOutline.DocSchemaTable t) {
        return DocsOutline.of(ctx).docs().stream().filter(d -> d.path().equals(t.path())).findFirst()
                .flatMap(d -> d.document().sections().stream()
                        .filter(s -> s.line() < t.table().line() && s.tables().contains(t.table().table()))
                        .reduce((a, b) -> b.line() > a.line() ? b : a))
                .map(s -> new DocSection(t.path(), s));
    }

    /**
     * The last line (1-based) of the section: the line before the next heading of the same or a higher level, or the
     * file's last line.
     */
    public static int endLine(RuleContext ctx, DocSection s) {
        int end = ctx.text(s.path()).map(t -> t.split("\r\n|\r|\n", -1).length).orElse(s.section().line());
        for (DocsOutline.Doc d : DocsOutline.of(ctx).docs()) {
            if (d.path().equals(s.path())) {
                for (Section other : d.document().sections()) {
                    if (other.line() > s.section().line() && other.level() <= s.section().level()) {
                        end = Math.min(end, other.line() - 1);
                    }
                }
            }
        }
        return end;
    }
}
