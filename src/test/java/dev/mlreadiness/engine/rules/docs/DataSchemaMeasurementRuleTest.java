package dev.mlreadiness.engine.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class DataSchemaMeasurementRuleTest {

    @Test
    void courseTablePasses() {
        Report r = TestRepo.create().file("README.md", "# X\n\n" + DataSchemaRuleTest.COURSE_TABLE)
                .scan(new DataSchemaMeasurementRule());
        assertThat(r.findings()).isEmpty();
        assertThat(r.scores()).hasSize(1);
    }

    @Test
    void levelCellsWithoutALevelHeaderPass() {
        String md = "| Field | Type | Notes |\n|---|---|---|\n| score | int | ordinal, 1-5 |\n";
        assertThat(TestRepo.create().file("docs/schema.md", md).scan(new DataSchemaMeasurementRule()).findings())
                .isEmpty();
    }

    @Test
    void tableWithoutLevelIsReportedPerFile() {
        String md = "| Column | Type |\n|---|---|\n| duration | float |\n";
        Report r = TestRepo.create().file("README.md", "# X\n").file("docs/schema.md", md)
                .scan(new DataSchemaMeasurementRule());
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::path, Finding::message).containsExactly(tuple(
                "docs/data-schema-measurement", "docs/schema.md", "Add a level-of-measurement column (e.g. `Data "
                        + "order`: nominal, ordinal, interval, ratio) to the schema table in docs/schema.md."));
    }

    @Test
    void noSchemaTableMeansNotApplicable() {
        Report r = TestRepo.create().file("README.md", "| Column type | Notes |\n|---|---|\n| a | b |\n")
                .scan(new DataSchemaMeasurementRule());
        assertThat(r.findings()).isEmpty();
        assertThat(r.scores()).isEmpty();
    }
}
