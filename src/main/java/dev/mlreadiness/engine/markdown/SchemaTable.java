package dev.mlreadiness.engine.markdown;

/**
 * A Markdown table that documents a data schema; see {@link SchemaTables} for how one is recognised.
 *
 * @param table the table
 * @param nameColumn index of the name-like column (e.g. {@code Database key})
 * @param typeColumn index of the type-like column (e.g. {@code Data type}), never the name column
 * @param givesMeasurement whether the table also gives the level of measurement
 */
public record SchemaTable(Table table, int nameColumn, int typeColumn, boolean givesMeasurement) {

    /** 1-based line of the table's header row. */
    public int line() {
        return table.line();
    }
}
