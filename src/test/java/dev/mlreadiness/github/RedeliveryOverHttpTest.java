package dev.mlreadiness.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mlreadiness.github.deliveries.RedeliverFailedDeliveries;

/**
 * The recovery of failed deliveries against GitHub's delivery log as WireMock plays it (two pages, each delivery in
 * the shape of GitHub's schema for {@code GET /app/hook/deliveries}): exactly the deliveries none of whose attempts
 * succeeded, within the lookback and under the attempt limit, are asked for again, authenticated as the app.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class RedeliveryOverHttpTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ATTEMPTS = "/app/hook/deliveries/\\d+/attempts";

    @Inject
    RedeliverFailedDeliveries recovery;

    final WireMockServer server = WireMockGitHubResource.server;
    final List<StubMapping> stubs = new ArrayList<>();

    /** One attempt as GitHub lists it, checked against GitHub's schema. */
    static ObjectNode attempt(long id, String guid, int statusCode, long minutesAgo) throws Exception {
        ObjectNode d = JSON.createObjectNode();
        d.put("id", id);
        d.put("guid", guid);
        d.put("delivered_at", Instant.now().minus(minutesAgo, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS)
                .toString());
        d.put("redelivery", false);
        d.put("duration", 0.27);
        d.put("status", statusCode == 200 ? "OK" : statusCode == 0 ? "Invalid HTTP Response: 0" : "Bad Gateway");
        d.put("status_code", statusCode);
        d.put("event", "pull_request");
        d.put("action", "opened");
        d.put("installation_id", 1);
        d.put("repository_id", 1296269);
        d.putNull("throttled_at");
        return d;
    }

    static ArrayNode page(ObjectNode... attempts) throws Exception {
        ArrayNode page = JSON.createArrayNode();
        for (ObjectNode a : attempts) {
            page.add(a);
        }
        JsonNode schema;
        try (InputStream in = RedeliveryOverHttpTest.class
                .getResourceAsStream("/github-rest/apps.list-webhook-deliveries.json")) {
            schema = JSON.readTree(in).at("/responses/200/content/application~1json/schema");
        }
        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(GitHubSchemas.toJsonSchema(schema)).validate(page)).isEmpty();
        return page;
    }

    @BeforeEach
    void resetRequests() {
        server.resetRequests();
    }

    void deliveryLog() throws Exception {
        ArrayNode first = page(
                attempt(11, "a", 502, 1), // failed once: asked again
                attempt(12, "b", 200, 2), attempt(13, "b", 500, 30), // a later attempt succeeded
                attempt(14, "c", 200, 3), // delivered
                attempt(15, "d", 503, 4), attempt(16, "d", 503, 5), attempt(17, "d", 503, 6)); // given up
        ArrayNode second = page(
                attempt(18, "f", 0, 50), // no answer at all (the app was down): asked again
                attempt(19, "g", 500, 7 * 60)); // older than the lookback
        stubs.add(server.stubFor(get(urlPathEqualTo("/app/hook/deliveries")).withQueryParam("cursor", absent())
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", WireMockGitHubResource.JSON)
                        .withHeader("Link", "<" + server.baseUrl() + "/app/hook/deliveries?per_page=100&cursor=v1_18>;"
                                + " rel=\"next\"")
                        .withBody(first.toString()))));
        stubs.add(server.stubFor(get(urlPathEqualTo("/app/hook/deliveries")).withQueryParam("cursor", equalTo("v1_18"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", WireMockGitHubResource.JSON)
                        .withBody(second.toString()))));
        redeliveriesAccepted();
    }

    void redeliveriesAccepted() {
        stubs.add(server.stubFor(post(urlPathMatching(ATTEMPTS)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", WireMockGitHubResource.JSON).withBody("{}"))));
    }

    @AfterEach
    void removeStubs() {
        stubs.forEach(server::removeStub);
    }

    @Test
    void failedDeliveriesAreAskedForAgainOnce() throws Exception {
        deliveryLog();
        assertThat(recovery.recover()).isEqualTo(2);
        List<LoggedRequest> asked = GitHubJournal.of(server).matching("POST", ATTEMPTS);
        assertThat(asked).extracting(LoggedRequest::getUrl).containsExactlyInAnyOrder(
                "/app/hook/deliveries/11/attempts", "/app/hook/deliveries/18/attempts");
        assertThat(asked).allSatisfy(r -> {
            assertThat(r.getHeader("Authorization")).matches("Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+"); // the app's JWT
            assertThat(r.getHeader("Accept")).isEqualTo("application/vnd.github+json");
        });
        assertThat(GitHubJournal.of(server).matching("GET", "/app/hook/deliveries.*")).hasSize(2);
    }

    /** Page {@code n} of a delivery log, its {@code link} to page n + 1 unless it is the last. */
    void stubPage(int n, boolean last, ArrayNode deliveries) {
        var answer = aResponse().withStatus(200).withHeader("Content-Type", WireMockGitHubResource.JSON)
                .withBody(deliveries.toString());
        if (!last) {
            answer.withHeader("Link", "<" + server.baseUrl() + "/app/hook/deliveries?per_page=100&cursor=v1_p"
                    + (n + 1) + ">; rel=\"next\", <" + server.baseUrl() + "/app/hook/deliveries?per_page=100>;"
                    + " rel=\"first\"");
        }
        stubs.add(server.stubFor(get(urlPathEqualTo("/app/hook/deliveries"))
                .withQueryParam("cursor", n == 1 ? absent() : equalTo("v1_p" + n)).willReturn(answer)));
    }

    @Test
    void aLongOutageIsPagedThroughToTheEndOfTheLookbackAndEachRequestIsPaced() throws Exception {
        // 25 pages of 100 deliveries, one failed delivery on each; the 25th reaches past the 6-hour lookback, so
        // the 26th is never asked for
        for (int n = 1; n <= 26; n++) {
            ObjectNode[] attempts = new ObjectNode[100];
            for (int i = 0; i < 100; i++) {
                long id = n * 1000L + i;
                long minutesAgo = n == 26 || (n == 25 && i >= 50) ? 7 * 60 : n * 10L;
                attempts[i] = attempt(id, "g" + id, i == 0 ? 502 : 200, minutesAgo);
            }
            stubPage(n, n == 26, page(attempts));
        }
        redeliveriesAccepted();

        assertThat(recovery.recover()).isEqualTo(25);

        List<LoggedRequest> pages = GitHubJournal.of(server).matching("GET", "/app/hook/deliveries.*");
        assertThat(pages).hasSize(25);
        assertThat(pages.get(24).getUrl()).endsWith("cursor=v1_p25");
        List<LoggedRequest> asked = GitHubJournal.of(server).matching("POST", ATTEMPTS);
        assertThat(asked).extracting(LoggedRequest::getUrl).hasSize(25).doesNotHaveDuplicates()
                .allMatch(u -> u.matches("/app/hook/deliveries/\\d+000/attempts"));
        // one request at a time, at least ml-readiness.redeliver.request-interval (50 ms in tests) apart
        List<LoggedRequest> all = new ArrayList<>(pages);
        all.addAll(asked);
        all.sort(java.util.Comparator.comparing(LoggedRequest::getLoggedDate));
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).getLoggedDate().getTime() - all.get(i - 1).getLoggedDate().getTime())
                    .as("between request %d and %d", i - 1, i).isGreaterThanOrEqualTo(49);
        }
    }

    @Test
    void aSecondaryRateLimitIsWaitedOutAsGitHubSays() throws Exception {
        stubPage(1, true, page(attempt(31, "s", 502, 1), attempt(32, "t", 504, 2)));
        // the first redelivery meets GitHub's secondary rate limit, retry-after 1 s; then it is accepted
        stubs.add(server.stubFor(post(urlPathEqualTo("/app/hook/deliveries/31/attempts")).inScenario("limit")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", WireMockGitHubResource.JSON)
                        .withHeader("retry-after", "1")
                        .withBody("{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes "
                                + "before you try again.\",\"documentation_url\":\"https://docs.github.com/rest\"}"))
                .willSetStateTo("waited")));
        stubs.add(server.stubFor(post(urlPathEqualTo("/app/hook/deliveries/31/attempts")).inScenario("limit")
                .whenScenarioStateIs("waited").willReturn(aResponse().withStatus(202)
                        .withHeader("Content-Type", WireMockGitHubResource.JSON).withBody("{}"))));
        stubs.add(server.stubFor(post(urlPathEqualTo("/app/hook/deliveries/32/attempts")).willReturn(
                aResponse().withStatus(202).withHeader("Content-Type", WireMockGitHubResource.JSON).withBody("{}"))));

        assertThat(recovery.recover()).isEqualTo(2);

        List<LoggedRequest> asked = GitHubJournal.of(server).matching("POST", ATTEMPTS);
        assertThat(asked).extracting(LoggedRequest::getUrl).containsExactly("/app/hook/deliveries/31/attempts",
                "/app/hook/deliveries/31/attempts", "/app/hook/deliveries/32/attempts");
        assertThat(asked.get(1).getLoggedDate().getTime() - asked.get(0).getLoggedDate().getTime())
                .isGreaterThanOrEqualTo(999);
    }

    @Test
    void noRequestLeftUntilLongAfterTheLimitWaitStopsTheRunForTheNextOne() throws Exception {
        stubPage(1, true, page(attempt(41, "u", 502, 1), attempt(42, "v", 502, 2)));
        long reset = Instant.now().plus(50, ChronoUnit.MINUTES).getEpochSecond();
        stubs.add(server.stubFor(post(urlPathMatching(ATTEMPTS)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", WireMockGitHubResource.JSON).withHeader("x-ratelimit-remaining", "0")
                .withHeader("x-ratelimit-reset", Long.toString(reset))
                .withBody("{\"message\":\"API rate limit exceeded\"}"))));

        assertThat(recovery.recover()).isZero();

        // the first redelivery met the limit; the run stopped there instead of waiting 50 minutes or going on
        assertThat(GitHubJournal.of(server).matching("POST", ATTEMPTS)).hasSize(1);
    }
}
