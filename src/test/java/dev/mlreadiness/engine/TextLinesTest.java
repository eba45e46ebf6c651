package dev.mlreadiness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.snapshot.Snapshot;

class TextLinesTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> lines(TextLines t) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= t.count(); i++) {
            out.add(t.line(i));
        }
        return out;
    }

    @Test
    void splitsAtNewlinesKeepingCarriageReturnsAndTheEmptyLastLine() {
        TextLines t = TextLines.of(utf8("a\r\nbé\n\nlast\r")).orElseThrow();

        assertThat(t.count()).isEqualTo(4);
        assertThat(lines(t)).containsExactly("a\r", "bé", "", "last\r");
        assertThat(TextLines.of(utf8("x\n")).orElseThrow().count()).as("text ending in a newline").isEqualTo(2);
        assertThat(TextLines.of(new byte[0]).orElseThrow().count()).isEqualTo(1);
    }

    @Test
    void lineWithoutEndingDropsOneCarriageReturnBeforeANewlineOnly() {
        TextLines t = TextLines.of(utf8("a\r\nb\r\r\nc\r")).orElseThrow();

        assertThat(t.lineWithoutEnding(1)).isEqualTo("a");
        assertThat(t.lineWithoutEnding(2)).isEqualTo("b\r");
        assertThat(t.lineWithoutEnding(3)).as("no newline after it: kept, as split(\"\\r?\\n\") keeps it")
                .isEqualTo("c\r");
        assertThat(t.lineWithoutEnding(0)).isNull();
        assertThat(t.lineWithoutEnding(4)).isNull();
        assertThat(t.line(4)).isNull();
    }

    @Test
    void decodesEachLineAsTheWholeFileDecodes() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }); // byte-order mark
        b.writeBytes(utf8("first ünï\r\n"));
        b.writeBytes(new byte[] { 'x', (byte) 0xC3, '\n' }); // a two-byte sequence cut by the newline
        b.writeBytes(new byte[] { (byte) 0xE2, (byte) 0x82, 'y', (byte) 0xFF, (byte) 0x80, '\n' });
        b.writeBytes(new byte[] { (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, '\r' }); // an emoji, then \r
        byte[] content = b.toByteArray();

        List<String> expected = List.of(Snapshot.decode(content).split("\\r?\\n", -1));
        TextLines t = TextLines.of(content).orElseThrow();
        List<String> got = new ArrayList<>();
        for (int i = 1; i <= t.count(); i++) {
            got.add(t.lineWithoutEnding(i));
        }

        assertThat(got).isEqualTo(expected);
        assertThat(got.get(0)).isEqualTo("first ünï");
        assertThat(got.get(1)).isEqualTo("x\uFFFD");
        assertThat(got.get(3)).isEqualTo("\uD83D\uDE00\r");
    }

    @Test
    void binaryContentHasNoLines() {
        assertThat(TextLines.of(new byte[] { 'a', 0, '\n', 'b' })).isEmpty();
    }

    @Test
    void containsAsciiFindsTheExactBytesOnly() {
        assertThat(TextLines.containsAscii(utf8("# readiness: ignore-file[x]"), "ignore-file")).isTrue();
        assertThat(TextLines.containsAscii(utf8("ignore-fil"), "ignore-file")).isFalse();
        assertThat(TextLines.containsAscii(utf8("IGNORE-FILE"), "ignore-file")).isFalse();
        assertThat(TextLines.containsAscii(utf8("ignore-file"), "ignore-file")).as("at the very end").isTrue();
        assertThat(TextLines.containsAscii(new byte[0], "ignore-file")).isFalse();
    }

    @Test
    void aLineOverTheCapIsCutBeforeACharacterItWouldSplit() {
        TextLines t = TextLines.of(utf8("ab\u00e9\u00e9\r\nshort\r\n")).orElseThrow();
        assertThat(t.byteLength(1)).isEqualTo(6);
        assertThat(t.lineWithoutEnding(1, 6)).isEqualTo("ab\u00e9\u00e9");
        assertThat(t.lineWithoutEnding(1, 3)).isEqualTo("ab \u2026 (6 bytes)");
        assertThat(t.lineWithoutEnding(1, 4)).isEqualTo("ab\u00e9 \u2026 (6 bytes)");
        assertThat(t.lineContainsAscii(2, "hor")).isTrue();
        assertThat(t.lineContainsAscii(1, "hor")).isFalse();
        assertThat(t.byteLength(9)).isEqualTo(-1);
    }
}
