package dev.mlreadiness.engine.rules.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.notebook.NotebookJson;

class EvaluationRuleTest {

    private final EvaluationRule rule = new EvaluationRule();

    private static final String NOTHING_FOUND = "No evaluation on held-out data found for the model trained in ";

    private Report scanTrain(String source) {
        return TestRepo.create().file("train.py", source).scan(rule);
    }

    private void assertPasses(Report r) {
        assertThat(r.findings()).isEmpty();
        assertThat(r.scores()).singleElement().extracting(s -> s.passed()).isEqualTo(1);
    }

    @Test
    void notApplicableWithoutTraining() {
        Report r = TestRepo.create().file("app.py", "import pandas as pd\n# model.fit(X)\ns = 'trainer.train()'\n")
                .file("tests/test_fit.py", "model.fit(X, y)\n").scan(rule);
        assertThat(r.findings()).isEmpty();
        assertThat(r.scores()).isEmpty();
    }

    @Test
    void aMetricLibraryAndASplitAnywhereStillPass() {
        Report r = TestRepo.create().file("src/train.py", "trainer.train()\n")
                .file("src/split.py", "from sklearn.model_selection import train_test_split\n")
                .file("src/eval.py", "import evaluate\nacc = evaluate.load('accuracy')\n"
                        + "a, b = train_test_split(X)\n")
                .scan(rule);
        assertPasses(r);
    }

    @Test
    void aLossOnTheValidationSplitThatPicksTheCheckpoint() {
        assertPasses(scanTrain("""
                import torch
                for epoch in range(10):
                    model.train()
                    for x, y in train_loader:
                        loss = criterion(model(x), y)
                        loss.backward()
                    model.eval()
                    val_loss = 0
                    with torch.no_grad():
                        for x, y in val_loader:
                            val_loss += criterion(model(x), y).item()
                    if val_loss < best:
                        torch.save(model.state_dict(), "best.pt")
                """));
        // the PyTorch tutorial: one loop over both phases, the loaders picked by name
        assertPasses(scanTrain("""
                for phase in ["train", "val"]:
                    model.train() if phase == "train" else model.eval()
                    for inputs, labels in dataloaders[phase]:
                        outputs = model(inputs)
                        loss = criterion(outputs, labels)
                """));
    }

    @Test
    void meanAveragePrecisionOnTheValidationSet() {
        assertPasses(scanTrain("""
                trainer.train()
                metric = MeanAveragePrecision()
                for images, targets in val_loader:
                    metric.update(model(images), targets)
                print(metric.compute()["map"])
                """));
    }

    @Test
    void scoreOnTheTestPartAfterTrainTestSplit() {
        assertPasses(scanTrain("""
                from sklearn.model_selection import train_test_split
                X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
                model.fit(X_train, y_train)
                print(model.score(X_test, y_test))
                """));
    }

    @Test
    void validationSetsHandedToTraining() {
        assertPasses(scanTrain("""
                trainer = Trainer(model=model, args=args, train_dataset=ds["train"], eval_dataset=ds["validation"])
                trainer.train()
                """));
        assertPasses(scanTrain("model.fit(X, y, epochs=5, validation_split=0.1)\n"));
        assertPasses(scanTrain("booster = xgb.train(params, dtrain, 100, evals=[(dvalid, 'valid')])\n"));
        assertPasses(scanTrain("trainer.fit(model, train_loader, val_loader)\n"));
        assertPasses(scanTrain("""
                class Net(pl.LightningModule):
                    def validation_step(self, batch, batch_idx):
                        self.log("loss", self.step(batch))
                trainer.fit(Net(), datamodule=dm)
                """));
        assertPasses(scanTrain("scores = cross_val_score(model, X, y, cv=5)\nmodel.fit(X, y)\n"));
    }

    @Test
    void aDvcStageThatEvaluatesASavedTestSplit() {
        Report r = TestRepo.create().file("src/train.py", "model.fit(X, y)\n")
                .file("src/evaluate.py", "preds = model.predict(X)\nrmse = np.sqrt(((preds - y) ** 2).mean())\n")
                .file("dvc.yaml", """
                        stages:
                          train:
                            cmd: python src/train.py data/train.csv
                            deps: [data/train.csv, src/train.py]
                          evaluate:
                            cmd: python src/evaluate.py model.pkl data/test.csv
                            deps: [model.pkl, data/test.csv, src/evaluate.py]
                            metrics: [metrics.json]
                        """).scan(rule);
        assertPasses(r);
        // a stage that does not evaluate, or evaluates the training file, is no held-out evaluation
        Report trap = TestRepo.create().file("src/train.py", "model.fit(X, y)\n").file("dvc.yaml", """
                stages:
                  prepare:
                    cmd: python src/prepare.py
                    deps: [data/test.csv]
                  evaluate:
                    cmd: python src/evaluate.py
                    deps: [data/train.csv, configs/test.yaml]
                """).scan(rule);
        assertThat(trap.findings()).extracting(Finding::message).singleElement().asString()
                .startsWith(NOTHING_FOUND + "src/train.py:1");
    }

    @Test
    void aTestFileReadInANotebookReachesTheMetric() {
        String nb = NotebookJson.create().code(1, "import pandas as pd\nclf.fit(X, y)\n")
                .code(2, "df = pd.read_csv('data/holdout.csv')\n")
                .code(3, "X2 = df.drop(columns='label')\nacc = accuracy(clf.predict(X2), df.label)\n").json();
        assertPasses(TestRepo.create().file("notebooks/model.ipynb", nb).scan(rule));
    }

    @Test
    void scoringOnTheTrainingDataIsStillFlaggedAndSaidSo() {
        Report same = scanTrain("model.fit(X, y)\nprint(model.score(X, y))\n");
        assertThat(same.findings()).extracting(Finding::location, Finding::isNew, Finding::message).containsExactly(
                tuple("", false, "No evaluation on held-out data found, and `model.score(X, y)` (train.py:2) scores "
                        + "the data the model was fitted on: compute the metric on a validation or test set the model "
                        + "does not train on (for example split off with `train_test_split`)."));
        Report trainPart = scanTrain("""
                X_train, X_test, y_train, y_test = train_test_split(X, y)
                model.fit(X_train, y_train)
                acc = model.score(X_train, y_train)
                """);
        assertThat(trainPart.findings()).extracting(Finding::message).singleElement().asString()
                .startsWith("No evaluation on held-out data found, and `model.score(X_train, y_train)` (train.py:3)");
    }

    @Test
    void aSplitWithoutEvaluationOnIt() {
        Report r = scanTrain("X_tr, X_te, y_tr, y_te = train_test_split(X, y)\nmodel.fit(X_tr, y_tr)\n");
        assertThat(r.findings()).extracting(Finding::message).containsExactly("No evaluation on held-out data found: "
                + "`train_test_split` (train.py:1) holds data out, but no metric, loss or `score` computed on it was "
                + "found. Compute one on the held-out part (for example `f1_score(y_test, model.predict(X_test))`).");
    }

    @Test
    void namesThatOnlyLookHeldOutDoNotCount() {
        Report r = scanTrain("""
                from sklearn.metrics import accuracy_score
                model.fit(X, y)
                print(accuracy_score(latest, model.predict(contest)))
                score(attestation, testing_mode)
                loss = criterion(pred[valid_mask], target[valid_mask])
                m = max_val
                """);
        assertThat(r.findings()).extracting(Finding::message).containsExactly("No evaluation on held-out data found: "
                + "metrics are computed (`from sklearn.metrics import accuracy_score` in train.py:1) but none on a "
                + "split or a file named val, validation, test or holdout. Compute them on data the model does not "
                + "train on (for example split off with `train_test_split`).");
    }

    @Test
    void stringsCommentsPredictionsAndInferenceLoopsAreNoEvaluation() {
        Report r = scanTrain("""
                import pandas as pd
                train = pd.read_csv("train.csv")
                test = pd.read_csv("test.csv")
                model.fit(train.drop(columns="y"), train.y)
                # print(model.score(X_test, y_test))
                print("model.score(X_test, y_test)")
                preds = model.predict(test)
                for x in test_loader:
                    outputs.append(model(x))
                pd.DataFrame({"y": preds}).to_csv("submission.csv")
                """);
        assertThat(r.findings()).extracting(Finding::message).singleElement().asString()
                .isEqualTo(NOTHING_FOUND + "train.py:4 (`model.fit(`): compute a metric, a loss or `score` on a "
                        + "validation or test set the model does not train on (for example split off with "
                        + "`train_test_split`).");
    }

    @Test
    void pullRequestThatAddsTheEvaluationPassesAndOneThatRemovesItIsNew() {
        TestRepo unevaluated = TestRepo.create().file("train.py", "model.fit(X_train, y_train)\n");
        Report fixed = unevaluated.change().modify("train.py", "model.fit(X_train, y_train)\n"
                + "print(model.score(X_val, y_val))\n").evaluate(rule);
        assertThat(fixed.findings()).isEmpty();

        TestRepo evaluated = TestRepo.create().file("train.py", "model.fit(X_train, y_train)\n"
                + "print(f1(y_val, model.predict(X_val)))\n");
        Report removed = evaluated.change().modify("train.py", "model.fit(X_train, y_train)\n"
                + "print(f1(y_train, model.predict(X_train)))\n").evaluate(rule);
        assertThat(removed.findings()).extracting(Finding::isNew, Finding::message).containsExactly(tuple(true,
                "No evaluation on held-out data found, and `f1(y_train, model.predict(X_train))` (train.py:2) scores "
                        + "the data the model was fitted on: compute the metric on a validation or test set the model "
                        + "does not train on (for example split off with `train_test_split`)."));

        Report stillMissing = unevaluated.change().add("notes.py", "x = 1\n").evaluate(rule);
        assertThat(stillMissing.findings()).extracting(Finding::isNew).containsExactly(false);
    }
}
