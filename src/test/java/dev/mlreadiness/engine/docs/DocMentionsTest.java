package dev.mlreadiness.engine.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocMentionsTest {

    @Test
    void aCodeSpanNamesEvenAPlainWord() {
        assertThat(DocMentions.ofText("Call `fit` to train.\n").name("fit")).isTrue();
        assertThat(DocMentions.ofText("Fit the model to train.\n").name("fit")).isFalse();
    }

    @Test
    void anUnclosedRunIsLiteralAndLaterSpansStillCount() {
        // CommonMark: ``` with no closing ``` on the line is text; `fit` after it is still a code span
        assertThat(DocMentions.ofText("Use ``` then `fit` to train.\n").name("fit")).isTrue();
    }

    @Test
    void onlyARunOfTheSameLengthClosesASpan() {
        // ``a ` b`` is one span holding a single backtick; `fit` after it is a span of its own
        assertThat(DocMentions.ofText("See ``a ` b`` and `fit`.\n").name("fit")).isTrue();
        // inside a span closed by an equal run, a shorter run does not end it
        assertThat(DocMentions.ofText("``x ` fit``\n").name("fit")).isTrue();
    }

    @Test
    void aLineOfManyUnmatchedRunsIsRead() {
        // runs of 2, 3, 4, ... backticks, none closed: read once each (this shape was quadratic)
        StringBuilder line = new StringBuilder();
        for (int n = 2; n <= 2_001; n++) {
            line.append("`".repeat(n)).append(' ');
        }
        assertThat(DocMentions.ofText(line + "`fit`\n").name("fit")).isTrue();
    }
}
