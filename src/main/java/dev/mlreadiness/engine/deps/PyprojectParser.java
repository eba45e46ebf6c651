package dev.mlreadiness.engine.deps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the dependencies of a {@code pyproject.toml}: PEP 621 {@code [project]} dependencies and
 * optional dependencies, PEP 735 {@code [dependency-groups]} (skipping {@code {include-group = ...}}),
 * and Poetry's main, dev and group tables. Entries carry their line, found in the text by
 * {@link TomlLineLocator} since the TOML mapper reports none.
 */
public final class PyprojectParser {

    private static final String POETRY = "tool.poetry";

    /**
     * @throws ManifestParseException when the file is not valid TOML
     */
    public PyprojectManifest parse(String path, String text) throws ManifestParseException {
        TomlDocument doc = TomlDocument.parse(path, text);
        List<Requirement> requirements = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        JsonNode project = doc.at("project");
        readPep508Array(doc, "project", "dependencies", project.path("dependencies"), requirements, problems);
        forEachField(doc.at("project.optional-dependencies"), (extra, list) -> readPep508Array(doc,
                "project.optional-dependencies", extra, list, requirements, problems));
        forEachField(doc.at("dependency-groups"), (group, list) -> readPep508Array(doc,
                "dependency-groups", group, list, requirements, problems));
        readPoetryTable(doc, POETRY + ".dependencies", doc.at(POETRY + ".dependencies"), requirements, problems);
        readPoetryTable(doc, POETRY + ".dev-dependencies", doc.at(POETRY + ".dev-dependencies"), requirements,
                problems);
        forEachField(doc.at(POETRY + ".group"), (group, table) -> readPoetryTable(doc,
                POETRY + ".group." + group + ".dependencies", table.path("dependencies"), requirements, problems));

        PythonVersion requiresPython = project.path("requires-python").isTextual()
                ? new PythonVersion(project.get("requires-python").asText(),
                        doc.lines.keyLine("project", "requires-python"))
                : null;
        JsonNode poetryPythonNode = doc.at(POETRY + ".dependencies.python");
        PythonVersion poetryPython = poetryPythonNode.isTextual()
                ? new PythonVersion(poetryPythonNode.asText(), doc.lines.keyLine(POETRY + ".dependencies", "python"))
                : null;
        boolean poetry = doc.at(POETRY).isObject();
        return new PyprojectManifest(path, requirements, requiresPython, poetryPython, poetry, problems);
    }

    private interface FieldReader {
        void read(String key, JsonNode value);
    }

    private static void forEachField(JsonNode table, FieldReader reader) {
        for (Map.Entry<String, JsonNode> field : table.properties()) {
            reader.read(field.getKey(), field.getValue());
        }
    }

    private static void readPep508Array(TomlDocument doc, String table, String key, JsonNode array,
            List<Requirement> into, List<Problem> problems) {
        if (array.isMissingNode()) {
            return;
        }
        if (!array.isArray()) {
            problems.add(new Problem(doc.lines.keyLine(table, key), "`" + table + "." + key + "` is not a list"));
            return;
        }
        TomlLineLocator.ArrayStrings strings = doc.lines.arrayStrings(table, key);
        for (JsonNode entry : array) {
            if (entry.isObject() && entry.has("include-group")) {
                continue;
            }
            if (!entry.isTextual()) {
                problems.add(new Problem(doc.lines.keyLine(table, key),
                        "`" + table + "." + key + "` holds `" + entry + "`, not a requirement string"));
                continue;
            }
            int line = strings.lineOf(entry.asText());
            try {
                into.add(Pep508Parser.parse(entry.asText(), line, entry.asText()));
            } catch (InvalidRequirementException e) {
                problems.add(new Problem(line, e.getMessage()));
            }
        }
    }

    private static void readPoetryTable(TomlDocument doc, String table, JsonNode node, List<Requirement> into,
            List<Problem> problems) {
        forEachField(node, (key, value) -> {
            // Poetry's python entry constrains the interpreter, not a package to install
            if (!key.equals("python")) {
                int line = doc.lines.keyLine(table, key);
                into.addAll(TomlDependencyValue.requirements(key, value, line, doc.lines.text(line), problems));
            }
        });
    }
}
