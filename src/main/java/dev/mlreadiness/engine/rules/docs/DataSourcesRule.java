package dev.mlreadiness.engine.rules.docs;

import java.util.Collection;
import java.util.List;

import dev.mlreadiness.engine.RuleContext;
import dev.mlreadiness.engine.RuleDoc;
import dev.mlreadiness.engine.RuleInfo;
import dev.mlreadiness.engine.Scope;
import dev.mlreadiness.engine.Severity;
import dev.mlreadiness.engine.code.CodeEvidence;

/** {@code docs/data-sources}: a repository with data says where the data comes from. */
public final class DataSourcesRule extends SectionRule {

    private static final SectionCheck SECTION = new SectionCheck(List.of("data", "data source", "data sources",
            "dataset", "datasets", "data collection", "provenance"), "Data sources",
            "where the data comes from, who owns it, how it was collected and how to get it again",
            "data/README.md, DATASHEET.md or a page under docs/");

    public static final RuleInfo INFO = new RuleInfo("docs/data-sources", "Document where the data comes from",
            Severity.WARNING, Scope.REPOSITORY, new RuleDoc(
                    """
                    Applies when the repository has data: files in the data folder other than `.gitkeep` and \
                    READMEs, data files anywhere (`.csv .tsv .parquet .feather .arrow .h5 .hdf5 .npy .npz .jsonl \
                    .xlsx`), or DVC-tracked data (`*.dvc`, `dvc.yaml`), or data-loading code (`pd.read_*`, `np.load*`, \
                    `datasets.load_dataset`, `open(...csv)`). Then passes with a section of the \
                    documentation set whose heading contains data, data source(s), dataset(s), data collection or \
                    provenance as whole words (`Metadata` does not match; add words under `sections: \
                    docs/data-sources:`), with content.""",
                    """
                    Documenting data sources keeps track of where data comes from, and lets the team set up \
                    processes to evaluate and iterate on its quality. Without it, nobody can refresh the data, \
                    check its licence, or explain a drop in quality after the upstream changed.""",
                    "Add a `## Data sources` section (in README.md, data/README.md or DATASHEET.md) naming each "
                            + "source, its owner, how and when it was extracted, and how to fetch it again.",
                    """
                    ```text
                    data/raw/customers.csv
                    README.md          (no word on where customers.csv comes from)
                    ```""",
                    """
                    ```markdown
                    ## Data sources
                    - `data/raw/customers.csv`: CRM export (owner: sales-ops), pulled monthly with
                      `scripts/export_crm.sql`; last pull 2024-03-01; internal use only.
                    ```"""));

    public DataSourcesRule() {
        super(INFO, SECTION);
    }

    @Override
    protected Collection<String> alsoReads(RuleContext ctx) {
        return CodeEvidence.files(ctx);
    }

    @Override
    protected boolean applies(RuleContext ctx) {
        return DataPresence.evidence(ctx).isPresent();
    }
}
