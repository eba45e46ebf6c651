package dev.mlreadiness.github;

import static dev.mlreadiness.github.ReviewOverHttpTest.NOTEBOOK;
import static dev.mlreadiness.github.ReviewOverHttpTest.body;
import static dev.mlreadiness.github.ReviewOverHttpTest.completedOnce;
import static dev.mlreadiness.github.ReviewOverHttpTest.deliver;
import static dev.mlreadiness.github.ReviewOverHttpTest.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end over HTTP, where GitHub gives less than the whole pull request: more than the 3,000 files it lists, a
 * truncated recursive tree, changed files listed without a patch. The review still completes, judges what it
 * could see, and the check run and the summary comment say what it could not.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class ReadingLimitsOverHttpTest {

    static final String README = "# X\n\n## Usage\n\nrun it\n";
    // MarkdownReport escapes parentheses in notes
    static final String FIRST_3000 = "Only the first 3,000 changed files were evaluated \\(GitHub lists at most "
            + "3,000 files of a pull request\\).";
    static final String TRUNCATED_TREE = "The repository tree was too large to list whole; rules about missing "
            + "files saw only part of it.";
    static final String SKIPPED_LINES = "Line rules skipped";

    @BeforeEach
    void clearJournal() {
        WireMockGitHubResource.server.resetRequests();
        FakeGitHub.FAILING_REFS.clear();
    }

    /** "path:line" of the {@code i}-th comment of the app's one review. */
    static String reviewComment(GitHubJournal journal, PullRequestFixture pr, int i) throws Exception {
        List<LoggedRequest> reviews = journal.matching("POST", ".*/pulls/" + pr.number + "/reviews");
        assertThat(reviews).hasSize(1);
        JsonNode c = body(reviews.get(0)).path("comments").get(i);
        return c.path("path").asText() + ":" + c.path("line").asInt();
    }

    /**
     * The payload's count of changed files is only a hint of how many pages to ask ahead: larger than the list (a
     * push removed files since), the pages beyond the last answer {@code []} and are dropped; smaller, the pages it
     * did not count are followed by their {@code Link} header as before. Either way every listed file is reviewed:
     * the gaps on the first and on the last page are both found.
     */
    @Test
    void theCountOfChangedFilesOnlyDecidesWhatIsAskedAheadNeverWhatIsListed() throws Exception {
        for (int count : new int[] { 450, 40 }) {
            int number = count == 450 ? 135 : 136;
            PullRequestFixture pr = PullRequestFixture.pr(number).unchanged("README.md", README)
                    .unchanged("notebooks/eda.ipynb", NOTEBOOK).add("a/first.py", "x = 1  # GAP-HERE\n")
                    .add("zz/last.py", "y = 2  # GAP-HERE\n");
            for (int i = 1; i <= 148; i++) {
                pr.add(String.format("data/shard-%03d.txt", i), "row " + i + "\n");
            }
            pr.payloadChangedFiles = count;

            GitHubJournal journal = deliver(pr, "opened");

            List<LoggedRequest> pages = journal.matching("GET", ".*/pulls/" + number + "/files");
            assertThat(pages).as("count %d", count).hasSize(count == 450 ? 5 : 2);
            assertThat(completedOnce(journal, pr).at("/output/title").asText()).as("count %d", count)
                    .isEqualTo("Ready, 2 new gaps (none blocking)");
        }
    }

    @Test
    void moreThanThreeThousandChangedFilesAreReadThirtyPagesDeepAndTheSummarySaysOnlyTheFirstCounted()
            throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(131).unchanged("README.md", README)
                .unchanged("notebooks/eda.ipynb", NOTEBOOK)
                .add("a/first.py", "x = 1  # GAP-HERE\n");
        for (int i = 1; i <= 3103; i++) {
            pr.add(String.format("data/shard-%04d.txt", i), "row " + i + "\n");
        }
        // sorts after every shard: GitHub never lists it, so its marker must not be found
        pr.add("zz/late.py", "y = 2  # GAP-HERE\n");
        assertThat(ReviewOverHttpTest.JSON.readTree(pr.payload("opened")).at("/pull_request/changed_files")
                .asInt()).isEqualTo(3105);

        GitHubJournal journal = deliver(pr, "opened");

        List<LoggedRequest> pages = journal.matching("GET", ".*/pulls/131/files");
        assertThat(pages).hasSize(30);
        assertThat(pages).allSatisfy(r -> assertThat(r.queryParameter("per_page").firstValue()).isEqualTo("100"));
        // page 1 is the URL without a page parameter; the payload's changed_files (3,105, of which GitHub lists
        // 3,000) says there are 30 pages, asked side by side with it, each once
        assertThat(pages.stream().map(r -> r.queryParameter("page").isPresent()
                ? Integer.parseInt(r.queryParameter("page").firstValue())
                : 1)).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 30).boxed().toList());
        assertThat(pages).filteredOn(r -> r.queryParameter("page").isPresent()).hasSize(29);

        JsonNode done = completedOnce(journal, pr);
        assertThat(done.path("conclusion").asText()).isEqualTo("success");
        assertThat(done.at("/output/title").asText()).isEqualTo("Ready, 1 new gap (none blocking)");
        // the gap is in the review, not annotated as well
        assertThat(done.at("/output/annotations")).isEmpty();
        assertThat(reviewComment(journal, pr, 0)).isEqualTo("a/first.py:1");
        assertThat(done.at("/output/summary").asText()).contains("### Notes\n\n- " + FIRST_3000 + "\n")
                .doesNotContain("zz/late.py").doesNotContain(TRUNCATED_TREE).doesNotContain(SKIPPED_LINES);

        List<LoggedRequest> comments = journal.matching("POST", ".*/issues/131/comments");
        assertThat(comments).hasSize(1);
        GitHubSchemas.assertValid("issues.create-comment", comments.get(0).getBodyAsString());
        assertThat(body(comments.get(0)).path("body").asText()).contains("- " + FIRST_3000 + "\n");
        List<LoggedRequest> reviews = journal.matching("POST", ".*/pulls/131/reviews");
        assertThat(reviews).hasSize(1);
        GitHubSchemas.assertValid("pulls.create-review", reviews.get(0).getBodyAsString());
        assertThat(body(reviews.get(0)).path("comments")).hasSize(1);
    }

    @Test
    void exactlyOneHundredChangedFilesTakeOnePageAndNoNote() throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(134).unchanged("README.md", README)
                .add("a/first.py", "x = 1  # GAP-HERE\n");
        for (int i = 1; i <= 98; i++) {
            pr.add(String.format("data/shard-%04d.txt", i), "row " + i + "\n");
        }
        pr.add("notebooks/eda.ipynb", NOTEBOOK);
        GitHubJournal journal = deliver(pr, "opened");

        List<LoggedRequest> pages = journal.matching("GET", ".*/pulls/134/files");
        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).queryParameter("per_page").firstValue()).isEqualTo("100");
        JsonNode done = completedOnce(journal, pr);
        assertThat(done.at("/output/title").asText()).isEqualTo("Ready, 1 new gap (none blocking)");
        assertThat(done.at("/output/summary").asText()).doesNotContain("### Notes").doesNotContain("Only the first");
    }

    @Test
    void truncatedTreeStillCompletesTheReviewAndTheSummarySaysSo() throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(132).unchanged("README.md", README)
                .add("notebooks/eda.ipynb", NOTEBOOK)
                .add("src/late.py", lines("x = 1", "y = 2  # GAP-HERE truncated tree"))
                .truncatedTree("src/late.py");
        GitHubJournal journal = deliver(pr, "opened");

        JsonNode done = completedOnce(journal, pr);
        assertThat(done.path("conclusion").asText()).isEqualTo("success");
        // the file the tree left out is known from the listing of changed files, and still reviewed
        assertThat(done.at("/output/title").asText()).isEqualTo("Ready, 1 new gap (none blocking)");
        assertThat(done.at("/output/annotations")).isEmpty();
        assertThat(reviewComment(journal, pr, 0)).isEqualTo("src/late.py:2");
        assertThat(done.at("/output/summary").asText()).contains("### Notes\n\n- " + TRUNCATED_TREE + "\n")
                .doesNotContain("Only the first").doesNotContain(SKIPPED_LINES);
        // its size is unknown, so its patch cannot stand in for it: the content is read (with the config, two
        // GraphQL requests in all)
        List<LoggedRequest> graphql = journal.matching("POST", "/graphql");
        assertThat(graphql).hasSize(2);
        assertThat(graphql.get(1).getBodyAsString()).contains(":src/late.py");

        List<LoggedRequest> comments = journal.matching("POST", ".*/issues/132/comments");
        assertThat(comments).hasSize(1);
        GitHubSchemas.assertValid("issues.create-comment", comments.get(0).getBodyAsString());
        assertThat(body(comments.get(0)).path("body").asText()).contains("- " + TRUNCATED_TREE + "\n");
    }

    @Test
    void filesWithoutAPatchSkipLineRulesUnlessAddedWholeAndTheSummarySaysSo() throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(133).unchanged("README.md", README)
                .unchanged("notebooks/eda.ipynb", NOTEBOOK)
                .modify("src/big.py", lines("a = 1  # GAP-HERE old"),
                        lines("a = 1  # GAP-HERE old", "b = 2  # GAP-HERE big"))
                .withoutPatch("src/big.py")
                .add("src/huge.py", lines("c = 3", "d = 4  # GAP-HERE huge"))
                .withoutPatch("src/huge.py")
                .modify("src/small.py", lines("e = 5"), lines("e = 5", "f = 6  # GAP-HERE small"));
        GitHubJournal journal = deliver(pr, "opened");

        JsonNode done = completedOnce(journal, pr);
        // neither the old nor the new marker of src/big.py: its added lines are unknown, so it is not judged
        assertThat(done.at("/output/title").asText()).isEqualTo("Ready, 2 new gaps (none blocking)");
        JsonNode annotations = done.at("/output/annotations");
        // src/huge.py has no line a review comment can be on: annotated; src/small.py's gap is in the review
        assertThat(annotations).hasSize(1);
        assertThat(annotations.get(0).path("path").asText()).isEqualTo("src/huge.py");
        assertThat(annotations.get(0).path("start_line").asInt()).isEqualTo(2);
        assertThat(reviewComment(journal, pr, 0)).isEqualTo("src/small.py:2");
        String note = "- Line rules skipped 1 changed file\\(s\\) whose diff is not available \\(binary or too large\\): "
                + "src/big.py.\n";
        assertThat(done.at("/output/summary").asText()).contains("### Notes\n\n" + note)
                .doesNotContain("src/huge.py.").doesNotContain(TRUNCATED_TREE).doesNotContain("Only the first");
        // the skipped file is not even read; the added one without a patch is, as it cannot be rebuilt from one
        List<LoggedRequest> graphql = journal.matching("POST", "/graphql");
        assertThat(graphql).hasSize(2);
        assertThat(graphql.get(1).getBodyAsString()).contains(":src/huge.py").doesNotContain(":src/big.py");

        // GitHub rejects a whole review if one comment's line is not in a diff it shows: the finding of the file
        // without a patch goes to the annotations (and the summary comment), the other one inline
        List<LoggedRequest> reviews = journal.matching("POST", ".*/pulls/133/reviews");
        assertThat(reviews).hasSize(1);
        GitHubSchemas.assertValid("pulls.create-review", reviews.get(0).getBodyAsString());
        JsonNode inline = body(reviews.get(0)).path("comments");
        assertThat(inline).hasSize(1);
        assertThat(inline.get(0).path("path").asText()).isEqualTo("src/small.py");

        List<LoggedRequest> comments = journal.matching("POST", ".*/issues/133/comments");
        assertThat(comments).hasSize(1);
        GitHubSchemas.assertValid("issues.create-comment", comments.get(0).getBodyAsString());
        // the digest lists blocking findings only (these are warnings): both are in the check run's annotations
        assertThat(body(comments.get(0)).path("body").asText()).contains(note)
                .contains("Ready, 2 new gaps (none blocking)");
    }
}
