package dev.mlreadiness.github.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class AddedFileContentTest {

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void wholeFilePatchGivesTheFile() {
        assertThat(AddedFileContent.rebuild("@@ -0,0 +1,2 @@\n+a = 1\n+b = 2", 12).map(AddedFileContentTest::text))
                .contains("a = 1\nb = 2\n");
    }

    @Test
    void missingFinalNewlineIsKept() {
        assertThat(AddedFileContent.rebuild("@@ -0,0 +1,1 @@\n+x\n\\ No newline at end of file", 1)
                .map(AddedFileContentTest::text)).contains("x");
    }

    @Test
    void sizeMismatchIsNotTrusted() {
        // a truncated patch: GitHub's tree says the blob is larger
        assertThat(AddedFileContent.rebuild("@@ -0,0 +1,2 @@\n+a = 1\n+b = 2", 400)).isEmpty();
        assertThat(AddedFileContent.rebuild("@@ -0,0 +1,2 @@\n+a = 1\n+b = 2", -1)).isEmpty();
    }

    @Test
    void patchesThatAreNotWholeFileAdditionsAreRefused() {
        assertThat(AddedFileContent.rebuild("@@ -1,2 +1,2 @@\n-a\n+b\n c", 4)).isEmpty();
        assertThat(AddedFileContent.rebuild("@@ -0,0 +1,2 @@\n+a\n c", 4)).isEmpty();
        assertThat(AddedFileContent.rebuild(null, 4)).isEmpty();
    }

    @Test
    void emptyFileNeedsNoPatch() {
        assertThat(AddedFileContent.rebuild("", 0)).hasValueSatisfying(b -> assertThat(b).isEmpty());
        assertThat(AddedFileContent.rebuild("", 3)).isEmpty();
    }

    @Test
    void multiByteTextIsMeasuredInBytes() {
        // "é" is two bytes in UTF-8: 3 bytes with the newline
        assertThat(AddedFileContent.rebuild("@@ -0,0 +1,1 @@\n+é", 3).map(AddedFileContentTest::text)).contains("é\n");
        assertThat(AddedFileContent.rebuild("@@ -0,0 +1,1 @@\n+é", 2)).isEmpty();
    }
}
