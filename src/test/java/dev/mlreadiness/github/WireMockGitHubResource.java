package dev.mlreadiness.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * WireMock plays GitHub (REST and GraphQL) for the app's real GitHub clients: a throwaway RSA key for the app
 * JWT, the installation token, and the GraphQL endpoint of {@link FakeGitHub}. Scenario stubs come from
 * {@link PullRequestFixture}. One server for every test class of the profile: the app caches its installation
 * token, so the journal is cleared between tests but the stubs for the token stay.
 */
public class WireMockGitHubResource implements QuarkusTestResourceLifecycleManager {

    public static final String APP_ID = "424242";
    public static final String WEBHOOK_SECRET = "e2e-webhook-secret";
    public static final String INSTALLATION_TOKEN = "ghs_e2eInstallationToken";
    static final String JSON = "application/json; charset=utf-8";

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        String pem;
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(gen.generateKeyPair().getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .extensions(new FakeGitHub(), new GitHubState(), new RequestRounds()));
        server.start();
        stubApp(server);
        return Map.of(
                "quarkus.github-app.app-id", APP_ID,
                "quarkus.github-app.private-key", pem,
                "quarkus.github-app.webhook-secret", WEBHOOK_SECRET,
                "quarkus.github-app.instance-endpoint", server.baseUrl());
    }

    static void stubApp(WireMockServer server) {
        server.stubFor(get(urlPathEqualTo("/app")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", JSON)
                .withBody("{\"id\":" + APP_ID + ",\"slug\":\"ml-readiness\",\"name\":\"ML readiness\","
                        + "\"owner\":{\"login\":\"Codertocat\",\"id\":21031067,\"type\":\"User\"},"
                        + "\"html_url\":\"https://github.com/apps/ml-readiness\",\"permissions\":{\"checks\":\"write\"},"
                        + "\"events\":[\"pull_request\"]}")));
        for (long installation : new long[] { 1, 957387 }) {
            server.stubFor(get(urlPathEqualTo("/app/installations/" + installation))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                            .withBody("{\"id\":" + installation + ",\"app_id\":" + APP_ID + ",\"target_type\":\"User\","
                                    + "\"account\":{\"login\":\"Codertocat\",\"id\":21031067,\"type\":\"User\"},"
                                    + "\"access_tokens_url\":\"" + server.baseUrl() + "/app/installations/"
                                    + installation
                                    + "/access_tokens\",\"repository_selection\":\"all\",\"permissions\":{\"checks\":\"write\"},"
                                    + "\"events\":[\"pull_request\"]}")));
            server.stubFor(post(urlPathEqualTo("/app/installations/" + installation + "/access_tokens"))
                    .willReturn(aResponse().withStatus(201).withHeader("Content-Type", JSON)
                            .withBody(
                                    "{\"token\":\"" + INSTALLATION_TOKEN + "\",\"expires_at\":\"2099-01-01T00:00:00Z\","
                                            + "\"permissions\":{\"checks\":\"write\",\"contents\":\"read\"},"
                                            + "\"repository_selection\":\"all\"}")));
        }
        server.stubFor(post(urlPathEqualTo("/graphql")).willReturn(aResponse().withTransformers(FakeGitHub.NAME)));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
