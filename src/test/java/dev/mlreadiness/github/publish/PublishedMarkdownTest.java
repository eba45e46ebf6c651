package dev.mlreadiness.github.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.CategoryScore;
import dev.mlreadiness.engine.Conclusion;
import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.rule.Category;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.Mode;
import dev.mlreadiness.engine.snapshot.SkippedFile;
import dev.mlreadiness.github.IgnoreDecision;
import dev.mlreadiness.github.IgnoredRules;
import dev.mlreadiness.github.ReadinessSettings;
import dev.mlreadiness.report.MarkdownReport;
import dev.mlreadiness.report.MarkdownSafety;

/**
 * What the app posts (check run summary, inline review comments, the summary comment), built from a report full of
 * hostile repository text and rendered with commonmark: the text stays text, and none of it forges a marker.
 */
class PublishedMarkdownTest {

    private static final String DOCS = "https://docs.example/";
    private static final MarkdownReport MARKDOWN = new MarkdownReport(DOCS);
    static final ReadinessSettings SETTINGS = new ReadinessSettings() {
        @Override
        public boolean dryRun() {
            return true;
        }

        @Override
        public String docsUrl() {
            return DOCS;
        }

        @Override
        public long blobCacheBytes() {
            return 0;
        }

        @Override
        public String botLogin() {
            return "ml-readiness[bot]";
        }

        @Override
        public int requestThreads() {
            return 1;
        }

        @Override
        public Retry retry() {
            return null; // nothing here talks to GitHub
        }

        @Override
        public OnError onError() {
            return OnError.FAILURE;
        }
    };

    private static Finding lineFinding(String hostile) {
        return new Finding("reproducibility/unpinned-dependency", Category.REPRODUCIBILITY, Severity.ERROR,
                "Pin `" + hostile + "` to an exact version in " + hostile + ".", "src/" + hostile + ".py", 4, true,
                "0123456789abcdef");
    }

    private static Report report(String hostile) {
        Finding repoFinding = new Finding("docs/usage", Category.DOCS, Severity.WARNING,
                "The `## " + hostile + "` section of " + hostile + " is empty.", "README.md", null, false, "fedcba98");
        return new Report(Mode.PULL_REQUEST, true, null, List.of(lineFinding(hostile), repoFinding),
                Conclusion.FAILURE, List.of(new CategoryScore(Category.REPRODUCIBILITY, 4, 3, 1, 0)), List.of(),
                List.of(new SkippedFile(hostile, "binary content: " + hostile)), List.of("note about " + hostile),
                Set.of("docs/readme"), 1, ReadinessConfig.defaults());
    }

    private static Map<String, String> ignoreNotes(String hostile) {
        return IgnoredRules.fold(List.of(new IgnoreDecision("docs/readme", true, hostile, hostile,
                "2026-03-04T05:06:07Z"))).notes();
    }

    @Test
    void checkRunSummaryKeepsRepositoryTextAsText() {
        CheckRunPublisher checkRun = new CheckRunPublisher(null, MARKDOWN, SETTINGS);
        for (String hostile : MarkdownSafety.HOSTILE) {
            CheckRunOutput out = checkRun.output(report(hostile), ignoreNotes(hostile), List.of());

            MarkdownSafety.assertInert(out.summary(), 0, DOCS + "rules/");
            assertThat(out.title()).isEqualTo("1 blocking gap"); // the error; the existing warning is not in it
        }
    }

    @Test
    void reviewCommentBodyHasOnlyItsOwnMarkerAndItsOwnRule() {
        ReviewCommentPublisher review = new ReviewCommentPublisher(null, MARKDOWN, SETTINGS);
        for (String hostile : MarkdownSafety.HOSTILE) {
            String body = review.body(lineFinding(hostile));

            MarkdownSafety.assertInert(body, 2, DOCS + "rules/"); // its fingerprint and its comment key
            assertThat(Markers.fingerprintOf(body)).contains("0123456789abcdef");
            assertThat(Markers.ruleOf(body)).contains("reproducibility/unpinned-dependency");
            assertThat(Markers.isFixed(body)).isFalse();
            assertThat(Markers.isSummary(body)).isFalse();
            assertThat(Markers.ignoreDecisionsOf(body)).isEmpty();
        }
    }

    @Test
    void groupedCommentWithAHostileSuggestionHasOnlyItsOwnMarkers() {
        ReviewCommentPublisher review = new ReviewCommentPublisher(null, MARKDOWN, SETTINGS);
        for (String hostile : MarkdownSafety.HOSTILE) {
            Finding anchor = lineFinding(hostile).withSuggestion("x = '" + hostile.replace("\n", " ") + "'");
            Finding other = new Finding(anchor.ruleId(), anchor.category(), anchor.severity(),
                    "Also `" + hostile + "` here: " + hostile, anchor.path(), 9, true, "1111111111111111",
                    hostile.replace("\n", " "));
            String body = review.body(new ReviewCommentPublisher.Group(List.of(anchor, other)));

            boolean shown = ReviewCommentPublisher.suggestible(anchor.suggestion());
            // two fingerprints, two line keys; a suggestion that holds "<!--" or a control character is left out
            MarkdownSafety.assertInert(body, 4, DOCS + "rules/");
            assertThat(body.contains("suggestion\n")).isEqualTo(shown);
            assertThat(Markers.fingerprintsOf(body)).containsExactly("0123456789abcdef", "1111111111111111");
            assertThat(Markers.commentKeysOf(body)).hasSize(2);
            assertThat(Markers.ruleOf(body)).contains("reproducibility/unpinned-dependency");
            assertThat(Markers.isFixed(body)).isFalse();
            assertThat(Markers.isSummary(body)).isFalse();
            assertThat(Markers.ignoreDecisionsOf(body)).isEmpty();
        }
    }

    @Test
    void summaryCommentHasOnlyItsOwnMarker() {
        for (String hostile : MarkdownSafety.HOSTILE) {
            String body = SummaryCommentPublisher.body(report(hostile), "0123456789abcdef",
                    "https://github.com/o/r/commit/0123456789abcdef", "https://github.com/o/r/runs/7");

            MarkdownSafety.assertInert(body, 1, "https://github.com/o/r/");
            assertThat(MarkdownSafety.shownText(body)).as("the place reads as typed, its end when long")
                    .contains((SummaryCommentPublisher.place("src/" + hostile + ".py") + ":4").replaceAll("\\p{Cntrl}",
                            " "));
            assertThat(Markers.isSummary(body)).isTrue();
            assertThat(Markers.fingerprintOf(body)).isEmpty();
            assertThat(Markers.isFixed(body)).isFalse();
            assertThat(Markers.ignoreDecisionsOf(body)).isEmpty();
        }
    }
}
