package dev.mlreadiness.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real git repository in a temp folder, driven by the git command line, for end-to-end CLI tests. */
final class GitFixture {

    private final Path dir;

    private GitFixture(Path dir) {
        this.dir = dir;
    }

    /** {@code git init} on branch main with a local identity, so commits work on any machine. */
    static GitFixture init(Path dir) {
        GitFixture g = new GitFixture(dir);
        g.git("init", "-q", "-b", "main");
        g.git("config", "user.name", "Test");
        g.git("config", "user.email", "test@example.com");
        g.git("config", "commit.gpgsign", "false");
        return g;
    }

    /** An existing repository (a clone, a bare remote), to run git in. */
    static GitFixture at(Path dir) {
        return new GitFixture(dir);
    }

    Path dir() {
        return dir;
    }

    GitFixture write(String path, String content) {
        try {
            Path p = dir.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    GitFixture commit(String message) {
        git("add", "-A");
        git("commit", "-q", "-m", message);
        return this;
    }

    GitFixture branch(String name) {
        git("checkout", "-q", "-b", name);
        return this;
    }

    GitFixture move(String from, String to) {
        git("mv", from, to);
        return this;
    }

    String git(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
