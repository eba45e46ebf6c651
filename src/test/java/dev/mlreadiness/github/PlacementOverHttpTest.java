package dev.mlreadiness.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mlreadiness.github.publish.Markers;

/**
 * Each finding is shown once in the diff: as a line of a grouped review comment, or as a check-run annotation,
 * never both. Pull requests are posted over HTTP to a GitHub with a memory ({@link GitHubState}, which refuses a
 * review with a comment off the diff as GitHub does), and each finding's place is read back from what GitHub holds.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class PlacementOverHttpTest {

    private static final String README = "# Churn\n\nPredicts churn.\n\n## Usage\n\nRun it.\n";

    @BeforeEach
    void clean() {
        WireMockGitHubResource.server.resetRequests();
        FakeGitHub.FAILING_REFS.clear();
        GitHubState.reset();
    }

    @AfterEach
    void onlyTestRules() {
        TestRules.withCatalog = false;
    }

    /** A pull request of an ML project (a README with usage, a notebook) that the test adds files to. */
    static PullRequestFixture mlPullRequest(int number) {
        return PullRequestFixture.pr(number).unchanged("README.md", README).add("notebooks/eda.ipynb",
                ReviewOverHttpTest.NOTEBOOK);
    }

    static GitHubJournal deliver(PullRequestFixture pr) throws Exception {
        pr.stub(WireMockGitHubResource.server);
        GitHubState.install(WireMockGitHubResource.server, pr);
        WireMockGitHubResource.server.resetRequests();
        assertThat(Webhooks.send("pull_request", pr.payload("opened"), WireMockGitHubResource.WEBHOOK_SECRET))
                .isEqualTo(200);
        return GitHubJournal.of(WireMockGitHubResource.server);
    }

    /**
     * Where each finding went, by {@code rule path:line}: "comment@L" for a line of a review comment anchored on
     * line L (its own line or one it lists, told by the comment's hidden line keys), "annotation:level" for an
     * annotation of the pull request's last check run.
     */
    static Map<String, List<String>> places(PullRequestFixture pr) {
        Map<String, List<String>> out = new TreeMap<>();
        for (ObjectNode c : GitHubState.REVIEW_COMMENTS.getOrDefault(pr.number, List.of())) {
            String body = c.path("body").asText();
            if (Markers.isFixed(body)) {
                continue; // says its gaps are gone: it shows none
            }
            String rule = Markers.ruleOf(body).orElseThrow();
            String path = c.path("path").asText();
            List<String> keys = Markers.commentKeysOf(body);
            assertThat(keys.get(0)).isEqualTo(Markers.keyOf(rule, path, c.path("line").asInt()));
            for (int line = 1; line <= 2000; line++) {
                if (keys.contains(Markers.keyOf(rule, path, line))) {
                    out.computeIfAbsent(rule + " " + path + ":" + line, k -> new ArrayList<>())
                            .add("comment@" + c.path("line").asInt());
                }
            }
        }
        List<ObjectNode> runs = GitHubState.runsOf(pr.headSha);
        for (JsonNode a : GitHubState.annotationsOf(runs.get(runs.size() - 1))) {
            out.computeIfAbsent(a.path("title").asText() + " " + a.path("path").asText() + ":"
                    + a.path("start_line").asInt(), k -> new ArrayList<>())
                    .add("annotation:" + a.path("annotation_level").asText());
        }
        return out;
    }

    static JsonNode review(GitHubJournal journal, PullRequestFixture pr) throws Exception {
        List<LoggedRequest> reviews = journal.matching("POST", ".*/pulls/" + pr.number + "/reviews");
        assertThat(reviews).hasSize(1);
        GitHubSchemas.assertValid("pulls.create-review", reviews.get(0).getBodyAsString());
        return ReviewOverHttpTest.body(reviews.get(0));
    }

    /** The review's comments on {@code path}. */
    static List<JsonNode> commentsOn(GitHubJournal journal, PullRequestFixture pr, String path) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        review(journal, pr).path("comments").forEach(c -> {
            if (c.path("path").asText().equals(path)) {
                out.add(c);
            }
        });
        return out;
    }

    static JsonNode completed(GitHubJournal journal) throws Exception {
        List<LoggedRequest> done = journal.matching("PATCH", ".*/check-runs/8\\d{6}");
        assertThat(done).isNotEmpty();
        done.forEach(r -> GitHubSchemas.assertValid("checks.update", r.getBodyAsString()));
        return ReviewOverHttpTest.body(done.get(0));
    }

    @Test
    void twelveUnseededCallsInOneHunkAreOneCommentListingTwelveLines() throws Exception {
        StringBuilder code = new StringBuilder("import numpy as np\n");
        for (int i = 1; i <= 12; i++) {
            code.append("noise_").append(i).append(" = np.random.rand(").append(i).append(")\n");
        }
        PullRequestFixture pr = PullRequestFixture.pr(301).unchanged("README.md", README)
                .unchanged("requirements.txt", "numpy==2.0.0\n").add("notebooks/eda.ipynb", ReviewOverHttpTest.NOTEBOOK)
                .add("src/noise.py", code.toString());
        TestRules.withCatalog = true;
        GitHubJournal journal = deliver(pr);

        List<JsonNode> seeds = commentsOn(journal, pr, "src/noise.py").stream()
                .filter(c -> c.path("body").asText().contains("`reproducibility/random-seed`")).toList();
        assertThat(seeds).singleElement().satisfies(c -> {
            assertThat(c.path("path").asText()).isEqualTo("src/noise.py");
            assertThat(c.path("line").asInt()).isEqualTo(2);
            String body = c.path("body").asText();
            assertThat(Markers.fingerprintsOf(body)).hasSize(12).doesNotHaveDuplicates();
            assertThat(Markers.commentKeysOf(body)).hasSize(12).doesNotHaveDuplicates();
            for (int line = 3; line <= 13; line++) {
                assertThat(body).contains("\n- line " + line + ": ");
            }
            assertThat(body).doesNotContain("- line 2:");
        });
        Map<String, List<String>> places = places(pr);
        for (int line = 2; line <= 13; line++) {
            assertThat(places.get("reproducibility/random-seed src/noise.py:" + line)).containsExactly("comment@2");
        }
        assertThat(places).allSatisfy((finding, where) -> assertThat(where).as(finding).hasSize(1));
    }

    @Test
    void twoRulesOnDockerfileLineOneAreTwoCommentsAndOneRuleTwiceIsOne() throws Exception {
        PullRequestFixture pr = mlPullRequest(302)
                .add("Dockerfile", "FROM python:latest # GAP-HERE\nCOPY . /app\n");
        TestRules.withCatalog = true;
        GitHubJournal journal = deliver(pr);

        List<JsonNode> onDockerfile = commentsOn(journal, pr, "Dockerfile");
        Map<String, List<String>> places = places(pr);
        // on line 1, the container rule's two findings (unpinned image, no USER) are one comment, and the marker
        // rule has its own
        List<String> rules = onDockerfile.stream().map(c -> Markers.ruleOf(c.path("body").asText()).orElseThrow())
                .toList();
        assertThat(rules).containsExactlyInAnyOrder("production/container", TestRules.MARKER_RULE);
        assertThat(onDockerfile).allSatisfy(c -> assertThat(c.path("line").asInt()).isEqualTo(1));
        JsonNode container = onDockerfile.stream()
                .filter(c -> c.path("body").asText().contains("`production/container`")).findFirst().orElseThrow();
        assertThat(container.path("line").asInt()).isEqualTo(1);
        // both findings of the rule on line 1 (they share a fingerprint: rule, file and line text)
        assertThat(container.path("body").asText()).contains("- line 1: ").contains("`USER`");
        assertThat(places).allSatisfy((finding, where) -> assertThat(where).as(finding).hasSize(1));
    }

    @Test
    void twoRulesOnTheSameLineAreTwoComments() throws Exception {
        PullRequestFixture pr = mlPullRequest(303)
                .add("src/paths.py", "DATA = '/home/alice/data.csv'  # GAP-HERE\n");
        TestRules.withCatalog = true;
        GitHubJournal journal = deliver(pr);

        List<String> onLineOne = commentsOn(journal, pr, "src/paths.py").stream()
                .filter(c -> c.path("line").asInt() == 1)
                .map(c -> Markers.ruleOf(c.path("body").asText()).orElseThrow()).toList();
        assertThat(onLineOne).containsExactlyInAnyOrder("reproducibility/absolute-path", TestRules.MARKER_RULE);
        assertThat(places(pr)).allSatisfy((finding, where) -> assertThat(where).as(finding).hasSize(1));
    }

    @Test
    void twoLargeModelFilesAreTwoFailureAnnotationsOnLineOneFirst() throws Exception {
        String weights = "w".repeat(4096);
        PullRequestFixture pr = PullRequestFixture.pr(304).config("max-file-size: 1KB\n")
                .unchanged("README.md", README).add("notebooks/eda.ipynb", ReviewOverHttpTest.NOTEBOOK)
                .add("models/model_a.pkl", weights).add("models/model_b.pkl", weights + "b")
                .withoutPatch("models/model_a.pkl").withoutPatch("models/model_b.pkl")
                .add("src/a.py", "x = 1  # GAP-HERE\n");
        TestRules.withCatalog = true;
        GitHubJournal journal = deliver(pr);

        JsonNode done = completed(journal);
        assertThat(done.path("conclusion").asText()).isEqualTo("failure");
        JsonNode annotations = done.at("/output/annotations");
        assertThat(annotations.size()).isGreaterThanOrEqualTo(2);
        for (int i = 0; i < 2; i++) {
            JsonNode a = annotations.get(i);
            assertThat(a.path("title").asText()).isEqualTo("versioning/large-artifact");
            assertThat(a.path("annotation_level").asText()).isEqualTo("failure");
            assertThat(a.path("start_line").asInt()).isEqualTo(1);
            assertThat(a.path("end_line").asInt()).isEqualTo(1);
            assertThat(a.path("message").asText()).contains("Git LFS").contains("(About the whole file.)")
                    .contains("rules/versioning/large-artifact.md");
        }
        assertThat(List.of(annotations.get(0).path("path").asText(), annotations.get(1).path("path").asText()))
                .containsExactlyInAnyOrder("models/model_a.pkl", "models/model_b.pkl");
        // the line finding is in the review, not annotated
        assertThat(places(pr).get(TestRules.MARKER_RULE + " src/a.py:1")).containsExactly("comment@1");
        assertThat(places(pr)).allSatisfy((finding, where) -> assertThat(where).as(finding).hasSize(1));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "draft", "comments: summary", "comments: none" })
    void withoutAReviewTheAnnotationsCarryEveryNewLineFinding(String mode) throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(mode.equals("draft") ? 305 : mode.endsWith("summary") ? 306 : 307)
                .unchanged("README.md", README).add("notebooks/eda.ipynb", ReviewOverHttpTest.NOTEBOOK)
                .add("src/a.py", ReviewOverHttpTest.lines("a = 1  # GAP-HERE", "b = 2", "c = 3  # GAP-HERE"));
        if (mode.equals("draft")) {
            pr.draft();
        } else {
            pr.config(mode + "\n");
        }
        GitHubJournal journal = deliver(pr);

        assertThat(journal.matching("POST", ".*/reviews")).isEmpty();
        assertThat(places(pr)).containsOnly(
                Map.entry(TestRules.MARKER_RULE + " src/a.py:1", List.of("annotation:warning")),
                Map.entry(TestRules.MARKER_RULE + " src/a.py:3", List.of("annotation:warning")));
        assertThat(journal.matching("POST", ".*/issues/" + pr.number + "/comments"))
                .hasSize(mode.equals("comments: none") ? 0 : 1);
    }

    @Test
    void existingFindingsOnAddedLinesAreNoticesWhateverTheirSeverity() throws Exception {
        // the marker rule made an error; the pull request moves an old marker line up (an added line, an existing
        // gap) and leaves another as context
        String before = ReviewOverHttpTest.lines("import torch", "w = 1  # GAP-HERE", "k = 1", "u = 0  # GAP-HERE");
        String after = ReviewOverHttpTest.lines("w = 1  # GAP-HERE", "import torch", "k = 1", "u = 0  # GAP-HERE");
        PullRequestFixture pr = PullRequestFixture.pr(308)
                .config("rules:\n  " + TestRules.MARKER_RULE + ": error\n").unchanged("README.md", README)
                .add("notebooks/eda.ipynb", ReviewOverHttpTest.NOTEBOOK).modify("src/model.py", before, after);
        GitHubJournal journal = deliver(pr);

        JsonNode done = completed(journal);
        assertThat(done.path("conclusion").asText()).isEqualTo("success"); // existing debt does not fail
        assertThat(done.at("/output/title").asText()).startsWith("Ready");
        assertThat(places(pr)).containsOnly(
                Map.entry(TestRules.MARKER_RULE + " src/model.py:1", List.of("annotation:notice")));
        assertThat(done.at("/output/annotations/0/message").asText())
                .contains("Existing gap (error), not added by this pull request");
        assertThat(journal.matching("POST", ".*/reviews")).isEmpty();
    }

    @Test
    void underFailOnExistingABlockingExistingFindingIsAnnotatedAtItsLevel() throws Exception {
        // the check fails on existing debt here, so its annotation must show why: red, not a notice
        String before = ReviewOverHttpTest.lines("import torch", "w = 1  # GAP-HERE", "k = 1");
        String after = ReviewOverHttpTest.lines("w = 1  # GAP-HERE", "import torch", "k = 1");
        PullRequestFixture pr = PullRequestFixture.pr(318)
                .config("fail-on-existing: true\nrules:\n  " + TestRules.MARKER_RULE + ": error\n")
                .unchanged("README.md", README).add("notebooks/eda.ipynb", ReviewOverHttpTest.NOTEBOOK)
                .modify("src/model.py", before, after);
        GitHubJournal journal = deliver(pr);

        JsonNode done = completed(journal);
        assertThat(done.path("conclusion").asText()).isEqualTo("failure");
        assertThat(places(pr)).containsOnly(
                Map.entry(TestRules.MARKER_RULE + " src/model.py:1", List.of("annotation:failure")));
        assertThat(done.at("/output/annotations/0/message").asText())
                .contains("Existing gap (error), not added by this pull request");
    }

    @Test
    void whatTheReviewCannotHoldIsAnnotatedOnce() throws Exception {
        PullRequestFixture pr = mlPullRequest(309)
                .add("src/big.py", "x = 1  # GAP-HERE\n").withoutPatch("src/big.py");
        for (int i = 0; i < 31; i++) {
            pr.add(String.format("src/f%02d.py", i), "y = " + i + "  # GAP-HERE\n");
        }
        GitHubJournal journal = deliver(pr);

        JsonNode review = review(journal, pr);
        assertThat(review.path("comments")).hasSize(30);
        assertThat(review.path("body").asText()).startsWith("ML readiness: 30 of the 32 new gaps of this pull "
                + "request, in 30 comments. The others: 2 as annotations of the check run. The full report is in the "
                + "[check run](https://github.com/" + PullRequestFixture.REPO + "/runs/");
        Map<String, List<String>> places = places(pr);
        // a file without a patch has no line a comment can be on; the 31st comment is over the limit
        assertThat(places.get(TestRules.MARKER_RULE + " src/big.py:1")).containsExactly("annotation:warning");
        assertThat(places.get(TestRules.MARKER_RULE + " src/f30.py:1")).containsExactly("annotation:warning");
        assertThat(places).hasSize(32).allSatisfy((finding, where) -> assertThat(where).as(finding).hasSize(1));
    }

    @Test
    void theAnchorsSuggestedChangeAppliesCleanly() throws Exception {
        PullRequestFixture pr = mlPullRequest(310).add("src/fix.py", ReviewOverHttpTest
                .lines("import numpy", "x = 1  # GAP-HERE fixable", "y = 2  # GAP-HERE fixable"));
        String body = review(deliver(pr), pr).at("/comments/0/body").asText();
        assertThat(body).contains("\n```suggestion\nx = 1\n```\n").contains("The same kind of fix applies to line 3.")
                .contains("\n- line 3: ");

        // "Commit suggestion": the block's text replaces the commented line (line 2)
        java.util.regex.Matcher block = java.util.regex.Pattern.compile("```suggestion\n(.*)\n```").matcher(body);
        assertThat(block.find()).isTrue();
        String[] lines = pr.head.get("src/fix.py").split("\n", -1);
        lines[1] = block.group(1);
        pr.push("suggested").add("src/fix.py", String.join("\n", lines));
        GitHubJournal applied = deliver(pr);

        // the finding it fixed is gone; the comment still speaks of line 3, so it is neither fixed nor repeated
        assertThat(completed(applied).at("/output/summary").asText()).contains("src/fix.py:3")
                .doesNotContain("src/fix.py:2");
        assertThat(applied.matching("POST", ".*/reviews")).isEmpty();
        assertThat(applied.matching("PATCH", ".*/pulls/comments/\\d+")).isEmpty();
        assertThat(places(pr)).containsOnly(Map.entry(TestRules.MARKER_RULE + " src/fix.py:2", List.of("comment@2")),
                Map.entry(TestRules.MARKER_RULE + " src/fix.py:3", List.of("comment@2")));
    }

    @Test
    void aGapThatComesBackAfterFixedIsShownAgain() throws Exception {
        PullRequestFixture pr = mlPullRequest(311).add("src/back.py",
                ReviewOverHttpTest.lines("import numpy", "x = 1  # GAP-HERE"));
        review(deliver(pr), pr);
        pr.push("fixed").add("src/back.py", ReviewOverHttpTest.lines("import numpy", "x = 1"));
        GitHubJournal fixed = deliver(pr);
        assertThat(fixed.matching("PATCH", ".*/pulls/comments/\\d+")).hasSize(1);

        // the fix is reverted: the same gap (same fingerprint, same line) is back, and the only comment on it
        // says it is gone
        pr.push("reverted").add("src/back.py", ReviewOverHttpTest.lines("import numpy", "x = 1  # GAP-HERE"));
        GitHubJournal back = deliver(pr);
        System.out.println(
                "PLACES " + places(pr) + " " + back.matching("POST", ".*").stream().map(q -> q.getUrl()).toList()
                        + GitHubState.REVIEW_COMMENTS.get(pr.number));
        assertThat(review(back, pr).path("comments")).hasSize(1);
        assertThat(GitHubState.REVIEW_COMMENTS.get(pr.number)).hasSize(2);
        assertThat(Markers.isFixed(GitHubState.REVIEW_COMMENTS.get(pr.number).get(0).path("body").asText()))
                .isTrue();
        assertThat(Markers.isFixed(GitHubState.REVIEW_COMMENTS.get(pr.number).get(1).path("body").asText()))
                .isFalse();
        assertThat(places(pr)).containsOnly(Map.entry(TestRules.MARKER_RULE + " src/back.py:2", List.of("comment@2")));
    }

    @Test
    void aNewGapOnTheOldLineOfAListedGapGetsAPlace() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            lines.add(i == 10 || i == 14 || i == 18 ? "g" + i + " = 1  # GAP-HERE" : "v" + i + " = 1");
        }
        PullRequestFixture pr = mlPullRequest(312).add("src/shift.py", String.join("\n", lines) + "\n");
        assertThat(review(deliver(pr), pr).path("comments")).hasSize(1);

        // two lines above go: the three gaps move to 8, 12 and 16; a new one is added on line 14
        List<String> moved = new ArrayList<>(lines.subList(2, lines.size()));
        moved.add(13, "fresh = 1  # GAP-HERE");
        pr.push("shifted").add("src/shift.py", String.join("\n", moved) + "\n");
        GitHubJournal shifted = deliver(pr);

        JsonNode review = review(shifted, pr);
        assertThat(review.path("comments")).hasSize(1);
        assertThat(review.at("/comments/0/line").asInt()).isEqualTo(14);
        assertThat(review.at("/comments/0/body").asText()).contains("Remove the GAP-HERE marker");
    }
}
