package dev.mlreadiness.engine.rules.docs;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.code.CodeEvidence;
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

                    """ + SectionCheck.HOW_SECTIONS_MATCH,
                    """
                    A schema says what each field is, its type and how it is measured. Without one, a renamed or \
                    retyped column silently breaks features, and nobody can check new data against what the \
                    model was trained on.""",
                    "Add a table with one row per column: its name, its type and its level of measurement "
                            + "(nominal, ordinal, interval, ratio), or commit a schema file that validation uses.",
                    """
                    ```markdown
                    ## Data
                    Customer survey export, one row per person.
                    ```""",
                    """
                    ```markdown
                    ## Data schema
                    | Database key          | Data type | Data order |
                    |-----------------------|-----------|------------|
                    | Person.name           | string    | nominal    |
                    | Person.survey_score   | integer   | ordinal    |
                    ```"""));

    public DataSchemaRule() {
        super(INFO, SECTION, FileSelector.allOf(PANDERA_CANDIDATES, CodeEvidence::files));
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        if (DataPresence.evidence(ctx).isEmpty()) {
            out.notApplicable();
            return;
        }
        if (!DocsOutline.of(ctx).schemaTables().isEmpty() || schemaFile(ctx).isPresent()) {
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
