package dev.mlreadiness.cli;

import static dev.mlreadiness.engine.TestRules.LICENSE;
import static dev.mlreadiness.engine.TestRules.TODO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlreadiness.engine.RuleCatalog;
import dev.mlreadiness.engine.TestRules;
import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rule.RuleInfo;

class RuleDocsTest {

    @Test
    void committedRulePagesAndReadmeTableMatchTheCatalog() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        List<RuleInfo> catalog = RuleCatalog.rules().stream().map(Rule::info).toList();
        assertThat(new RuleDocs(root, catalog).outOfDate())
                .as("generated docs are out of date: run ./readiness docs and commit the result")
                .isEmpty();
    }

    @Test
    void writesPagesAndTheTableThenReportsNothingOutOfDate(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("README.md"),
                "# P\n\n" + RuleDocs.START + "\nold\n" + RuleDocs.END + "\nend\n");
        Files.createDirectories(root.resolve("docs/rules/structure"));
        Files.writeString(root.resolve("docs/rules/structure/removed-rule.md"), "# gone\n");
        RuleDocs docs = new RuleDocs(root, List.of(LICENSE.info(), TODO.info()));

        assertThat(docs.outOfDate()).containsExactly("README.md", "docs/rules/reproducibility/test-todo.md",
                "docs/rules/structure/test-license.md", "docs/rules/structure/removed-rule.md");
        docs.write();
        assertThat(docs.outOfDate()).isEmpty();
        assertThat(root.resolve("docs/rules/structure/removed-rule.md")).doesNotExist();
        assertThat(Files.readString(root.resolve("docs/rules/structure/test-license.md")))
                .isEqualTo(LICENSE.info().toMarkdown());
        assertThat(Files.readString(root.resolve("README.md"))).isEqualTo("""
                # P

                <!-- rules:start -->
                | Rule | Default severity | Checks |
                |---|---|---|
                | [`structure/test-license`](docs/rules/structure/test-license.md) | error | License file |
                | [`reproducibility/test-todo`](docs/rules/reproducibility/test-todo.md) | warning | No TODO |
                <!-- rules:end -->
                end
                """);
    }

    @Test
    void editedPageIsOutOfDate(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("README.md"), RuleDocs.START + RuleDocs.END);
        RuleDocs docs = new RuleDocs(root, List.of(LICENSE.info()));
        docs.write();
        Files.writeString(root.resolve("docs/rules/structure/test-license.md"), "# hand edit\n");
        assertThat(docs.outOfDate()).containsExactly("docs/rules/structure/test-license.md");
    }

    @Test
    void readmeWithoutMarkersIsAClearError(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("README.md"), "# P\n");
        assertThatThrownBy(() -> new RuleDocs(root, List.of(LICENSE.info())).outOfDate())
                .isInstanceOf(InputException.class)
                .hasMessage("README.md needs the markers <!-- rules:start --> and <!-- rules:end --> around the rule "
                        + "table");
    }

    @Test
    void docsCommandWritesIntoTheGivenRoot(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("README.md"), RuleDocs.START + RuleDocs.END);
        CliRun r = CliRun.of(TestRules.checklist(true, LICENSE), "docs", root.toString());
        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(r.out()).isEqualTo("Updated 2 file(s): README.md, docs/rules/structure/test-license.md\n");
        CliRun again = CliRun.of(TestRules.checklist(true, LICENSE), "docs", root.toString());
        assertThat(again.out()).isEqualTo("Rule docs are up to date.\n");
    }
}
