package dev.mlreadiness.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mlreadiness.github.publish.Markers;
import dev.mlreadiness.report.MarkdownText;

/**
 * The README's "Example pull request" section is what the app posts, over HTTP, for a pull request on
 * {@code examples/churn-model} that adds {@code src/train.py} and {@code notebooks/exploration.ipynb}: the review
 * and its comments, the check run's annotations and the summary comment, as GitHub holds them. The section between
 * its markers must be this rendering, so it cannot go stale; {@code -Dgolden.update=true} writes it into the
 * README (read the diff before committing).
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class ReadmePullRequestExampleTest {

    static final String START = "<!-- pr-example:start -->";
    static final String END = "<!-- pr-example:end -->";
    private static final List<String> ADDED = List.of("src/train.py", "notebooks/exploration.ipynb");

    @AfterEach
    void onlyTestRules() {
        TestRules.withCatalog = false;
        TestRules.catalogOnly = false;
    }

    @Test
    void readmeShowsWhatTheAppPostsForTheExamplePullRequest() throws Exception {
        Path example = Path.of("examples/churn-model").toAbsolutePath();
        PullRequestFixture pr = PullRequestFixture.pr(340);
        try (Stream<Path> walk = Files.walk(example)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = example.relativize(f).toString().replace('\\', '/');
                String text = Files.readString(f, StandardCharsets.UTF_8);
                if (ADDED.contains(rel)) {
                    pr.add(rel, text);
                } else {
                    pr.unchanged(rel, text);
                }
            }
        }
        GitHubState.reset();
        TestRules.withCatalog = true;
        TestRules.catalogOnly = true; // the app's rules alone, as on a real repository
        GitHubJournal journal = PlacementOverHttpTest.deliver(pr);
        assertThat(journal.matching("POST", ".*/pulls/340/reviews")).hasSize(1);

        String rendered = render(pr);
        Path readmePath = Path.of("README.md");
        String readme = Files.readString(readmePath, StandardCharsets.UTF_8);
        int from = readme.indexOf(START);
        int to = readme.indexOf(END);
        assertThat(from).as("README has the markers %s and %s", START, END).isGreaterThanOrEqualTo(0);
        assertThat(to).isGreaterThan(from);
        String updated = readme.substring(0, from + START.length()) + "\n" + rendered + readme.substring(to);
        if (Boolean.getBoolean("golden.update") && !updated.equals(readme)) {
            Files.writeString(readmePath, updated, StandardCharsets.UTF_8);
            readme = updated;
        }
        assertThat(readme).as("README's example pull request is not what the app posts "
                + "(run with -Dgolden.update=true to write it, then read the diff)").isEqualTo(updated);
    }

    /**
     * The review body and each comment quoted as posted, the annotations as a list, the summary comment quoted.
     * Hidden markers are left out (GitHub does not show them) and the run's id, which depends on the tests run
     * before, is written as 1.
     */
    static String render(PullRequestFixture pr) {
        StringBuilder md = new StringBuilder();
        JsonNode review = GitHubState.REVIEWS.get(pr.number).get(0);
        List<ObjectNode> comments = GitHubState.commentsOf(pr.number, review);
        md.append("**The review** (one per push, ").append(comments.size()).append(comments.size() == 1
                ? " comment"
                : " comments").append("):\n\n").append(quote(review.path("body").asText())).append("\n\n");
        for (ObjectNode c : comments) {
            md.append("On `").append(c.path("path").asText()).append("` line ").append(c.path("line").asInt())
                    .append(":\n\n").append(quote(c.path("body").asText())).append("\n\n");
        }
        List<ObjectNode> runs = GitHubState.runsOf(pr.headSha);
        List<JsonNode> annotations = GitHubState.annotationsOf(runs.get(runs.size() - 1));
        md.append("**The check run's annotations** (").append(annotations.size()).append("):\n\n");
        for (JsonNode a : annotations) {
            String message = a.path("message").asText();
            md.append("- ").append(a.path("annotation_level").asText()).append(" on `")
                    .append(a.path("path").asText()).append(':').append(a.path("start_line").asInt())
                    .append("`, **").append(a.path("title").asText()).append("**: ")
                    .append(MarkdownText.message(message.lines().findFirst().orElse(""))).append('\n');
        }
        JsonNode summary = GitHubState.ISSUE_COMMENTS.get(pr.number).stream()
                .filter(c -> Markers.isSummary(c.path("body").asText())).findFirst().orElseThrow();
        md.append("\n**The summary comment**:\n\n").append(quote(summary.path("body").asText())).append('\n');
        return md.toString().replaceAll("/runs/\\d+", "/runs/1");
    }

    private static String quote(String body) {
        return body.lines().filter(l -> !l.startsWith("<!-- ml-readiness:")).collect(Collectors.joining("\n")).strip()
                .lines().map(l -> l.isEmpty() ? ">" : "> " + l).collect(Collectors.joining("\n"));
    }
}
