package dev.mlreadiness.engine.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;

/**
 * What a docs rule asks of the documentation set: a section whose heading holds one of its words (plus the
 * words config adds under {@code sections:}), and the finding to give when there is none or it is empty.
 *
 * @param words the default heading words
 * @param heading the heading to suggest, e.g. {@code Deployment}
 * @param says what the section should say, as it reads after "that says": {@code how the model is served}
 * @param elsewhere where else the section may go, as it reads in "(or ...)": {@code a page under docs/}
 */
public record SectionCheck(List<String> words, String heading, String says, String elsewhere) {

    /** How every section search reads the docs, for the rules' "What it does" (a paragraph of its own). */
    public static final String HOW_SECTIONS_MATCH = """
            Headings match at any level, case-insensitively, as whole words in any inflected form: `Installing`, \
            `Installed` and `Installation` match install, `Deploying` matches deploy, `Trains` matches train, but \
            `Strainer` and `Constraint` do not. The words you add under `sections:` match the same way. A \
            matching section counts when it holds a paragraph, list, table or code block that is not template \
            text: the placeholders and stock pages of Cookiecutter Data Science (`A short description of the \
            project.`, the "Project Organization" tree, the stock `docs/getting-started`, `docs/commands` and \
            `docs/index` pages) leave a section empty, and it is reported as holding only template text. The \
            documentation set is the root README, the pages under `docs/`, `MODEL_CARD.md`, `DATASHEET.md`, \
            `models/README.md` and every `README.md` under the data folder (`data/raw/README.md` too). When the \
            repository has no README and no doc has the section, the rule is not applicable: `structure/readme` \
            asks for the README, once, instead of every docs rule asking for a section in it.""";

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
        return found(ctx, ruleId, out).isPresent();
    }

    /**
     * Searches and reports the gap when no matching section has content; the search when one has, for rules that
     * look further into the sections found.
     */
    public Optional<SectionSearch> found(RuleContext ctx, String ruleId, Findings out) {
        SectionSearch search = search(ctx, ruleId);
        if (!search.isFound()) {
            reportGap(ctx, search, out);
            return Optional.empty();
        }
        return Optional.of(search);
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
            reportEmpty(search.firstEmpty().get(), out);
            return;
        }
        DocsOutline outline = DocsOutline.of(ctx);
        String target = outline.readmeName();
        String message = "Add a " + suggestedHeading(target) + " section to " + target + " (or " + elsewhere
                + ") that says " + says + ".";
        outline.reportOnReadme(ctx, out, message);
    }

    /** The finding for a matching section without content, or with only a template's placeholder text. */
    public void reportEmpty(DocSection empty, Findings out) {
        String state = empty.isTemplateOnly() ? " holds only template text" : " is empty";
        out.repository(empty.path(), "The " + empty.label() + state + ": say " + says + ".", DocsOutline.NO_SECTION);
    }

    /** {@code `## Deployment`} for a Markdown target, {@code `Deployment`} for an RST or text README. */
    public String suggestedHeading(String target) {
        return "`" + (DocsOutline.isMarkdown(target) ? "## " : "") + heading + "`";
    }
}
