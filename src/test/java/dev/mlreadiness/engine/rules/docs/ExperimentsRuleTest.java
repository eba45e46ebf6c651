package dev.mlreadiness.engine.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class ExperimentsRuleTest {

    @Test
    void resultsTableNamingAMetricPasses() {
        String md = "# X\n\n## Results\n\n| Model | F1-score |\n|---|---|\n| RF | 0.7 |\n";
        assertThat(TestRepo.create().file("README.md", md).scan(new ExperimentsRule()).findings()).isEmpty();
    }

    @Test
    void metricInASubsectionOrTheHeadingCounts() {
        String md = "# X\n\n## Evaluation\n\n### ROC AUC\n\n0.84 on hold-out.\n";
        assertThat(TestRepo.create().file("README.md", md).scan(new ExperimentsRule()).findings()).isEmpty();
    }

    @Test
    void sectionThatNamesNoMetricIsReported() {
        String md = "# X\n\n## Experiments\n\nWe tried a few models; the forest was best. Accurately tuned.\n";
        Report r = TestRepo.create().file("README.md", md).scan(new ExperimentsRule());
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::path, Finding::message).containsExactly(tuple(
                "docs/experiments", "README.md", "The `## Experiments` section of README.md names no metric: say "
                        + "which metrics (e.g. accuracy, F1, RMSE) compared the models, with their scores."));
    }

    @Test
    void metricOutsideAMatchingSectionDoesNotCount() {
        String md = "# X\n\nOur accuracy is 0.9.\n\n## Usage\n\nRun it.\n";
        Report r = TestRepo.create().file("README.md", md).scan(new ExperimentsRule());
        assertThat(r.findings()).extracting(Finding::message).containsExactly("Add a `## Experiments` section to "
                + "README.md (or a page under docs/) that says which models were tried, with which hyperparameters, "
                + "and the metrics that picked the winner.");
    }

    @Test
    void dvcParamsWithMetricsIsATracker() {
        Report r = TestRepo.create().file("README.md", "# X\n\nIntro.\n").file("params.yaml", "lr: 0.1\n")
                .file("dvc.yaml", "stages:\n  train:\n    cmd: python train.py\n    metrics:\n    - m.json\n")
                .scan(new ExperimentsRule());
        assertThat(r.findings()).isEmpty();

        Report paramsOnly = TestRepo.create().file("README.md", "# X\n\nIntro.\n").file("params.yaml", "lr: 0.1\n")
                .scan(new ExperimentsRule());
        assertThat(paramsOnly.findings()).extracting(Finding::ruleId).containsExactly("docs/experiments");
    }

    @Test
    void mlflowInCodeIsATracker() {
        Report r = TestRepo.create().file("README.md", "# X\n\nIntro.\n")
                .file("train.py", "import mlflow\nmlflow.log_metric(\"f1\", 0.7)\n").scan(new ExperimentsRule());
        assertThat(r.findings()).isEmpty();
    }
}
