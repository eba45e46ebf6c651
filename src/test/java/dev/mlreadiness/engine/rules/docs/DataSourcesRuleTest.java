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

    private static TestRepo withSection(String body) {
        return TestRepo.create().file("README.md", "# Churn\n\nPredicts churn.\n\n## Data sources\n\n" + body)
                .file("data/raw/customers.csv", "a,b\n");
    }

    private static final String NO_SOURCE = "The `## Data sources` section of README.md does not say where the data "
            + "comes from: name its source (a link, a DOI, the dataset's name, the query or script that extracts it, "
            + "or its owner).";

    @Test
    void aSectionThatNamesNoSourceIsReported() {
        for (String body : List.of("From somewhere.\n", "Public data, cleaned up.\n",
                "<!-- https://example.com/todo -->\nTo be written.\n",
                "| Column | Type |\n|---|---|\n| Survived | int |\n| Pclass | int |\n")) {
            Report r = withSection(body).scan(new DataSourcesRule());
            assertThat(r.findings()).as(body).extracting(Finding::path, Finding::message)
                    .containsExactly(tuple("README.md", NO_SOURCE));
        }
    }

    @Test
    void aLinkADoiANameAQueryOrAnOwnerIsASource() {
        for (String body : List.of("See [the UCI page](https://archive.ics.uci.edu/dataset/2/adult).\n",
                "Downloaded from [here](https://example.com/customers.zip).\n",
                "https://example.com/customers.csv\n", "Published as doi:10.5281/zenodo.1234567.\n",
                "The Ames Housing data compiled by Dean De Cock.\n", "The imdb dataset, 25k labelled reviews.\n",
                "Loaded with `load_dataset(\"imdb\")`.\n", "Hub id: `stanfordnlp/imdb`.\n",
                "```sql\nSELECT * FROM crm.customers\n```\n", "Exported monthly, ask data-team@example.com.\n",
                "Owner: sales-ops.\n", "Synthetic, generated with `scripts/make_data.py`.\n",
                "We collected the survey answers in 2023.\n")) {
            Report r = withSection(body).scan(new DataSourcesRule());
            assertThat(r.findings()).as(body).isEmpty();
        }
    }

    @Test
    void aDataFolderReadmeWithoutASourceIsReported() {
        Report r = TestRepo.create().file("README.md", "# X\n\nIntro.\n").file("data/raw/customers.csv", "a\n")
                .file("data/README.md", "# Files\n\nsome files we use.\n").scan(new DataSourcesRule());
        assertThat(r.findings()).extracting(Finding::path, Finding::message).containsExactly(tuple("data/README.md",
                "data/README.md does not say where the data comes from: name its source (a link, a DOI, the "
                        + "dataset's name, the query or script that extracts it, or its owner)."));
    }

    @Test
    void rawFilesTheSourcesDoNotCoverAreNamed() {
        TestRepo repo = withSection("`customers.csv` is the monthly CRM export (owner: sales-ops).\n")
                .file("data/raw/weather/daily.csv", "a\n").file("data/raw/holidays.parquet", 10)
                .file("data/processed/features.csv", "a\n");
        Report r = repo.scan(new DataSourcesRule());
        assertThat(r.findings()).extracting(Finding::path, Finding::message).containsExactly(tuple("README.md",
                "The data docs in README.md name no source for data/raw/holidays.parquet and "
                        + "data/raw/weather/daily.csv: say where each comes from (a link, a DOI, the dataset's name, "
                        + "the query or script that extracts it, or its owner), or that all files share one source."));

        // a README beside the weather data, a general statement, or a statement about all files covers them
        assertThat(repo.file("data/raw/weather/README.md", "# Weather\n\nFrom https://open-meteo.com.\n")
                .file("data/raw/holidays.parquet.dvc", "outs:\n- path: holidays.parquet\n")
                .scan(new DataSourcesRule()).findings()).extracting(Finding::message).singleElement().asString()
                .contains("for data/raw/holidays.parquet:");
        assertThat(withSection("The CRM export and the weather service's archive (owner: sales-ops).\n")
                .file("data/raw/weather/daily.csv", "a\n").scan(new DataSourcesRule()).findings()).isEmpty();
        assertThat(withSection("`customers.csv` is the CRM export; all other files come from the Open-Meteo API.\n")
                .file("data/raw/weather/daily.csv", "a\n").scan(new DataSourcesRule()).findings()).isEmpty();
    }

    @Test
    void aSplitBesideANamedSplitSharesItsSource() {
        Report r = TestRepo.create().file("README.md", "# Titanic\n\nWho survived.\n\n## Data\n\n"
                + "`train.csv` from the [Kaggle competition](https://www.kaggle.com/c/titanic).\n")
                .file("data/raw/train.csv", "a\n").file("data/raw/test.csv", "a\n").scan(new DataSourcesRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void aPullRequestAddingAnUncoveredFileMakesItNew() {
        TestRepo repo = withSection("`customers.csv` is the monthly CRM export (owner: sales-ops).\n")
                .file("data/raw/weather/daily.csv", "a\n");
        Report r = repo.change().add("data/raw/events/logins.csv", "a\n").evaluate(new DataSourcesRule());
        assertThat(r.findings()).extracting(Finding::isNew).containsExactly(true);
        assertThat(r.findings()).extracting(Finding::message).singleElement().asString()
                .contains("data/raw/events/logins.csv and data/raw/weather/daily.csv");
        Report same = repo.change().modify("data/raw/customers.csv", "a,b,c\n").evaluate(new DataSourcesRule());
        assertThat(same.findings()).extracting(Finding::isNew).containsExactly(false);
        Report fixed = repo.change().modify("README.md", "# Churn\n\nPredicts churn.\n\n## Data sources\n\n"
                + "`customers.csv` is the monthly CRM export (owner: sales-ops); `daily.csv` comes from "
                + "https://open-meteo.com.\n").evaluate(new DataSourcesRule());
        assertThat(fixed.findings()).isEmpty();
    }
}
