package dev.mlreadiness.engine.notebook;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code .ipynb} text for tests, laid out the way Jupyter writes it (one source line per JSON line for
 * list sources), with {@link #lineOf} to find where a fragment landed.
 */
public final class NotebookJson {

    private final List<StringBuilder> cells = new ArrayList<>();
    private String language = "python";

    public static NotebookJson create() {
        return new NotebookJson();
    }

    /** A code cell whose source is a list of lines; {@code count} null for a cleared cell. */
    public NotebookJson code(Integer count, String source) {
        return cell("code", count, listSource(source));
    }

    /** A code cell whose source is one JSON string. */
    public NotebookJson codeAsString(Integer count, String source) {
        return cell("code", count, "\"" + escape(source) + "\"");
    }

    public NotebookJson markdown(String source) {
        return cell("markdown", null, listSource(source));
    }

    /** Adds a stream output, as printing would, to the last cell. */
    public NotebookJson withOutput(String text) {
        return output("   {\"name\": \"stdout\", \"output_type\": \"stream\", \"text\": [\"" + escape(text) + "\"]}");
    }

    /** Adds an error output to the last cell. */
    public NotebookJson withError(String ename, String evalue) {
        return output("   {\n    \"ename\": \"" + ename + "\",\n    \"evalue\": \"" + escape(evalue)
                + "\",\n    \"output_type\": \"error\",\n    \"traceback\": [\"Traceback\"]\n   }");
    }

    public NotebookJson language(String name) {
        this.language = name;
        return this;
    }

    public String json() {
        StringBuilder nb = new StringBuilder("{\n \"cells\": [\n");
        for (int i = 0; i < cells.size(); i++) {
            nb.append(cells.get(i).toString().replace("@OUTPUTS@", "")).append(i + 1 < cells.size() ? ",\n" : "\n");
        }
        return nb.append(" ],\n \"metadata\": {\"language_info\": {\"name\": \"").append(language)
                .append("\"}},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n").toString();
    }

    /** The 1-based line of the first line of {@code json} that contains {@code fragment}. */
    public static int lineOf(String json, String fragment) {
        String[] lines = json.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("not in the notebook: " + fragment);
    }

    private NotebookJson cell(String type, Integer count, String source) {
        StringBuilder c = new StringBuilder("  {\n   \"cell_type\": \"" + type + "\",\n");
        if (type.equals("code")) {
            c.append("   \"execution_count\": ").append(count).append(",\n");
        }
        c.append("   \"metadata\": {},\n");
        if (type.equals("code")) {
            c.append("   \"outputs\": [@OUTPUTS@],\n");
        }
        c.append("   \"source\": ").append(source).append("\n  }");
        cells.add(c);
        return this;
    }

    private NotebookJson output(String output) {
        StringBuilder last = cells.get(cells.size() - 1);
        int at = last.indexOf("@OUTPUTS@");
        boolean first = last.charAt(at - 1) == '[';
        last.insert(at, (first ? "\n" : ",\n") + output + (first ? "\n   " : ""));
        // keep the marker last so further outputs append after this one
        return this;
    }

    private static String listSource(String source) {
        if (source.isEmpty()) {
            return "[]";
        }
        String[] lines = source.split("(?<=\n)");
        StringBuilder s = new StringBuilder("[\n");
        for (int j = 0; j < lines.length; j++) {
            s.append("    \"").append(escape(lines[j])).append('"').append(j + 1 < lines.length ? ",\n" : "\n");
        }
        return s.append("   ]").toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
