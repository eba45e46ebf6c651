package dev.mlreadiness.engine.rules.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.mlreadiness.engine.Findings;
import dev.mlreadiness.engine.RuleContext;

/**
 * What a docs rule asks of the documentation set: a section whose heading holds one of its words (plus the
 * words config adds under {@code sections:}), and the finding to give when there is none or it is empty.
 *
 * @param words     the default heading words
 * @param heading   the heading to suggest, e.g. {@code Deployment}
 * @param says      what the section should say, as it reads after "that says": {@code how the model is served}
 * @param elsewhere where else the section may go, as it reads in "(or ...)": {@code a page under docs/}
 */
public record SectionCheck(List<String> words, String heading, String says, String elsewhere) {

    public SectionCheck(List<String> words, String heading, String says) {
        this(words, heading, says, "a page under docs/");
    }

    /** The default words plus those config adds for the rule. */
    public List<String> words(RuleContext ctx, String ruleId) {
        List<String> all = new ArrayList<>(words);
        all.addAll(ctx.config().extraSectionWords(ruleId));
        return all;
    }

    public SectionSearch search(RuleContext ctx, String ruleId) {
        return DocsOutline.of(ctx).find(words(ctx, ruleId));
    }

    /** Searches and reports the gap when no matching section has content; true when one has. */
    public boolean require(RuleContext ctx, String ruleId, Findings out) {
        SectionSearch search = search(ctx, ruleId);
        if (!search.isFound()) {
            reportGap(ctx, search, out);
        }
        return search.isFound();
    }

    /**
     * Like {@link #require(RuleContext, String, Findings)}, and one of the matching sections must also pass
     * {@code ok}; when none does, the first one gets the message {@code lacking} gives.
     */
    public void require(RuleContext ctx, String ruleId, Findings out, Predicate<DocSection> ok,
            Function<DocSection, String> lacking) {
        SectionSearch search = search(ctx, ruleId);
        if (!search.isFound()) {
            reportGap(ctx, search, out);
        } else if (search.found().stream().noneMatch(ok)) {
            DocSection first = search.found().get(0);
            out.repository(first.path(), lacking.apply(first));
        }
    }

    /** The finding for a search that found nothing: an empty section to fill, or a section to add. */
    public void reportGap(RuleContext ctx, SectionSearch search, Findings out) {
        if (search.firstEmpty().isPresent()) {
            DocSection empty = search.firstEmpty().get();
            out.repository(empty.path(), "The " + empty.label() + " is empty: say " + says + ".");
            return;
        }
        DocsOutline outline = DocsOutline.of(ctx);
        String target = outline.readmeName();
        String message = "Add a " + suggestedHeading(target) + " section to " + target + " (or " + elsewhere
                + ") that says " + says + ".";
        outline.reportOnReadme(out, message);
    }

    /** {@code `## Deployment`} for a Markdown target, {@code `Deployment`} for an RST or text README. */
    public String suggestedHeading(String target) {
        return "`" + (DocsOutline.isMarkdown(target) ? "## " : "") + heading + "`";
    }
}
