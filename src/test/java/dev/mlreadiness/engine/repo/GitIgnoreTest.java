package dev.mlreadiness.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GitIgnoreTest {

    @Test
    void theUsualWaysOfIgnoringAFolderNameIt() {
        for (String pattern : new String[] { "/data/", "data/", "data", "/data", "data/*", "data/**", "**/data" }) {
            assertThat(GitIgnore.of(pattern + "\n", "").namesFolder("data")).as(pattern).isTrue();
        }
    }

    @Test
    void nearMissesDoNotNameTheFolder() {
        assertThat(GitIgnore.of("*.csv\n", "").namesFolder("data")).isFalse();
        assertThat(GitIgnore.of("mydata/\n", "").namesFolder("data")).isFalse();
        assertThat(GitIgnore.of("data.csv\n", "").namesFolder("data")).isFalse();
        assertThat(GitIgnore.of("src/data/\n", "").namesFolder("data")).isFalse();
        assertThat(GitIgnore.of("# data/\n\n", "").namesFolder("data")).isFalse();
        // a slash-free pattern naming a file only matches files, not the folder
        assertThat(GitIgnore.of("/models\n", "").namesFolder("data")).isFalse();
    }

    @Test
    void aLaterNegationOfTheFolderTakesItBackButNotANegatedChild() {
        assertThat(GitIgnore.of("data/\n!data/\n", "").namesFolder("data")).isFalse();
        assertThat(GitIgnore.of("data/*\n!data/.gitkeep\n", "").namesFolder("data")).isTrue();
        assertThat(GitIgnore.of("!data/\ndata/\n", "").namesFolder("data")).isTrue();
    }

    @Test
    void anIgnoredAncestorNamesItsSubfoldersAndPatternsReachingInsideCount() {
        assertThat(GitIgnore.of("data/\n", "").namesFolder("data/raw")).isTrue();
        assertThat(GitIgnore.of("data/raw/*.csv\n", "").namesFolder("data/raw")).isTrue();
        assertThat(GitIgnore.of("data/raw/*.csv\n", "").namesFolder("data/processed")).isFalse();
    }

    @Test
    void patternsInAFolderGitignoreAreRelativeToThatFolder() {
        GitIgnore inData = GitIgnore.of("raw/\n/interim\n", "data");
        assertThat(inData.namesFolder("data/raw")).isTrue();
        assertThat(inData.namesFolder("data/interim")).isTrue();
        assertThat(inData.namesFolder("raw")).isFalse();
        assertThat(inData.namesFolder("data/processed")).isFalse();
    }

    @Test
    void readsEveryGitignoreOfTheTreeShallowestFirst() {
        var ctx = Trees.context("data/.gitignore", "raw/\n", ".gitignore", "models/\n", "src/a.py", "x");
        assertThat(GitIgnore.files(ctx.snapshot())).containsExactly(".gitignore", "data/.gitignore");
        GitIgnore ignore = GitIgnore.in(ctx);
        assertThat(ignore.namesFolder("models")).isTrue();
        assertThat(ignore.namesFolder("data/raw")).isTrue();
        assertThat(ignore.namesFolder("notebooks")).isFalse();
        // a deeper file's negation wins over the root's rule
        var negated = Trees.context(".gitignore", "raw/\n", "data/.gitignore", "!raw/\n");
        assertThat(GitIgnore.in(negated).namesFolder("data/raw")).isFalse();
    }

    @Test
    void unreadablePatternsAreSkipped() {
        assertThat(GitIgnore.of("[abc\ndata/\n", "").namesFolder("data")).isTrue();
        assertThat(GitIgnore.of("!\n/\n", "").namesFolder("data")).isFalse();
    }
}
