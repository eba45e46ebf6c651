package dev.mlreadiness.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * GitHub's official request-body schemas (from {@code src/test/resources/github-rest/}) as JSON Schema draft 7:
 * OpenAPI-only keywords and vendor extensions removed, {@code nullable: true} turned into a {@code null} type.
 */
final class GitHubSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();
    private static final Set<String> OPENAPI_ONLY = Set.of("discriminator", "example", "examples", "xml",
            "externalDocs", "deprecated", "readOnly", "writeOnly");

    private GitHubSchemas() {
    }

    /** Asserts the body is valid for the operation ({@code checks.create}, {@code pulls.create-review}, ...). */
    static void assertValid(String operation, String body) {
        try {
            List<String> errors = new ArrayList<>();
            for (ValidationMessage m : schema(operation).validate(JSON.readTree(body))) {
                errors.add(m.getMessage());
            }
            assertThat(errors).as("%s request body against GitHub's schema: %s", operation, body).isEmpty();
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    static JsonSchema schema(String operation) {
        return CACHE.computeIfAbsent(operation, op -> {
            try (InputStream in = GitHubSchemas.class.getResourceAsStream("/github-rest/" + op + ".json")) {
                JsonNode schema = JSON.readTree(in).at("/requestBody/content/application~1json/schema");
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(toJsonSchema(schema));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static JsonNode toJsonSchema(JsonNode node) {
        if (node instanceof ArrayNode array) {
            ArrayNode out = JSON.createArrayNode();
            array.forEach(n -> out.add(toJsonSchema(n)));
            return out;
        }
        if (!(node instanceof ObjectNode object)) {
            return node;
        }
        ObjectNode out = JSON.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            if (k.startsWith("x-") || OPENAPI_ONLY.contains(k) || k.equals("nullable")) {
                continue;
            }
            if ((k.equals("properties") || k.equals("patternProperties")) && e.getValue().isObject()) {
                // these hold property names, not keywords: keep every name
                ObjectNode props = JSON.createObjectNode();
                e.getValue().fields().forEachRemaining(p -> props.set(p.getKey(), toJsonSchema(p.getValue())));
                out.set(k, props);
            } else {
                out.set(k, toJsonSchema(e.getValue()));
            }
        }
        if (object.path("nullable").asBoolean(false)) {
            JsonNode type = out.get("type");
            if (type != null && type.isTextual()) {
                out.set("type", JSON.createArrayNode().add(type.asText()).add("null"));
            }
            if (out.get("enum") instanceof ArrayNode values) {
                values.addNull();
            }
        }
        return out;
    }
}
