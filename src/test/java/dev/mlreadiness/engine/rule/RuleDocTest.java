package dev.mlreadiness.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.TestRules;

class RuleDocTest {

    @Test
    void knownProblemsFollowWhyAndPrecedeHowToFix() {
        String md = TestRules.doc("Checks that the repository has a LICENSE file.")
                .withKnownProblems("\nA `COPYING` file is not accepted.\n").toMarkdown();
        assertThat(md).contains("## Why is this bad?\n\nWhy it matters.\n\n"
                + "## Known problems\n\nA `COPYING` file is not accepted.\n\n"
                + "## How to fix\n\nHow to fix it.\n\n");
    }

    @Test
    void noKnownProblemsNoSection() {
        assertThat(TestRules.doc("Passes.").toMarkdown()).doesNotContain("Known problems")
                .contains("## Why is this bad?\n\nWhy it matters.\n\n## How to fix\n\n");
        assertThat(TestRules.doc("Passes.").withKnownProblems(" \n").toMarkdown()).doesNotContain("Known problems");
    }
}
