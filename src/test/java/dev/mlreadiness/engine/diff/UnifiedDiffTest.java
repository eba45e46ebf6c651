package dev.mlreadiness.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    private static final String TWO_HUNKS = """
            @@ -1,3 +1,4 @@
             import os
            -x = 1
            +x = 2
            +y = 3
             z = 4
            @@ -10,2 +11,3 @@ def f():
                 a = 1
            +    b = 2
                 c = 3""";

    @Test
    void addedLinesOfAGitHubPatch() {
        assertThat(UnifiedDiff.addedLines(TWO_HUNKS).stream().toArray()).containsExactly(2, 3, 12);
    }

    @Test
    void newFileAndNoNewlineMarker() {
        String patch = "@@ -0,0 +1,2 @@\n+a\n+b\n\\ No newline at end of file";
        assertThat(UnifiedDiff.addedLines(patch).stream().toArray()).containsExactly(1, 2);
    }

    @Test
    void headersBeforeTheFirstHunkAndMalformedHeadersAreSafe() {
        String patch = "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n";
        assertThat(UnifiedDiff.addedLines(patch).stream().toArray()).containsExactly(1);
        assertThat(UnifiedDiff.addedLines("@@ garbage @@\n+x").isEmpty()).isTrue();
        assertThat(UnifiedDiff.addedLines(null).isEmpty()).isTrue();
    }

    @Test
    void singleLineHunkWithoutCount() {
        assertThat(UnifiedDiff.addedLines("@@ -5 +7 @@\n+only").stream().toArray()).containsExactly(7);
    }

    @Test
    void rightLinesAreTheAddedAndContextLinesOfEachHunk() {
        String patch = TWO_HUNKS + "\n\\ No newline at end of file";
        assertThat(UnifiedDiff.rightLines(patch).stream().toArray()).containsExactly(1, 2, 3, 4, 11, 12, 13);
        assertThat(UnifiedDiff.rightLines("@@ -3,2 +2,0 @@\n-gone\n-also").isEmpty()).isTrue();
    }

    @Test
    void hunksOfAFileChange() {
        String patch = "@@ -1,2 +1,3 @@\n a\n+b\n c\n@@ -20,2 +21,2 @@\n x\n-y\n+z";
        var change = new dev.mlreadiness.engine.snapshot.FileChange("f.py",
                dev.mlreadiness.engine.snapshot.ChangeStatus.MODIFIED, null, UnifiedDiff.addedLines(patch),
                UnifiedDiff.rightLines(patch));
        assertThat(change.hunkStart(3)).isEqualTo(1);
        assertThat(change.hunkStart(22)).isEqualTo(21);
        assertThat(change.hunkStart(10)).isEqualTo(-1);
        assertThat(change.inDiff(1)).isTrue();
        assertThat(change.isAddedLine(1)).isFalse();
        assertThat(change.inDiff(0)).isFalse();
    }
}
