package dev.mlreadiness.engine.rule;

/**
 * A rule's documentation, in the shape Ruff uses: what it does, why it matters, its known problems, an example of
 * the gap and what to write instead, plus how to fix it. The same text serves {@code explain}, the generated docs,
 * SARIF help and {@code /readiness explain}.
 *
 * @param what what the rule checks, precisely enough to predict its findings
 * @param why why the gap hurts in production
 * @param howToFix the steps to close the gap
 * @param example Markdown showing the gap (usually a fenced block)
 * @param useInstead Markdown showing the fixed version
 * @param knownProblems the limitations and choices a user should know about (what is deliberately not flagged,
 *        what is flagged although it could be fine), or {@code null} when there are none
 */
public record RuleDoc(String what, String why, String howToFix, String example, String useInstead,
        String knownProblems) {

    /** A documentation without known problems. */
    public RuleDoc(String what, String why, String howToFix, String example, String useInstead) {
        this(what, why, howToFix, example, useInstead, null);
    }

    /** This documentation with the given known problems. */
    public RuleDoc withKnownProblems(String problems) {
        return new RuleDoc(what, why, howToFix, example, useInstead, problems);
    }

    /** Whether there are known problems to show. */
    public boolean hasKnownProblems() {
        return knownProblems != null && !knownProblems.isBlank();
    }

    /** The documentation as a Markdown page body (without a title). */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("## What it does\n\n").append(what.strip()).append("\n\n");
        md.append("## Why is this bad?\n\n").append(why.strip()).append("\n\n");
        if (hasKnownProblems()) {
            md.append("## Known problems\n\n").append(knownProblems.strip()).append("\n\n");
        }
        md.append("## How to fix\n\n").append(howToFix.strip()).append("\n\n");
        md.append("## Example\n\n").append(example.strip()).append("\n\n");
        md.append("## Use instead\n\n").append(useInstead.strip()).append('\n');
        return md.toString();
    }
}
