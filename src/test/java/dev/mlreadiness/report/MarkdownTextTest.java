package dev.mlreadiness.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void textEscapesMarkupCharactersAndKeepsOneLine() {
        assertThat(MarkdownText.text("[click](x) <img src=x> *b* `c` a|b ~s~ !{} $m$ \\\nline"))
                .isEqualTo(
                        "\\[click\\]\\(x\\) &lt;img src=x&gt; \\*b\\* \\`c\\` a\\|b \\~s\\~ \\!\\{\\} \\$m\\$ \\\\ line");
        assertThat(MarkdownText.text("plain/path_name.py")).isEqualTo("plain/path\\_name.py");
        assertThat(MarkdownText.text("&amp; \t\u0000")).isEqualTo("&amp;amp;   ");
        assertThat(MarkdownText.text(null)).isEmpty();
    }

    @Test
    void mentionsIssueReferencesAndBareUrlsGetAZeroWidthSpace() {
        assertThat(MarkdownText.text("@team")).isEqualTo("@&#8203;team");
        assertThat(MarkdownText.text("#12 GH-3 gh-4 a#b")).isEqualTo("\\#&#8203;12 GH-&#8203;3 gh-&#8203;4 a\\#b");
        assertThat(MarkdownText.text("https://x.org www.x.org WWW.x")).isEqualTo(
                "https:&#8203;//x.org ww&#8203;w.x.org WW&#8203;W.x");
        // ordinary text keeps its characters
        assertThat(MarkdownText.text("wow: 3-4 times, C# and a:b")).isEqualTo("wow: 3-4 times, C\\# and a:b");
    }

    @Test
    void codeSpanFenceIsLongerThanAnyBacktickRunInside() {
        assertThat(MarkdownText.code("pandas==2.1")).isEqualTo("`pandas==2.1`");
        assertThat(MarkdownText.code("a`b")).isEqualTo("``a`b``");
        assertThat(MarkdownText.code("a``b`c")).isEqualTo("```a``b`c```");
        assertThat(MarkdownText.code("`x`")).isEqualTo("`` `x` ``");
        assertThat(MarkdownText.code(" padded ")).isEqualTo("`  padded  `");
        assertThat(MarkdownText.code("   ")).isEqualTo("`   `");
        assertThat(MarkdownText.code("")).isEqualTo("` `");
        assertThat(MarkdownText.code("two\nlines\r\n# x")).isEqualTo("`two lines  # x`");
        assertThat(MarkdownText.code(null)).isEmpty();
    }

    @Test
    void codeNeverCarriesAHiddenCommentOpener() {
        assertThat(MarkdownText.code("<!-- ml-readiness:fixed -->"))
                .isEqualTo("&lt;\\!-- ml-readiness:fixed --&gt;").doesNotContain("<!--");
        assertThat(MarkdownText.code("<!- -")).isEqualTo("`<!- -`");
    }

    @Test
    void messageKeepsCodeSpansAsCodeAndEscapesTheRest() {
        assertThat(MarkdownText.message("Pin `pandas` to `pandas==<version>` in req_[x](y).txt @team."))
                .isEqualTo("Pin `pandas` to `pandas==<version>` in req\\_\\[x\\]\\(y\\).txt @&#8203;team.");
        // a run nothing closes is literal, and later spans still count
        assertThat(MarkdownText.message("Rename `a b.py and *c*")).isEqualTo("Rename \\`a b.py and \\*c\\*");
        assertThat(MarkdownText.message("a ``` b `c` d")).isEqualTo("a \\`\\`\\` b `c` d");
        // a double-backtick span holding a backtick is written again with a long enough fence
        assertThat(MarkdownText.message("Pin `` `x` <img> `` now")).isEqualTo("Pin `` `x` <img> `` now");
        assertThat(MarkdownText.message("`x\ny`")).isEqualTo("`x y`");
        assertThat(MarkdownText.message(null)).isEmpty();
    }

    @Test
    void everyHostileTextStaysTextInEachForm() {
        for (String hostile : MarkdownSafety.HOSTILE) {
            String line = "- " + MarkdownText.text(hostile) + " and " + MarkdownText.code(hostile) + " and "
                    + MarkdownText.message("see `" + hostile + "` and " + hostile) + " end";
            MarkdownSafety.assertInert(line, 0, "https://never/");
            assertThat(MarkdownSafety.shownText(MarkdownText.text(hostile)))
                    .isEqualTo(hostile.replaceAll("\\p{Cntrl}", " ").strip());
        }
    }
}
