package dev.mlreadiness.engine.rules.docs;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.code.CodeEvidence;
import dev.mlreadiness.engine.data.DataFiles;
import dev.mlreadiness.engine.data.SchemaVsData;
import dev.mlreadiness.engine.docs.DataPresence;
import dev.mlreadiness.engine.docs.DocSection;
import dev.mlreadiness.engine.docs.DocsOutline;
import dev.mlreadiness.engine.docs.SectionCheck;
import dev.mlreadiness.engine.docs.SectionSearch;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.FileEntry;

/** {@code docs/data-schema}: a repository with data documents its schema, as a table or a schema file. */
public final class DataSchemaRule extends SectionRule {

    /** Compiled once: both are tried on every path of the tree. */
    private static final Pattern EXPECTATIONS = Pattern.compile("(.*/)?(great_expectations|gx)/expectations/.+\\.json");
    private static final Pattern PANDERA_CANDIDATE = Pattern.compile("(.*/)?[^/]*schema[^/]*\\.py");

    /** Python files named like a schema, read for a pandera schema. */
    private static final FileSelector PANDERA_CANDIDATES = FileSelector.inTree(
            f -> PANDERA_CANDIDATE.matcher(f.path().toLowerCase(Locale.ROOT)).matches());

    private static final SectionCheck SECTION = new SectionCheck(List.of("schema", "data dictionary", "column",
            "feature", "field", "variable", "attribute", "codebook"), "Data schema",
            "each column's name, type and level of measurement in a table (`| Column | Type | Level |`)",
            "data/README.md or a page under docs/");

    public static final RuleInfo INFO = new RuleInfo("docs/data-schema", "Document the data schema",
            Severity.WARNING, Scope.REPOSITORY, new RuleDoc(
                    """
                    Applies when the repository has data (as for `docs/data-sources`). Passes with a schema table \
                    anywhere in the documentation set, under any heading or none: a Markdown table whose header \
                    has a name-like column (name, column, field, key, feature, variable) and another, type-like \
                    one (type, dtype, data type), matched by substring, so `Database key | Data type | Data order` \
                    passes. Also passes with a schema file: `*.schema.json`, `schema.json`, `schema.yml`, \
                    `schema.yaml`, a Frictionless `datapackage.json`, a Great Expectations project \
                    (`great_expectations.yml` or `great_expectations/`, `gx/` expectations), or a Python file \
                    named like `*schema*.py` that uses pandera. A section whose heading contains schema, data \
                    dictionary, column, feature, field, variable, attribute or codebook but holds no such table is \
                    named in the finding; its prose alone does not pass.

                    The schema tables are then compared with the headers of the CSV and TSV files under the data \
                    folder, and with a sample of their rows: a column of a data file that no table describes, a \
                    documented column that the data no longer has (renamed or dropped), and a documented type that \
                    the values contradict (a `float` column of words, an integer column of fractions) are each \
                    named in a finding, with the file. A table whose caption (the paragraph right above it) or \
                    heading names a data file by its file name describes that file; a table in a README inside the \
                    data folder describes that folder's files; the other tables together describe the other raw \
                    data files together. Where that mapping could be wrong nothing is said: a table sharing no \
                    column with the data describes something else, a documented column that no file has is reported \
                    only for a table that names its file, or as a rename when a file has an undocumented column of a \
                    similar name (a documented feature the code derives is not a dropped column), and processed or \
                    interim data is compared only with a table that names it. Names match case-insensitively, \
                    without formatting, punctuation or units in parentheses (`**Customer ID (str)**` is \
                    `customer_id`), a qualified key by its last part (`Person.name`), and a row such as \
                    `V1 … V28` or `pixel*` covers its numbered columns. Read within fixed budgets: at most \
                    """ + DataFiles.MAX_FILES + """
                     files of at most 500 kB each, raw data first, of which the first 256 KiB, a header of at \
                    most 64 KiB and 2,000 columns, and 200 sampled rows. Files that Git LFS or DVC keep out of git, \
                    headerless files and binary formats (Parquet, Feather) are not compared, and while any data \
                    file's columns are unknown no documented column is called dropped.

                    """ + SectionCheck.HOW_SECTIONS_MATCH,
                    """
                    A schema says what each field is, its type and how it is measured. Without one, a renamed or \
                    retyped column silently breaks features, and nobody can check new data against what the \
                    model was trained on.""",
                    "Add a table with one row per column: its name, its type and its level of measurement "
                            + "(nominal, ordinal, interval, ratio), or commit a schema file that validation uses. "
                            + "When the data changes, change the table with it.",
                    """
                    ```markdown
                    ## Data
                    Customer survey export, one row per person.
                    ```

                    or a table that no longer matches `data/raw/survey.csv` (`name,survey_score,channel`, the \
                    score written as words):

                    ```markdown
                    | Column       | Type    |
                    |--------------|---------|
                    | name         | string  |
                    | score        | integer |
                    ```""",
                    """
                    ```markdown
                    ## Data schema
                    Columns of `data/raw/survey.csv`:

                    | Database key          | Data type | Data order |
                    |-----------------------|-----------|------------|
                    | Person.name           | string    | nominal    |
                    | Person.survey_score   | string    | ordinal    |
                    | Person.channel        | string    | nominal    |
                    ```"""));

    public DataSchemaRule() {
        super(INFO, SECTION, FileSelector.allOf(PANDERA_CANDIDATES, CodeEvidence::files, DataFiles::files));
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        if (DataPresence.evidence(ctx).isEmpty()) {
            out.notApplicable();
            return;
        }
        List<DocsOutline.DocSchemaTable> tables = DocsOutline.of(ctx).schemaTables();
        if (!tables.isEmpty()) {
            SchemaVsData.check(ctx, tables, out);
            return;
        }
        if (schemaFile(ctx).isPresent()) {
            return;
        }
        SectionSearch search = SECTION.search(ctx, INFO.id());
        if (search.isFound()) {
            DocSection s = search.found().get(0);
            out.repository(s.path(), "The " + s.label() + " has no schema table: list each column's name, type and "
                    + "level of measurement in a table (`| Column | Type | Level |`).");
        } else {
            SECTION.reportGap(ctx, search, out);
        }
    }

    /** A schema file in the tree, if any. */
    static Optional<String> schemaFile(RuleContext ctx) {
        for (FileEntry f : ctx.snapshot().files()) {
            String name = f.name().toLowerCase(Locale.ROOT);
            String lower = f.path().toLowerCase(Locale.ROOT);
            if (name.endsWith(".schema.json") || List.of("schema.json", "schema.yml", "schema.yaml",
                    "datapackage.json", "great_expectations.yml").contains(name)
                    || EXPECTATIONS.matcher(lower).matches()) {
                return Optional.of(f.path());
            }
        }
        return PANDERA_CANDIDATES.select(ctx).stream()
                .filter(p -> ctx.text(p).map(t -> t.contains("pandera")).orElse(false)).findFirst();
    }
}
