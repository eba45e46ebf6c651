package dev.mlreadiness.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.config.EnvConfigSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.mlreadiness.github.WireMockProfile;

/**
 * The manifests of {@code deploy/kubernetes/} cannot be applied here: they are checked against the Kubernetes 1.30
 * schemas (strict: an unknown or misspelt field fails) and against the app they deploy, which runs here with the
 * same health extension: the probe paths answer, the container port is the app's, every environment variable is a
 * setting the app reads, the Secret's keys are the README's, and the memory limit holds the JVM's heap cap.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class KubernetesManifestsTest {

    static final Path DIR = KubernetesManifests.DIR;
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The settings a deployment on PostgreSQL gives the app, each as Quarkus reads it (the environment variable is
     * the property name upper-cased with every other character an underscore): the GitHub App's three (read by the
     * quarkus-github-app extension), the datasource's three (Agroal) and the queue's backend (QueueSettings).
     */
    static final Set<String> SETTINGS = Set.of("quarkus.github-app.app-id", "quarkus.github-app.private-key",
            "quarkus.github-app.webhook-secret", "quarkus.datasource.jdbc.url", "quarkus.datasource.username",
            "quarkus.datasource.password", "ml-readiness.queue");

    static final KubernetesManifests MANIFESTS = KubernetesManifests.read();
    static final Map<String, JsonNode> manifests = MANIFESTS.all();

    static JsonNode kind(String kind) {
        return MANIFESTS.kind(kind);
    }

    /** The schema file of openapi2jsonschema's naming: {@code <kind>-<group>-<version>.json}, core without group. */
    static JsonSchema schema(JsonNode manifest) throws IOException {
        String[] api = manifest.path("apiVersion").asText().split("/");
        String name = manifest.path("kind").asText().toLowerCase()
                + (api.length == 2 ? "-" + api[0].split("\\.")[0] + "-" + api[1] : "-" + api[0]);
        try (InputStream in = KubernetesManifestsTest.class
                .getResourceAsStream("/kubernetes-schema/v1.30.0-standalone-strict/" + name + ".json")) {
            assertThat(in).as("schema %s", name).isNotNull();
            // the files name the generic meta-schema "http://json-schema.org/schema#"; their keywords are draft 4's
            ObjectNode schema = (ObjectNode) JSON.readTree(in);
            schema.remove("$schema");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
        }
    }

    static List<String> errors(JsonNode manifest) throws IOException {
        List<String> errors = new ArrayList<>();
        for (ValidationMessage m : schema(manifest).validate(manifest)) {
            errors.add(m.getMessage());
        }
        return errors;
    }

    @Test
    void everyManifestIsValidForKubernetes130() throws IOException {
        assertThat(manifests.keySet()).containsExactlyInAnyOrder("ConfigMap", "Deployment", "PodDisruptionBudget",
                "Service");
        for (JsonNode m : manifests.values()) {
            assertThat(errors(m)).as("%s against the Kubernetes 1.30 schema", m.path("kind").asText()).isEmpty();
        }
    }

    @Test
    void theSchemasRefuseWhatKubernetesRefuses() throws IOException {
        ObjectNode misspelt = kind("Deployment").deepCopy();
        ((ObjectNode) misspelt.path("spec")).put("replica", 2);
        assertThat(errors(misspelt)).anyMatch(e -> e.contains("replica"));
        ObjectNode wrongType = kind("Deployment").deepCopy();
        ((ObjectNode) wrongType.path("spec")).put("replicas", "two");
        assertThat(errors(wrongType)).isNotEmpty();
        ObjectNode noSelector = kind("PodDisruptionBudget").deepCopy();
        ((ObjectNode) noSelector.path("spec")).remove("selector");
        ((ObjectNode) noSelector.path("spec")).put("minAvailable", true);
        assertThat(errors(noSelector)).isNotEmpty();
    }

    @Test
    void twoReplicasThatTheServiceAndTheDisruptionBudgetSelect() {
        JsonNode deployment = kind("Deployment");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        JsonNode labels = deployment.at("/spec/template/metadata/labels");
        assertThat(deployment.at("/spec/selector/matchLabels")).isEqualTo(labels);
        assertThat(kind("Service").at("/spec/selector")).isEqualTo(labels);
        assertThat(kind("PodDisruptionBudget").at("/spec/selector/matchLabels")).isEqualTo(labels);
        assertThat(kind("PodDisruptionBudget").at("/spec/minAvailable").asInt()).isEqualTo(1);
    }

    static JsonNode container() {
        return MANIFESTS.container();
    }

    /** The container port a probe or the Service names. */
    static int port(JsonNode nameOrNumber) {
        if (nameOrNumber.isInt()) {
            return nameOrNumber.asInt();
        }
        for (JsonNode p : container().path("ports")) {
            if (p.path("name").asText().equals(nameOrNumber.asText())) {
                return p.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port named " + nameOrNumber);
    }

    @Test
    void theContainerPortIsTheAppsAndTheImagesAndTheServiceTargetsIt() throws IOException {
        // prod mode listens on Quarkus' default port unless application.properties sets another
        Properties app = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            app.load(in);
        }
        int appPort = Integer.parseInt(app.getProperty("%prod.quarkus.http.port",
                app.getProperty("quarkus.http.port", "8080")));
        assertThat(container().at("/ports/0/containerPort").asInt()).isEqualTo(appPort);
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("EXPOSE " + appPort);
        assertThat(port(kind("Service").at("/spec/ports/0/targetPort"))).isEqualTo(appPort);
    }

    @Test
    void theProbesAskTheAppsHealthEndpoints() {
        JsonNode c = container();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            JsonNode get = c.path(probe).path("httpGet");
            assertThat(port(get.path("port"))).as(probe).isEqualTo(c.at("/ports/0/containerPort").asInt());
            String path = get.path("path").asText();
            assertThat(path).as(probe).startsWith("/q/health/");
            given().get(path).then().statusCode(200); // the app in this test, with the same extension
        }
        assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        // readiness includes the datasource check: a replica without its database takes no deliveries
        assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        given().get("/q/health/nowhere").then().statusCode(404);
    }

    static Map<String, String> environment() {
        return MANIFESTS.environment();
    }

    @Test
    void everyVariableIsASettingTheAppReadsAndEverySettingIsGiven() {
        Map<String, String> env = environment();
        EnvConfigSource source = new EnvConfigSource(env, 300);
        Map<String, String> resolved = new HashMap<>();
        for (String setting : SETTINGS) {
            assertThat(source.getValue(setting)).as("%s from the container's environment", setting).isNotNull();
            resolved.put(setting, source.getValue(setting));
        }
        // no stray variable: each one is the environment form of one of the settings
        assertThat(env.keySet()).allSatisfy(name -> assertThat(SETTINGS)
                .anyMatch(s -> s.toUpperCase().replaceAll("[^A-Z0-9]", "_").equals(name)));
        assertThat(env).hasSameSizeAs(SETTINGS);
        // what this app reads: the queue's backend and the GitHub App's key material are its own settings
        assertThat(ConfigProvider.getConfig().getOptionalValue("ml-readiness.queue", String.class)).isPresent();
        assertThat(resolved.get("ml-readiness.queue")).isEqualTo("postgresql");
        assertThat(resolved.get("quarkus.datasource.jdbc.url")).startsWith("jdbc:postgresql://");
        // the secrets are never plain values in a manifest
        for (String secret : List.of("quarkus.github-app.private-key", "quarkus.github-app.webhook-secret",
                "quarkus.datasource.password", "quarkus.github-app.app-id")) {
            assertThat(resolved.get(secret)).startsWith("secret:ml-readiness/");
        }
    }

    @Test
    void theReadmeCreatesTheSecretTheDeploymentReadsAndAppliesTheseManifests() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("### Deploying on Kubernetes with PostgreSQL");
        assertThat(section).isPositive();
        int start = readme.indexOf("```bash\n", section) + "```bash\n".length();
        String snippet = readme.substring(start, readme.indexOf("```", start)).replace("\\\n", " ");
        Matcher secret = Pattern.compile("kubectl create secret generic (\\S+)(.*)").matcher(snippet);
        assertThat(secret.find()).isTrue();
        List<String> keys = new ArrayList<>();
        Matcher key = Pattern.compile("--from-(?:literal|file)=([\\w-]+)=").matcher(secret.group(2));
        while (key.find()) {
            keys.add(key.group(1));
        }
        List<String> referenced = environment().values().stream().filter(v -> v.startsWith("secret:"))
                .map(v -> v.substring("secret:".length())).toList();
        assertThat(referenced).allMatch(r -> r.startsWith(secret.group(1) + "/"));
        assertThat(keys).containsExactlyInAnyOrderElementsOf(
                referenced.stream().map(r -> r.substring(r.indexOf('/') + 1)).toList());
        assertThat(snippet).contains("kubectl apply -f " + DIR + "/");
        assertThat(snippet).contains("kubectl rollout status deployment/"
                + kind("Deployment").at("/metadata/name").asText());
        // the database and user the snippet creates are the ones the ConfigMap names
        String url = kind("ConfigMap").at("/data/QUARKUS_DATASOURCE_JDBC_URL").asText();
        String user = kind("ConfigMap").at("/data/QUARKUS_DATASOURCE_USERNAME").asText();
        assertThat(snippet).contains("create user " + user + " ")
                .contains("create database " + url.substring(url.lastIndexOf('/') + 1) + " owner " + user);
    }

    /** Mebibytes of a Kubernetes quantity ({@code 448Mi}, {@code 1Gi}). */
    static long mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
        }
        assertThat(quantity).endsWith("Mi");
        return Long.parseLong(quantity.substring(0, quantity.length() - 2));
    }

    @Test
    void theMemoryLimitHoldsTheHeapCapWithRoomForTheRestOfTheJvm() throws IOException {
        JsonNode resources = container().path("resources");
        long request = mebibytes(resources.at("/requests/memory").asText());
        long limit = mebibytes(resources.at("/limits/memory").asText());
        Matcher xmx = Pattern.compile("(?m)^-Xmx(\\d+)m$")
                .matcher(Files.readString(Path.of("src/main/jvm/app.options")));
        assertThat(xmx.find()).isTrue();
        long heap = Long.parseLong(xmx.group(1));
        // beyond the heap: metaspace (~70 MB), the 64 MB code cache, thread stacks, the pool's buffers
        assertThat(request).isGreaterThan(heap + 100);
        assertThat(limit).isGreaterThan(request).isGreaterThanOrEqualTo(heap + 200);
        // the image's JVM options are the ones the Deployment runs: it sets no command of its own
        assertThat(container().has("command")).isFalse();
        assertThat(container().has("args")).isFalse();
    }

    @Test
    void aStoppingReplicaHasTimeToFinishItsEvaluations() {
        Duration grace = ConfigProvider.getConfig().getValue("ml-readiness.queue.shutdown-grace", Duration.class);
        assertThat(kind("Deployment").at("/spec/template/spec/terminationGracePeriodSeconds").asLong())
                .isGreaterThan(grace.toSeconds() + 10);
    }
}
