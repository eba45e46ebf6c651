package dev.mlreadiness.engine.markdown;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises data-schema tables ({@code docs/data-schema}) and whether they give the level of measurement
 * ({@code docs/data-schema-measurement}).
 *
 * <p>
 * A schema table's header has a name-like column (its text contains name, column, field, key,
 * feature or variable) and a different, type-like column (containing type, dtype or data type); header
 * text matches by substring, case-insensitively, so the course's {@code Database key | Data type | Data
 * order} passes. One column cannot play both parts: {@code Column type} alone is no schema table.
 *
 * <p>
 * It gives the level of measurement when a header contains order, scale, level or measurement, or when
 * a body cell outside the name column holds nominal, ordinal, interval or ratio as a whole word (so
 * {@code duration} does not count as {@code ratio}).
 */
public final class SchemaTables {

    private static final List<String> NAME_LIKE = List.of("name", "column", "field", "key", "feature", "variable");
    private static final List<String> TYPE_LIKE = List.of("type", "dtype", "data type");
    private static final List<String> MEASUREMENT_HEADERS = List.of("order", "scale", "level", "measurement");
    private static final List<String> MEASUREMENT_LEVELS = List.of("nominal", "ordinal", "interval", "ratio");

    private SchemaTables() {
    }

    /** The schema tables of a document, in document order. */
    public static List<SchemaTable> find(MarkdownDocument document) {
        return document.tables().stream().map(SchemaTables::recognise).flatMap(Optional::stream).toList();
    }

    /** The table as a schema table, when its header has a name-like and a separate type-like column. */
    public static Optional<SchemaTable> recognise(Table table) {
        List<String> header = table.header();
        for (int type = 0; type < header.size(); type++) {
            if (!containsAny(header.get(type), TYPE_LIKE)) {
                continue;
            }
            for (int name = 0; name < header.size(); name++) {
                if (name != type && containsAny(header.get(name), NAME_LIKE)) {
                    return Optional.of(new SchemaTable(table, name, type, givesMeasurement(table, name)));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean givesMeasurement(Table table, int nameColumn) {
        if (table.header().stream().anyMatch(cell -> containsAny(cell, MEASUREMENT_HEADERS))) {
            return true;
        }
        for (List<String> row : table.rows()) {
            for (int column = 0; column < row.size(); column++) {
                if (column != nameColumn && WordMatcher.containsAnyWord(row.get(column), MEASUREMENT_LEVELS)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean containsAny(String headerCell, List<String> parts) {
        String cell = headerCell.toLowerCase(Locale.ROOT);
        return parts.stream().anyMatch(cell::contains);
    }
}
