package dev.mlreadiness.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    @Test
    void addedLinesOfAGitHubPatch() {
        String patch = """
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
        assertThat(UnifiedDiff.addedLines(patch).stream().toArray()).containsExactly(2, 3, 12);
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
}
