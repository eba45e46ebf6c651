package dev.mlreadiness.engine.deps;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Python version that the project's tooling fixes outside the manifests: a GitHub Actions workflow that sets up
 * one exact version with {@code actions/setup-python}, or a dev container's Python image or Python feature. A file
 * that cannot be read fixes nothing (and is no reason to skip a review: other rules do not read these files).
 */
public final class ToolingPythonVersion {

    private static final Pattern MINOR_TAG = Pattern.compile("(\\d+-)?3\\.\\d+([.-].*)?");

    /** {@code 3.11}, {@code 3.11.4}, {@code 3.13.0-rc.1}, {@code pypy3.10}; never {@code 3.x}, {@code 3}, ranges. */
    private static final Pattern EXACT = Pattern.compile("(?i)(pypy-?)?3\\.\\d+(\\.\\d+)?(-[a-z0-9.]+)?");
    /** A whole-value expression {@code ${{ matrix.python }}} or {@code ${{ env.PYTHON_VERSION }}}. */
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(matrix|env)\\.([A-Za-z0-9_-]+)\\s*}}");
    private static final Pattern PYTHON_FEATURE = Pattern.compile("(?i)(.*/)?features/python(:.*)?");

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSONC = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    private ToolingPythonVersion() {
    }

    /** A GitHub Actions workflow file ({@code .github/workflows/*.yml}): GitHub reads no subfolders. */
    public static boolean isWorkflow(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.startsWith(".github/workflows/") && lower.indexOf('/', ".github/workflows/".length()) < 0
                && (lower.endsWith(".yml") || lower.endsWith(".yaml"));
    }

    /** {@code .devcontainer.json}, {@code .devcontainer/devcontainer.json}, {@code .devcontainer/<name>/...}. */
    public static boolean isDevcontainer(String path) {
        return path.equals(".devcontainer.json") || path.startsWith(".devcontainer/")
                && path.endsWith("/devcontainer.json") && path.chars().filter(c -> c == '/').count() <= 2;
    }

    /**
     * True when a job of the workflow runs {@code actions/setup-python} with one exact version: given as is, or
     * through {@code ${{ env.X }}} (workflow or job {@code env}) or {@code ${{ matrix.X }}} when the matrix holds
     * that one version only. A matrix of several versions tests them all and fixes none.
     */
    public static boolean workflowFixesPython(String text) {
        return workflowPythonVersion(text).isPresent();
    }

    /**
     * The exact version the first {@code actions/setup-python} step that sets up one exact version gives (see
     * {@link #workflowFixesPython}), as written: {@code 3.11}, {@code 3.11.4}.
     */
    public static Optional<String> workflowPythonVersion(String text) {
        JsonNode root = read(YAML, text);
        for (JsonNode job : root.path("jobs")) {
            JsonNode matrix = job.path("strategy").path("matrix");
            for (JsonNode step : job.path("steps")) {
                if (!step.path("uses").asText("").toLowerCase(Locale.ROOT).startsWith("actions/setup-python")) {
                    continue;
                }
                List<JsonNode> values = resolve(step.path("with").path("python-version"), matrix, job.path("env"),
                        root.path("env"));
                if (isExact(values)) {
                    return Optional.of(values.get(0).asText("").strip());
                }
            }
        }
        return Optional.empty();
    }

    /** The values an expression may stand for; the node itself when it is none. */
    private static List<JsonNode> resolve(JsonNode value, JsonNode matrix, JsonNode jobEnv, JsonNode workflowEnv) {
        Matcher m = EXPRESSION.matcher(value.asText("").strip());
        if (!value.isTextual() || !m.matches()) {
            return List.of(value);
        }
        String key = m.group(2);
        if (m.group(1).equals("env")) {
            return List.of(jobEnv.has(key) ? jobEnv.get(key) : workflowEnv.path(key));
        }
        List<JsonNode> values = new ArrayList<>();
        JsonNode listed = matrix.path(key);
        if (listed.isArray()) {
            listed.forEach(values::add);
        } else if (!listed.isMissingNode()) {
            values.add(listed);
        }
        matrix.path("include").forEach(entry -> {
            if (entry.has(key)) {
                values.add(entry.get(key));
            }
        });
        return values;
    }

    /** One value, and an exact version: several lines or list entries set up several Pythons. */
    private static boolean isExact(List<JsonNode> values) {
        return values.stream().map(v -> v.asText("").strip()).distinct().count() == 1
                && values.get(0).isValueNode() && EXACT.matcher(values.get(0).asText("").strip()).matches();
    }

    /**
     * True when the dev container's {@code image} is a Python image with a minor version
     * ({@code mcr.microsoft.com/devcontainers/python:1-3.11-bookworm}), or its Python feature asks for one
     * ({@code "ghcr.io/devcontainers/features/python:1": {"version": "3.11"}}). A {@code build.dockerfile} is read as
     * a Dockerfile of its own.
     */
    public static boolean devcontainerFixesPython(String text) {
        JsonNode root = read(JSONC, text);
        if (root.path("image").isTextual() && pythonImageFixesVersion(root.get("image").asText())) {
            return true;
        }
        for (Map.Entry<String, JsonNode> feature : root.path("features").properties()) {
            if (PYTHON_FEATURE.matcher(feature.getKey()).matches()) {
                JsonNode version = feature.getValue().isObject() ? feature.getValue().path("version")
                        : feature.getValue();
                if (version.isValueNode() && EXACT.matcher(version.asText("").strip()).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An image reference named {@code python} (any registry) whose tag gives a minor version. */
    public static boolean pythonImageFixesVersion(String image) {
        int at = image.indexOf('@');
        String reference = at >= 0 ? image.substring(0, at) : image;
        String last = reference.substring(reference.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon > 0 && last.substring(0, colon).equalsIgnoreCase("python")
                && MINOR_TAG.matcher(last.substring(colon + 1)).matches();
    }

    private static JsonNode read(ObjectMapper mapper, String text) {
        try {
            JsonNode node = mapper.readTree(text);
            return node == null ? mapper.missingNode() : node;
        } catch (IOException | RuntimeException e) {
            return mapper.missingNode();
        }
    }
}
