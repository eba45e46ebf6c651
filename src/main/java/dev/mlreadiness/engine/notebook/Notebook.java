package dev.mlreadiness.engine.notebook;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Jupyter notebook as read by {@link NotebookParser}.
 *
 * @param nbformat the major format version (3 or 4; inferred from the layout when the key is missing)
 * @param nbformatMinor the minor format version, 0 when missing
 * @param language the kernel language: {@code metadata.language_info.name}, else
 *        {@code metadata.kernelspec.language}, else {@code python} when the kernelspec name
 *        starts with {@code python}; {@code null} when the notebook does not say
 * @param cells the cells in order
 */
public record Notebook(int nbformat, int nbformatMinor, String language, List<Cell> cells) {

    public Notebook {
        cells = List.copyOf(cells);
    }

    /** The code cells in order. */
    public List<Cell> codeCells() {
        return cells.stream().filter(Cell::isCode).toList();
    }

    /**
     * Whether the code cells are Python. A notebook that does not name its language counts as Python,
     * which nearly all such notebooks are.
     */
    public boolean isPython() {
        return language == null || language.equalsIgnoreCase("python");
    }

    /**
     * One line of a cell's source, as people find it: {@link #label()} reads {@code cell 7 (In [5]), line 3}.
     *
     * @param cell the cell
     * @param line 1-based line of the cell's source
     */
    public record SourceLine(Cell cell, int line) {
        public String label() {
            return cell.label(line);
        }

        /** The line in the {@code .ipynb} text, for the finding's line. */
        public int ipynbLine() {
            return cell.ipynbLine(line);
        }
    }

    /**
     * Line {@code n} (1-based) of the code cells joined in order, as {@code CodeFile} reads a notebook: each code
     * cell with source gives its source lines, cells without source give none. Empty past the last line, or when
     * the notebook is not Python (its code is not read).
     */
    public Optional<SourceLine> codeLine(int n) {
        if (!isPython() || n < 1) {
            return Optional.empty();
        }
        int rest = n;
        for (Cell c : cells) {
            if (!c.isCode()) {
                continue;
            }
            int lines = c.sourceLineNumbers().size();
            if (rest <= lines) {
                return Optional.of(new SourceLine(c, rest));
            }
            rest -= lines;
        }
        return Optional.empty();
    }

    /**
     * Where a line of the {@code .ipynb} text sits, for messages: {@code cell 7 (In [5]), line 3} on a source
     * line, {@code cell 7 (In [5])} on a line holding several of its source lines (a source written as one JSON
     * string), {@code cell 7 (In [5]), in its outputs or metadata} elsewhere in a cell; empty outside the cells and
     * on a line several cells share (a notebook written on one line), where the cell is not certain.
     */
    public Optional<String> describeLine(int ipynbLine) {
        Cell found = null;
        for (Cell c : cells) {
            if (ipynbLine >= c.startLine() && ipynbLine <= c.endLine()) {
                if (found != null) {
                    return Optional.empty();
                }
                found = c;
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        OptionalInt source = found.sourceLineAt(ipynbLine);
        if (source.isEmpty()) {
            return Optional.of(found.label() + ", in its outputs or metadata");
        }
        int at = source.getAsInt();
        boolean shared = at < found.sourceLineNumbers().size() && found.sourceLineNumbers().get(at) == ipynbLine;
        return Optional.of(shared ? found.label() : found.label(at));
    }

    /** A message about a place in a notebook, led by that place: {@code Cell 7 (In [5]), line 3: <message>}. */
    public static String at(String place, String message) {
        return Character.toUpperCase(place.charAt(0)) + place.substring(1) + ": " + message;
    }
}
