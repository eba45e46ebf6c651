package dev.mlreadiness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlreadiness.engine.RuleCatalog;

/** The README's first command: the real checklist on {@code examples/churn-model}, copied to a plain folder. */
class ExampleProjectTest {

    @Test
    void folderWithoutMlSignsIsNotCheckedAndExitsZero(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("main.go"), "package main\n");
        Files.writeString(tmp.resolve("requirements.txt"), "requests==2.32.3\n");
        CliRun r = CliRun.of(RuleCatalog.standard(), "check", tmp.toString());
        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(r.out()).isEqualTo("Not checked: not an ML project: no notebook, no ML library in a dependency "
                + "manifest and no .github/ml-readiness.yml\nResult: skipped\n");
    }

    @Test
    void churnModelHasFindingsInSeveralCategories(@TempDir Path tmp) throws Exception {
        Path example = Path.of("examples/churn-model").toAbsolutePath();
        try (Stream<Path> files = Files.walk(example)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = tmp.resolve(example.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        CliRun r = CliRun.of(RuleCatalog.standard(), "check", tmp.toString(), "--format", "json");
        assertThat(r.err()).isEmpty();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("applicable").asBoolean()).isTrue();
        Set<String> found = new HashSet<>();
        Set<String> categories = new HashSet<>();
        for (JsonNode f : root.get("findings")) {
            found.add(f.get("ruleId").asText() + " " + f.get("path").asText("-")
                    + (f.get("line").isNull() ? "" : ":" + f.get("line").asInt()));
            categories.add(f.get("category").asText());
            assertThat(f.get("new").asBoolean()).as("a full scan has no new findings").isFalse();
        }
        // the deliberate gaps: unpinned scikit-learn>=1.3, joblib and seaborn; no CI, no schema table, no Python
        // version
        assertThat(found).contains("reproducibility/unpinned-dependency requirements.txt:4",
                "reproducibility/unpinned-dependency requirements.txt:5",
                "reproducibility/unpinned-dependency requirements.txt:8",
                "production/ci -", "docs/data-schema README.md", "reproducibility/python-version -");
        assertThat(found).filteredOn(s -> s.startsWith("reproducibility/unpinned-dependency")).hasSize(3);
        // and what it does right: README with purpose and usage, a manifest, tests, notebooks in notebooks/, a
        // data folder; it commits no model file (no models/ needed) and serves nothing (no deployment or
        // monitoring to document)
        assertThat(found).noneMatch(s -> s.startsWith("structure/") || s.startsWith("production/tests")
                || s.startsWith("versioning/large-artifact") || s.startsWith("docs/purpose")
                || s.startsWith("docs/usage") || s.startsWith("docs/deployment")
                || s.startsWith("production/monitoring"));
        assertThat(r.exit()).as("unpinned dependencies are errors").isEqualTo(Cli.FINDINGS);
        assertThat(categories).contains("docs", "reproducibility", "production");
    }
}
