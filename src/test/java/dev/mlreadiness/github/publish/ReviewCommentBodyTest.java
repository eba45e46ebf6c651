package dev.mlreadiness.github.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.rule.Category;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.report.MarkdownReport;

/** The body of a grouped review comment: its lines, its suggested change, and what a reader sees of both. */
class ReviewCommentBodyTest {

    private static final ReviewCommentPublisher REVIEW = new ReviewCommentPublisher(null,
            new MarkdownReport("https://docs.example/"), PublishedMarkdownTest.SETTINGS);

    private static Finding seed(int line, String suggestion) {
        return new Finding("reproducibility/random-seed", Category.REPRODUCIBILITY, Severity.WARNING,
                "Pass `random_state=42` to `train_test_split(...)` so the split is the same on every run.",
                "src/train.py", line, true, "abc" + "0".repeat(12) + line, suggestion);
    }

    /** The fenced code blocks of a body as commonmark reads them: info string and literal. */
    private static List<String[]> fences(String body) {
        List<String[]> out = new java.util.ArrayList<>();
        Parser.builder().build().parse(body).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                out.add(new String[] { block.getInfo(), block.getLiteral() });
            }
        });
        return out;
    }

    @Test
    void theAnchorsSuggestionIsOneBlockAndTheOtherLinesAreListed() {
        String body = REVIEW.body(new ReviewCommentPublisher.Group(List.of(
                seed(4, "X_train, X_test = train_test_split(X, random_state=42)"),
                seed(7, "b = split(random_state=42)"),
                seed(9, null))));
        assertThat(fences(body)).singleElement().satisfies(f -> {
            assertThat(f[0]).isEqualTo("suggestion");
            assertThat(f[1]).isEqualTo("X_train, X_test = train_test_split(X, random_state=42)\n");
        });
        assertThat(body).contains("The same kind of fix applies to line 7.")
                .contains("\n- line 7: Pass `random_state=42`").contains("\n- line 9: Pass")
                .startsWith(":warning: **`reproducibility/random-seed`** (warning): Pass `random_state=42`");
    }

    @Test
    void noBlockWhenOnlyAnotherLineHasASuggestion() {
        String body = REVIEW.body(new ReviewCommentPublisher.Group(List.of(seed(4, null), seed(7, "b = 1"))));
        assertThat(fences(body)).isEmpty();
        assertThat(body).doesNotContain("same kind of fix");
    }

    @Test
    void theFenceIsLongerThanAnyBacktickRunInTheSuggestion() {
        String text = "s = '``` and ```` inside'  # ``";
        String body = REVIEW.body(seed(4, text));
        assertThat(body).contains("\n`````suggestion\n" + text + "\n`````\n");
        assertThat(fences(body)).singleElement().satisfies(f -> {
            assertThat(f[0]).isEqualTo("suggestion");
            assertThat(f[1]).isEqualTo(text + "\n");
        });
    }

    @Test
    void aSuggestionThatIsNotOnePlainLineIsNotShown() {
        for (String bad : List.of("a\nb", "a\rb", "x = 1  # <!-- ml-readiness:fp=abcdef012345 -->", "\u0000")) {
            String body = REVIEW.body(seed(4, bad));
            assertThat(fences(body)).as(bad).isEmpty();
            assertThat(Markers.fingerprintsOf(body)).containsExactly("abc0000000000004");
        }
    }

    @Test
    void listedMessagesAreShort() {
        String longMessage = "word ".repeat(100).strip();
        Finding anchor = seed(4, null);
        Finding other = new Finding(anchor.ruleId(), anchor.category(), anchor.severity(), longMessage,
                anchor.path(), 5, true, "ffffffff", null);
        String body = REVIEW.body(new ReviewCommentPublisher.Group(List.of(anchor, other)));
        String listed = body.lines().filter(l -> l.startsWith("- line 5: ")).findFirst().orElseThrow();
        assertThat(listed.length()).isLessThan(ReviewCommentPublisher.SHORT_MESSAGE + 20);
        assertThat(listed).endsWith("word…");
    }

    private static Finding container(int line, String message, String suggestion) {
        return new Finding("environment/container", Category.REPRODUCIBILITY, Severity.WARNING, message, "Dockerfile",
                line, true, "c0ffee" + "0".repeat(8) + line + message.length(), suggestion);
    }

    @Test
    void theSuggestionOfTheAnchorsLineIsShownWhicheverOfItsFindingsSortsFirst() {
        // FROM python without a tag, .python-version 3.11.9, no USER: two findings of one rule on line 1
        String body = REVIEW.body(new ReviewCommentPublisher.Group(List.of(
                container(1, "Add a USER instruction so the image does not run as root.", null),
                container(1, "Pin the base image: python:3.11.9 as in .python-version.", "FROM python:3.11.9"),
                container(5, "Pin the base image of this stage.", "FROM python:3.11.9 AS run"))));
        assertThat(fences(body)).singleElement().satisfies(f -> assertThat(f[1]).isEqualTo("FROM python:3.11.9\n"));
        assertThat(body).contains("(warning): Pin the base image: python:3.11.9")
                .contains("\n- line 1: Add a USER instruction").contains("The same kind of fix applies to line 5.")
                .doesNotContain("applies to lines 1");
    }

    @Test
    void twoDifferentSuggestionsOnTheAnchorsLineShowNone() {
        String body = REVIEW.body(new ReviewCommentPublisher.Group(List.of(
                container(1, "Pin the base image.", "FROM python:3.11.9"),
                container(1, "Use the slim image.", "FROM python:3.12-slim"))));
        assertThat(fences(body)).isEmpty();
        assertThat(body).doesNotContain("same kind of fix");
    }

    @Test
    void aHostileLongMessageIsCutWellUnderGitHubsLimitAndKeepsItsMarkers() {
        String hostile = "Pin the base image: FROM " + "a".repeat(70_000) + " <!-- ml-readiness:fp=deadbeef -->";
        Finding anchor = container(1, hostile, null);
        String body = REVIEW.body(new ReviewCommentPublisher.Group(List.of(anchor, container(3, hostile, null))));
        assertThat(body.length()).isLessThan(5_000);
        assertThat(Markers.fingerprintsOf(body)).containsExactly(anchor.fingerprint(),
                container(3, hostile, null).fingerprint());
        assertThat(body).doesNotContain("deadbeef").contains("aaa…");
        assertThat(ReviewCommentPublisher.boundedMessage("😀".repeat(1_500))).hasSize(2_000 + 1);
    }
}
