package dev.mlreadiness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The README's first command: the real checklist on {@code examples/churn-model}, copied to a plain folder. */
class ExampleProjectTest {

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
        CliRun r = CliRun.of(Checklists.standard(), "check", tmp.toString(), "--format", "json");
        assertThat(r.err()).isEmpty();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("applicable").asBoolean()).isTrue();
        Set<String> found = new HashSet<>();
        Set<String> categories = new HashSet<>();
        for (JsonNode f : root.get("findings")) {
            found.add(f.get("ruleId").asText() + " " + f.get("path").asText("-"));
            categories.add(f.get("category").asText());
            assertThat(f.get("new").asBoolean()).as("a full scan has no new findings").isFalse();
        }
        // deliberate gaps: no models/ folder, no CI
        assertThat(found).contains("structure/layout -", "production/ci -");
        // and what it does right: a README, tests, notebooks in notebooks/, no large artifacts
        assertThat(found).noneMatch(s -> s.startsWith("structure/readme") || s.startsWith("production/tests")
                || s.startsWith("structure/notebook-location") || s.startsWith("versioning/large-artifact"));
        assertThat(categories).contains("structure", "production");
    }
}
