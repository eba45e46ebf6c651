package dev.mlreadiness.engine.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class DataSourcesRuleTest {

    private static final String MESSAGE = "Add a `## Data sources` section to README.md (or data/README.md, "
            + "DATASHEET.md or a page under docs/) that says where the data comes from, who owns it, how it was "
            + "collected and how to get it again.";

    @Test
    void noDataMeansNotApplicable() {
        Report r = TestRepo.create().file("README.md", "# X\n").file("data/.gitkeep", "")
                .file("data/raw/README.md", "# Raw\n").scan(new DataSourcesRule());
        assertThat(r.findings()).isEmpty();
        assertThat(r.scores()).isEmpty();
    }

    @Test
    void dataFolderWithoutSourcesSectionIsReported() {
        Report r = TestRepo.create().file("README.md", "# X\n\nIntro.\n").file("data/raw/customers.csv", "a,b\n")
                .scan(new DataSourcesRule());
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::path, Finding::message)
                .containsExactly(tuple("docs/data-sources", "README.md", MESSAGE));
    }

    @Test
    void metadataHeadingIsNotData() {
        Report r = TestRepo.create().file("README.md", "# X\n\n## Metadata\n\nOwner: team.\n")
                .file("train.parquet", 100).scan(new DataSourcesRule());
        assertThat(r.findings()).extracting(Finding::message).containsExactly(MESSAGE);
    }

    @Test
    void dataReadmeSectionPasses() {
        Report r = TestRepo.create().file("README.md", "# X\n").file("data/raw/customers.csv", "a,b\n")
                .file("data/README.md", "# Data\n\nCRM export, monthly.\n").scan(new DataSourcesRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void dvcPointerMakesItApplyAndTheFirstDataFileMakesItNew() {
        Report dvc = TestRepo.create().file("README.md", "# X\n").file("data.dvc", "outs:\n- path: data\n")
                .scan(new DataSourcesRule());
        assertThat(dvc.findings()).extracting(Finding::ruleId).containsExactly("docs/data-sources");

        Report pr = TestRepo.create().file("README.md", "# X\n").change().add("data/raw/a.csv", "x\n")
                .evaluate(new DataSourcesRule());
        assertThat(pr.findings()).extracting(Finding::ruleId, Finding::isNew)
                .containsExactly(tuple("docs/data-sources", true));
    }

    @Test
    void dataLoadingCodeMakesItApplyButAStringMentionDoesNot() {
        Report code = TestRepo.create().file("README.md", "# X\n\nIntro.\n")
                .file("src/load.py", "import pandas as pd\ndf = pd.read_csv(path)\n").scan(new DataSourcesRule());
        assertThat(code.findings()).extracting(Finding::message).containsExactly(MESSAGE);

        Report string = TestRepo.create().file("README.md", "# X\n\nIntro.\n")
                .file("src/load.py", "HELP = \"call pd.read_csv(path)\"\n").scan(new DataSourcesRule());
        assertThat(string.findings()).isEmpty();
    }

    @Test
    void aNestedDataReadmeDocumentsTheSourcesWhateverItsHeadings() {
        Report r = TestRepo.create().file("README.md", "# X\n\nIntro.\n").file("data/raw/customers.csv", "a,b\n")
                .file("data/raw/README.md", "# Raw customers\n\nMonthly CRM export (owner: sales-ops).\n")
                .scan(new DataSourcesRule());
        assertThat(r.findings()).isEmpty();
        assertThat(r.scores()).isNotEmpty();
    }

    @Test
    void aNestedReadmeWithOnlyATitleOrOutsideTheDataFolderDoesNotCount() {
        Report title = TestRepo.create().file("README.md", "# X\n\nIntro.\n").file("data/raw/customers.csv", "a\n")
                .file("data/raw/README.md", "# Raw customers\n").scan(new DataSourcesRule());
        assertThat(title.findings()).extracting(Finding::message).containsExactly(MESSAGE);

        Report elsewhere = TestRepo.create().file("README.md", "# X\n\nIntro.\n").file("data/raw/customers.csv", "a\n")
                .file("src/loaders/README.md", "# Loaders\n\nMonthly CRM export.\n").scan(new DataSourcesRule());
        assertThat(elsewhere.findings()).extracting(Finding::message).containsExactly(MESSAGE);
    }

    @Test
    void theConfiguredDataFolderReadmesCountToo() {
        Report r = TestRepo.create().config("enabled: true\npaths:\n  data: datasets\n")
                .file("README.md", "# X\n\nIntro.\n").file("datasets/imdb/train.csv", "a\n")
                .file("datasets/imdb/README.md", "# IMDB\n\nFrom Maas et al. 2011, downloaded with `get.sh`.\n")
                .scan(new DataSourcesRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void pullRequestAddingANestedDataReadmeClosesTheGap() {
        Report r = TestRepo.create().file("README.md", "# X\n\nIntro.\n").file("data/raw/customers.csv", "a\n")
                .change().add("data/raw/README.md", "# Raw\n\nMonthly CRM export.\n").evaluate(new DataSourcesRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void inflectedAndWiderHeadingsPassButLongerWordsDoNot() {
        for (String heading : List.of("Datasets", "Corpus", "Data collected", "Where the data comes from")) {
            Report r = TestRepo.create().file("README.md", "# X\n\n## " + heading + "\n\nCRM export.\n")
                    .file("train.parquet", 100).scan(new DataSourcesRule());
            assertThat(r.findings()).as(heading).isEmpty();
        }
        Report r = TestRepo.create().file("README.md", "# X\n\n## Databases\n\nPostgres.\n")
                .file("train.parquet", 100).scan(new DataSourcesRule());
        assertThat(r.findings()).extracting(Finding::message).containsExactly(MESSAGE);
    }

    @Test
    void theCookiecutterStockPagesDoNotDocumentTheData() {
        // "Syncing data to S3" is a heading with data in it, over the template's own list items
        Report r = TestRepo.create().file("README.md", CookiecutterFiles.README)
                .file("docs/commands.rst", CookiecutterFiles.COMMANDS)
                .file("src/make_dataset.py", "import pandas as pd\ndf = pd.read_csv('data/raw/x.csv')\n")
                .scan(new DataSourcesRule());
        assertThat(r.findings()).extracting(Finding::path, Finding::message).containsExactly(tuple(
                "docs/commands.rst", "The `Syncing data to S3` section of docs/commands.rst holds only template "
                        + "text: say where the data comes from, who owns it, how it was collected and how to get it "
                        + "again."));

        String title = CookiecutterFiles.README.replace("churn-prediction\n", "Customer data study\n");
        Report titled = TestRepo.create().file("README.md", title).file("train.parquet", 100)
                .scan(new DataSourcesRule());
        assertThat(titled.findings()).extracting(Finding::message).containsExactly("The `# Customer data study` "
                + "section of README.md holds only template text: say where the data comes from, who owns it, how "
                + "it was collected and how to get it again.");
    }
}
