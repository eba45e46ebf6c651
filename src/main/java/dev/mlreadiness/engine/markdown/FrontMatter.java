package dev.mlreadiness.engine.markdown;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The YAML front matter of a Markdown file, read with a real YAML parser: commonmark's extension only
 * finds the block and understands a small subset of YAML (no flow lists, no nested maps).
 *
 * @param present whether the file has a closed front-matter block, valid or not
 * @param values the top-level mapping; empty when absent or invalid
 * @param problem why the block could not be read, when it could not
 */
record FrontMatter(boolean present, ObjectNode values, Optional<String> problem) {

    private static final YAMLMapper YAML = new YAMLMapper();

    static FrontMatter none() {
        return new FrontMatter(false, JsonNodeFactory.instance.objectNode(), Optional.empty());
    }

    static FrontMatter read(String yaml) {
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports some malformed input (and its own size limits) as unchecked exceptions.
            return invalid("the front matter is not valid YAML: " + firstLine(e.getMessage()));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return new FrontMatter(true, JsonNodeFactory.instance.objectNode(), Optional.empty());
        }
        if (tree instanceof ObjectNode mapping) {
            return new FrontMatter(true, mapping, Optional.empty());
        }
        return invalid("the front matter is not a mapping of keys to values");
    }

    private static FrontMatter invalid(String problem) {
        return new FrontMatter(true, JsonNodeFactory.instance.objectNode(), Optional.of(problem));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
