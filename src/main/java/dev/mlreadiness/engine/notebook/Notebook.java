package dev.mlreadiness.engine.notebook;

import java.util.List;

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
}
