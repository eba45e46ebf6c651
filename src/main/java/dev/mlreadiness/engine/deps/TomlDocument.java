package dev.mlreadiness.engine.deps;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

/** A TOML manifest read by Jackson, with a {@link TomlLineLocator} for the lines Jackson does not give. */
final class TomlDocument {

    private static final TomlMapper MAPPER = new TomlMapper();

    final JsonNode root;
    final TomlLineLocator lines;

    private TomlDocument(JsonNode root, TomlLineLocator lines) {
        this.root = root;
        this.lines = lines;
    }

    static TomlDocument parse(String path, String text) throws ManifestParseException {
        try {
            JsonNode root = MAPPER.readTree(text);
            return new TomlDocument(root == null ? MissingNode.getInstance() : root, new TomlLineLocator(text));
        } catch (JacksonException e) {
            JsonLocation location = e.getLocation();
            int line = location == null ? 0 : Math.max(0, location.getLineNr());
            throw new ManifestParseException(path, line, "invalid TOML: " + e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            // the TOML reader should only throw JacksonException, but user data must never crash a run
            throw new ManifestParseException(path, 0, "invalid TOML: " + e.getMessage(), e);
        }
    }

    /** The node at a dotted table path ({@code tool.poetry.dependencies}), or a missing node. */
    JsonNode at(String dottedPath) {
        JsonNode node = root;
        for (String part : dottedPath.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }
}
