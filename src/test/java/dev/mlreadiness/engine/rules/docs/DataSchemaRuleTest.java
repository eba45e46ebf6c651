package dev.mlreadiness.engine.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class DataSchemaRuleTest {

    static final String COURSE_TABLE = """
            | Database key | Data type | Data order |
            |---|---|---|
            | Person.name | string | nominal |
            | Person.survey_score | integer | ordinal |
            """;

    private static TestRepo withData() {
        return TestRepo.create().file("README.md", "# X\n\nIntro.\n").file("data/raw/survey.csv", "a\n");
    }

    @Test
    void courseTableInADocsPageWithoutHeadingPasses() {
        Report r = withData().file("docs/data.md", COURSE_TABLE).scan(new DataSchemaRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void schemaFilePasses() {
        assertThat(withData().file("schemas/survey.schema.json", "{}").scan(new DataSchemaRule()).findings())
                .isEmpty();
        assertThat(withData().file("src/survey_schema.py", "import pandera as pa\n").scan(new DataSchemaRule())
                .findings()).isEmpty();
    }

    @Test
    void noSchemaIsReported() {
        Report r = withData().file("src/schema_utils.py", "x = 1\n").scan(new DataSchemaRule());
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::path, Finding::message).containsExactly(tuple(
                "docs/data-schema", "README.md", "Add a `## Data schema` section to README.md (or data/README.md or a "
                        + "page under docs/) that says each column's name, type and level of measurement in a table "
                        + "(`| Column | Type | Level |`)."));
    }

    @Test
    void schemaSectionWithoutATableNamesTheSection() {
        Report r = withData().file("docs/data.md", "## Columns\n\n| Column | Meaning |\n|---|---|\n| a | b |\n")
                .scan(new DataSchemaRule());
        assertThat(r.findings()).extracting(Finding::path, Finding::message).containsExactly(tuple("docs/data.md",
                "The `## Columns` section of docs/data.md has no schema table: list each column's name, type and "
                        + "level of measurement in a table (`| Column | Type | Level |`)."));
    }

    @Test
    void noDataMeansNotApplicable() {
        Report r = TestRepo.create().file("README.md", "# X\n").scan(new DataSchemaRule());
        assertThat(r.findings()).isEmpty();
        assertThat(r.scores()).isEmpty();
    }
}
