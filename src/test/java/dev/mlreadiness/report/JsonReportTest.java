package dev.mlreadiness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.snapshot.Mode;

class JsonReportTest {

    private static JsonNode parse(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    @Test
    void topLevelKeysComeInTheDocumentedOrder() throws Exception {
        JsonNode root = parse(JsonReport.render(ReportFixtures.fullScan(), DocsLinks.relative()));
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("formatVersion", "tool", "mode", "applicable", "skipReason", "conclusion",
                "failOn", "readiness", "scores", "findings", "skipped", "notes", "ignoredRules", "suppressed");
        assertThat(root.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(root.get("tool").get("name").asText()).isEqualTo("ml-readiness");
        assertThat(root.get("mode").asText()).isEqualTo("full-scan");
        assertThat(root.get("applicable").asBoolean()).isTrue();
        assertThat(root.get("skipReason").isNull()).isTrue();
        assertThat(root.get("conclusion").asText()).isEqualTo("failure");
        assertThat(root.get("failOn").asText()).isEqualTo("error");
        assertThat(root.get("suppressed").asInt()).isZero();
    }

    @Test
    void findingsCarryEveryField() throws Exception {
        JsonNode root = parse(JsonReport.render(ReportFixtures.pullRequest(), DocsLinks.relative()));
        assertThat(root.get("mode").asText()).isEqualTo("pull-request");
        JsonNode findings = root.get("findings");
        assertThat(findings).hasSize(3);
        JsonNode repo = findings.get(0);
        assertThat(repo.get("ruleId").asText()).isEqualTo("structure/test-license");
        assertThat(repo.get("category").asText()).isEqualTo("structure");
        assertThat(repo.get("severity").asText()).isEqualTo("error");
        assertThat(repo.get("message").asText()).isEqualTo("Add a LICENSE file.");
        assertThat(repo.get("path").isNull()).isTrue();
        assertThat(repo.get("line").isNull()).isTrue();
        assertThat(repo.get("new").asBoolean()).isTrue();
        assertThat(repo.get("fingerprint").asText()).hasSize(16);
        assertThat(repo.get("docs").asText()).isEqualTo("docs/rules/structure/test-license.md");

        JsonNode old = findings.get(1);
        assertThat(old.get("path").asText()).isEqualTo("a.py");
        assertThat(old.get("line").asInt()).isEqualTo(1);
        assertThat(old.get("new").asBoolean()).isFalse();
        assertThat(findings.get(2).get("line").asInt()).isEqualTo(2);
        assertThat(findings.get(2).get("new").asBoolean()).isTrue();
        assertThat(findings.get(2).get("fingerprint").asText()).isNotEqualTo(old.get("fingerprint").asText());
    }

    @Test
    void everyFindingOfAFullScanSaysItIsNotNew() throws Exception {
        JsonNode root = parse(JsonReport.render(ReportFixtures.fullScan(), DocsLinks.relative()));
        assertThat(root.get("findings")).hasSize(3)
                .allSatisfy(f -> assertThat(f.get("new").isBoolean()).as("present, as a boolean").isTrue())
                .extracting(f -> f.get("new").asBoolean()).containsOnly(false);
        assertThat(root.get("scores")).extracting(s -> s.get("new").asInt()).containsOnly(0);
    }

    @Test
    void readinessIsTheShareOfApplicableRulesPassedInAFullScanAndNullInAPullRequest() throws Exception {
        Report pr = ReportFixtures.pullRequest();
        Report full = new Report(Mode.FULL_SCAN, true, null, pr.findings(), pr.conclusion(), pr.scores(), pr.rules(),
                pr.skipped(), pr.notes(), pr.ignoredRules(), pr.suppressed(), pr.config());
        JsonNode readiness = parse(JsonReport.render(full, DocsLinks.relative())).get("readiness");
        // structure: 1 of 2 rules passed, reproducibility: 0 of 1
        assertThat(readiness.toString()).isEqualTo("{\"passed\":1,\"applicable\":3,\"percent\":33}");
        // a pull request reads only the files it changes: its score would describe the change, not the repository
        JsonNode root = parse(JsonReport.render(pr, DocsLinks.relative()));
        assertThat(root.has("readiness")).isTrue();
        assertThat(root.get("readiness").isNull()).isTrue();
    }

    @Test
    void scoresPerCategory() throws Exception {
        JsonNode scores = parse(JsonReport.render(ReportFixtures.pullRequest(), DocsLinks.relative())).get("scores");
        assertThat(scores).hasSize(2);
        assertThat(scores.get(0).toString()).isEqualTo("{\"category\":\"structure\",\"title\":\"Project structure\","
                + "\"checked\":2,\"passed\":1,\"new\":1,\"existing\":0}");
        assertThat(scores.get(1).toString()).isEqualTo("{\"category\":\"reproducibility\","
                + "\"title\":\"Reproducibility\",\"checked\":1,\"passed\":0,\"new\":1,\"existing\":1}");
    }

    @Test
    void docsLinksFollowTheBase() throws Exception {
        JsonNode root = parse(JsonReport.render(ReportFixtures.fullScan(), new DocsLinks("https://x.example/d")));
        assertThat(root.get("findings").get(0).get("docs").asText())
                .isEqualTo("https://x.example/d/rules/structure/test-license.md");
    }
}
