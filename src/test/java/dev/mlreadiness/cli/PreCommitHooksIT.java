package dev.mlreadiness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hooks of {@code .pre-commit-hooks.yaml}, run as pre-commit runs a {@code language: script} hook: the entry's
 * script from this repository's root with the entry's arguments, in the user's repository (built here), no file
 * names passed. The staged hook fails only on what the commit adds; the manual full scan fails on existing debt.
 */
class PreCommitHooksIT {

    @TempDir
    Path tmp;

    private static JsonNode hook(String id) throws Exception {
        for (JsonNode h : new YAMLMapper().readTree(Path.of(".pre-commit-hooks.yaml").toFile())) {
            if (h.get("id").asText().equals(id)) {
                return h;
            }
        }
        throw new AssertionError("no hook " + id);
    }

    private CliJar.Run run(JsonNode hook) throws Exception {
        assertThat(hook.get("language").asText()).isEqualTo("script");
        assertThat(hook.get("pass_filenames").asBoolean()).isFalse();
        List<String> cmd = new ArrayList<>(List.of(hook.get("entry").asText().split(" ")));
        cmd.set(0, Path.of(cmd.get(0)).toAbsolutePath().toString());
        return CliJar.exec(cmd, tmp, Map.of("NO_COLOR", "1"));
    }

    /** The README's .pre-commit-config.yaml names this repository and hooks it has; its manual run command too. */
    @Test
    void theReadmeConfigurationUsesTheseHooks() throws Exception {
        JsonNode config = new YAMLMapper().readTree(ReadmeSnippets.block("Use it with pre-commit", "yaml"));
        JsonNode repo = config.at("/repos/0");
        assertThat(repo.get("repo").asText()).isEqualTo(dev.mlreadiness.report.ToolInfo.INFORMATION_URI);
        assertThat(repo.get("rev").asText()).matches("v\\d+\\.\\d+\\.\\d+");
        assertThat(repo.get("hooks").findValuesAsText("id")).containsExactly("ml-readiness", "ml-readiness-full");
        for (String id : repo.get("hooks").findValuesAsText("id")) {
            hook(id);
        }
        String readme = Files.readString(Path.of("README.md"));
        String manual = "pre-commit run ml-readiness-full --hook-stage "
                + hook("ml-readiness-full").get("stages").get(0).asText();
        assertThat(readme).contains("`" + manual + "`");
    }

    @Test
    void theStagedHookFailsOnlyOnWhatTheCommitAddsAndTheFullScanIsManual() throws Exception {
        JsonNode staged = hook("ml-readiness");
        JsonNode full = hook("ml-readiness-full");
        assertThat(staged.get("entry").asText()).isEqualTo("readiness check . --staged");
        assertThat(staged.has("stages")).as("runs at commit time").isFalse();
        assertThat(full.get("stages")).hasSize(1);
        assertThat(full.get("stages").get(0).asText()).isEqualTo("manual");
        assertThat(Files.isExecutable(Path.of("readiness"))).isTrue();

        // existing debt: an unpinned dependency (an error) committed before the hook was installed
        GitFixture g = GitFixture.init(tmp).write("README.md", "# Churn\n\nPredicts churn.\n")
                .write("requirements.txt", "numpy\nscikit-learn==1.4.2\n")
                .write("train.py", "import numpy as np\n\nnp.random.seed(0)\n").commit("base");

        g.write("notes.md", "Some notes.\n");
        g.git("add", "notes.md");
        CliJar.Run clean = run(staged);
        assertThat(clean.exit()).as(clean.out() + clean.err()).isZero();
        CliJar.Run debt = run(full);
        assertThat(debt.exit()).as("the full scan counts existing debt").isEqualTo(Cli.FINDINGS);
        assertThat(debt.out()).contains("reproducibility/unpinned-dependency");

        g.write("requirements.txt", "numpy\nscikit-learn==1.4.2\npandas\n");
        g.git("add", "requirements.txt");
        CliJar.Run added = run(staged);
        assertThat(added.exit()).as(added.out() + added.err()).isEqualTo(Cli.FINDINGS);
        assertThat(added.out()).contains("requirements.txt:3").contains("unpinned-dependency");
    }
}
