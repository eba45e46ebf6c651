package dev.mlreadiness.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class TabularHeaderTest {

    private static TabularHeader.Result read(String path, String content) {
        return TabularHeader.read(path, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsQuotedHeadersAndSamplesRows() {
        TabularHeader.Result r = read("a.csv",
                "\"id\",\"note, with comma\",\"say \"\"hi\"\"\"\n1,\"two\nlines\",x\n2,y\n");
        assertThat(r.columns()).containsExactly("id", "note, with comma", "say \"hi\"");
        assertThat(r.rows()).containsExactly(List.of("1", "two\nlines", "x"), List.of("2", "y", ""));
        assertThat(read("a.csv", "a|b|c\n1|2|3\n").columns()).containsExactly("a", "b", "c");
        assertThat(read("a.tsv", "a,b\tc\n").columns()).containsExactly("a,b", "c");
    }

    @Test
    void hostileFilesGiveAReasonNotAHeader() {
        assertThat(read("a.csv", "").unreadable()).isEqualTo("is empty");
        assertThat(read("a.csv", "\"never closed" + "x".repeat(300_000)).unreadable())
                .startsWith("has a header row longer");
        assertThat(read("a.csv", "y".repeat(70_000) + "\n1\n").unreadable()).startsWith("has a header row longer");
        assertThat(read("a.csv", "c,".repeat(5_000) + "\n").unreadable()).isEqualTo("has more than 2000 columns");
        assertThat(read("a.csv", "1,2,3\n4,5,6\n").unreadable()).isEqualTo("has no header row");
        assertThat(TabularHeader.read("a.csv", new byte[] { 'a', 0, 'b' }).unreadable()).isEqualTo("is not text");
        assertThat(read("a.csv", "version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12\n").unreadable())
                .isEqualTo("is a Git LFS pointer");
    }

    @Test
    void aFileLargerThanTheScanKeepsOnlyWholeRows() {
        StringBuilder b = new StringBuilder("id,text\n");
        while (b.length() < TabularHeader.MAX_SCAN_BYTES * 2) {
            b.append("1,").append("w".repeat(1000)).append('\n');
        }
        TabularHeader.Result r = read("a.csv", b.toString());
        assertThat(r.columns()).containsExactly("id", "text");
        assertThat(r.rows()).hasSizeLessThanOrEqualTo(TabularHeader.MAX_SAMPLE_ROWS)
                .allSatisfy(row -> assertThat(row.get(1)).hasSize(1000));
    }

    @Test
    void documentedTypesAndTheirContradictions() {
        assertThat(DocumentedType.of("`float64`")).contains(DocumentedType.NUMBER);
        assertThat(DocumentedType.of("Integer (months)")).contains(DocumentedType.INTEGER);
        assertThat(DocumentedType.of("int or string")).isEmpty();
        assertThat(DocumentedType.of("geometry")).isEmpty();
        assertThat(DocumentedType.NUMBER.contradiction(List.of("a", "b", "c", "1"))).contains("words such as `a`");
        assertThat(DocumentedType.NUMBER.contradiction(List.of("1", "2.5", "NA", "n/a", "x"))).isEmpty();
        assertThat(DocumentedType.INTEGER.contradiction(List.of("1.5", "2.25", "3.0"))).contains(
                "fractions such as `1.5`");
        assertThat(DocumentedType.INTEGER.contradiction(List.of("1.0", "2.0", "3"))).isEmpty();
        assertThat(DocumentedType.BOOLEAN.contradiction(List.of("0", "1", "yes", "No"))).isEmpty();
        assertThat(DocumentedType.DATE.contradiction(List.of("2024-01-01", "Mar 3, 2024", "03/04/2024"))).isEmpty();
        assertThat(DocumentedType.TEXT.contradiction(List.of("1", "2", "3"))).isEmpty();
        assertThat(DocumentedType.NUMBER.contradiction(List.of("a", "b"))).as("too few values").isEmpty();
    }
}
