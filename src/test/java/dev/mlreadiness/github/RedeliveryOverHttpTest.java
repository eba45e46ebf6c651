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
    void deliveryLog() throws Exception {
        server.resetRequests();
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
        stubs.add(server.stubFor(post(urlPathMatching(ATTEMPTS)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", WireMockGitHubResource.JSON).withBody("{}"))));
    }

    @AfterEach
    void removeStubs() {
        stubs.forEach(server::removeStub);
    }

    @Test
    void failedDeliveriesAreAskedForAgainOnce() {
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
}
