package dev.mlreadiness.engine.rules.structure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class ReadmeRuleTest {

    private final ReadmeRule rule = new ReadmeRule();

    @Test
    void anyRootReadmeNameInAnyCasePasses() {
        for (String name : new String[] { "README.md", "README.rst", "README.txt", "README", "readme.md" }) {
            assertThat(TestRepo.create().file(name, "# Churn\n").scan(rule).findings()).as(name).isEmpty();
        }
    }

    @Test
    void missingOrOnlyNestedOrMisnamedReadmeIsAFinding() {
        Report r = TestRepo.create().file("docs/README.md", "# x\n").file("READ_ME.md", "# x\n")
                .file("README.md.bak", "# x\n").scan(rule);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("structure/readme");
            assertThat(f.path()).isNull();
            assertThat(f.isNew()).isFalse();
            assertThat(f.message()).isEqualTo("Add a README.md at the repository root that says what the project "
                    + "is for and how to run it.");
        });
    }

    @Test
    void anEmptyReadmeCountsAsMissing() {
        Report r = TestRepo.create().file("README.md", " \n\n").scan(rule);
        assertThat(r.findings()).extracting(Finding::path, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("README.md",
                        "Write README.md: it is empty, so say what the project is for and how to run it."));
    }

    @Test
    void newOnlyWhenThePullRequestDeletesTheReadme() {
        Report deleted = TestRepo.create().file("README.md", "# x\n").change().delete("README.md").evaluate(rule);
        assertThat(deleted.findings()).singleElement().extracting(Finding::isNew).isEqualTo(true);

        Report emptied = TestRepo.create().file("README.md", "# x\n").change().modify("README.md", "").evaluate(rule);
        assertThat(emptied.findings()).singleElement().extracting(Finding::isNew).isEqualTo(true);

        Report existing = TestRepo.create().file("a.py", "x\n").change().add("b.py", "y\n").evaluate(rule);
        assertThat(existing.findings()).singleElement().extracting(Finding::isNew).isEqualTo(false);
    }
}
