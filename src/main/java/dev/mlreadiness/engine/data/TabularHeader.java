package dev.mlreadiness.engine.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.mlreadiness.engine.repo.LfsPointer;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * The header and a sample of rows of a CSV or TSV file, read within fixed budgets whatever the file holds: at most
 * {@link #MAX_SCAN_BYTES} bytes are looked at, the header may take {@link #MAX_HEADER_CHARS} characters and
 * {@link #MAX_COLUMNS} columns, and at most {@link #MAX_SAMPLE_ROWS} rows are sampled. Quoting follows RFC 4180
 * (fields in double quotes, {@code ""} for a quote, line breaks inside quotes); a UTF-8 byte order mark is
 * dropped; the delimiter of a {@code .csv} file is the one of comma, semicolon, tab and pipe that the header line
 * holds most of (comma on a tie), a {@code .tsv} file's is the tab.
 *
 * <p>
 * A file that cannot give a header is not an error of the repository: {@link #read} says why in
 * {@link Result#unreadable()} (an LFS pointer, binary content, no header row, a header over budget).
 */
public final class TabularHeader {

    /** Bytes of a file looked at. */
    public static final int MAX_SCAN_BYTES = 256 * 1024;
    /** Characters of the header record: more, and the file is not read (a runaway quote, a one-line dump). */
    public static final int MAX_HEADER_CHARS = 64 * 1024;
    /** Columns of the header: more, and the file is not read. */
    public static final int MAX_COLUMNS = 2_000;
    /** Data rows sampled for the columns' types. */
    public static final int MAX_SAMPLE_ROWS = 200;

    /**
     * What a file gave.
     *
     * @param columns the header's column names, trimmed, in order (empty when unreadable)
     * @param rows the sampled rows, each with at most as many cells as the header (short rows are padded with
     *        empty cells)
     * @param unreadable why the file gave no header, e.g. {@code "is a Git LFS pointer"}; null when it did
     */
    public record Result(List<String> columns, List<List<String>> rows, String unreadable) {

        static Result unreadable(String why) {
            return new Result(List.of(), List.of(), why);
        }

        public boolean readable() {
            return unreadable == null;
        }

        /** The sampled values of one column, in row order (empty cells included). */
        public List<String> values(int column) {
            List<String> out = new ArrayList<>(rows.size());
            for (List<String> row : rows) {
                out.add(column < row.size() ? row.get(column) : "");
            }
            return out;
        }
    }

    private TabularHeader() {
    }

    /** Whether the path names a file this reader reads ({@code .csv}, {@code .tsv}, case-insensitively). */
    public static boolean isTabular(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".tsv");
    }

    /** Reads the header and the sample of {@code content}, the bytes of the file at {@code path}. */
    public static Result read(String path, byte[] content) {
        if (LfsPointer.isPointer(content)) {
            return Result.unreadable("is a Git LFS pointer");
        }
        if (Snapshot.isBinary(content)) {
            return Result.unreadable("is not text");
        }
        boolean cut = content.length > MAX_SCAN_BYTES;
        byte[] scanned = cut ? java.util.Arrays.copyOf(content, MAX_SCAN_BYTES) : content;
        String text = Snapshot.decode(scanned);
        char delimiter = path.toLowerCase(Locale.ROOT).endsWith(".tsv") ? '\t' : sniff(text);
        Reader reader = new Reader(text, delimiter);
        Optional<List<String>> header = reader.next(MAX_HEADER_CHARS, MAX_COLUMNS + 1);
        if (header.isEmpty()) {
            return Result.unreadable(reader.overBudget ? "has a header row longer than "
                    + MAX_HEADER_CHARS / 1024 + " KiB" : "is empty");
        }
        if (header.get().size() > MAX_COLUMNS) {
            return Result.unreadable("has more than " + MAX_COLUMNS + " columns");
        }
        if (!reader.atRecordEnd && cut) {
            return Result.unreadable("has a header row longer than " + MAX_SCAN_BYTES / 1024 + " KiB");
        }
        List<String> columns = header.get().stream().map(String::strip).toList();
        if (columns.stream().allMatch(String::isEmpty)) {
            return Result.unreadable("is empty");
        }
        if (looksLikeData(columns)) {
            return Result.unreadable("has no header row");
        }
        List<List<String>> rows = new ArrayList<>();
        while (rows.size() < MAX_SAMPLE_ROWS) {
            Optional<List<String>> row = reader.next(MAX_HEADER_CHARS, columns.size() + 1);
            if (row.isEmpty() || (cut && !reader.atRecordEnd)) {
                break; // the end, a runaway record, or a record the scanned bytes cut short
            }
            List<String> cells = row.get();
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue; // a blank line
            }
            List<String> padded = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                padded.add(i < cells.size() ? cells.get(i).strip() : "");
            }
            rows.add(List.copyOf(padded));
        }
        return new Result(columns, List.copyOf(rows), null);
    }

    /** A header whose named cells are mostly numbers is a first row of data: the file has no header. */
    private static boolean looksLikeData(List<String> cells) {
        long named = cells.stream().filter(c -> !c.isEmpty()).count();
        long numbers = cells.stream().filter(c -> !c.isEmpty() && CellKind.of(c) != CellKind.TEXT
                && CellKind.of(c) != CellKind.BOOLEAN).count();
        return named > 0 && numbers * 2 >= named;
    }

    /** The delimiter the first line (outside quotes) holds most of; comma when none or on a tie. */
    static char sniff(String text) {
        char[] candidates = { ',', ';', '\t', '|' };
        int[] counts = new int[candidates.length];
        boolean quoted = false;
        for (int i = 0; i < text.length() && i < MAX_HEADER_CHARS; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                for (int k = 0; k < candidates.length; k++) {
                    if (c == candidates[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < candidates.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return candidates[best];
    }

    /** RFC 4180 records, one at a time, each within a budget of characters and fields. */
    private static final class Reader {
        private final String text;
        private final char delimiter;
        private int pos;
        private boolean overBudget;
        /** Whether the last record read ended with a line break (rather than with the end of the text). */
        private boolean atRecordEnd;

        Reader(String text, char delimiter) {
            this.text = text;
            this.delimiter = delimiter;
        }

        Optional<List<String>> next(int maxChars, int maxFields) {
            if (pos >= text.length()) {
                return Optional.empty();
            }
            int start = pos;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            atRecordEnd = false;
            while (pos < text.length()) {
                if (pos - start > maxChars) {
                    overBudget = true;
                    pos = text.length();
                    return Optional.empty();
                }
                char c = text.charAt(pos++);
                if (quoted) {
                    if (c == '"') {
                        if (pos < text.length() && text.charAt(pos) == '"') {
                            field.append('"');
                            pos++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == '"' && field.toString().isBlank()) {
                    field.setLength(0);
                    quoted = true;
                } else if (c == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                    if (fields.size() >= maxFields) {
                        skipLine();
                        fields.add("");
                        return Optional.of(fields);
                    }
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                        pos++;
                    }
                    atRecordEnd = true;
                    break;
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            return Optional.of(fields);
        }

        private void skipLine() {
            while (pos < text.length() && text.charAt(pos) != '\n') {
                pos++;
            }
            pos = Math.min(text.length(), pos + 1);
            atRecordEnd = true;
        }
    }
}
