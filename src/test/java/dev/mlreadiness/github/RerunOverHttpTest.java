package dev.mlreadiness.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** GitHub's Re-run buttons over HTTP, on the real check_suite and check_run payloads. */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class RerunOverHttpTest {

    static byte[] fixture(String name) throws Exception {
        try (InputStream in = RerunOverHttpTest.class.getResourceAsStream("/webhooks/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void rerequestedCheckSuiteReviewsThePullRequestOfItsHeadAgain() throws Exception {
        // the payload's pull request #2: head ec26c3e..., base f95f852...
        PullRequestFixture pr = PullRequestFixture.pr(2)
                .unchanged("README.md", "# Hello\n\n## Usage\n\nrerun\n").add("notebooks/hello.ipynb",
                        ReviewOverHttpTest.NOTEBOOK)
                .add("src/hello.py", "print('hi')  # GAP-HERE\n");
        pr.headSha = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
        pr.baseSha = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
        var server = WireMockGitHubResource.server;
        pr.stub(server);
        String full = new ObjectMapper().readTree(pr.payload("opened")).get("pull_request").toString();
        server.stubFor(get(urlPathEqualTo(pr.api() + "/pulls/2")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", WireMockGitHubResource.JSON).withBody(full)));
        server.resetRequests();

        assertThat(Webhooks.send("check_suite", fixture("check_suite.rerequested.json"),
                WireMockGitHubResource.WEBHOOK_SECRET)).isEqualTo(200);

        GitHubJournal journal = GitHubJournal.of(server);
        assertThat(journal.matching("GET", ".*/pulls/2")).hasSize(1);
        assertThat(journal.matching("POST", ".*/check-runs")).hasSize(1);
        var done = journal.matching("PATCH", ".*/check-runs/" + pr.checkRunId());
        assertThat(done).hasSize(1);
        assertThat(new ObjectMapper().readTree(done.get(0).getBodyAsString()).at("/output/title").asText())
                .isEqualTo("Ready, 1 new gap (none blocking)");
    }

    @Test
    void rerequestedCheckRunOfAnotherAppIsLeftAlone() throws Exception {
        WireMockGitHubResource.server.resetRequests();
        // the example payload re-requests a check run named "randscape"
        assertThat(Webhooks.send("check_run", fixture("check_run.rerequested.json"),
                WireMockGitHubResource.WEBHOOK_SECRET)).isEqualTo(200);
        assertThat(GitHubJournal.of(WireMockGitHubResource.server).api()).isEmpty();
    }
}
