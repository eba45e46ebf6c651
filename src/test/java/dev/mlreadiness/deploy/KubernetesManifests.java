package dev.mlreadiness.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The manifests of {@code deploy/kubernetes/} by kind, and what the app's container gets from them. */
public final class KubernetesManifests {

    public static final Path DIR = Path.of("deploy/kubernetes");
    /** How {@link #environment} writes a variable that comes from a Secret: {@code secret:NAME/KEY}. */
    public static final String SECRET = "secret:";
    private static final ObjectMapper YAML = new YAMLMapper();

    private final Map<String, JsonNode> byKind = new TreeMap<>();

    private KubernetesManifests() {
    }

    /** One manifest per file, by kind. */
    public static KubernetesManifests read() {
        KubernetesManifests m = new KubernetesManifests();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode doc = YAML.readTree(f.toFile());
                m.byKind.put(doc.path("kind").asText(), doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    public Map<String, JsonNode> all() {
        return byKind;
    }

    /** The manifest of this kind; fails when there is none. */
    public JsonNode kind(String kind) {
        JsonNode m = byKind.get(kind);
        if (m == null) {
            throw new AssertionError("no " + kind + " in " + DIR);
        }
        return m;
    }

    /** The Deployment's one container. */
    public JsonNode container() {
        JsonNode containers = kind("Deployment").at("/spec/template/spec/containers");
        if (containers.size() != 1) {
            throw new AssertionError("the Deployment has " + containers.size() + " containers, not 1");
        }
        return containers.get(0);
    }

    /**
     * The container's environment: the keys of the ConfigMaps it takes whole, then its env entries (their values,
     * or {@code secret:NAME/KEY} for a Secret's key).
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container().path("envFrom")) {
            JsonNode map = kind("ConfigMap");
            if (!from.at("/configMapRef/name").asText().equals(map.at("/metadata/name").asText())) {
                throw new AssertionError("envFrom names a ConfigMap that is not in " + DIR + ": " + from);
            }
            map.path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode e : container().path("env")) {
            JsonNode ref = e.at("/valueFrom/secretKeyRef");
            env.put(e.path("name").asText(), ref.isMissingNode() ? e.path("value").asText()
                    : SECRET + ref.path("name").asText() + "/" + ref.path("key").asText());
        }
        return env;
    }
}
