package dev.mlreadiness.engine.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SchemaTablesTest {

    private static Table table(List<String> header, List<List<String>> rows) {
        return new Table(header, rows, 1);
    }

    @Test
    void coursesHeaderIsASchemaTableWithMeasurement() throws MarkdownBudgetException {
        MarkdownDocument doc = MarkdownParser.parse("""
                ## Data

                Intro.

                | Database key | Data type | Data order |
                |---|---|---|
                | customer_id | int | nominal |
                """);

        List<SchemaTable> schemas = SchemaTables.find(doc);

        assertThat(schemas).hasSize(1);
        SchemaTable schema = schemas.get(0);
        assertThat(schema.nameColumn()).isZero();
        assertThat(schema.typeColumn()).isEqualTo(1);
        assertThat(schema.givesMeasurement()).isTrue();
        assertThat(schema.line()).isEqualTo(5);
    }

    @Test
    void nameLikeAndTypeLikeHeadersBySubstring() {
        assertThat(SchemaTables.recognise(table(List.of("Feature", "dtype"), List.of()))).isPresent();
        assertThat(SchemaTables.recognise(table(List.of("Column name", "Type"), List.of()))).isPresent();
        assertThat(SchemaTables.recognise(table(List.of("VARIABLE", "DATA TYPE"), List.of()))).isPresent();
        assertThat(SchemaTables.recognise(table(List.of("Description", "Field", "Type"), List.of())))
                .get().extracting(SchemaTable::nameColumn, SchemaTable::typeColumn).containsExactly(1, 2);
    }

    @Test
    void nearMissesAreNoSchemaTables() {
        assertThat(SchemaTables.recognise(table(List.of("Name", "Value"), List.of()))).isEmpty();
        assertThat(SchemaTables.recognise(table(List.of("Data type"), List.of()))).isEmpty();
        assertThat(SchemaTables.recognise(table(List.of("Data type", "Description"), List.of()))).isEmpty();
        assertThat(SchemaTables.recognise(table(List.of("Column type"), List.of()))).isEmpty();
        assertThat(SchemaTables.recognise(table(List.of("Model", "Accuracy"), List.of()))).isEmpty();
        assertThat(SchemaTables.recognise(table(List.of(), List.of()))).isEmpty();
    }

    @Test
    void oneColumnCannotBeBothNameAndType() {
        SchemaTable schema = SchemaTables.recognise(table(List.of("Column type", "Column"), List.of())).orElseThrow();

        assertThat(schema.typeColumn()).isZero();
        assertThat(schema.nameColumn()).isEqualTo(1);
    }

    @Test
    void measurementByColumnName() {
        for (String header : List.of("Scale", "Level of measurement", "Data order", "Measurement")) {
            Table withMeasurement = table(List.of("Name", "Type", header), List.of(List.of("age", "int", "")));

            assertThat(SchemaTables.recognise(withMeasurement)).as(header).get()
                    .extracting(SchemaTable::givesMeasurement).isEqualTo(true);
        }
    }

    @Test
    void measurementByCells() {
        Table byCells = table(List.of("Name", "Type", "Notes"),
                List.of(List.of("age", "int", "Ratio scale"), List.of("city", "str", "")));

        assertThat(SchemaTables.recognise(byCells)).get().extracting(SchemaTable::givesMeasurement).isEqualTo(true);
    }

    @Test
    void measurementNearMisses() {
        Table wordsInsideOtherWords = table(List.of("Name", "Type", "Description"),
                List.of(List.of("duration", "float", "call duration in internal units")));
        Table levelWordOnlyAsAName = table(List.of("Name", "Type"), List.of(List.of("ordinal", "int")));

        assertThat(SchemaTables.recognise(wordsInsideOtherWords)).get()
                .extracting(SchemaTable::givesMeasurement).isEqualTo(false);
        assertThat(SchemaTables.recognise(levelWordOnlyAsAName)).get()
                .extracting(SchemaTable::givesMeasurement).isEqualTo(false);
    }

    @Test
    void documentWithoutSchemaTablesHasNone() throws MarkdownBudgetException {
        MarkdownDocument doc = MarkdownParser.parse("| Name | Value |\n|---|---|\n| lr | 0.1 |\n");

        assertThat(SchemaTables.find(doc)).isEmpty();
    }
}
