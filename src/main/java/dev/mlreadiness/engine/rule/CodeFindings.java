package dev.mlreadiness.engine.rule;

import dev.mlreadiness.engine.code.CodeFile;
import dev.mlreadiness.engine.notebook.Notebook;

/**
 * Line findings in code read as Python: in a {@code .py} file on the module's line; in a notebook on the
 * {@code .ipynb} line of the offending source line, the message led by the cell's name ({@code Cell 7 (In [5]),
 * line 3: ...}) so that people find it as their notebook viewer shows it. The subject never holds the cell's
 * number: inserting a cell above leaves the finding the same one.
 */
public final class CodeFindings {

    private CodeFindings() {
    }

    /**
     * @param moduleLine 1-based line of {@link CodeFile#module()}
     * @param suggestion the fixed line, for a {@code .py} file only (dropped in a notebook, whose lines are JSON)
     */
    public static void line(Findings out, CodeFile file, int moduleLine, String message, String subject,
            String suggestion) {
        var place = file.notebook().flatMap(nb -> nb.codeLine(moduleLine));
        if (place.isPresent()) {
            out.line(file.path(), place.get().ipynbLine(), Notebook.at(place.get().label(), message), subject);
        } else if (file.notebook().isPresent()) {
            out.line(file.path(), file.fileLine(moduleLine), message, subject);
        } else {
            out.line(file.path(), file.fileLine(moduleLine), message, subject, suggestion);
        }
    }

    public static void line(Findings out, CodeFile file, int moduleLine, String message, String subject) {
        line(out, file, moduleLine, message, subject, null);
    }
}
