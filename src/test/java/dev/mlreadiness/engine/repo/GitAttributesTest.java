package dev.mlreadiness.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GitAttributesTest {

    @Test
    void aPatternWithoutSlashMatchesTheNameAtAnyDepth() {
        GitAttributes a = GitAttributes.of("*.pt filter=lfs diff=lfs merge=lfs -text\n", "");
        assertThat(a.isLfs("model.pt")).isTrue();
        assertThat(a.isLfs("models/v1/model.pt")).isTrue();
        assertThat(a.isLfs("models/model.pth")).isFalse();
        assertThat(a.isLfs("models/model.pt.txt")).isFalse();
    }

    @Test
    void anchoredAndDoubleStarPatterns() {
        GitAttributes a = GitAttributes.of("""
                models/** filter=lfs
                /data/*.csv filter=lfs
                **/weights/*.bin filter=lfs
                """, "");
        assertThat(a.isLfs("models/a/b/c.onnx")).isTrue();
        assertThat(a.isLfs("src/models/c.onnx")).isFalse();
        assertThat(a.isLfs("data/train.csv")).isTrue();
        assertThat(a.isLfs("data/raw/train.csv")).isFalse();
        assertThat(a.isLfs("weights/w.bin")).isTrue();
        assertThat(a.isLfs("a/weights/w.bin")).isTrue();
    }

    @Test
    void laterLinesUnsetOrReplaceTheFilter() {
        GitAttributes a = GitAttributes.of("""
                *.csv filter=lfs
                small.csv -filter
                other.csv !filter
                crypt.csv filter=git-crypt
                *.csv text
                """, "");
        assertThat(a.isLfs("big.csv")).isTrue();
        assertThat(a.isLfs("small.csv")).isFalse();
        assertThat(a.isLfs("other.csv")).isFalse();
        assertThat(a.isLfs("crypt.csv")).isFalse();
    }

    @Test
    void commentsMacrosQuotedPatternsAndFolderFiles() {
        GitAttributes a = GitAttributes.of("""
                # *.pt filter=lfs
                [attr]lfs filter=lfs diff=lfs merge=lfs
                "my model.pt" filter=lfs
                *.bin
                """, "");
        assertThat(a.isLfs("x.pt")).isFalse();
        assertThat(a.isLfs("my model.pt")).isTrue();
        assertThat(a.isLfs("w.bin")).isFalse();

        GitAttributes inModels = GitAttributes.of("*.pkl filter=lfs\n", "models");
        assertThat(inModels.isLfs("models/m.pkl")).isTrue();
        assertThat(inModels.isLfs("models/sub/m.pkl")).isTrue();
        assertThat(inModels.isLfs("m.pkl")).isFalse();
    }

    @Test
    void deeperFilesWinOverTheRoot() {
        var ctx = Trees.context(".gitattributes", "*.pkl filter=lfs\n", "models/.gitattributes", "old.pkl -filter\n");
        GitAttributes a = GitAttributes.in(ctx);
        assertThat(a.isLfs("models/new.pkl")).isTrue();
        assertThat(a.isLfs("models/old.pkl")).isFalse();
        assertThat(a.isLfs("old.pkl")).isTrue();
    }
}
