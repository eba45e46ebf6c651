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

    private static final String CUSTOMERS = "customer_id,tenure,plan\nc1,12,pro\nc2,3,basic\nc3,40,pro\n";

    private static TestRepo documented(String table, String csv) {
        return TestRepo.create().file("README.md", "# Churn\n\nPredicts churn.\n\n## Data\n\n" + table)
                .file("data/raw/customers.csv", csv);
    }

    private static java.util.List<String> messages(Report r) {
        return r.findings().stream().map(Finding::message).toList();
    }

    @Test
    void aTableDescribingEveryColumnWithTheRightTypesPasses() {
        Report r = documented("""
                | Column | Type | Level |
                |---|---|---|
                | customer_id | string | nominal |
                | tenure | integer | ratio |
                | plan | category | nominal |
                """, CUSTOMERS).scan(new DataSchemaRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void columnsTheTableDoesNotDescribeAreNamedWithTheFile() {
        Report r = documented("| Column | Type |\n|---|---|\n| tenure | integer |\n", CUSTOMERS)
                .scan(new DataSchemaRule());
        assertThat(r.findings()).extracting(Finding::path, Finding::message).containsExactly(tuple("README.md",
                "data/raw/customers.csv has columns `customer_id` and `plan` that the schema table in README.md does "
                        + "not describe: add a row for each."));
    }

    @Test
    void aRenamedColumnIsReportedBothWays() {
        Report r = documented("""
                | Column | Type |
                |---|---|
                | customer_id | string |
                | tenure | integer |
                | plan_type | string |
                """, CUSTOMERS).scan(new DataSchemaRule());
        assertThat(messages(r)).containsExactlyInAnyOrder(
                "data/raw/customers.csv has column `plan` that the schema table in README.md does not describe: add "
                        + "a row for it.",
                "The schema table in README.md describes `plan_type`, which no data file has any more (`plan` may be "
                        + "its new name): rename or remove its row.");
    }

    @Test
    void aNumberColumnOfWordsContradictsItsDocumentedType() {
        Report r = documented("""
                | Column | Type |
                |---|---|
                | customer_id | string |
                | tenure | float |
                | plan | int64 |
                """, "customer_id,tenure,plan\nc1,twelve,1\nc2,three,2\nc3,forty,NA\nc4,12,3\n")
                .scan(new DataSchemaRule());
        assertThat(messages(r)).containsExactly("The schema table in README.md gives `tenure` the type `float`, but "
                + "data/raw/customers.csv holds words such as `twelve` in it: correct the type, or the data.");
    }

    @Test
    void aTableWithExtraFormattingAndColumnsStillMatches() {
        Report r = documented("""
                | **Field name** | Description | Data type (pandas) | Level |
                |:---|:---|:---:|---:|
                | **`customer_id`** | CRM key, never reused | `object` | nominal |
                | *Tenure (months)* | months subscribed | `int64` | ratio |
                | `Plan` | pricing plan | category | nominal |
                """, CUSTOMERS).scan(new DataSchemaRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void oddButValidCsvHeadersAreRead() {
        String table = "| Column | Type |\n|---|---|\n| customer id | string |\n| tenure, months | integer |\n";
        // a byte order mark, semicolons, a quoted name holding the delimiter, CRLF line ends
        Report r = documented(table, "\uFEFF\"customer id\";\"tenure, months\"\r\nc1;12\r\nc2;3\r\n")
                .scan(new DataSchemaRule());
        assertThat(r.findings()).isEmpty();
        Report tsv = TestRepo.create().file("README.md", "# X\n\nIntro.\n\n" + table)
                .file("data/raw/customers.tsv", "customer_id\ttenure\temail\nc1\t12\ta@b.c\n")
                .scan(new DataSchemaRule());
        assertThat(messages(tsv)).containsExactly("data/raw/customers.tsv has column `email` that the schema table in "
                + "README.md does not describe: add a row for it.");
    }

    @Test
    void numberedColumnRangesCoverTheirColumns() {
        Report r = documented("""
                | Column | Type |
                |---|---|
                | Time | float |
                | V1 … V28 | float |
                | Amount | float |
                | Class | int |
                """, "Time,V1,V2,V28,Amount,Class\n0,1.5,-0.2,0.1,149.62,0\n").scan(new DataSchemaRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void dataKeptOutOfGitOrWithoutAHeaderIsNotCompared() {
        String table = "| Column | Type |\n|---|---|\n| tenure | float |\n| plan_type | string |\n";
        String pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:"
                + "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 26783255\n";
        assertThat(documented(table, pointer).scan(new DataSchemaRule()).findings()).isEmpty();
        assertThat(documented(table, CUSTOMERS).file(".gitattributes", "data/** filter=lfs diff=lfs merge=lfs -text\n")
                .scan(new DataSchemaRule()).findings()).isEmpty();
        assertThat(documented(table, CUSTOMERS).file("data/raw/customers.csv.dvc", "outs:\n- path: customers.csv\n")
                .scan(new DataSchemaRule()).findings()).isEmpty();
        assertThat(documented(table, "1,2.5,3\n4,5.5,6\n").scan(new DataSchemaRule()).findings()).isEmpty();
        assertThat(documented(table, new String(new char[] { 'a', 0, 'b' })).scan(new DataSchemaRule()).findings())
                .isEmpty();
    }

    @Test
    void aTableOfSomethingElseOrOfDerivedFeaturesIsNotComparedWithTheData() {
        // the table documents the API's payload: no column in common with the data
        Report api = documented("| Field | Type |\n|---|---|\n| request_id | string |\n| score | float |\n",
                CUSTOMERS).scan(new DataSchemaRule());
        assertThat(api.findings()).isEmpty();
        // the table adds features the code derives: no file has them, and no file has a column like them
        Report derived = documented("""
                | Feature | Type |
                |---|---|
                | customer_id | string |
                | tenure | integer |
                | plan | string |
                | tenure_years | float |
                """, CUSTOMERS).scan(new DataSchemaRule());
        assertThat(derived.findings()).isEmpty();
        // processed data carries the engineered columns: it is compared only with a table that names it
        Report processed = documented("| Column | Type |\n|---|---|\n| customer_id | string |\n| tenure | integer |\n"
                + "| plan | string |\n", CUSTOMERS).file("data/processed/features.csv", "customer_id,plan_pro\nc1,1\n")
                .scan(new DataSchemaRule());
        assertThat(processed.findings()).isEmpty();
    }

    @Test
    void aTableThatNamesItsFileIsComparedWithThatFileOnly() {
        Report r = TestRepo.create().file("README.md", """
                # Churn

                Predicts churn.

                ### data/raw/customers.csv

                | Column | Type |
                |---|---|
                | customer_id | string |
                | tenure | integer |
                | plan | string |
                | region | string |

                Columns of `events.csv`, one row per login:

                | Column | Type |
                |---|---|
                | customer_id | string |
                | at | datetime |
                """).file("data/raw/customers.csv", CUSTOMERS)
                .file("data/raw/events.csv", "customer_id,at,device\nc1,2024-03-01 10:00,ios\n")
                .scan(new DataSchemaRule());
        assertThat(messages(r)).containsExactlyInAnyOrder(
                "The schema table in README.md describes `region`, which data/raw/customers.csv does not have: rename "
                        + "or remove its row.",
                "data/raw/events.csv has column `device` that the schema table in README.md does not describe: add a "
                        + "row for it.");
    }

    @Test
    void aPullRequestAddingAColumnMakesANewFindingAndOldGapsStayOld() {
        TestRepo repo = documented("| Column | Type |\n|---|---|\n| customer_id | string |\n| tenure | integer |\n",
                CUSTOMERS);
        Report r = repo.change().modify("data/raw/customers.csv", "customer_id,tenure,plan,email\nc1,12,pro,a@b.c\n")
                .evaluate(new DataSchemaRule());
        assertThat(r.findings()).extracting(Finding::message, Finding::isNew).containsExactly(tuple(
                "data/raw/customers.csv has columns `plan` and `email` that the schema table in README.md does not "
                        + "describe: add a row for each.",
                true));
        Report old = repo.change().modify("README.md", "# Churn\n\nPredicts churn, monthly.\n\n## Data\n\n"
                + "| Column | Type |\n|---|---|\n| customer_id | string |\n| tenure | integer |\n")
                .evaluate(new DataSchemaRule());
        assertThat(old.findings()).extracting(Finding::isNew).containsExactly(false);
        Report fixed = repo.change().modify("README.md", "# Churn\n\nPredicts churn.\n\n## Data\n\n"
                + "| Column | Type |\n|---|---|\n| customer_id | string |\n| tenure | integer |\n| plan | string |\n")
                .evaluate(new DataSchemaRule());
        assertThat(fixed.findings()).isEmpty();
    }
}
