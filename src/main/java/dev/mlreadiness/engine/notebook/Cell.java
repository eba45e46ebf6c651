package dev.mlreadiness.engine.notebook;

import java.util.List;
import java.util.OptionalInt;

import dev.mlreadiness.engine.python.IPythonSource;
import dev.mlreadiness.engine.python.PythonModule;

/**
 * One notebook cell, with what rules need and nothing of its outputs but their count and errors.
 *
 * @param index 0-based position among the notebook's cells (across worksheets in nbformat 3)
 * @param type the cell type
 * @param source the cell source, list elements joined
 * @param executionCount {@code execution_count} ({@code prompt_number} in nbformat 3), or {@code null}
 * @param sourceKeyLine 1-based line of the {@code "source"} key in the {@code .ipynb} text (of the cell
 *        object's start when the key is missing)
 * @param sourceLineNumbers for each source line (the source split on {@code \n}, no entry for the empty
 *        rest after a final {@code \n}), its 1-based line in the {@code .ipynb} text
 * @param outputCount the number of outputs
 * @param errors the error outputs
 * @param startLine 1-based line of the {@code .ipynb} text where the cell object starts
 * @param endLine 1-based line of the {@code .ipynb} text where the cell object ends
 * @param versionOutputs what the cell printed, when its source reads a {@code __version__} and the printed text
 *        is short (see {@link NotebookParser}): the stream and result texts, each as one string; else empty
 */
public record Cell(int index, CellType type, String source, Integer executionCount, int sourceKeyLine,
        List<Integer> sourceLineNumbers, int outputCount, List<ErrorOutput> errors, int startLine, int endLine,
        List<String> versionOutputs) {

    public Cell {
        sourceLineNumbers = List.copyOf(sourceLineNumbers);
        errors = List.copyOf(errors);
        versionOutputs = List.copyOf(versionOutputs);
    }

    /**
     * How people find the cell: {@code cell 7} counting every cell from 1 as notebook viewers show them, with
     * {@code (In [5])} when it has an execution count.
     */
    public String label() {
        return "cell " + (index + 1) + (executionCount == null ? "" : " (In [" + executionCount + "])");
    }

    /** {@link #label()} and the 1-based line of the cell's source: {@code cell 7 (In [5]), line 3}. */
    public String label(int sourceLine) {
        return label() + ", line " + sourceLine;
    }

    /** The 1-based source line at a line of the {@code .ipynb} text, if a source line starts there. */
    public OptionalInt sourceLineAt(int ipynbLine) {
        int i = sourceLineNumbers.indexOf(ipynbLine);
        return i < 0 ? OptionalInt.empty() : OptionalInt.of(i + 1);
    }

    public boolean isCode() {
        return type == CellType.CODE;
    }

    /** The {@code .ipynb} line of the first source line, or {@link #sourceKeyLine()} when the source is empty. */
    public int firstSourceLine() {
        return sourceLineNumbers.isEmpty() ? sourceKeyLine : sourceLineNumbers.get(0);
    }

    /**
     * Maps a 1-based line of {@link #source()} to its line in the {@code .ipynb} text. Lines before the
     * first map to the first source line, lines past the last to the last one.
     */
    public int ipynbLine(int sourceLine) {
        if (sourceLineNumbers.isEmpty()) {
            return sourceKeyLine;
        }
        int index = Math.min(Math.max(sourceLine, 1), sourceLineNumbers.size()) - 1;
        return sourceLineNumbers.get(index);
    }

    /** The source with IPython magics and shell lines blanked, line numbering kept (see {@link IPythonSource}). */
    public String pythonSource() {
        return IPythonSource.blankMagics(source);
    }

    /**
     * The cell read as Python (parsed anew on each call: keep the result); map its lines back with
     * {@link #ipynbLine(int)}.
     */
    public PythonModule python() {
        return PythonModule.parse(pythonSource());
    }
}
