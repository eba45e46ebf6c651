package dev.mlreadiness.engine.deps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a Pipenv {@code Pipfile}: {@code [packages]} and {@code [dev-packages]} ({@code "*"},
 * {@code "==1.2.3"}, {@code {version = ...}}, {@code {git = ..., ref = ...}}, {@code {path = ...}}) and
 * {@code [requires]}'s Python version.
 */
public final class PipfileParser {

    /**
     * @throws ManifestParseException when the file is not valid TOML
     */
    public PipfileManifest parse(String path, String text) throws ManifestParseException {
        TomlDocument doc = TomlDocument.parse(path, text);
        List<Problem> problems = new ArrayList<>();
        List<Requirement> packages = packages(doc, "packages", problems);
        List<Requirement> devPackages = packages(doc, "dev-packages", problems);
        PythonVersion python = null;
        for (String key : List.of("python_full_version", "python_version")) {
            JsonNode version = doc.at("requires").path(key);
            if (version.isTextual()) {
                python = new PythonVersion(version.asText(), doc.lines.keyLine("requires", key));
                break;
            }
        }
        return new PipfileManifest(path, packages, devPackages, python, problems);
    }

    private static List<Requirement> packages(TomlDocument doc, String table, List<Problem> problems) {
        List<Requirement> requirements = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : doc.at(table).properties()) {
            int line = doc.lines.keyLine(table, entry.getKey());
            requirements.addAll(TomlDependencyValue.requirements(entry.getKey(), entry.getValue(), line,
                    doc.lines.text(line), problems));
        }
        return requirements;
    }
}
