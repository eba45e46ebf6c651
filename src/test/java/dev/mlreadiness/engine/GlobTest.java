package dev.mlreadiness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void doubleStarCrossesFoldersSingleStarDoesNot() {
        Glob docs = Glob.compile("docs/**");
        assertThat(docs.matches("docs/a.md")).isTrue();
        assertThat(docs.matches("docs/x/y/z.md")).isTrue();
        assertThat(docs.matches("mydocs/a.md")).isFalse();
        assertThat(docs.matches("README.md")).isFalse();

        Glob star = Glob.compile("docs/*.md");
        assertThat(star.matches("docs/a.md")).isTrue();
        assertThat(star.matches("docs/x/a.md")).isFalse();
    }

    @Test
    void leadingDoubleStarSlashMatchesAtAnyDepthIncludingRoot() {
        Glob g = Glob.compile("**/README.md");
        assertThat(g.matches("README.md")).isTrue();
        assertThat(g.matches("a/b/README.md")).isTrue();
        assertThat(g.matches("a/README.md.bak")).isFalse();
    }

    @Test
    void plainNameMatchesTheRootFileOnly() {
        Glob g = Glob.compile("README.md");
        assertThat(g.matches("README.md")).isTrue();
        assertThat(g.matches("sub/README.md")).isFalse();
    }

    @Test
    void classesQuestionMarksAndRegexCharactersAreLiteral() {
        assertThat(Glob.compile("data/[ab].csv").matches("data/a.csv")).isTrue();
        assertThat(Glob.compile("data/[!ab].csv").matches("data/a.csv")).isFalse();
        assertThat(Glob.compile("file?.txt").matches("file1.txt")).isTrue();
        assertThat(Glob.compile("a+b(1).txt").matches("a+b(1).txt")).isTrue();
        assertThat(Glob.compile("vendor/").matches("vendor/x/y.py")).isTrue();
    }

    @Test
    void badGlobsSayWhatIsWrong() {
        assertThatThrownBy(() -> Glob.compile("data/[abc")).hasMessageContaining("unclosed '['");
        assertThatThrownBy(() -> Glob.compile(" ")).hasMessageContaining("empty");
    }
}
