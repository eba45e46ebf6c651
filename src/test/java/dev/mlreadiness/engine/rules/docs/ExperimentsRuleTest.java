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

    private static final String TRAIN = """
            from sklearn.ensemble import RandomForestClassifier as RFC
            from sklearn.linear_model import LogisticRegression
            from sklearn.calibration import CalibratedClassifierCV
            import xgboost as xgb

            for model in [RFC(n_estimators=300), LogisticRegression(C=0.1), xgb.XGBClassifier()]:
                CalibratedClassifierCV(model).fit(X_train, y_train)
            """;

    private static Report scan(String readme) {
        return TestRepo.create().file("README.md", readme).file("src/train.py", TRAIN).scan(new ExperimentsRule());
    }

    @Test
    void accuracyWasGoodGivesNoScore() {
        Report r = TestRepo.create().file("README.md", "# X\n\n## Experiments\n\nAccuracy was good.\n")
                .scan(new ExperimentsRule());
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::path, Finding::message).containsExactly(tuple(
                "docs/experiments", "README.md", "The `## Experiments` section of README.md names a metric but no "
                        + "score: give its value for the models compared (e.g. `F1 0.68`, or a table of scores), or "
                        + "link the experiment tracker that holds them."));
    }

    @Test
    void aMetricWithItsValuePasses() {
        for (String text : List.of("The forest reaches AUC 0.91.", "Accuracy: 93 % on the hold-out set.",
                "An F1-score of .68 for the forest.", "RMSE\n\n1200 dollars on the test year.")) {
            Report r = TestRepo.create().file("README.md", "# X\n\n## Results\n\n" + text + "\n")
                    .scan(new ExperimentsRule());
            assertThat(r.findings()).as(text).isEmpty();
        }
        // F1 and top-5 are names, not scores; 3 models is a count
        for (String text : List.of("We compared F1 and top-5 accuracy.", "Accuracy of 3 models was good.")) {
            Report r = TestRepo.create().file("README.md", "# X\n\n## Results\n\n" + text + "\n")
                    .scan(new ExperimentsRule());
            assertThat(r.findings()).as(text).extracting(Finding::message).singleElement().asString()
                    .contains("names a metric but no score");
        }
    }

    @Test
    void aTrackerLinkOrACommittedMetricsFileHoldsTheScores() {
        String link = "# X\n\n## Experiments\n\nAccuracy per run on [W&B](https://wandb.ai/acme/churn).\n";
        assertThat(TestRepo.create().file("README.md", link).scan(new ExperimentsRule()).findings()).isEmpty();
        Report metrics = TestRepo.create().file("README.md", "# X\n\n## Experiments\n\nAccuracy was good.\n")
                .file("reports/metrics.json", "{\"accuracy\": 0.9}\n").scan(new ExperimentsRule());
        assertThat(metrics.findings()).isEmpty();
    }

    @Test
    void theModelsTheCodeTrainsMustBeNamed() {
        Report r = scan("# X\n\n## Results\n\nThe forest reaches AUC 0.91.\n");
        assertThat(r.findings()).extracting(Finding::path, Finding::message).containsExactly(tuple("README.md",
                "The docs never name the models the code trains: `RandomForestClassifier` (src/train.py:6), "
                        + "`LogisticRegression` (src/train.py:6), `XGBClassifier` (src/train.py:6). Say in the "
                        + "`## Results` section of README.md which models were tried and how each scored."));
    }

    @Test
    void preprocessingEstimatorsUnsupervisedHelpersAndEdaNotebooksAreNotCandidateModels() {
        String train = """
                from sklearn.experimental import enable_iterative_imputer
                from sklearn.impute import IterativeImputer
                from sklearn.linear_model import BayesianRidge
                from sklearn.ensemble import IsolationForest, AdaBoostClassifier
                from sklearn.cluster import KMeans
                from sklearn.tree import DecisionTreeClassifier
                X = IterativeImputer(estimator=BayesianRidge(), random_state=SEED).fit_transform(X)
                X = X[IsolationForest(random_state=SEED).fit_predict(X) == 1]
                clusters = KMeans(n_clusters=8, random_state=SEED, n_init=10).fit_predict(X)
                model = AdaBoostClassifier(DecisionTreeClassifier(max_depth=2)).fit(X, y)
                """;
        String eda = "{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"source\": "
                + "[\"from sklearn.linear_model import LinearRegression\\n\", "
                + "\"trend = LinearRegression().fit(df[['km']], df.price)\\n\"]}], "
                + "\"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
        Report r = TestRepo.create().file("README.md", "# X\n\n## Results\n\nAdaBoost: F1 0.81.\n")
                .file("src/train.py", train).file("notebooks/01-eda.ipynb", eda).scan(new ExperimentsRule());
        assertThat(r.findings()).isEmpty();
        // a clustering is the model when nothing supervised is trained
        Report clustering = TestRepo.create().file("README.md", "# X\n\n## Results\n\nSilhouette 0.41.\n")
                .file("src/train.py", "from sklearn.cluster import KMeans\nKMeans(n_clusters=8).fit(X)\n")
                .scan(new ExperimentsRule());
        assertThat(clustering.findings()).extracting(Finding::message).singleElement().asString()
                .contains("`KMeans` (src/train.py:2)");
    }

    @Test
    void classNamesProseNamesAndATableNameTheModels() {
        for (String readme : List.of(
                "# X\n\n## Results\n\nRandomForestClassifier: AUC 0.91; LogisticRegression 0.84; XGBClassifier 0.9.\n",
                "# X\n\n## Results\n\nA random forest (AUC 0.91) beat logistic regression (0.84) and XGBoost (0.90).\n",
                "# X\n\n## Model\n\nA Random-Forest.\n\n## Results\n\n| Model | AUC |\n|---|---|\n"
                        + "| Logistic regression | 0.84 |\n| xgboost | 0.90 |\n")) {
            assertThat(scan(readme).findings()).as(readme).isEmpty();
        }
        // a metric table alone documents the experiments: the models must be in it or elsewhere in the docs
        Report table = scan("# X\n\nIntro.\n\n| Model | AUC |\n|---|---|\n| forest | 0.91 |\n");
        assertThat(table.findings()).extracting(Finding::message).singleElement().asString()
                .startsWith("The docs never name the models the code trains: `RandomForestClassifier`")
                .contains("Say in README.md which models");
    }

    @Test
    void aTrackerWithoutExperimentDocsIsNotAskedForTheModels() {
        Report r = TestRepo.create().file("README.md", "# X\n\nIntro.\n")
                .file("src/train.py", "import mlflow\n" + TRAIN).scan(new ExperimentsRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void aPullRequestAddingAnUnnamedModelMakesThatModelNew() {
        String readme = "# X\n\n## Results\n\nA random forest: AUC 0.91.\n";
        TestRepo repo = TestRepo.create().file("README.md", readme)
                .file("train.py", "from sklearn.ensemble import RandomForestClassifier\nRandomForestClassifier()\n");
        Report r = repo.change().add("svm.py", "from sklearn.svm import SVC as S\nS().fit(X, y)\n")
                .evaluate(new ExperimentsRule());
        assertThat(r.findings()).extracting(Finding::message, Finding::isNew).containsExactly(tuple(
                "The docs never name the model the code trains: `SVC` (svm.py:2). Say in the `## Results` section "
                        + "of README.md which models were tried and how each scored.",
                true));
        Report named = repo.change().add("svm.py", "from sklearn.svm import SVC as S\nS().fit(X, y)\n")
                .modify("README.md", readme + "\nAn SVM reached 0.88.\n").evaluate(new ExperimentsRule());
        assertThat(named.findings()).isEmpty();
    }
}
