package dev.mlreadiness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.TestRules;
import dev.mlreadiness.engine.rule.Category;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.Severity;

class SarifReportTest {

    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    static Set<ValidationMessage> validate(String sarif) throws Exception {
        return schema.validate(new ObjectMapper().readTree(sarif));
    }

    @Test
    void fullScanIsValidSarif() throws Exception {
        String sarif = SarifReport.render(ReportFixtures.fullScan(), DocsLinks.online());
        assertThat(validate(sarif)).isEmpty();
    }

    @Test
    void pullRequestAndNotApplicableAreValidSarif() throws Exception {
        assertThat(validate(SarifReport.render(ReportFixtures.pullRequest(), DocsLinks.relative()))).isEmpty();
        Report none = TestRepo.create().noConfig().file("main.go", "package main\n")
                .scan(TestRules.checklist(false, TestRules.LICENSE));
        JsonNode root = new ObjectMapper().readTree(SarifReport.render(none, DocsLinks.online()));
        assertThat(schema.validate(root)).isEmpty();
        assertThat(root.get("runs").get(0).get("results")).isEmpty();
    }

    @Test
    void schemaRejectsABrokenLog() throws Exception {
        // the validator must really check: a result without message is not SARIF
        ObjectNode root = (ObjectNode) new ObjectMapper()
                .readTree(SarifReport.render(ReportFixtures.fullScan(), DocsLinks.online()));
        ((ObjectNode) root.get("runs").get(0).get("results").get(0)).remove("message");
        assertThat(schema.validate(root)).isNotEmpty();
        ObjectNode badLevel = (ObjectNode) new ObjectMapper()
                .readTree(SarifReport.render(ReportFixtures.fullScan(), DocsLinks.online()));
        ((ObjectNode) badLevel.get("runs").get(0).get("results").get(0)).put("level", "failure");
        assertThat(schema.validate(badLevel)).isNotEmpty();
    }

    @Test
    void driverAndRulesCarryTheCatalogDocumentation() throws Exception {
        JsonNode run = new ObjectMapper().readTree(SarifReport.render(ReportFixtures.fullScan(), DocsLinks.online()))
                .get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("ml-readiness");
        assertThat(driver.get("informationUri").asText()).isEqualTo(ToolInfo.INFORMATION_URI);
        JsonNode rules = driver.get("rules");
        assertThat(rules).hasSize(3);
        JsonNode license = rules.get(0);
        assertThat(license.get("id").asText()).isEqualTo("structure/test-license");
        assertThat(license.get("name").asText()).isEqualTo("TestLicense");
        assertThat(license.get("shortDescription").get("text").asText()).isEqualTo("License file");
        String what = "Checks that the repository has a LICENSE file.";
        assertThat(license.get("fullDescription").get("text").asText()).isEqualTo(what);
        assertThat(license.get("help").get("text").asText()).isEqualTo(what + "\n\nHow to fix it.");
        assertThat(license.get("help").get("markdown").asText())
                .startsWith("# `structure/test-license`: License file\n")
                .contains("## Why is this bad?\n\nWhy it matters.");
        assertThat(license.get("helpUri").asText())
                .isEqualTo(DocsLinks.ONLINE_BASE + "rules/structure/test-license.md");
        assertThat(license.get("defaultConfiguration").get("level").asText()).isEqualTo("error");
        assertThat(rules.get(1).get("defaultConfiguration").get("level").asText()).isEqualTo("note");
        assertThat(rules.get(2).get("defaultConfiguration").get("level").asText()).isEqualTo("warning");
    }

    @Test
    void knownProblemsGoInTheHelpTextNotTheFullDescription() {
        RuleDoc doc = TestRules.doc("Checks that the repository has a LICENSE file.")
                .withKnownProblems("A `COPYING` file is not accepted.");
        assertThat(SarifReport.helpText(doc)).isEqualTo("Checks that the repository has a LICENSE file.\n\n"
                + "Known problems: A `COPYING` file is not accepted.\n\nHow to fix it.");
        assertThat(SarifReport.helpText(TestRules.doc("Passes.").withKnownProblems("  \n")))
                .isEqualTo("Passes.\n\nHow to fix it.");
    }

    @Test
    void relativeDocsLinksLeaveHelpUriOut() throws Exception {
        JsonNode rule = new ObjectMapper()
                .readTree(SarifReport.render(ReportFixtures.fullScan(), DocsLinks.relative()))
                .get("runs").get(0).get("tool").get("driver").get("rules").get(0);
        assertThat(rule.has("helpUri")).isFalse();
    }

    @Test
    void resultsHaveLevelsLocationsAndFingerprints() throws Exception {
        JsonNode results = new ObjectMapper()
                .readTree(SarifReport.render(ReportFixtures.fullScan(), DocsLinks.online()))
                .get("runs").get(0).get("results");
        assertThat(results).hasSize(3);
        JsonNode repo = results.get(0);
        assertThat(repo.get("ruleId").asText()).isEqualTo("structure/test-license");
        assertThat(repo.get("ruleIndex").asInt()).isZero();
        assertThat(repo.get("level").asText()).isEqualTo("error");
        assertThat(repo.get("message").get("text").asText()).isEqualTo("Add a LICENSE file.");
        // code scanning rejects a file with one result without a location: the repository finding gets the first
        // file of the tree at line 1 (no README, manifest or config in this fixture), and says it is about the repo
        JsonNode anchored = repo.get("locations").get(0).get("physicalLocation");
        assertThat(anchored.get("artifactLocation").get("uri").asText()).isEqualTo("README.md");
        assertThat(anchored.get("region").get("startLine").asInt()).isEqualTo(1);
        assertThat(repo.get("properties").get("scope").asText()).isEqualTo("repository");
        assertThat(repo.get("properties").get("new").isBoolean()).isTrue();

        JsonNode line = results.get(1);
        assertThat(line.get("ruleIndex").asInt()).isEqualTo(2);
        assertThat(line.get("level").asText()).isEqualTo("warning");
        JsonNode loc = line.get("locations").get(0).get("physicalLocation");
        assertThat(loc.get("artifactLocation").get("uri").asText()).isEqualTo("src/a%20b.py");
        assertThat(loc.get("region").get("startLine").asInt()).isEqualTo(1);
        assertThat(line.get("partialFingerprints").get(SarifReport.FINGERPRINT_KEY).asText()).hasSize(16);
    }

    @Test
    void everyResultOfAFullScanSaysItIsNotNew() throws Exception {
        JsonNode results = new ObjectMapper()
                .readTree(SarifReport.render(ReportFixtures.fullScan(), DocsLinks.online()))
                .get("runs").get(0).get("results");
        assertThat(results).hasSize(3).allSatisfy(r -> assertThat(r.at("/properties/new").isBoolean()).isTrue())
                .extracting(r -> r.at("/properties/new").asBoolean()).containsOnly(false);
    }

    @Test
    void pullRequestResultsSayWhetherTheyAreNew() throws Exception {
        JsonNode results = new ObjectMapper()
                .readTree(SarifReport.render(ReportFixtures.pullRequest(), DocsLinks.online()))
                .get("runs").get(0).get("results");
        assertThat(results).extracting(r -> r.get("properties").get("new").asBoolean())
                .containsExactly(true, false, true);
    }

    @Test
    void urisArePercentEncodedRelativeReferences() {
        assertThat(SarifReport.uri("data/raw/train.csv")).isEqualTo("data/raw/train.csv");
        assertThat(SarifReport.uri("notebooks/my notebook.ipynb")).isEqualTo("notebooks/my%20notebook.ipynb");
        assertThat(SarifReport.uri("a#b%c.py")).isEqualTo("a%23b%25c.py");
        assertThat(SarifReport.uri("c:drive.py")).isEqualTo("c%3Adrive.py");
        assertThat(SarifReport.uri("données.csv")).isEqualTo("donn%C3%A9es.csv");
    }

    @Test
    void repositoryFindingsAreAnchoredOnAFileTheTreeHas() throws Exception {
        Report report = ReportFixtures.fullScan();
        RepositoryAnchor fromTree = RepositoryAnchor.of(List.of("train.py", "src/a b.py"));
        JsonNode repo = new ObjectMapper().readTree(SarifReport.render(report, DocsLinks.online(), fromTree))
                .at("/runs/0/results/0");
        assertThat(repo.get("ruleId").asText()).isEqualTo("structure/test-license");
        assertThat(repo.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .as("no README, manifest or config: the first path of the tree").isEqualTo("src/a%20b.py");

        RepositoryAnchor full = RepositoryAnchor.of(List.of("docs/README.md", "Readme.rst", "README.md",
                "requirements-dev.txt", "requirements.txt", "pyproject.toml", ".github/ml-readiness.yml", "a.py"));
        assertThat(full).isEqualTo(new RepositoryAnchor("README.md", "pyproject.toml", ".github/ml-readiness.yml",
                ".github/ml-readiness.yml"));
        RepositoryAnchor noReadme = RepositoryAnchor.of(List.of("requirements.txt", "src/README.md", "z.py"));
        assertThat(noReadme.readme()).as("a README below the root is not the project's").isNull();
        assertThat(noReadme.manifest()).isEqualTo("requirements.txt");
        RepositoryAnchor onlyConfig = RepositoryAnchor.of(List.of(".github/ml-readiness.yml", "src/a.py"));
        assertThat(onlyConfig.readme()).isNull();
        assertThat(onlyConfig.manifest()).isNull();

        // docs and structure findings go to the README, reproducibility ones to the manifest; each falls back
        Report scan = TestRepo.create().file("a.py", "# TODO\n").scan(TestRules.LICENSE);
        Finding license = scan.findings().get(0);
        assertThat(full.pathFor(license)).isEqualTo("README.md");
        assertThat(noReadme.pathFor(license)).isEqualTo("requirements.txt");
        assertThat(onlyConfig.pathFor(license)).isEqualTo(".github/ml-readiness.yml");
        Finding reproducibility = new Finding("reproducibility/python-version", Category.REPRODUCIBILITY,
                Severity.WARNING, "Pin the Python version.", null, null, false, "f", null);
        assertThat(full.pathFor(reproducibility)).isEqualTo("pyproject.toml");
        assertThat(RepositoryAnchor.NONE.pathFor(license)).isEqualTo(RepositoryAnchor.DEFAULT);
    }

    @Test
    void rulesCarryPrecisionAndTheRunItsCategory() throws Exception {
        JsonNode run = new ObjectMapper().readTree(SarifReport.render(ReportFixtures.fullScan(), DocsLinks.online()))
                .at("/runs/0");
        assertThat(run.at("/automationDetails/id").asText()).isEqualTo("ml-readiness/");
        assertThat(run.at("/tool/driver/rules/0/properties/precision").asText()).isEqualTo("high");
        assertThat(SarifReport.precision(TestRules.doc("x").withKnownProblems("Misses COPYING."))).isEqualTo("medium");
    }

    @Test
    void ruleNamesArePascalCase() {
        assertThat(SarifReport.name("reproducibility/unpinned-dependency")).isEqualTo("UnpinnedDependency");
        assertThat(SarifReport.name("structure/readme")).isEqualTo("Readme");
    }
}
