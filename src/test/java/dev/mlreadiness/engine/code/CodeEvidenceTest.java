package dev.mlreadiness.engine.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.notebook.NotebookJson;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.ChangeSet;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Snapshot;

class CodeEvidenceTest {

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, Long> sizes = new LinkedHashMap<>();

    private CodeEvidenceTest file(String path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    private RuleContext context() {
        List<FileEntry> entries = new ArrayList<>();
        files.forEach((p, b) -> entries.add(new FileEntry(p, sizes.getOrDefault(p, (long) b.length))));
        Snapshot s = Snapshot.of(entries, f -> Optional.ofNullable(files.get(f.path())));
        return new RuleContext(s, ChangeSet.fullScan(), ReadinessConfig.defaults(), RuleContext.Side.HEAD);
    }

    private CodeEvidence evidence() {
        return CodeEvidence.of(context());
    }

    @Test
    void classifierTrainingThroughAliasesWithTraps() {
        CodeEvidence e = file("src/train.py", """
                from sklearn.ensemble import RandomForestClassifier as RFC
                import xgboost as xgb
                from sklearn.linear_model import LogisticRegression
                import torch.nn as nn
                import tensorflow as tf
                '''RandomForestClassifier() in a docstring'''
                # SVC() in a comment
                clf = RFC(n_estimators=10)
                b = xgb.XGBClassifier()
                lr = LogisticRegression()
                crit = nn.CrossEntropyLoss()
                model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
                l2 = tf.keras.losses.BinaryCrossentropy()
                reg = LinearRegression()
                build_classifier()
                text = "SVC()"
                model.compile(loss="mse")
                """).evidence();
        assertThat(e.classifierTraining()).extracting(Evidence::path, Evidence::line, Evidence::what).containsExactly(
                tuple("src/train.py", 8, "RFC"), tuple("src/train.py", 9, "xgb.XGBClassifier"),
                tuple("src/train.py", 10, "LogisticRegression"), tuple("src/train.py", 11, "nn.CrossEntropyLoss"),
                tuple("src/train.py", 12, "loss=\"sparse_categorical_crossentropy\""),
                tuple("src/train.py", 13, "tf.keras.losses.BinaryCrossentropy"));
    }

    @Test
    void torchFunctionalLossCountsOnlyFromTorch() {
        CodeEvidence e = file("a.py", """
                import torch.nn.functional as F
                loss = F.cross_entropy(logits, y)
                def cross_entropy(a, b):
                    return 0
                cross_entropy(a, b)
                """).evidence();
        assertThat(e.classifierTraining()).extracting(Evidence::line, Evidence::what)
                .containsExactly(tuple(2, "F.cross_entropy"));
    }

    @Test
    void modelTrainingAndItsNearMisses() {
        CodeEvidence e = file("train.py", """
                model.fit(X, y)
                trainer.train()
                booster = xgb.train(params, dtrain)
                def train(cfg):
                    pass
                scaler.fit_transform(X)
                fit(X)
                fitness(3)
                s = "model.fit(X, y)"  # model.fit(X)
                """).evidence();
        assertThat(e.modelTraining()).extracting(Evidence::line, Evidence::what).containsExactly(
                tuple(1, "model.fit("), tuple(2, "trainer.train("), tuple(3, "xgb.train("));
    }

    @Test
    void metricsFromLibrariesKerasAndEvaluateMethods() {
        CodeEvidence e = file("eval.py", """
                from sklearn.metrics import f1_score
                import sklearn
                import torchmetrics
                acc = sklearn.metrics.accuracy_score(y, p)
                model.compile(optimizer="adam", metrics=["accuracy"])
                scores = model.evaluate(x_test, y_test)
                evaluate(model)
                from sklearn.model_selection import KFold
                """).evidence();
        assertThat(e.metrics()).extracting(Evidence::line, Evidence::what).containsExactly(
                tuple(1, "from sklearn.metrics import f1_score"), tuple(3, "import torchmetrics"),
                tuple(4, "sklearn.metrics.accuracy_score"), tuple(5, "metrics="), tuple(6, "model.evaluate"));
    }

    @Test
    void heldOutSplitsIncludingValidationArgumentsButNotEmptyOnes() {
        CodeEvidence e = file("split.py", """
                from sklearn.model_selection import train_test_split as tts, StratifiedKFold, GridSearchCV
                a, b = tts(X, y)
                cv = StratifiedKFold(5)
                s = cross_val_score(m, X, y)
                g = GridSearchCV(m, grid)
                model.fit(X, y, validation_split=0.2)
                model.fit(X, y, validation_split=0.0)
                model.fit(X, y, validation_data=None)
                clf.fit(X, y, eval_set=[(Xv, yv)])
                train, val = random_split(ds, [0.8, 0.2])
                d = ds.train_test_split(test_size=0.1, seed=1)
                # train_test_split(X, y)
                """).evidence();
        assertThat(e.heldOutSplits()).extracting(Evidence::line, Evidence::what).containsExactly(
                tuple(2, "tts"), tuple(3, "StratifiedKFold"), tuple(4, "cross_val_score"), tuple(5, "GridSearchCV"),
                tuple(6, "validation_split="), tuple(9, "eval_set="), tuple(10, "random_split"),
                tuple(11, "ds.train_test_split"));
    }

    @Test
    void dataLoadingThroughAliasesAndDataFileOpens() {
        CodeEvidence e = file("load.py", """
                import pandas as pd
                import numpy
                from datasets import load_dataset
                df = pd.read_parquet("d.parquet")
                arr = numpy.load("x.npy")
                ds = load_dataset("imdb")
                with open("data/train.csv") as f:
                    pass
                with open(os.path.join(DIR, "rows.tsv"), "r") as f:
                    pass
                with open("out.csv", "w") as f:
                    pass
                open("README.md")
                df.to_csv("copy.csv")
                read_csv("x.csv")
                s = "pd.read_csv('a.csv')"
                """).evidence();
        assertThat(e.dataLoading()).extracting(Evidence::line, Evidence::what).containsExactly(
                tuple(4, "pd.read_parquet"), tuple(5, "numpy.load"), tuple(6, "load_dataset"), tuple(7, "open"),
                tuple(9, "open"));
    }

    @Test
    void heldOutEvaluationByWhatTheCodeDoes() {
        CodeEvidence e = file("eval.py", """
                import pandas as pd
                from sklearn.metrics import f1_score
                f1_score(y_test, model.predict(X_test))
                test_df = pd.read_csv("data/test.csv")
                df = pd.read_csv("data/valid/part-0.parquet")
                acc = accuracy(df.label, model.predict(df))
                for xb, yb in valid_dl:
                    correct += (model(xb).argmax(1) == yb).sum()
                ds = load_dataset("imdb", split="test")
                results = trainer.evaluate(ds)
                val_loss = evaluate(model, loader)
                best_val_loss = float("inf")
                trainer = Trainer(model, eval_dataset=None)
                m = validate.run(data, dataloader=val_loader)
                search = GridSearchCV(model, grid)
                print("error:", 1.0 - net.predict(x_te).eq(y_te).float().mean().item())
                """).evidence();
        assertThat(e.heldOutEvaluation()).extracting(Evidence::line, Evidence::what).containsExactly(
                tuple(3, "f1_score("), tuple(6, "accuracy("), tuple(10, "trainer.evaluate("),
                tuple(14, "validate.run("), tuple(15, "GridSearchCV("), tuple(16, "?.eq("),
                tuple(6, "acc ="), tuple(8, "correct ="), tuple(11, "val_loss ="));
        assertThat(e.trainingDataScoring()).isEmpty();
    }

    @Test
    void heldOutEvaluationNearMisses() {
        CodeEvidence e = file("train.py", """
                model.fit(X, y)
                model.score(X, y)
                accuracy_score(y_train, model.predict(X_train))
                loss = criterion(model(x_train), y_train)
                val_ds = val_ds.map(tokenize)
                loader = make_test_loader(test_ds)
                evaluate(model, latest, contest)
                preds = model.predict(X_test)
                log.error("bad file", test_path)
                s = "model.score(X_test, y_test)"  # f1_score(y_val, p)
                history = model.fit(X, y, validation_split=0.0)
                """).evidence();
        assertThat(e.heldOutEvaluation()).isEmpty();
        assertThat(e.trainingDataScoring()).extracting(Evidence::line, Evidence::what).containsExactly(
                tuple(2, "model.score(X, y)"), tuple(3, "accuracy_score(y_train, model.predict(X_train))"));
    }

    @Test
    void dvcStagesThatEvaluateAHeldOutFile() {
        CodeEvidence e = file("dvc.yaml", """
                stages:
                  score:
                    foreach: [a, b]
                    do:
                      cmd: python score.py ${item}
                      deps:
                        - data/holdout/${item}.csv
                  metrics:
                    cmd: [python run.py --eval, echo done]
                    deps: [{path: data/val}]
                  train:
                    cmd: python train.py
                    deps: [data/test.csv]
                """).file("sub/dvc.yaml", "stages: [\n").evidence();
        assertThat(e.heldOutEvaluation()).extracting(Evidence::path, Evidence::what).containsExactly(
                tuple("dvc.yaml", "stage score"), tuple("dvc.yaml", "stage metrics"));
    }

    @Test
    void trackersAndMonitoringAreImports() {
        CodeEvidence e = file("app.py", """
                import mlflow.sklearn
                from wandb import init
                import prometheus_client as prom
                from evidently.report import Report
                import mlflow_helpers
                x = "import wandb"
                """).evidence();
        assertThat(e.experimentTrackers()).extracting(Evidence::line, Evidence::what).containsExactly(
                tuple(1, "import mlflow.sklearn"), tuple(2, "from wandb import init"));
        assertThat(e.monitoring()).extracting(Evidence::line, Evidence::what).containsExactly(
                tuple(3, "import prometheus_client"), tuple(4, "from evidently.report import Report"));
    }

    @Test
    void notebooksMapToIpynbLinesAndResolveImportsAcrossCells() {
        String nb = NotebookJson.create().code(1, "import pandas as pd\n%matplotlib inline\n")
                .code(2, "x = 1\ndf = pd.read_csv(\"a.csv\")\n").code(3, "!pip install x\nclf = SVC()\n").json();
        CodeEvidence e = file("notebooks/eda.ipynb", nb).evidence();
        int readCsvLine = NotebookJson.lineOf(nb, "pd.read_csv");
        int svcLine = NotebookJson.lineOf(nb, "SVC()");
        assertThat(readCsvLine).isGreaterThan(10);
        assertThat(e.dataLoading()).extracting(Evidence::path, Evidence::line)
                .containsExactly(tuple("notebooks/eda.ipynb", readCsvLine));
        assertThat(e.classifierTraining()).extracting(Evidence::line).containsExactly(svcLine);
    }

    @Test
    void testFilesLargeFilesAndNonCodeAreNotRead() {
        file("tests/test_model.py", "clf = SVC()\n").file("test_x.py", "clf = SVC()\n")
                .file("conftest.py", "clf = SVC()\n").file("notes.md", "clf = SVC()\n")
                .file("big.py", "clf = SVC()\n").file("src/ok.py", "clf = SVC()\n");
        sizes.put("big.py", CodeFiles.MAX_PYTHON_BYTES + 1);
        RuleContext ctx = context();
        assertThat(CodeEvidence.files(ctx)).containsExactly("big.py", "src/ok.py");
        CodeEvidence e = CodeEvidence.of(ctx);
        assertThat(e.classifierTraining()).extracting(Evidence::path).containsExactly("src/ok.py");
        assertThat(e.filesRead()).isEqualTo(1);
        assertThat(e.capped()).isFalse();
        assertThat(CodeEvidence.of(ctx)).isSameAs(e);
    }

    @Test
    void invalidNotebookIsSkippedNotFatal() {
        RuleContext ctx = file("bad.ipynb", "{ not json").file("ok.py", "m.fit(X)\n").context();
        CodeEvidence e = CodeEvidence.of(ctx);
        assertThat(e.modelTraining()).extracting(Evidence::path).containsExactly("ok.py");
        assertThat(e.filesRead()).isEqualTo(1);
    }

    @Test
    void fileCountIsCapped() {
        for (int i = 0; i <= CodeEvidence.MAX_FILES; i++) {
            file("m/f%04d.py".formatted(i), "x = 1\n");
        }
        RuleContext ctx = context();
        assertThat(CodeEvidence.files(ctx)).hasSize(CodeEvidence.MAX_FILES + 1);
        CodeEvidence e = CodeEvidence.of(ctx);
        assertThat(e.capped()).isTrue();
        assertThat(e.filesRead()).isEqualTo(CodeEvidence.MAX_FILES);
    }
}
