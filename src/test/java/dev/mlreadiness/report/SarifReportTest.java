package dev.mlreadiness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
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

import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.TestRules;
import dev.mlreadiness.engine.rule.RuleDoc;

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
        ObjectNode root = SarifReport.toJson(ReportFixtures.fullScan(), DocsLinks.online());
        ((ObjectNode) root.get("runs").get(0).get("results").get(0)).remove("message");
        assertThat(schema.validate(root)).isNotEmpty();
        ObjectNode badLevel = SarifReport.toJson(ReportFixtures.fullScan(), DocsLinks.online());
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
        assertThat(repo.has("locations")).isFalse();
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
    void ruleNamesArePascalCase() {
        assertThat(SarifReport.name("reproducibility/unpinned-dependency")).isEqualTo("UnpinnedDependency");
        assertThat(SarifReport.name("structure/readme")).isEqualTo("Readme");
    }
}
