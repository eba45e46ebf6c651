package dev.mlreadiness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlreadiness.engine.snapshot.Snapshot;

class LocalRepositoryTest {

    @Test
    void newPathReadsThePlusPlusPlusLine() {
        assertThat(LocalRepository.newPath("diff --git a/x.py b/x.py\n--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n+y\n"))
                .isEqualTo("x.py");
        assertThat(LocalRepository.newPath(
                "diff --git a/a b.py b/a b.py\n--- a/a b.py\n+++ b/a b.py\t\n@@ -0,0 +1 @@\n"))
                .isEqualTo("a b.py");
        assertThat(LocalRepository.newPath("diff --git a/x b/x\n--- a/x\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"))
                .as("deleted").isNull();
        assertThat(LocalRepository.newPath("diff --git a/m.bin b/m.bin\nBinary files a/m.bin and b/m.bin differ\n"))
                .as("binary").isNull();
        assertThat(LocalRepository.newPath("diff --git a/x b/x\n@@ -1 +1 @@\n+++ b/not-a-header\n")).isNull();
    }

    @Test
    void unquoteUndoesGitsCStyleQuoting() {
        assertThat(LocalRepository.unquote("\"b/tab\\there.py\"")).isEqualTo("b/tab\there.py");
        assertThat(LocalRepository.unquote("\"b/donn\\303\\251es.csv\"")).isEqualTo("b/données.csv");
        assertThat(LocalRepository.unquote("\"b/say \\\"hi\\\".py\"")).isEqualTo("b/say \"hi\".py");
        assertThat(LocalRepository.unquote("\"b/back\\\\slash\"")).isEqualTo("b/back\\slash");
    }

    @Test
    void oneCatFileProcessServesBothTreesAndEndsOnClose(@TempDir Path tmp) throws Exception {
        GitFixture g = GitFixture.init(tmp).write("a.py", "one\n").write("b.py", "two\n").commit("base");
        g.branch("feature").write("a.py", "one\nmore\n").commit("feature");
        LocalRepository repo = LocalRepository.open(tmp);
        LocalRepository.Change c = repo.change("main");
        Snapshot head = c.head();
        assertThat(repo.objectProcessStarted()).as("nothing read yet").isFalse();
        assertThat(head.text("a.py")).contains("one\nmore\n");
        assertThat(c.base().text("a.py")).contains("one\n");
        assertThat(head.text("b.py")).contains("two\n");
        assertThat(head.file("a.py").orElseThrow().size()).isEqualTo(9);
        assertThat(head.loadCount() + c.base().loadCount()).isEqualTo(3);
        assertThat(repo.objectProcessStarted()).isTrue();
        repo.close();
        assertThat(repo.objectProcessStarted()).isFalse();
    }

    @Test
    void workTreeListsTrackedAndUntrackedFilesWithTheirSizesButNotIgnoredOrDeletedOnes(@TempDir Path tmp)
            throws Exception {
        GitFixture g = GitFixture.init(tmp).write(".gitignore", "build/\n*.log\n").write("src/a.py", "one\n")
                .write("gone.py", "x\n").write("build/tracked.py", "forced\n");
        g.git("add", "-f", "build/tracked.py");
        g.commit("base");
        Files.delete(tmp.resolve("gone.py"));
        g.write("src/new.py", "untracked!\n").write("build/gen.py", "ignored\n").write("run.log", "ignored\n")
                .write("src/a.py", "one\ntwo\n");
        Files.createSymbolicLink(tmp.resolve("link.py"), tmp.resolve("src/a.py"));
        try (LocalRepository repo = LocalRepository.open(tmp)) {
            assertThat(repo.workTree().stream().map(f -> f.path() + "=" + f.size()))
                    .containsExactly(".gitignore=13", "build/tracked.py=7", "src/a.py=8", "src/new.py=11");
        }
    }
}
