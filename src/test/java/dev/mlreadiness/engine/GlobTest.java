package dev.mlreadiness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;

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

    @Test
    void doubleStarSlashIsAnyNumberOfFoldersIncludingNone() {
        Glob g = Glob.compile("a/**/b");
        assertThat(g.matches("a/b")).isTrue();
        assertThat(g.matches("a/x/b")).isTrue();
        assertThat(g.matches("a/x/y/b")).isTrue();
        assertThat(g.matches("a/xb")).isFalse();
        assertThat(g.matches("a/x/b/c")).isFalse();
        assertThat(Glob.compile("**").matches("any/depth/x.py")).isTrue();
        assertThat(Glob.compile("**.py").matches("a/b.py")).isTrue();
        assertThat(Glob.compile("x/**").matches("x")).isFalse();
        assertThat(Glob.compile("a**/b").matches("ab")).isTrue();
        assertThat(Glob.compile("a**/b").matches("ax/y/b")).isTrue();
        assertThat(Glob.compile("/docs/*.md").matches("docs/a.md")).isTrue();
    }

    @Test
    void classesHaveRangesAndComplementsAndQuestionMarksReadOneCharacter() {
        assertThat(Glob.compile("data/[a-c]1.csv").matches("data/b1.csv")).isTrue();
        assertThat(Glob.compile("data/[a-c]1.csv").matches("data/d1.csv")).isFalse();
        assertThat(Glob.compile("data/[^a-c]1.csv").matches("data/d1.csv")).isTrue();
        assertThat(Glob.compile("data/[-x].csv").matches("data/-.csv")).isTrue();
        assertThat(Glob.compile("?.md").matches("\uD83D\uDE00.md")).isTrue();
        assertThat(Glob.compile("?.md").matches("/.md")).isFalse();
        assertThatThrownBy(() -> Glob.compile("[z-a]")).hasMessageContaining("backwards");
        assertThatThrownBy(() -> Glob.compile("a[]")).hasMessageContaining("empty class");
    }

    /** The glob of issue #10 took 14.5 s on a 40-character path as a backtracking regular expression. */
    @Test
    void manyStarsCostStepsLinearInThePath() {
        Glob g = Glob.compile("src/*a*a*a*a*a*a*a*a*a*ab");
        String path = "src/" + "a".repeat(40) + ".py";
        assertThat(g.matches(path)).isFalse();
        assertThat(g.matches("src/" + "a".repeat(40) + "b")).isTrue();
        int parts = "src/".length() + 2 * 9 + 2;
        assertThat(g.steps(path)).isLessThanOrEqualTo((long) (path.length() + 1) * (parts + 1));

        Glob thirty = Glob.compile("src/" + "*a".repeat(30) + "b");
        int thirtyParts = "src/".length() + 2 * 30 + 1;
        for (int n : new int[] { 40, 400, 4000 }) {
            String p = "src/" + "a".repeat(n) + ".py";
            assertThat(thirty.matches(p)).isFalse();
            assertThat(thirty.steps(p)).isLessThanOrEqualTo((long) (p.length() + 1) * (thirtyParts + 1));
        }
        long at2000 = thirty.steps("src/" + "a".repeat(2000) + ".py");
        long at4000 = thirty.steps("src/" + "a".repeat(4000) + ".py");
        assertThat(at4000).isLessThanOrEqualTo(at2000 * 21 / 10); // twice the path, twice the work
        assertThat(Glob.compile("**/" + "**/".repeat(50) + "x").steps("a/".repeat(200) + "y"))
                .isLessThanOrEqualTo((400L + 1 + 1) * (2 * 51 + 1 + 1)); // (path + 1) x (parts + 1)
    }

    /** Same answers as the regular expression the glob used to compile to, on seeded random patterns and paths. */
    @Test
    void agreesWithTheFormerRegularExpressions() {
        Random random = new Random(10);
        String[] pieces = { "a", "b", "/", "*", "**", "**/", "?", "[ab]", "[!a]", "[a-b]", ".", "a/" };
        String[] letters = { "a", "b", "/", "." };
        for (int n = 0; n < 20_000; n++) {
            StringBuilder p = new StringBuilder();
            for (int k = 1 + random.nextInt(6); k > 0; k--) {
                p.append(pieces[random.nextInt(pieces.length)]);
            }
            StringBuilder path = new StringBuilder();
            for (int k = random.nextInt(9); k > 0; k--) {
                path.append(letters[random.nextInt(letters.length)]);
            }
            String pattern = p.toString();
            assertThat(Glob.compile(pattern).matches(path.toString())).as("%s on %s", pattern, path)
                    .isEqualTo(former(pattern).matcher(path).matches());
        }
    }

    /** The former {@code Glob.compile}, a regular expression (classes simplified: no backslashes here). */
    private static Pattern former(String pattern) {
        String p = pattern.startsWith("/") ? pattern.substring(1) : pattern;
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (p.startsWith("**/", i)) {
                re.append("(?:.*/)?");
                i += 3;
            } else if (p.startsWith("**", i)) {
                re.append(".*");
                i += 2;
            } else if (c == '*') {
                re.append("[^/]*");
                i++;
            } else if (c == '?') {
                re.append("[^/]");
                i++;
            } else if (c == '[') {
                int close = p.indexOf(']', i + 1);
                String cls = p.substring(i + 1, close);
                re.append('[').append(cls.startsWith("!") ? "^" + cls.substring(1) : cls).append(']');
                i = close + 1;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        if (p.endsWith("/")) {
            re.append(".*");
        }
        return Pattern.compile(re.toString());
    }
}
