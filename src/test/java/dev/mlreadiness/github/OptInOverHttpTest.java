package dev.mlreadiness.github;

import static dev.mlreadiness.github.ReviewOverHttpTest.body;
import static dev.mlreadiness.github.ReviewOverHttpTest.completedOnce;
import static dev.mlreadiness.github.ReviewOverHttpTest.deliver;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which config files opt a repository in, over HTTP: the repository's own {@code .github/ml-readiness.yml} does;
 * the organization's file holds defaults for every repository and opts one in only when it says
 * {@code enabled: true}. A JavaScript repository of an organization with a config file stays untouched.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class OptInOverHttpTest {

    /** A repository with no ML in it: no notebook, no ML library, no model. */
    private static PullRequestFixture javascript(int number) {
        return PullRequestFixture.pr(number)
                .unchanged("README.md", "# shop-ui\n\nThe shop's front end.\n")
                .unchanged("package.json", "{\"dependencies\": {\"react\": \"18.3.1\"}}\n")
                .add("src/cart.js", "export const total = items => items.reduce((a, b) => a + b, 0);  // GAP-HERE\n");
    }

    /** Writes to the repository; creating the installation token (the first delivery of a run) is none. */
    private static List<LoggedRequest> repositoryWrites(GitHubJournal journal) {
        return journal.writes().stream().filter(r -> !r.getUrl().startsWith("/app/")).toList();
    }

    @BeforeEach
    void clearJournal() {
        WireMockGitHubResource.server.resetRequests();
        FakeGitHub.FAILING_REFS.clear();
    }

    @Test
    void organizationDefaultsDoNotOptANonMlRepositoryIn() throws Exception {
        GitHubJournal journal = deliver(javascript(140).orgConfig("comments: none\nfail-on: warning\n"), "opened");
        assertThat(repositoryWrites(journal)).isEmpty();
        // it did look: the config files and the changed files were read
        assertThat(journal.matching("GET", ".*/pulls/140/files")).hasSize(1);
    }

    @Test
    void anOrganizationFileSayingEnabledTrueOptsEveryRepositoryIn() throws Exception {
        PullRequestFixture pr = javascript(141).orgConfig("enabled: true\ncomments: none\n");
        GitHubJournal journal = deliver(pr, "opened");
        assertThat(journal.matching("POST", ".*/check-runs")).hasSize(1);
        assertThat(completedOnce(journal, pr).path("conclusion").asText()).isEqualTo("success");
        assertThat(journal.matching("POST", ".*/(reviews|comments)")).as("comments: none").isEmpty();
    }

    @Test
    void theRepositorysOwnFileOptsItIn() throws Exception {
        PullRequestFixture pr = javascript(142).orgConfig("fail-on: warning\n").config("comments: none\n");
        GitHubJournal journal = deliver(pr, "opened");
        assertThat(journal.matching("POST", ".*/check-runs")).hasSize(1);
        // the organization's fail-on still applies under the repository's file: the GAP-HERE warning fails
        assertThat(completedOnce(journal, pr).path("conclusion").asText()).isEqualTo("failure");
    }

    @Test
    void aBrokenOrganizationFileIsReportedOnlyWhereTheAppWouldReview() throws Exception {
        GitHubJournal silent = deliver(javascript(143).orgConfig("fail-on: loud\n"), "opened");
        assertThat(repositoryWrites(silent)).isEmpty();

        PullRequestFixture ml = PullRequestFixture.pr(144).orgConfig("fail-on: loud\n")
                .add("notebooks/eda.ipynb", ReviewOverHttpTest.NOTEBOOK);
        GitHubJournal journal = deliver(ml, "opened");
        assertThat(body(journal.matching("POST", ".*/check-runs").get(0)).path("head_sha").asText())
                .isEqualTo(ml.headSha);
        assertThat(completedOnce(journal, ml).at("/output/title").asText()).isEqualTo("Invalid configuration");
    }
}
