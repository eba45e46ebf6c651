package dev.mlreadiness.engine.notebook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import dev.mlreadiness.engine.snapshot.InputLimits;

/**
 * Reads a {@code .ipynb} file with Jackson's streaming parser, so a notebook with megabytes of outputs is
 * read without holding them: outputs are skipped token by token, keeping only their count, for error
 * outputs the exception name, message and line, and for a cell that reads a {@code __version__} its short printed
 * texts (a few hundred characters at most), which tell the versions the notebook ran with. Every source line keeps its
 * line in the {@code .ipynb}
 * text, so findings land on the diff.
 *
 * <p>
 * nbformat 4 ({@code cells[]}) and nbformat 3 ({@code worksheets[].cells[]}, code in {@code input},
 * {@code prompt_number}, {@code pyerr} outputs, heading cells) are both read into the same model. Earlier
 * versions, invalid JSON, a top level that is not an object, a notebook without cells and values of the
 * wrong type raise {@link NotebookFormatException} with the line; nothing else is thrown.
 */
public final class NotebookParser {

    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(StreamReadConstraints
            .builder().maxNestingDepth(InputLimits.MAX_NESTING_DEPTH).build()).build();

    /** Printed texts kept per cell that reads a {@code __version__}, and their longest length. */
    static final int MAX_KEPT_OUTPUTS = 8;
    static final int MAX_KEPT_OUTPUT_CHARS = 400;

    private final JsonParser json;
    private final List<Cell> cells = new ArrayList<>();
    private boolean sawCells;
    private boolean sawWorksheets;
    private String languageInfoName;
    private String kernelLanguage;
    private String kernelName;

    private NotebookParser(JsonParser json) {
        this.json = json;
    }

    /**
     * Reads a notebook.
     *
     * @param ipynbUtf8 the file's bytes (UTF-8 JSON)
     * @throws NotebookFormatException when the bytes are not a notebook of format 3 or 4
     */
    public static Notebook parse(byte[] ipynbUtf8) throws NotebookFormatException {
        try (JsonParser json = JSON.createParser(ipynbUtf8 == null ? new byte[0] : ipynbUtf8)) {
            return new NotebookParser(json).notebook();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line %d, column %d".formatted(at.getLineNr(), at.getColumnNr());
            throw new NotebookFormatException("not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new NotebookFormatException("could not read the notebook: " + e.getMessage(), e);
        }
    }

    private Notebook notebook() throws IOException, NotebookFormatException {
        JsonToken first = json.nextToken();
        if (first == null) {
            throw new NotebookFormatException("empty file: a notebook is a JSON object");
        }
        expect(first, JsonToken.START_OBJECT, "the top-level value");
        Integer nbformat = null;
        int minor = 0;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            switch (name) {
                case "nbformat" -> nbformat = intOrNull(value);
                case "nbformat_minor" -> {
                    Integer minorValue = intOrNull(value);
                    minor = minorValue == null ? 0 : minorValue;
                }
                case "metadata" -> metadata(value);
                case "cells" -> {
                    sawCells = true;
                    cellList(value, "\"cells\"");
                }
                case "worksheets" -> worksheets(value);
                default -> json.skipChildren();
            }
        }
        if (json.nextToken() != null) {
            throw new NotebookFormatException("unexpected content after the notebook object at line " + line());
        }
        if (nbformat != null && nbformat < 3) {
            throw new NotebookFormatException("nbformat " + nbformat + " is not supported (only 3 and 4 are)");
        }
        if (!sawCells && !sawWorksheets) {
            throw new NotebookFormatException("not a notebook: no \"cells\" array (nor nbformat 3 \"worksheets\")");
        }
        int format = nbformat != null ? nbformat : sawCells ? 4 : 3;
        return new Notebook(format, minor, language(), cells);
    }

    private void metadata(JsonToken value) throws IOException, NotebookFormatException {
        if (value != JsonToken.START_OBJECT) {
            json.skipChildren();
            return;
        }
        forEachField((name, inner) -> {
            if (name.equals("kernelspec") && inner == JsonToken.START_OBJECT) {
                forEachField((key, field) -> {
                    switch (key) {
                        case "language" -> kernelLanguage = stringOrNull(field);
                        case "name" -> kernelName = stringOrNull(field);
                        default -> json.skipChildren();
                    }
                });
            } else if (name.equals("language_info") && inner == JsonToken.START_OBJECT) {
                forEachField((key, field) -> {
                    if (key.equals("name")) {
                        languageInfoName = stringOrNull(field);
                    } else {
                        json.skipChildren();
                    }
                });
            } else {
                json.skipChildren();
            }
        });
    }

    private String language() {
        if (languageInfoName != null) {
            return languageInfoName;
        }
        if (kernelLanguage != null) {
            return kernelLanguage;
        }
        return kernelName != null && kernelName.toLowerCase().startsWith("python") ? "python" : null;
    }

    private void worksheets(JsonToken value) throws IOException, NotebookFormatException {
        sawWorksheets = true;
        expect(value, JsonToken.START_ARRAY, "\"worksheets\"");
        while (nextElement()) {
            expect(json.currentToken(), JsonToken.START_OBJECT, "a worksheet");
            forEachField((name, inner) -> {
                if (name.equals("cells")) {
                    cellList(inner, "the worksheet's \"cells\"");
                } else {
                    json.skipChildren();
                }
            });
        }
    }

    private void cellList(JsonToken value, String what) throws IOException, NotebookFormatException {
        expect(value, JsonToken.START_ARRAY, what);
        while (nextElement()) {
            cells.add(cell(cells.size()));
        }
    }

    private Cell cell(int index) throws IOException, NotebookFormatException {
        expect(json.currentToken(), JsonToken.START_OBJECT, "cell " + index);
        int startLine = line();
        int keyLine = startLine;
        String cellType = null;
        SourceText source = new SourceText();
        Integer executionCount = null;
        OutputSummary outputs = new OutputSummary();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            int nameLine = line();
            JsonToken value = json.nextToken();
            switch (name) {
                case "cell_type" -> cellType = stringOrNull(value);
                case "source", "input" -> {
                    keyLine = nameLine;
                    source(value, source, index);
                }
                case "execution_count", "prompt_number" -> executionCount = intOrNull(value);
                case "outputs" -> outputs(value, outputs, index);
                default -> json.skipChildren();
            }
        }
        int endLine = line();
        String text = source.text();
        List<String> versions = text.contains("__version__") ? outputs.texts : List.of();
        return new Cell(index, CellType.of(cellType), text, executionCount, keyLine, source.lines(),
                outputs.count, outputs.errors, startLine, endLine, versions);
    }

    /** A source is one string, or a list of strings each usually on its own JSON line. */
    private void source(JsonToken value, SourceText source, int index) throws IOException, NotebookFormatException {
        String what = "the source of cell " + index;
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value == JsonToken.VALUE_STRING) {
            source.append(json.getText(), line());
            return;
        }
        expect(value, JsonToken.START_ARRAY, what);
        while (nextElement()) {
            expect(json.currentToken(), JsonToken.VALUE_STRING, "an element of " + what);
            source.append(json.getText(), line());
        }
    }

    private void outputs(JsonToken value, OutputSummary outputs, int index)
            throws IOException, NotebookFormatException {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        expect(value, JsonToken.START_ARRAY, "the outputs of cell " + index);
        while (nextElement()) {
            outputs.count++;
            if (json.currentToken() != JsonToken.START_OBJECT) {
                json.skipChildren();
                continue;
            }
            int outputLine = line();
            String type = null;
            String ename = null;
            String evalue = null;
            String text = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken field = json.nextToken();
                // Everything else (images, HTML, traceback) is skipped unread: it is where the megabytes are.
                switch (name) {
                    case "output_type" -> type = stringOrNull(field);
                    case "ename" -> ename = stringOrNull(field);
                    case "evalue" -> evalue = stringOrNull(field);
                    case "text" -> text = shortText(field);
                    case "data" -> text = plainText(field);
                    default -> json.skipChildren();
                }
            }
            if ("error".equals(type) || "pyerr".equals(type)) {
                outputs.errors.add(new ErrorOutput(ename, evalue, outputLine));
            } else if (text != null && outputs.texts.size() < MAX_KEPT_OUTPUTS
                    && ("stream".equals(type) || "execute_result".equals(type) || "pyout".equals(type))) {
                outputs.texts.add(text);
            }
        }
    }

    /** The {@code text/plain} of an output's {@code data}, when short (see {@link #shortText}). */
    private String plainText(JsonToken value) throws IOException, NotebookFormatException {
        if (value != JsonToken.START_OBJECT) {
            json.skipChildren();
            return null;
        }
        String[] plain = new String[1];
        forEachField((name, field) -> {
            if (name.equals("text/plain")) {
                plain[0] = shortText(field);
            } else {
                json.skipChildren();
            }
        });
        return plain[0];
    }

    /**
     * A string, or a list of strings joined, when it is at most {@link #MAX_KEPT_OUTPUT_CHARS} long; else null. Kept
     * only for the cells that read a {@code __version__} (the printed versions pin requirements).
     */
    private String shortText(JsonToken value) throws IOException, NotebookFormatException {
        if (value == JsonToken.VALUE_STRING) {
            String text = json.getText();
            return text.length() <= MAX_KEPT_OUTPUT_CHARS ? text : null;
        }
        if (value != JsonToken.START_ARRAY) {
            json.skipChildren();
            return null;
        }
        StringBuilder text = new StringBuilder();
        boolean tooLong = false;
        while (nextElement()) {
            if (tooLong || json.currentToken() != JsonToken.VALUE_STRING) {
                tooLong = true;
                json.skipChildren();
                continue;
            }
            text.append(json.getText());
            tooLong = text.length() > MAX_KEPT_OUTPUT_CHARS;
        }
        return tooLong ? null : text.toString();
    }

    /** Calls the reader with each field name and the first token of its value, until the object ends. */
    private void forEachField(FieldReader reader) throws IOException, NotebookFormatException {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            reader.read(name, json.nextToken());
        }
    }

    /** Reads one field's value; must leave the parser on the value's last token. */
    @FunctionalInterface
    private interface FieldReader {
        void read(String name, JsonToken value) throws IOException, NotebookFormatException;
    }

    /** Moves to the next element of the current array; false at its end. */
    private boolean nextElement() throws IOException, NotebookFormatException {
        JsonToken token = json.nextToken();
        if (token == null) {
            throw new NotebookFormatException("unexpected end of the file at line " + line());
        }
        return token != JsonToken.END_ARRAY;
    }

    private void expect(JsonToken actual, JsonToken expected, String what) throws NotebookFormatException {
        if (actual != expected) {
            throw new NotebookFormatException("%s must be %s, found %s at line %d"
                    .formatted(what, describe(expected), describe(actual), line()));
        }
    }

    private String stringOrNull(JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return json.getText();
        }
        json.skipChildren();
        return null;
    }

    private Integer intOrNull(JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT && json.getNumberType() == JsonParser.NumberType.INT) {
            return json.getIntValue();
        }
        json.skipChildren();
        return null;
    }

    private int line() {
        return json.currentTokenLocation().getLineNr();
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    /** Number of outputs of one cell and its error outputs. */
    private static final class OutputSummary {
        private int count;
        private final List<ErrorOutput> errors = new ArrayList<>();
        private final List<String> texts = new ArrayList<>();
    }

    /** Source text being joined from its pieces, with the JSON line of each source line's start. */
    private static final class SourceText {
        private final StringBuilder text = new StringBuilder();
        private final List<Integer> lines = new ArrayList<>();
        private boolean atLineStart = true;

        void append(String piece, int jsonLine) {
            for (int i = 0; i < piece.length(); i++) {
                if (atLineStart) {
                    lines.add(jsonLine);
                    atLineStart = false;
                }
                char c = piece.charAt(i);
                text.append(c);
                atLineStart = c == '\n';
            }
        }

        String text() {
            return text.toString();
        }

        List<Integer> lines() {
            return lines;
        }
    }
}
