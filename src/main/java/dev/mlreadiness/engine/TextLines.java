package dev.mlreadiness.engine;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * The lines of a text file's bytes, each decoded only when asked for, as {@link Snapshot#text} decodes the whole
 * file (UTF-8, a leading byte-order mark dropped, malformed bytes replaced): a large file is never held as one
 * string, nor as an array of line copies. Splitting the bytes at {@code '\n'} gives the same lines as splitting the
 * decoded text, because a newline byte is never part of a multi-byte UTF-8 sequence.
 */
public final class TextLines {

    private final byte[] content;
    /** Where each line starts; line {@code i} (0-based) ends at {@code starts[i + 1] - 1}, its {@code '\n'}. */
    private final int[] starts;

    private TextLines(byte[] content, int[] starts) {
        this.content = content;
        this.starts = starts;
    }

    /** The file's lines; empty for binary content (see {@link Snapshot#isBinary}), which has no text. */
    public static Optional<TextLines> of(byte[] content) {
        if (Snapshot.isBinary(content)) {
            return Optional.empty();
        }
        int count = 1;
        for (byte b : content) {
            if (b == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        starts[0] = hasByteOrderMark(content) ? 3 : 0;
        int n = 1;
        for (int i = starts[0]; i < content.length; i++) {
            if (content[i] == '\n') {
                starts[n++] = i + 1;
            }
        }
        return Optional.of(new TextLines(content, starts));
    }

    /** How many lines: one more than the newlines, so text ending with a newline has an empty last line. */
    public int count() {
        return starts.length;
    }

    /**
     * Line {@code number} (1-based) without its {@code '\n'}, a {@code '\r'} before it kept; null when out of range.
     */
    public String line(int number) {
        if (number < 1 || number > starts.length) {
            return null;
        }
        int from = starts[number - 1];
        int to = number < starts.length ? starts[number] - 1 : content.length;
        return new String(content, from, to - from, StandardCharsets.UTF_8);
    }

    /** Line {@code number} (1-based) without its line ending ({@code \n} or {@code \r\n}); null when out of range. */
    public String lineWithoutEnding(int number) {
        String line = line(number);
        return line != null && number < starts.length && line.endsWith("\r") ? line.substring(0, line.length() - 1)
                : line;
    }

    /** Bytes of line {@code number} (1-based) without its line ending; -1 when out of range. */
    public int byteLength(int number) {
        if (number < 1 || number > starts.length) {
            return -1;
        }
        int to = end(number);
        return to - starts[number - 1];
    }

    /**
     * Line {@code number} (1-based) as {@link #lineWithoutEnding(int)} when it has at most {@code maxBytes} bytes;
     * a longer line decodes only its first {@code maxBytes} bytes (cut before a character they would split) and
     * ends with {@code " … (N bytes)"}, N its full length. Null when out of range.
     */
    public String lineWithoutEnding(int number, int maxBytes) {
        int length = byteLength(number);
        if (length <= maxBytes) {
            return lineWithoutEnding(number);
        }
        int from = starts[number - 1];
        int cut = from + maxBytes;
        while (cut > from && (content[cut] & 0xC0) == 0x80) {
            cut--; // a continuation byte: the character starts before
        }
        return new String(content, from, cut - from, StandardCharsets.UTF_8) + " \u2026 (" + length + " bytes)";
    }

    /** A function of a range of bytes: {@code content} from {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    public interface BytesFunction<T> {
        T apply(byte[] content, int from, int to);
    }

    /**
     * {@code f} of the bytes of line {@code number} (1-based, in range; the bytes {@link #line(int)} decodes: without
     * its {@code '\n'}, a {@code '\r'} before it kept), without decoding them.
     */
    public <T> T lineBytes(int number, BytesFunction<T> f) {
        if (number < 1 || number > starts.length) {
            throw new IndexOutOfBoundsException("line " + number + " of " + starts.length);
        }
        int to = number < starts.length ? starts[number] - 1 : content.length;
        return f.apply(content, starts[number - 1], to);
    }

    /** True when line {@code number} (1-based) holds {@code ascii} (ASCII only), without decoding it. */
    public boolean lineContainsAscii(int number, String ascii) {
        if (number < 1 || number > starts.length) {
            return false;
        }
        return indexOfAscii(content, starts[number - 1], end(number), ascii) >= 0;
    }

    /** Where line {@code number} (1-based, in range) ends: before its {@code \n}, and before a {@code \r} there. */
    private int end(int number) {
        if (number == starts.length) {
            return content.length;
        }
        int to = starts[number] - 1;
        return to > starts[number - 1] && content[to - 1] == '\r' ? to - 1 : to;
    }

    /** True when the bytes hold {@code ascii} (ASCII only): a cheap "could the text contain it?" before decoding. */
    public static boolean containsAscii(byte[] content, String ascii) {
        return indexOfAscii(content, 0, content.length, ascii) >= 0;
    }

    private static int indexOfAscii(byte[] content, int from, int to, String ascii) {
        int n = ascii.length();
        outer: for (int i = from; i + n <= to; i++) {
            for (int j = 0; j < n; j++) {
                if (content[i + j] != (byte) ascii.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public static boolean hasByteOrderMark(byte[] content) {
        return content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF;
    }
}
