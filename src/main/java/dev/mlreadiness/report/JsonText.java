package dev.mlreadiness.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The JSON-based renderers' shared writer: a document is written value by value through Jackson's generator
 * (never as a tree of nodes, which for a large report is an object per finding), indented, with one trailing
 * newline, for files and terminals alike. The same document as a string.
 */
final class JsonText {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Generators indented as {@code INDENT_OUTPUT} indents, onto writers their callers close. A document is always
     * complete when written whole, so closing never adds the brackets still open: a failure half-way must leave a
     * truncated text that no reader takes for a whole report, not a valid document with findings missing.
     */
    private static final ObjectWriter WRITER = MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .without(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);

    /** One JSON document, written through a generator. */
    @FunctionalInterface
    interface Document {
        void writeTo(JsonGenerator g) throws IOException;
    }

    private JsonText() {
    }

    /** The document as one string. */
    static String write(Document document) {
        StringWriter out = new StringWriter();
        try {
            write(document, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a string writer does not fail", e);
        }
        return out.toString();
    }

    /**
     * The document onto {@code out} as it is generated, without holding its text or a tree of it: a large report (a
     * finding per line of a repository's code) is hundreds of megabytes as one string.
     */
    static void write(Document document, Writer out) throws IOException {
        try (JsonGenerator g = WRITER.createGenerator(out)) {
            document.writeTo(g);
        }
        out.write('\n');
    }

    /** {@code "name": value}, or {@code "name": null} when the value is absent. */
    static void number(JsonGenerator g, String name, Integer value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value);
        }
    }
}
