package dev.mlreadiness.engine.rules.docs;

import java.util.List;

import dev.mlreadiness.engine.docs.DocsOutline;
import dev.mlreadiness.engine.docs.SectionCheck;
import dev.mlreadiness.engine.docs.SectionSearch;
import dev.mlreadiness.engine.docs.TemplateText;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;

/** {@code docs/purpose}: the README says what the project is for. */
public final class PurposeRule extends SectionRule {

    private static final SectionCheck SECTION = new SectionCheck(List.of("overview", "about", "purpose", "goal",
            "objective", "motivation", "introduction", "intro", "description", "summary", "abstract", "background",
            "problem statement", "what is", "what it does", "tldr", "use case"), "Overview",
            "what the project is for: the problem, who uses the model and what it predicts");

    public static final RuleInfo INFO = new RuleInfo("docs/purpose", "Say what the project is for",
            Severity.WARNING, Scope.REPOSITORY, new RuleDoc(
                    """
                    Passes when the root README opens with an intro: a paragraph before the first heading, or \
                    right under the title (the first heading, when it is level 1). A row of badges is not an \
                    intro, nor is a template's placeholder (`A short description of the project.`): that one is \
                    reported as a placeholder to replace. Also passes with a section in the documentation set \
                    whose heading contains overview, about, purpose, goal, objective, motivation, introduction, \
                    intro, description, summary, abstract, background, problem statement, what is, what it does, \
                    TL;DR or use case (add words under `sections: docs/purpose:`).

                    """ + SectionCheck.HOW_SECTIONS_MATCH,
                    """
                    Unclear goals are the first reason the course gives for ML experiments failing. A repository \
                    that does not say what it predicts, for whom and why cannot be judged ready: reviewers cannot \
                    tell whether the metrics fit the problem, and users cannot tell whether the model fits theirs.""",
                    "Open README.md with one or two sentences under the title: what the model predicts, from "
                            + "which data, and who uses the prediction.",
                    """
                    ```markdown
                    # churn-model

                    ## Usage
                    ...
                    ```""",
                    """
                    ```markdown
                    # churn-model

                    Predicts which subscribers will cancel in the next 30 days from their last 6 months of
                    usage, so the retention team can call them first.

                    ## Usage
                    ...
                    ```""").withKnownProblems("""
                    Such a section counts in any doc of the set, not only the README, so a docs site's `index.md`
                    overview counts; the spec's words are widened to the headings real READMEs use.
                    """));

    public PurposeRule() {
        super(INFO, SECTION);
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        DocsOutline outline = DocsOutline.of(ctx);
        if (outline.readme().map(r -> r.document().hasIntro(TemplateText::matches)).orElse(false)) {
            return;
        }
        SectionSearch search = SECTION.search(ctx, INFO.id());
        if (search.isFound()) {
            return;
        }
        String target = outline.readmeName();
        if (outline.readme().map(r -> r.document().hasIntro()).orElse(false)) {
            out.repository(target, "Replace the template's placeholder under the title of " + target
                    + " with a paragraph that says " + SECTION.says() + ".", DocsOutline.NO_SECTION);
            return;
        }
        if (search.firstEmpty().isPresent()) {
            SECTION.reportGap(ctx, search, out);
            return;
        }
        String message = "Open " + target + " with a paragraph under the title that says " + SECTION.says()
                + ", or add an " + SECTION.suggestedHeading(target) + " section.";
        outline.reportOnReadme(ctx, out, message);
    }
}
