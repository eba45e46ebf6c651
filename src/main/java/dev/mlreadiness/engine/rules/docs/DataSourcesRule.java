package dev.mlreadiness.engine.rules.docs;

import java.util.ArrayList;
import java.util.List;

import dev.mlreadiness.engine.code.CodeEvidence;
import dev.mlreadiness.engine.config.ProjectPaths;
import dev.mlreadiness.engine.data.SourceCoverage;
import dev.mlreadiness.engine.data.SourceMentions;
import dev.mlreadiness.engine.docs.DataPresence;
import dev.mlreadiness.engine.docs.DocSection;
import dev.mlreadiness.engine.docs.DocsOutline;
import dev.mlreadiness.engine.docs.SectionCheck;
import dev.mlreadiness.engine.docs.SectionSearch;
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

                    That documentation must name a source for the data, read from its Markdown source: a link (a \
                    Markdown link to anything but an anchor of the page, a bare URL, `s3://` and the like), a DOI, \
                    a query or code (a fenced code block, SQL, a command or call in inline code such as \
                    `load_dataset("imdb")`, a script named by its file), an owner (an e-mail address, an `@handle`, \
                    owner, maintained by, provided by, team, "we collected ..."), a dataset id in inline code \
                    (`owner/name`), a data platform (Kaggle, Hugging Face, UCI, OpenML, Zenodo, a warehouse, an \
                    API), synthetic data ("generated with"), or a named dataset: a name before "dataset" or \
                    "corpus", a capitalised word inside a sentence or an acronym in prose (`the Ames Housing data`, \
                    `the CRM export`); words in tables, code, headings and HTML comments do not count. "From \
                    somewhere." names no source: the finding names the section. When the data folder holds several \
                    raw data files (outside processed, interim and output folders; a `.dvc` file counts for what it \
                    tracks) and the documentation names some of them by file name, the others must be covered too: \
                    by their file name or name without extension, a folder they lie in, a README in their own folder \
                    that names a source, a split beside a named split (`test.csv` beside `train.csv`), or a sentence \
                    about all files ("all other files come from ..."). Documentation that names no file in \
                    particular speaks of all of them. The finding lists the files left without a source.

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
                    ```

                    or a section that names no source:

                    ```markdown
                    ## Data sources
                    From somewhere.
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

    private static final String SOURCE_KINDS = "a link, a DOI, the dataset's name, the query or script that "
            + "extracts it, or its owner";
    private static final String NAME_A_SOURCE = "name its source (" + SOURCE_KINDS + ")";

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
        List<DocsOutline.Doc> folderDocs = dataFolderDocs(ctx);
        SectionSearch search = SECTION.search(ctx, INFO.id());
        if (folderDocs.isEmpty() && !search.isFound()) {
            SECTION.reportGap(ctx, search, out);
            return;
        }
        // where the data is documented, it must say where it comes from
        StringBuilder all = new StringBuilder();
        List<String> withSource = new ArrayList<>();
        for (DocsOutline.Doc d : folderDocs) {
            String text = ctx.text(d.path()).orElse(d.document().plainText());
            all.append(text).append('\n');
            if (SourceMentions.source(text).isPresent()) {
                withSource.add(d.path());
            }
        }
        for (DocSection s : search.found()) {
            String text = SourceMentions.sectionSource(ctx, s);
            all.append(text).append('\n');
            if (SourceMentions.source(text).isPresent()) {
                withSource.add(s.path());
            }
        }
        if (withSource.isEmpty()) {
            String where = search.isFound() ? "The " + search.found().get(0).label()
                    : folderDocs.get(0).path();
            String path = search.isFound() ? search.found().get(0).path() : folderDocs.get(0).path();
            out.repository(path, where + " does not say where the data comes from: " + NAME_A_SOURCE + ".",
                    List.of("no source named"));
            return;
        }
        List<String> uncovered = SourceCoverage.uncovered(ctx, all.toString(), withSource);
        if (!uncovered.isEmpty()) {
            List<String> shown = uncovered.stream().limit(uncovered.size() > 4 ? 3 : 4).toList();
            String names = String.join(", ", shown) + (uncovered.size() > shown.size()
                    ? " and " + (uncovered.size() - shown.size()) + " more"
                    : "");
            if (uncovered.size() == shown.size() && shown.size() > 1) {
                names = String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.get(shown.size() - 1);
            }
            out.repository(withSource.get(0), "The data docs in " + withSource.get(0) + " name no source for "
                    + names + ": say where " + (uncovered.size() == 1 ? "it comes" : "each comes") + " from ("
                    + SOURCE_KINDS + "), or that all files share one source.",
                    uncovered.stream().map(f -> "no source for " + f).toList());
        }
    }

    /**
     * The docs of the set inside the data folder (or {@code data/}) with content of their own, whatever their
     * headings: a README next to the data documents it.
     */
    private static List<DocsOutline.Doc> dataFolderDocs(RuleContext ctx) {
        String dataFolder = ctx.paths().data();
        return DocsOutline.of(ctx).docs().stream()
                .filter(d -> ProjectPaths.isUnder(d.path(), dataFolder) || ProjectPaths.isUnder(d.path(), "data"))
                .filter(d -> d.document().hasContent(TemplateText::matches)).toList();
    }
}
