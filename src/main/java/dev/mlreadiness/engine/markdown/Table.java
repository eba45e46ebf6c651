package dev.mlreadiness.engine.markdown;

import java.util.List;

/**
 * A GitHub-flavoured Markdown table.
 *
 * @param header the header cells as plain text
 * @param rows the body rows, each a list of cells as plain text (GFM gives every row as many cells
 *        as the header)
 * @param line 1-based line of the header row in the source text
 */
public record Table(List<String> header, List<List<String>> rows, int line) {

    public Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
