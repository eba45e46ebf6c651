package dev.mlreadiness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlreadiness.engine.RuleCatalog;

/**
 * The SARIF the CLI writes passes GitHub code scanning's upload rules, as GitHub documents them ("SARIF support for
 * code scanning" and "SARIF results exceed limits",
 * https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning):
 * the 2.1.0 schema; every result with a rule id, a message and a location with a relative URI and a start line (one
 * result without makes code scanning reject the file); the hard limits on runs, results, rules, tags and locations;
 * the 10 MB gzip-compressed upload limit; fingerprints that stay the same across runs and line shifts. Microsoft's
 * SARIF multitool with GitHub's rule set ({@code validate --rule-kind Gh;Sarif}) also runs when it is installed
 * ({@code SARIF_MULTITOOL} pointing at its binary, as CI sets it); without it that part is skipped, loudly.
 */
class SarifCodeScanningTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static String sarif(Path dir) {
        CliRun r = CliRun.of(RuleCatalog.standard(), "check", dir.toString(), "--format", "sarif");
        assertThat(r.err()).isEmpty();
        return r.out();
    }

    /** A repository with a gap of every scope: repository findings (no CI, no tests), file and line findings. */
    private GitFixture repository() {
        return GitFixture.init(tmp).write("README.md", "# Churn\n\nPredicts churn.\n")
                .write("requirements.txt", "numpy\nscikit-learn>=1.4\n")
                .write("notebooks/explore.ipynb", """
                        {"cells": [{"cell_type": "code", "execution_count": 2, "metadata": {}, "outputs": [],
                          "source": ["import numpy as np\\n", "x = np.random.rand(3)"]},
                         {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
                          "source": ["print(x)"]}],
                         "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                        """)
                .write("src/train.py", """
                        import numpy as np
                        from sklearn.model_selection import train_test_split

                        X = np.load("/home/me/x.npy")
                        a, b = train_test_split(X)
                        """).commit("churn");
    }

    @Test
    void theExampleAndARepositoryWithEveryKindOfGapMeetGitHubsRules() throws Exception {
        for (Path dir : List.of(Path.of("examples/churn-model").toAbsolutePath(), repository().dir())) {
            String sarif = sarif(dir);
            List<String> problems = GitHubSarifRules.check(sarif);
            assertThat(problems).as(dir.toString()).isEmpty();
            JsonNode results = JSON.readTree(sarif).at("/runs/0/results");
            assertThat(results.size()).isPositive();
            assertThat(results).anyMatch(r -> r.at("/properties/scope").asText().equals("repository"));
        }
    }

    @Test
    void repositoryFindingsAreShownOnTheReadmeOrTheManifest() throws Exception {
        JsonNode results = JSON.readTree(sarif(repository().dir())).at("/runs/0/results");
        Map<String, String> where = new HashMap<>();
        for (JsonNode r : results) {
            if (r.at("/properties/scope").asText().equals("repository")) {
                where.put(r.get("ruleId").asText(), r.at("/locations/0/physicalLocation/artifactLocation/uri")
                        .asText());
            }
        }
        assertThat(where).containsEntry("production/ci", "README.md").containsEntry("production/tests", "README.md")
                .containsEntry("reproducibility/python-version", "requirements.txt");
    }

    @Test
    void fingerprintsStayTheSameAcrossRunsAndLineShifts() throws Exception {
        GitFixture g = repository();
        Map<String, Set<String>> first = fingerprints(sarif(g.dir()));
        assertThat(fingerprints(sarif(g.dir()))).isEqualTo(first);
        g.write("src/train.py", "\"\"\"Training.\"\"\"\n\n" + Files.readString(g.dir().resolve("src/train.py")));
        g.write("README.md", "# Churn\n\nPredicts churn.\n\nOwned by the data team.\n");
        assertThat(fingerprints(sarif(g.dir()))).as("two lines added above every gap").isEqualTo(first);
    }

    /** Rule id to the set of its results' fingerprints. */
    private static Map<String, Set<String>> fingerprints(String sarif) throws Exception {
        Map<String, Set<String>> out = new HashMap<>();
        for (JsonNode r : JSON.readTree(sarif).at("/runs/0/results")) {
            out.computeIfAbsent(r.get("ruleId").asText(), k -> new HashSet<>())
                    .add(r.at("/partialFingerprints").toString());
        }
        return out;
    }

    @Test
    void theRulesCatchWhatGitHubRejects() throws Exception {
        String good = sarif(repository().dir());
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(good);
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.at("/runs/0/results/0")).remove("locations");
        assertThat(GitHubSarifRules.check(root.toString())).anyMatch(p -> p.contains("no location"));

        root = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(good);
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.at("/runs/0/results/0/locations/0/physicalLocation"
                + "/artifactLocation")).put("uri", "file:///home/runner/work/x/README.md");
        assertThat(GitHubSarifRules.check(root.toString())).anyMatch(p -> p.contains("not relative"));

        root = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(good);
        var tags = (com.fasterxml.jackson.databind.node.ArrayNode) root
                .at("/runs/0/tool/driver/rules/0/properties/tags");
        for (int i = 0; i < 20; i++) {
            tags.add("t" + i);
        }
        assertThat(GitHubSarifRules.check(root.toString())).anyMatch(p -> p.contains("tags"));
    }

    @Test
    void microsoftsSarifMultitoolWithGitHubsRulesFindsNothing() throws Exception {
        String tool = System.getenv("SARIF_MULTITOOL");
        if (tool == null || !Files.isExecutable(Path.of(tool))) {
            System.err.println("""
                    ********************************************************************************************
                    SKIPPED SarifCodeScanningTest.microsoftsSarifMultitoolWithGitHubsRulesFindsNothing: set
                    SARIF_MULTITOOL to the Sarif.Multitool binary (npm install @microsoft/sarif-multitool; the
                    binary is node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool). GitHub's documented
                    rules were still checked by the other tests of this class.
                    ********************************************************************************************""");
            Assumptions.abort("SARIF_MULTITOOL not set: the SARIF multitool is not installed");
        }
        Path dir = Files.createDirectories(tmp.resolve("sarif"));
        Files.writeString(dir.resolve("example.sarif"), sarif(Path.of("examples/churn-model").toAbsolutePath()));
        Path out = dir.resolve("validation.sarif");
        CliJar.Run run = CliJar.exec(List.of(tool, "validate", "example.sarif", "--rule-kind", "Gh;Sarif",
                "--output", out.toString()), dir, Map.of("DOTNET_CLI_TELEMETRY_OPTOUT", "1"));
        assertThat(out).as(run.out() + run.err()).exists();
        List<String> found = new ArrayList<>();
        for (JsonNode r : JSON.readTree(out.toFile()).at("/runs/0/results")) {
            found.add(r.get("ruleId").asText() + " " + r.path("level").asText("warning") + ": "
                    + r.at("/message/text").asText(r.at("/message/id").asText()));
        }
        assertThat(found).as("multitool findings (Gh: GitHub's upload rules, Sarif: the spec's)").isEmpty();

        // and it does find what GitHub rejects: a result without a location
        var broken = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
                Files.readString(dir.resolve("example.sarif")));
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/runs/0/results/0")).remove("locations");
        Files.writeString(dir.resolve("broken.sarif"), broken.toString());
        Path brokenOut = dir.resolve("broken-validation.sarif");
        CliJar.exec(List.of(tool, "validate", "broken.sarif", "--rule-kind", "Gh;Sarif", "--output",
                brokenOut.toString()), dir, Map.of("DOTNET_CLI_TELEMETRY_OPTOUT", "1"));
        assertThat(JSON.readTree(brokenOut.toFile()).at("/runs/0/results").findValuesAsText("ruleId"))
                .anyMatch(id -> id.startsWith("GH"));
    }

    /** GitHub's documented requirements and hard limits for a SARIF upload, as checks; empty when all pass. */
    static final class GitHubSarifRules {

        static final int MAX_RUNS = 20;
        static final int MAX_RESULTS_PER_RUN = 25_000;
        static final int MAX_RULES_PER_RUN = 25_000;
        static final int MAX_TAGS_PER_RULE = 20;
        static final int MAX_LOCATIONS_PER_RESULT = 1_000;
        static final long MAX_GZIPPED_BYTES = 10L * 1024 * 1024;
        static final Set<String> PRECISIONS = Set.of("very-high", "high", "medium", "low");

        static List<String> check(String sarif) throws Exception {
            List<String> p = new ArrayList<>();
            JsonNode root = JSON.readTree(sarif);
            try (InputStream in = SarifCodeScanningTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in).validate(root)
                        .forEach(m -> p.add("schema: " + m.getMessage()));
            }
            if (!"2.1.0".equals(root.path("version").asText())) {
                p.add("version is not 2.1.0");
            }
            if (gzipped(sarif) > MAX_GZIPPED_BYTES) {
                p.add("over 10 MB gzip-compressed");
            }
            JsonNode runs = root.path("runs");
            if (runs.size() == 0 || runs.size() > MAX_RUNS) {
                p.add(runs.size() + " runs");
            }
            for (JsonNode run : runs) {
                JsonNode driver = run.at("/tool/driver");
                if (driver.path("name").asText().isBlank()) {
                    p.add("tool.driver.name missing");
                }
                if (run.at("/automationDetails/id").asText().isBlank()) {
                    p.add("automationDetails.id missing");
                }
                JsonNode rules = driver.path("rules");
                if (rules.size() > MAX_RULES_PER_RUN) {
                    p.add(rules.size() + " rules");
                }
                List<String> ids = new ArrayList<>();
                for (JsonNode rule : rules) {
                    String id = rule.path("id").asText();
                    ids.add(id);
                    if (rule.path("properties").path("tags").size() > MAX_TAGS_PER_RULE) {
                        p.add(id + ": over " + MAX_TAGS_PER_RULE + " tags");
                    }
                    if (!PRECISIONS.contains(rule.at("/properties/precision").asText())) {
                        p.add(id + ": properties.precision missing");
                    }
                    if (rule.at("/defaultConfiguration/level").asText().isBlank()) {
                        p.add(id + ": defaultConfiguration.level missing");
                    }
                    if (rule.at("/help/markdown").asText().isBlank() || rule.at("/help/text").asText().isBlank()) {
                        p.add(id + ": help missing");
                    }
                    if (rule.at("/shortDescription/text").asText().isBlank()) {
                        p.add(id + ": shortDescription missing");
                    }
                }
                JsonNode results = run.path("results");
                if (results.size() > MAX_RESULTS_PER_RUN) {
                    p.add(results.size() + " results");
                }
                int i = 0;
                for (JsonNode r : results) {
                    String at = "result " + i++ + " (" + r.path("ruleId").asText() + ")";
                    if (!ids.contains(r.path("ruleId").asText())) {
                        p.add(at + ": ruleId is not a rule of the driver");
                    } else if (r.has("ruleIndex") && ids.indexOf(r.path("ruleId").asText()) != r.get("ruleIndex")
                            .asInt()) {
                        p.add(at + ": ruleIndex does not point at its rule");
                    }
                    if (r.at("/message/text").asText().isBlank()) {
                        p.add(at + ": no message text");
                    }
                    if (r.path("partialFingerprints").size() == 0) {
                        p.add(at + ": no partialFingerprints");
                    }
                    JsonNode locations = r.path("locations");
                    if (locations.size() == 0) {
                        p.add(at + ": no location");
                    }
                    if (locations.size() > MAX_LOCATIONS_PER_RESULT) {
                        p.add(at + ": over " + MAX_LOCATIONS_PER_RESULT + " locations");
                    }
                    for (JsonNode l : locations) {
                        String uri = l.at("/physicalLocation/artifactLocation/uri").asText();
                        if (uri.isBlank()) {
                            p.add(at + ": location without uri");
                        } else if (URI.create(uri).isAbsolute() || uri.startsWith("/")) {
                            p.add(at + ": uri " + uri + " is not relative to the repository");
                        }
                        if (l.at("/physicalLocation/region/startLine").asInt(0) < 1) {
                            p.add(at + ": no region.startLine");
                        }
                    }
                }
            }
            return p;
        }

        private static long gzipped(String text) throws Exception {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                gz.write(text.getBytes(StandardCharsets.UTF_8));
            }
            return bytes.size();
        }
    }
}
