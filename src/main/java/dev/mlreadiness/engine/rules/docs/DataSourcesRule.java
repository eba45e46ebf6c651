package dev.mlreadiness.engine.rules.docs;

import java.util.List;
import java.util.Optional;

import dev.mlreadiness.engine.code.CodeEvidence;
import dev.mlreadiness.engine.config.ProjectPaths;
import dev.mlreadiness.engine.docs.DataPresence;
import dev.mlreadiness.engine.docs.DocsOutline;
import dev.mlreadiness.engine.docs.SectionCheck;
import dev.mlreadiness.engine.docs.TemplateText;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;

/** {@code docs/data-sources}: a repository with data says where the data comes from. */
public final class DataSourcesRule extends SectionRule {

    private static final SectionCheck SECTION = new SectionCheck(List.of("data", "data source", "dataset",
            "data collection", "provenance", "corpus", "corpora", "datasheet"), "Data sources",
            "where the data comes from, who owns it, how it was collected and how to get it again",
            "data/README.md, DATASHEET.md or a page under docs/");

    public static final RuleInfo INFO = new RuleInfo("docs/data-sources", "Document where the data comes from",
            Severity.WARNING, Scope.REPOSITORY, new RuleDoc(
                    """
                    Applies when the repository has data: files in the data folder other than `.gitkeep` and \
                    READMEs, data files anywhere (`.csv .tsv .parquet .feather .arrow .h5 .hdf5 .npy .npz .jsonl \
                    .xlsx`), or DVC-tracked data (`*.dvc`, `dvc.yaml`), or data-loading code (`pd.read_*`, \
                    `np.load*`, `datasets.load_dataset`, `open(...csv)`). Then passes with a README (or another \
                    doc of the set) inside the data folder, at any depth, with content of its own whatever its \
                    headings (`data/raw/README.md` saying where the raw files come from); or with a section of the \
                    documentation set whose heading contains data, data source, dataset, data collection, \
                    provenance, corpus, corpora or datasheet (`Metadata` does not match; add words under \
                    `sections: docs/data-sources:`), with content.

                    """ + SectionCheck.HOW_SECTIONS_MATCH,
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
                    ```""").withKnownProblems("""
                    A README in the data folder passes whatever its headings, as long as it has content of its own: a
                    README next to the data is where people document it, though it may not say where the data comes
                    from.
                    """));

    public DataSourcesRule() {
        super(INFO, SECTION, CodeEvidence::files);
    }

    @Override
    protected boolean applies(RuleContext ctx) {
        return DataPresence.evidence(ctx).isPresent();
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        if (!applies(ctx)) {
            out.notApplicable();
            return;
        }
        if (dataFolderDoc(ctx).isEmpty()) {
            SECTION.require(ctx, INFO.id(), out);
        }
    }

    /**
     * A doc of the set inside the data folder (or {@code data/}) with content of its own, whatever its headings:
     * a README next to the data documents it.
     */
    private static Optional<String> dataFolderDoc(RuleContext ctx) {
        String dataFolder = ctx.paths().data();
        return DocsOutline.of(ctx).docs().stream()
                .filter(d -> ProjectPaths.isUnder(d.path(), dataFolder) || ProjectPaths.isUnder(d.path(), "data"))
                .filter(d -> d.document().hasContent(TemplateText::matches))
                .map(DocsOutline.Doc::path).findFirst();
    }
}
