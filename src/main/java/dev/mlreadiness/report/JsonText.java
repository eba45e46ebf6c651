package dev.mlreadiness.report;

import java.io.IOException;
import java.io.Writer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON-based renderers' shared writer: indented, one trailing newline, for files and terminals alike. */
final class JsonText {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The same output as {@link #write(JsonNode)}, onto a writer the caller closes. */
    private static final ObjectWriter STREAM = MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private JsonText() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain JSON nodes always serialises", e);
        }
    }

    /**
     * {@link #write(JsonNode)} onto {@code out}, character for character, without holding the whole text: a large
     * report (a finding per line of a repository's code) is hundreds of megabytes as one string.
     */
    static void write(JsonNode node, Writer out) throws IOException {
        STREAM.writeValue(out, node);
        out.write('\n');
    }
}
