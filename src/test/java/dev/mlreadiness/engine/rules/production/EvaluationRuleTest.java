package dev.mlreadiness.engine.rules.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class EvaluationRuleTest {

    private final EvaluationRule rule = new EvaluationRule();

    @Test
    void notApplicableWithoutTraining() {
        Report r = TestRepo.create().file("app.py", "import pandas as pd\n# model.fit(X)\ns = 'trainer.train()'\n")
                .file("tests/test_fit.py", "model.fit(X, y)\n").scan(rule);
        assertThat(r.findings()).isEmpty();
        assertThat(r.scores()).isEmpty();
    }

    @Test
    void trainingNeedsAMetricAndASplit() {
        Report none = TestRepo.create().file("train.py", "model.fit(X, y)\nprint(model.score(X, y))\n").scan(rule);
        assertThat(none.findings()).extracting(Finding::location, Finding::isNew).containsExactly(tuple("", false));
        assertThat(none.findings().get(0).message()).startsWith("Evaluate the trained model on held-out data");

        Report noSplit = TestRepo.create().file("train.py", "from sklearn.metrics import f1_score\nmodel.fit(X, y)\n")
                .scan(rule);
        assertThat(noSplit.findings()).extracting(Finding::message).singleElement().asString()
                .startsWith("Compute the metrics on held-out data");

        Report noMetric = TestRepo.create().file("train.py", "model.fit(X, y, validation_split=0.1)\n").scan(rule);
        assertThat(noMetric.findings()).extracting(Finding::message).singleElement().asString()
                .startsWith("Report a metric on the held-out split");
    }

    @Test
    void metricAndSplitMayLiveInOtherFilesOrNotebooks() {
        Report r = TestRepo.create().file("src/train.py", "trainer.train()\n")
                .file("src/split.py", "from sklearn.model_selection import train_test_split\n")
                .file("src/eval.py", "import evaluate\nacc = evaluate.load('accuracy')\n"
                        + "a, b = train_test_split(X)\n").scan(rule);
        assertThat(r.findings()).isEmpty();
        assertThat(r.scores()).singleElement().extracting(s -> s.passed()).isEqualTo(1);
    }

    @Test
    void pullRequestThatRemovesTheSplitCausesANewFinding() {
        Report r = TestRepo.create().file("train.py", "from sklearn.metrics import f1_score\nmodel.fit(X, y)\n"
                + "a, b = train_test_split(X)\n")
                .change().modify("train.py", "from sklearn.metrics import f1_score\nmodel.fit(X, y)\n").evaluate(rule);
        assertThat(r.findings()).extracting(Finding::isNew).containsExactly(true);
    }
}
