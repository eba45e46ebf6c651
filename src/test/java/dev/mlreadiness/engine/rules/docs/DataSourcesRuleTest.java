package dev.mlreadiness.engine.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
}
