package dev.mlreadiness.engine.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

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

    private static final String NO_SECTION = "Add a `## Experiments` section to README.md (or a page under docs/) "
            + "that says which models were tried, with which hyperparameters, and the metrics that picked the winner.";

    @Test
    void aMetricTableUnderAnyHeadingPasses() {
        String test = "# X\n\nIntro.\n\n## Test\n\n| Model | mAP@0.5 | FPS |\n|---|---|---|\n| yolo-s | 0.62 | 140 |\n";
        assertThat(TestRepo.create().file("README.md", test).scan(new ExperimentsRule()).findings()).isEmpty();

        String firstColumn = "# X\n\nIntro.\n\n| Metric | Value |\n|---|---|\n| accuracy | **93.1%** |\n";
        assertThat(TestRepo.create().file("docs/card.md", firstColumn).file("README.md", "# X\n\nIntro.\n")
                .scan(new ExperimentsRule()).findings()).isEmpty();

        String loss = "# X\n\n## Training log\n\n| epoch | val loss |\n|---|---|\n| 10 | 0.31 ± 0.02 |\n";
        assertThat(TestRepo.create().file("README.md", loss).scan(new ExperimentsRule()).findings()).isEmpty();
    }

    @Test
    void aTableWithoutAMetricScoreDoesNotPass() {
        String schema = "# X\n\nIntro.\n\n| Feature | Type |\n|---|---|\n| loss_amount | float |\n";
        String hyper = "# X\n\nIntro.\n\n| Parameter | Value |\n|---|---|\n| learning rate | 0.001 |\n";
        String noScore = "# X\n\nIntro.\n\n| Model | Accuracy |\n|---|---|\n| forest | best |\n";
        String metricName = "# X\n\nIntro.\n\n| loss | meaning |\n|---|---|\n| focal | for imbalance |\n";
        for (String md : List.of(schema, hyper, noScore, metricName)) {
            Report r = TestRepo.create().file("README.md", md).scan(new ExperimentsRule());
            assertThat(r.findings()).as(md).extracting(Finding::message).containsExactly(NO_SECTION);
        }
    }

    @Test
    void inflectedAndWiderHeadingsAreRead() {
        for (String heading : List.of("Evaluating the model", "Benchmarking", "Performance", "Ablations")) {
            String md = "# X\n\n## " + heading + "\n\nThe forest reaches an F1 of 0.7.\n";
            assertThat(TestRepo.create().file("README.md", md).scan(new ExperimentsRule()).findings()).as(heading)
                    .isEmpty();
        }
    }

    @Test
    void pullRequestAddingAMetricTableClosesTheGapAndRemovingItIsNew() {
        String table = "# X\n\nIntro.\n\n## Test\n\n| Model | F1 |\n|---|---|\n| forest | 0.7 |\n";
        Report added = TestRepo.create().file("README.md", "# X\n\nIntro.\n").change().modify("README.md", table)
                .evaluate(new ExperimentsRule());
        assertThat(added.findings()).isEmpty();

        Report removed = TestRepo.create().file("README.md", table).change()
                .modify("README.md", "# X\n\nIntro.\n").evaluate(new ExperimentsRule());
        assertThat(removed.findings()).extracting(Finding::ruleId, Finding::isNew)
                .containsExactly(tuple("docs/experiments", true));
    }

    @Test
    void aHugeTableCellIsNoScore() {
        String cell = "1".repeat(100_000) + "x";
        String md = "# X\n\nIntro.\n\n| Model | F1 |\n|---|---|\n| forest | " + cell + " |\n";
        assertThat(TestRepo.create().file("README.md", md).scan(new ExperimentsRule()).findings())
                .extracting(Finding::ruleId).containsExactly("docs/experiments");
    }
}
