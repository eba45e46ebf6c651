package dev.mlreadiness.github.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHCheckRunBuilder;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpException;

/**
 * The retrying connector under github-api, against WireMock: what is tried again, how often, and what is left to
 * the caller. Counts requests, never time (backoff is a millisecond here).
 */
class RetryingConnectorTest {

    private static final String JSON = "application/json";
    private static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(4),
            Duration.ofSeconds(10), Duration.ofSeconds(2));
    private static WireMockServer server;
    private GitHub github;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        // a cold WireMock answers its first request slowly: not a timeout any test should see
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/warm-up")).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void client() throws IOException {
        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/repos/o/r")).atPriority(5).willReturn(ok("{\"id\":1,\"name\":\"r\","
                + "\"full_name\":\"o/r\",\"owner\":{\"login\":\"o\"},\"url\":\"" + server.baseUrl()
                + "/repos/o/r\"}")));
        server.stubFor(post(urlPathEqualTo("/repos/o/r/check-runs")).atPriority(5).willReturn(run()));
        server.stubFor(patch(urlPathEqualTo("/repos/o/r/check-runs/7")).atPriority(5).willReturn(run()));
        github = new GitHubBuilder().withEndpoint(server.baseUrl())
                .withConnector(new RetryingConnector(new TimedHttpConnector(
                        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), POLICY.requestTimeout()),
                        POLICY))
                .withRateLimitHandler(GitHubRateLimitHandler.FAIL).withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
                .build();
    }

    private static ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(body);
    }

    private static ResponseDefinitionBuilder run() {
        return aResponse().withStatus(201).withHeader("Content-Type", JSON)
                .withBody("{\"id\":7,\"name\":\"n\",\"head_sha\":\"abc\",\"status\":\"in_progress\"}");
    }

    /** The request answers {@code failure} {@code times} times, then as its normal stub does. */
    private static void failFirst(Supplier<MappingBuilder> request, ResponseDefinitionBuilder failure, int times) {
        for (int i = 0; i < times; i++) {
            server.stubFor(request.get().atPriority(1).inScenario("fail").whenScenarioStateIs(i == 0 ? Scenario.STARTED
                    : "f" + i).willSetStateTo("f" + (i + 1)).willReturn(failure));
        }
    }

    private static int requests() {
        return server.findAll(anyRequestedFor(anyUrl())).size();
    }

    private GHRepository repo() throws IOException {
        return github.getRepository("o/r");
    }

    @Test
    void aReadIsTriedAgainOnServerErrorsUntilItSucceeds() throws IOException {
        failFirst(() -> get(urlPathEqualTo("/repos/o/r")), aResponse().withStatus(502), 2);
        assertThat(repo().getFullName()).isEqualTo("o/r");
        assertThat(requests()).isEqualTo(3);
    }

    @Test
    void aReadFailingEveryTimeStopsAtTheAttemptLimitWithGitHubsStatus() {
        server.stubFor(get(urlPathEqualTo("/repos/o/r")).atPriority(1).willReturn(aResponse().withStatus(500)));
        assertThatThrownBy(this::repo).isInstanceOf(HttpException.class)
                .satisfies(e -> assertThat(((HttpException) e).getResponseCode()).isEqualTo(500));
        assertThat(requests()).isEqualTo(4); // the policy's 4 tries; github-api adds none of its own
    }

    @Test
    void aReadWithoutAnswerInTimeIsTriedAgain() throws IOException {
        failFirst(() -> get(urlPathEqualTo("/repos/o/r")), aResponse().withStatus(200).withFixedDelay(4_000), 1);
        assertThat(repo().getFullName()).isEqualTo("o/r");
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void aDroppedConnectionOnAReadIsTriedAgain() throws IOException {
        failFirst(() -> get(urlPathEqualTo("/repos/o/r")), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), 1);
        assertThat(repo().getFullName()).isEqualTo("o/r");
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void aRateLimitedWriteIsTriedAgainBecauseGitHubDidNotApplyIt() throws IOException {
        GHRepository repo = repo();
        server.resetRequests();
        failFirst(() -> post(urlPathEqualTo("/repos/o/r/check-runs")), aResponse().withStatus(429), 1);
        GHCheckRun run = repo.createCheckRun("n", "abc").create();
        assertThat(run.getId()).isEqualTo(7);
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void aSecondaryRateLimit403IsTriedAgainButAPermission403IsNot() throws IOException {
        GHRepository repo = repo();
        server.resetRequests();
        failFirst(() -> post(urlPathEqualTo("/repos/o/r/check-runs")), aResponse().withStatus(403).withBody(
                "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes.\"}"), 1);
        repo.createCheckRun("n", "abc").create();
        assertThat(requests()).isEqualTo(2);

        server.resetRequests();
        server.stubFor(post(urlPathEqualTo("/repos/o/r/check-runs")).atPriority(1).willReturn(aResponse()
                .withStatus(403).withBody("{\"message\":\"Resource not accessible by integration\"}")));
        assertThatThrownBy(() -> repo.createCheckRun("n", "abc").create()).isInstanceOf(HttpException.class);
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void aCreatingWriteAnswered502IsLeftToTheCallerWhichMustCheckWhetherItLanded() throws IOException {
        GHRepository repo = repo();
        server.resetRequests();
        failFirst(() -> post(urlPathEqualTo("/repos/o/r/check-runs")), aResponse().withStatus(502), 1);
        assertThatThrownBy(() -> repo.createCheckRun("n", "abc").create()).isInstanceOf(HttpException.class)
                .satisfies(e -> assertThat(((HttpException) e).getResponseCode()).isEqualTo(502));
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void aPatchAddingAnnotationsIsNotTriedAgainButOneWithoutIs() throws IOException {
        GHRepository repo = repo();
        GHCheckRun run = repo.createCheckRun("n", "abc").create();
        server.resetRequests();
        failFirst(() -> patch(urlPathEqualTo("/repos/o/r/check-runs/7")), aResponse().withStatus(500), 1);
        GHCheckRunBuilder.Output output = new GHCheckRunBuilder.Output("t", "s")
                .add(new GHCheckRunBuilder.Annotation("a.py", 1, GHCheckRun.AnnotationLevel.WARNING, "m"));
        assertThatThrownBy(() -> run.update().add(output).create()).isInstanceOf(HttpException.class);
        assertThat(requests()).isEqualTo(1);

        server.resetRequests();
        server.resetScenarios();
        run.update().withStatus(GHCheckRun.Status.COMPLETED).withConclusion(GHCheckRun.Conclusion.SUCCESS).create();
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void aRetryAfterLongerThanTheBudgetIsNotWaitedFor() throws IOException {
        GHRepository repo = repo();
        server.resetRequests();
        failFirst(() -> post(urlPathEqualTo("/repos/o/r/check-runs")),
                aResponse().withStatus(429).withHeader("Retry-After", "60"), 1);
        assertThatThrownBy(() -> repo.createCheckRun("n", "abc").create()).isInstanceOf(HttpException.class)
                .satisfies(e -> assertThat(((HttpException) e).getResponseCode()).isEqualTo(429));
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void aRetryAfterOfZeroIsHonouredAtOnce() throws IOException {
        GHRepository repo = repo();
        server.resetRequests();
        failFirst(() -> post(urlPathEqualTo("/repos/o/r/check-runs")),
                aResponse().withStatus(429).withHeader("Retry-After", "0"), 1);
        repo.createCheckRun("n", "abc").create();
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void anExhaustedRateLimitWaitsForItsResetOnlyWithinTheBudget() throws IOException {
        GHRepository repo = repo();
        server.resetRequests();
        long inAnHour = System.currentTimeMillis() / 1000 + 3600;
        server.stubFor(post(urlPathEqualTo("/repos/o/r/check-runs")).atPriority(1).willReturn(aResponse()
                .withStatus(403).withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", Long.toString(inAnHour))
                .withBody("{\"message\":\"API rate limit exceeded\"}")));
        assertThatThrownBy(() -> repo.createCheckRun("n", "abc").create()).isInstanceOf(HttpException.class);
        assertThat(requests()).isEqualTo(1); // github-api's own handler would have slept for the hour
    }

    @Test
    void anEvaluationsBudgetIsSharedByItsRequests() throws IOException {
        server.stubFor(get(urlPathEqualTo("/repos/o/r")).atPriority(1).willReturn(aResponse().withStatus(500)));
        try (RetryBudget.Scope spent = RetryBudget.open(Duration.ZERO)) {
            assertThatThrownBy(this::repo).isInstanceOf(HttpException.class);
        }
        assertThat(requests()).isEqualTo(1); // no budget left: no retry at all
    }
}
