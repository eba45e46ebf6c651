package dev.mlreadiness.engine.notebook;

/** The kind of a notebook cell. */
public enum CellType {
    CODE,
    /** Markdown cells, and nbformat 3 heading cells. */
    MARKDOWN,
    RAW,
    /** A missing or unknown {@code cell_type}. */
    UNKNOWN;

    static CellType of(String cellType) {
        if (cellType == null) {
            return UNKNOWN;
        }
        return switch (cellType) {
            case "code" -> CODE;
            case "markdown", "heading" -> MARKDOWN;
            case "raw" -> RAW;
            default -> UNKNOWN;
        };
    }
}
