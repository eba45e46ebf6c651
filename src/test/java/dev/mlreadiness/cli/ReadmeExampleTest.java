package dev.mlreadiness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlreadiness.engine.RuleCatalog;

/**
 * The README's "Example check run summary" is real output: the example project's pull request that adds
 * {@code src/train.py} and {@code notebooks/exploration.ipynb}, reviewed with {@code --base} as the app reviews it.
 * The quoted block in the README must be that output, so it cannot go stale.
 */
class ReadmeExampleTest {

    private static final List<String> ADDED = List.of("src/train.py", "notebooks/exploration.ipynb");

    @Test
    void readmeQuotesTheExamplePullRequestsSummary(@TempDir Path tmp) throws Exception {
        Path example = Path.of("examples/churn-model").toAbsolutePath();
        GitFixture git = GitFixture.init(tmp);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(example)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String rel = example.relativize(f).toString();
            if (!ADDED.contains(rel)) {
                git.write(rel, Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        git.commit("base");
        git.git("branch", "base");
        for (String rel : ADDED) {
            git.write(rel, Files.readString(example.resolve(rel), StandardCharsets.UTF_8));
        }
        git.commit("add training");

        CliRun r = CliRun.of(RuleCatalog.standard(), "check", tmp.toString(), "--base", "base", "--format",
                "markdown");
        assertThat(r.err()).isEmpty();
        String quoted = r.out().strip().lines().map(l -> l.isEmpty() ? ">" : "> " + l)
                .collect(Collectors.joining("\n"));
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        if (Boolean.getBoolean("golden.update") && !readme.contains(quoted)) {
            System.out.println("README example to paste:\n" + quoted);
        }
        assertThat(readme).as("README's example summary is not the example pull request's output "
                + "(run with -Dgolden.update=true to print it)").contains(quoted);
    }

    @Test
    void readmeQuotesTheExampleProjectsReadinessScore() throws Exception {
        CliRun r = CliRun.of(RuleCatalog.standard(), "check", "examples/churn-model", "--format", "markdown");
        String first = r.out().lines().findFirst().orElseThrow();
        assertThat(first).startsWith("**Readiness: ").endsWith("%)**");
        String score = first.substring(2, first.length() - 2);
        assertThat(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8))
                .contains("`./readiness check examples/churn-model --format markdown` starts\nwith \"" + score + "\"");
    }
}
