package dev.mlreadiness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.InputLimits;
import dev.mlreadiness.engine.snapshot.Snapshot;

class FingerprintsTest {

    private static final Findings.Raw LINE = new Findings.Raw(Findings.Kind.LINE, "src/train.py", 3, "Seed it",
            List.of());

    /**
     * Values recorded with the fingerprints of before the cap (issue #10): comments already posted on open pull
     * requests carry them, so every line within the cap must keep its fingerprint exactly.
     */
    @Test
    void ordinaryLinesKeepTheFingerprintsTheyAlwaysHad() {
        Fingerprints f = new Fingerprints();
        Findings.Raw repo = new Findings.Raw(Findings.Kind.REPOSITORY, null, null, "Add a README", List.of());
        assertThat(f.of("reproducibility/random-seed", LINE, "    np.random.rand(3)  ")).isEqualTo("fc839d7dbd330aa2");
        assertThat(f.of("reproducibility/random-seed", LINE, "    np.random.rand(3)  ")).isEqualTo("513e6fd626904dd0");
        assertThat(f.of("structure/readme", repo, null)).isEqualTo("057a82b4651c772d");
        // 4,008 bytes and 4,096 bytes: within the cap
        assertThat(f.of("versioning/secret", LINE, "key = \"" + "\u00e9".repeat(2000) + "\""))
                .isEqualTo("143887d1ff6834f8");
        assertThat(f.of("versioning/secret", LINE, "x".repeat(4096))).isEqualTo("c0267f6ac1f278c6");
    }

    @Test
    void longSubjectsAreHashedByTheirStartAndLength() {
        String longLine = "y".repeat(100_000);
        String capped = Fingerprints.capped(longLine);
        assertThat(capped).startsWith("y".repeat(InputLimits.MAX_HASHED_LINE_BYTES)).endsWith("(100000 characters)");
        assertThat(capped.length()).isLessThan(InputLimits.MAX_HASHED_LINE_BYTES + 30);
        assertThat(Fingerprints.capped("short")).isEqualTo("short");
        assertThat(new Fingerprints().of("r/x", LINE, longLine)).isNotEqualTo(new Fingerprints().of("r/x", LINE,
                "y".repeat(100_001)));
    }

    /** A notebook saved without indentation is one line: each finding on it must not decode it again. */
    @Test
    void aLongLineIsDecodedOnceAndCutForEveryFindingOnIt() {
        byte[] content = ("{\"cells\":[" + "{\"source\":[\"np.random.rand(3)\"]},".repeat(20_000) + "]}\nend\n")
                .getBytes(StandardCharsets.UTF_8);
        Snapshot head = Snapshot.of(List.of(new FileEntry("nb.ipynb", content.length, null)),
                file -> Optional.of(content));
        head.bytes("nb.ipynb");
        FindingLines lines = new FindingLines(head);
        Findings.Raw first = new Findings.Raw(Findings.Kind.LINE, "nb.ipynb", 1, "Seed it", List.of());
        Findings.Raw other = new Findings.Raw(Findings.Kind.LINE, "nb.ipynb", 1, "Seed that", List.of());
        String text = lines.of(first);
        assertThat(text).endsWith("(" + (content.length - 5) + " bytes)")
                .hasSizeLessThan(InputLimits.MAX_HASHED_LINE_BYTES + 30);
        assertThat(lines.of(other)).isSameAs(text);
        assertThat(lines.of(new Findings.Raw(Findings.Kind.LINE, "nb.ipynb", 2, "x", List.of()))).isEqualTo("end");
        assertThat(lines.markedLine(first)).isNull();
    }

    @Test
    void aSuppressionCommentAtTheEndOfALongLineStillCounts() {
        byte[] content = ("x = 1  " + " ".repeat(10_000) + "# readiness: ignore[r/x]\n")
                .getBytes(StandardCharsets.UTF_8);
        Snapshot head = Snapshot.of(List.of(new FileEntry("a.py", content.length, null)),
                file -> Optional.of(content));
        head.bytes("a.py");
        FindingLines lines = new FindingLines(head);
        InlineSuppression suppression = new InlineSuppression(head, lines);
        Findings.Raw raw = new Findings.Raw(Findings.Kind.LINE, "a.py", 1, "m", List.of());
        assertThat(suppression.suppresses(raw, "r/x")).isTrue();
        assertThat(suppression.suppresses(raw, "r/y")).isFalse();
        assertThat(lines.of(raw)).doesNotContain("readiness");
    }
}
