package dev.mlreadiness.github;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.mlreadiness.deploy.KubernetesManifests;

/**
 * The packaged app (prod mode, the image's JVM options) started with the environment the Deployment gives its
 * container: the variable names of {@code deploy/kubernetes/}, with this machine's values (the Secret's keys from
 * the test's GitHub App, the database's URL and user those of the test server, which the manifest's host cannot
 * be here). It is ready on the probes' paths, its readiness includes the database, and a signed delivery is
 * recorded in PostgreSQL: the manifest's names reach the settings they are meant for.
 */
class KubernetesDeploymentIT {

    static WireMockGitHubResource github;
    static String schema;
    static PackagedApp app;
    static final KubernetesManifests MANIFESTS = KubernetesManifests.read();

    @BeforeAll
    static void startAsTheDeploymentDoes() throws Exception {
        TestDatabase.assumeAvailable();
        github = new WireMockGitHubResource();
        Map<String, String> test = github.start();
        schema = TestDatabase.newSchema("kube");
        Map<String, String> secret = Map.of("app-id", test.get("quarkus.github-app.app-id"), "private-key",
                test.get("quarkus.github-app.private-key"), "webhook-secret", WireMockGitHubResource.WEBHOOK_SECRET,
                "db-password", "");
        Map<String, String> env = new HashMap<>();
        MANIFESTS.environment().forEach((name, value) -> env.put(name, value.startsWith(KubernetesManifests.SECRET)
                ? secret.get(value.substring(value.indexOf('/') + 1))
                : value));
        // this machine's server instead of the manifest's host, under the manifest's names
        env.put("QUARKUS_DATASOURCE_JDBC_URL", TestDatabase.url(schema));
        env.put("QUARKUS_DATASOURCE_USERNAME", TestDatabase.USER);
        assertThat(env.values()).doesNotContainNull();
        app = PackagedApp.start(Map.of("quarkus.github-app.instance-endpoint", test.get(
                "quarkus.github-app.instance-endpoint"), "quarkus.flyway.schemas", schema, "quarkus.log.file.enabled",
                "false"), env, PackagedApp.IMAGE_OPTIONS, null);
        app.awaitReady(HttpClient.newHttpClient());
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (github != null) {
            github.stop();
        }
        if (schema != null) {
            TestDatabase.drop(schema);
        }
    }

    @Test
    void theProbesAnswerAndReadinessIncludesTheDatabase() {
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            String path = MANIFESTS.container().path(probe).at("/httpGet/path").asText();
            given().port(app.port).get(path).then().statusCode(200);
        }
        JsonPath ready = given().port(app.port).get(MANIFESTS.container().at("/readinessProbe/httpGet/path")
                .asText()).then().statusCode(200).extract().jsonPath();
        assertThat(ready.getList("checks.name", String.class)).anyMatch(n -> n.toLowerCase().contains("database"));
    }

    @Test
    void aSignedDeliveryIsRecordedInTheManifestsDatabase() throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(401)
                .unchanged("README.md", "# K\n\n## Usage\n\nrun it\n")
                .add("src/k.py", "import numpy\n");
        pr.stub(WireMockGitHubResource.server);
        byte[] body = pr.payload("opened");
        String delivery = UUID.randomUUID().toString();
        given().port(app.port).contentType("application/json").header("X-GitHub-Event", "pull_request")
                .header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", Webhooks.sign(WireMockGitHubResource.WEBHOOK_SECRET, body))
                .body(body).post("/").then().statusCode(200);
        // recorded before the answer: the queue is PostgreSQL's, in the database the manifest's variables name
        try (Connection c = TestDatabase.dataSource(schema).getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from delivery where delivery_key like ?")) {
            s.setString(1, delivery + "/%");
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
        // a delivery signed with another secret is refused: the webhook secret came from the Secret's key
        given().port(app.port).contentType("application/json").header("X-GitHub-Event", "pull_request")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", Webhooks.sign("another-secret", body))
                .body(body).post("/").then().statusCode(400);
    }
}
