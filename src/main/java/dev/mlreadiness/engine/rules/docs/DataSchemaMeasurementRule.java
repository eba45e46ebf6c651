package dev.mlreadiness.engine.rules.docs;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.mlreadiness.engine.docs.DocsOutline;
import dev.mlreadiness.engine.rule.AbstractRule;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;

/** {@code docs/data-schema-measurement}: the schema tables give each field's level of measurement. */
public final class DataSchemaMeasurementRule extends AbstractRule {

    public static final RuleInfo INFO = new RuleInfo("docs/data-schema-measurement",
            "Give the level of measurement in the schema", Severity.NOTICE, Scope.REPOSITORY, new RuleDoc(
                    """
                    Runs only when the documentation set has a schema table (see `docs/data-schema`). A table \
                    gives the level of measurement when a header cell contains order, scale, level or \
                    measurement (the course's `Data order` counts), or a body cell outside the name column says \
                    nominal, ordinal, interval or ratio as a whole word. One finding per doc file whose schema \
                    tables do not all give it.""",
                    """
                    The level of measurement (nominal, ordinal, interval, ratio) says which operations make \
                    sense on a field: averaging an ordinal survey score or one-hot encoding a ratio is a silent \
                    modelling error. Written in the schema, it guides feature engineering and data validation.""",
                    "Add a column such as `Data order` or `Level` to the schema table, with nominal, ordinal, "
                            + "interval or ratio for each field.",
                    """
                    ```markdown
                    | Column       | Type    |
                    |--------------|---------|
                    | survey_score | integer |
                    ```""",
                    """
                    ```markdown
                    | Column       | Type    | Level   |
                    |--------------|---------|---------|
                    | survey_score | integer | ordinal |
                    ```"""));

    public DataSchemaMeasurementRule() {
        super(INFO, DocsOutline::files);
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        List<DocsOutline.DocSchemaTable> tables = DocsOutline.of(ctx).schemaTables();
        if (tables.isEmpty()) {
            out.notApplicable();
            return;
        }
        Set<String> lacking = new LinkedHashSet<>();
        tables.stream().filter(t -> !t.table().givesMeasurement()).forEach(t -> lacking.add(t.path()));
        for (String path : lacking) {
            out.repository(path, "Add a level-of-measurement column (e.g. `Data order`: nominal, ordinal, interval, "
                    + "ratio) to the schema table in " + path + ".");
        }
    }
}
