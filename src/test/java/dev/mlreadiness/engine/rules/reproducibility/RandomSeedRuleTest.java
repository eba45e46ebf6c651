package dev.mlreadiness.engine.rules.reproducibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.notebook.NotebookJson;
import dev.mlreadiness.engine.randomness.RandomApi;
import dev.mlreadiness.engine.randomness.RandomApis;

class RandomSeedRuleTest {

    private final RandomSeedRule rule = new RandomSeedRule();

    private Report scan(String path, String content) {
        return TestRepo.create().file(path, content).scan(rule);
    }

    @Test
    void sklearnCallsNeedRandomStateWithSeededTwinsAndTraps() {
        Report r = scan("src/train.py", """
                from sklearn.model_selection import train_test_split as tts, KFold
                from sklearn.ensemble import RandomForestClassifier
                import numpy as np
                '''tts(X, y) and RandomForestClassifier() in a docstring'''
                a = tts(X, y, test_size=0.2)
                b = tts(X, y, random_state=0)
                c = tts(X, y, random_state=None)
                d = tts(X, y, shuffle=False)
                kf = KFold(5)
                kf2 = KFold(5, shuffle=True)
                rf = RandomForestClassifier(**params)
                rf2 = RandomForestClassifier(
                    n_estimators=100,
                )
                # train_test_split(X, y)
                s = "RandomForestClassifier()"
                np.random.seed(0)
                """);
        assertThat(r.findings()).extracting(Finding::ruleId).containsOnly("reproducibility/random-seed");
        assertThat(r.findings()).extracting(Finding::location, Finding::isNew).containsExactly(
                tuple("src/train.py:5", false), tuple("src/train.py:7", false), tuple("src/train.py:10", false),
                tuple("src/train.py:12", false));
        assertThat(r.findings().get(0).message())
                .isEqualTo("Pass a fixed `random_state=` to `tts` (`train_test_split`) so it gives the same result on "
                        + "every run.");
    }

    @Test
    void otherLibrariesSeedArgumentsAndBoostingLibrariesAreSeededByDefault() {
        Report r = scan("m.py", """
                import xgboost as xgb
                import lightgbm as lgb
                from catboost import CatBoostClassifier
                from sklearn.decomposition import PCA, TruncatedSVD
                from sklearn.ensemble import GradientBoostingClassifier
                from imblearn.over_sampling import SMOTE
                m1 = xgb.XGBClassifier()
                m2 = xgb.XGBClassifier(seed=1)
                m3 = CatBoostClassifier(random_state=None)
                m4 = CatBoostClassifier()
                m5 = lgb.LGBMRegressor(n_estimators=10)
                m6 = GradientBoostingClassifier()
                p1 = PCA(n_components=2)
                p2 = PCA(n_components=2, svd_solver="randomized")
                t1 = TruncatedSVD(5)
                t2 = TruncatedSVD(5, algorithm="arpack")
                s = SMOTE()
                """);
        // xgboost (seed 0), LightGBM (fixed C++ seeds) and CatBoost (random_seed 0) are reproducible without one;
        // scikit-learn's own GradientBoostingClassifier is not
        assertThat(r.findings()).extracting(Finding::line).containsExactly(12, 14, 15, 17);
        assertThat(RandomSeedRule.INFO.doc().what()).contains("| `xgboost.**.XGB*` | `random_state=`, `seed=` | "
                + "never: seeded by default: `seed` defaults to 0");
    }

    @Test
    void seedsInASearchGridSeedTheEstimatorItSearches() {
        Report r = scan("search.py", """
                from sklearn.ensemble import RandomForestClassifier, GradientBoostingClassifier, ExtraTreesClassifier
                from sklearn.model_selection import GridSearchCV, RandomizedSearchCV
                from sklearn.pipeline import Pipeline, make_pipeline
                from sklearn.decomposition import PCA
                from sklearn.multiclass import OneVsRestClassifier
                rf = RandomForestClassifier()
                s1 = GridSearchCV(rf, {"random_state": [42], "n_estimators": [10, 100]})
                s2 = GridSearchCV(GradientBoostingClassifier(), param_grid=dict(random_state=[0]))
                grid = {"clf__random_state": [0], "clf__max_depth": [3, 5]}
                pipe = Pipeline([("pca", PCA(svd_solver="randomized")), ("clf", ExtraTreesClassifier())])
                s3 = RandomizedSearchCV(pipe, param_distributions=grid, random_state=0)
                s4 = GridSearchCV(make_pipeline(RandomForestClassifier()), [{"randomforestclassifier__seed": [1]}])
                s5 = GridSearchCV(estimator=OneVsRestClassifier(ExtraTreesClassifier()),
                                  param_grid={"estimator__random_state": [7]})
                lonely = RandomForestClassifier()
                t1 = GridSearchCV(ExtraTreesClassifier(), {"max_depth": [3]})
                t2 = GridSearchCV(ExtraTreesClassifier(), {"random_state": [None]})
                t3 = GridSearchCV(Pipeline([("model", RandomForestClassifier())]), {"clf__random_state": [0]})
                t4 = GridSearchCV(ExtraTreesClassifier(), {"n_estimators": [10]}, "{'random_state': [0]}")
                # GridSearchCV(RandomForestClassifier(), {"random_state": [0]})
                """);
        // a grid's seed reaches the searched estimator, a named pipeline step, make_pipeline's lower-cased class
        // name and a wrapper's estimator; the pipeline's PCA (step "pca") is not seeded by "clf__random_state"
        assertThat(r.findings()).extracting(Finding::line).containsExactly(10, 15, 16, 17, 18, 19);
    }

    @Test
    void namesSharedByManySearchesAndStudiesAreFollowedOnce() {
        StringBuilder py = new StringBuilder("""
                import optuna
                from sklearn.ensemble import RandomForestClassifier
                from sklearn.model_selection import GridSearchCV
                from optuna.samplers import TPESampler
                """);
        for (int i = 0; i < 2_000; i++) {
            py.append("est = RandomForestClassifier()\ngrid = {'random_state': [").append(i).append("]}\n")
                    .append("s = GridSearchCV(est, grid)\nsampler = TPESampler()\n")
                    .append("study = optuna.create_study(sampler=sampler)\n");
        }
        py.append("sampler = TPESampler(seed=1)\n");
        // every estimator assigned to `est` is searched with a seeded grid; one seeded sampler assigned to `sampler`
        // is enough for the studies, as for any value the file may pass
        assertThat(scan("many.py", py.toString()).findings()).isEmpty();
    }

    @Test
    void searchGridsInNotebooksAndPullRequests() {
        String nb = NotebookJson.create().code(1, "from sklearn.ensemble import RandomForestClassifier\n"
                + "from sklearn.model_selection import GridSearchCV\nrf = RandomForestClassifier()\n")
                .code(2, "params = {'random_state': [0], 'max_depth': [2, 4]}\nsearch = GridSearchCV(rf, params)\n")
                .code(3, "other = RandomForestClassifier()\n").json();
        assertThat(scan("notebooks/search.ipynb", nb).findings()).extracting(Finding::line)
                .containsExactly(NotebookJson.lineOf(nb, "other = RandomForestClassifier"));

        String before = "from sklearn.ensemble import RandomForestClassifier as RF\n"
                + "from sklearn.model_selection import GridSearchCV\n";
        Report pr = TestRepo.create().file("train.py", before)
                .change().modify("train.py", before + "model = RF()\n"
                        + "search = GridSearchCV(model, {'random_state': [1]})\nbaseline = RF()\n")
                .evaluate(rule);
        assertThat(pr.findings()).extracting(Finding::location, Finding::isNew)
                .containsExactly(tuple("train.py:5", true));
    }

    @Test
    void huggingFaceDatasetShuffleNeedsASeedInFilesImportingDatasets() {
        Report r = TestRepo.create()
                .file("hf.py", """
                        from datasets import load_dataset
                        ds = load_dataset("imdb")
                        a = ds["train"].shuffle()
                        b = ds.shuffle(seed=42)
                        c = ds.shuffle(42)
                        d = ds.shuffle(generator=gen)
                        e = stream.shuffle(buffer_size=1000)
                        f = ds.shuffle(seed=None)
                        # ds.shuffle()
                        s = "ds.shuffle()"
                        """)
                .file("traps.py", """
                        import datasets
                        import pandas as pd
                        from sklearn.utils import shuffle
                        df = pd.read_csv("a.csv").sample(frac=1, random_state=0)
                        X, y = shuffle(X, y, random_state=0)
                        rng.shuffle(array)
                        """)
                .file("other.py", "deck = Deck()\ndeck.shuffle()\n")
                .file("seeded.py", "import numpy as np\nfrom datasets import load_dataset\nnp.random.seed(0)\n"
                        + "ds = load_dataset('imdb').shuffle()\n")
                .file("stdlib.py", "import random\nimport datasets\nrandom.shuffle(items)\n")
                .scan(rule);
        // datasets derives an unseeded shuffle's seed from numpy's global state, so np.random.seed fixes it;
        // random.shuffle is the random module's (its own message), numpy's rng.shuffle(array) passes a value
        assertThat(r.findings()).extracting(Finding::location)
                .containsExactly("hf.py:3", "hf.py:7", "hf.py:8", "stdlib.py:3");
        assertThat(r.findings().get(0).message()).isEqualTo("Seed numpy once in this file (`np.random.seed(42)`) "
                + "or pass `seed=` to `.shuffle` so `.shuffle` gives the same result on every run.");
        assertThat(r.findings().get(3).message()).startsWith("Seed random once in this file");
    }

    @Test
    void optunaStudiesNeedASeededSampler() {
        Report r = scan("tune.py", """
                import optuna
                from optuna.samplers import TPESampler, PartialFixedSampler
                s1 = optuna.create_study(direction="maximize")
                s2 = optuna.create_study(sampler=TPESampler(seed=0))
                sampler = optuna.samplers.RandomSampler(seed=SEED)
                s3 = optuna.create_study(sampler=sampler)
                s4 = optuna.create_study(sampler=TPESampler())
                unseeded = TPESampler(n_startup_trials=5)
                s5 = optuna.create_study(sampler=unseeded)
                s6 = optuna.create_study(sampler=make_sampler(cfg))
                s7 = optuna.create_study(sampler=PartialFixedSampler({"x": 1}, base_sampler=TPESampler(seed=1)))
                s8 = optuna.create_study(sampler=None)
                s9 = optuna.create_study(sampler=sampler_argument)
                s10 = optuna.create_study(**study_kwargs)
                np_seeded = optuna.create_study(sampler=TPESampler(seed=None))
                """);
        // a factory or a name the file never assigns may well be seeded: trusted
        assertThat(r.findings()).extracting(Finding::line).containsExactly(3, 7, 9, 12, 15);
        assertThat(r.findings().get(0).message()).isEqualTo("Pass `sampler=optuna.samplers.TPESampler(seed=42)` to "
                + "`optuna.create_study` so it gives the same result on every run.");
    }

    @Test
    void hyperoptFminNeedsRstateOrItsEnvironmentVariable() {
        Report r = TestRepo.create()
                .file("a.py", """
                        import numpy as np
                        from hyperopt import fmin, tpe
                        np.random.seed(0)
                        best = fmin(objective, space, algo=tpe.suggest, max_evals=50)
                        best = fmin(objective, space, algo=tpe.suggest, max_evals=50, rstate=np.random.default_rng(42))
                        """)
                .file("b.py", """
                        import os
                        import hyperopt
                        os.environ["HYPEROPT_FMIN_SEED"] = "42"
                        best = hyperopt.fmin(objective, space, algo=hyperopt.tpe.suggest, max_evals=50)
                        """)
                .scan(rule);
        // fmin draws from a fresh RandomState unless given rstate= or HYPEROPT_FMIN_SEED: np.random.seed is not it
        assertThat(r.findings()).extracting(Finding::location).containsExactly("a.py:4");
        assertThat(r.findings().get(0).message()).isEqualTo("Pass `rstate=np.random.default_rng(42)` to `fmin` "
                + "(or set `HYPEROPT_FMIN_SEED`) so it gives the same result on every run.");
    }

    @Test
    void kerasAugmentationAndExplicitShufflingNeedASeedInTheFile() {
        String unseeded = """
                import tensorflow as tf
                from tensorflow.keras import layers
                from tensorflow.keras.preprocessing.image import ImageDataGenerator
                datagen = ImageDataGenerator(rotation_range=20, horizontal_flip=True)
                plain = ImageDataGenerator(rescale=1. / 255)
                off = ImageDataGenerator(rescale=1. / 255, zoom_range=0.0, horizontal_flip=False, rotation_range=None)
                augment = tf.keras.Sequential([
                    layers.RandomFlip("horizontal"),
                    layers.RandomRotation(0.1, seed=1),
                ])
                model.fit(x, y, epochs=3, shuffle=True)
                model.fit(x, y, epochs=3)
                model.fit(x, y, shuffle=False)
                """;
        Report r = TestRepo.create()
                .file("aug.py", unseeded)
                .file("seeded.py", unseeded + "tf.keras.utils.set_random_seed(1)\n")
                .file("flow.py", "from keras.preprocessing.image import ImageDataGenerator\n"
                        + "gen = ImageDataGenerator(zoom_range=0.2)\nit = gen.flow_from_directory('data/', seed=42)\n")
                .file("flow_unseeded.py", "from keras.preprocessing.image import ImageDataGenerator\n"
                        + "gen = ImageDataGenerator(zoom_range=0.2)\nit = gen.flow_from_directory('data/')\n")
                .file("sk.py", "from sklearn.neural_network import MLPClassifier\nmodel.fit(X, y, shuffle=True)\n")
                .scan(rule);
        // fit shuffles by default: only an explicit shuffle=True is reported, as asked; fit of other libraries is not
        assertThat(r.findings()).extracting(Finding::location)
                .containsExactly("aug.py:4", "aug.py:8", "aug.py:11", "flow_unseeded.py:2");
        assertThat(r.findings()).extracting(Finding::message).containsExactly(
                "Seed keras once in this file (`keras.utils.set_random_seed(42)`) so `ImageDataGenerator` gives the "
                        + "same result on every run.",
                "Seed keras once in this file (`keras.utils.set_random_seed(42)`) or pass `seed=` to "
                        + "`layers.RandomFlip` so `layers.RandomFlip` gives the same result on every run.",
                "Seed keras once in this file (`keras.utils.set_random_seed(42)`) so `model.fit` gives the same "
                        + "result on every run.",
                "Seed keras once in this file (`keras.utils.set_random_seed(42)`) so `ImageDataGenerator` gives the "
                        + "same result on every run.");
    }

    @Test
    void kerasInNotebooksIsSeededFromAnyCell() {
        String unseeded = NotebookJson.create().code(1, "import keras\n")
                .code(2, "flip = keras.layers.RandomFlip()\n").json();
        assertThat(scan("notebooks/k.ipynb", unseeded).findings()).extracting(Finding::line)
                .containsExactly(NotebookJson.lineOf(unseeded, "flip = keras"));
        String seeded = NotebookJson.create().code(1, "import keras\n")
                .code(2, "flip = keras.layers.RandomFlip()\n").code(3, "keras.utils.set_random_seed(0)\n").json();
        assertThat(scan("notebooks/k2.ipynb", seeded).findings()).isEmpty();
    }

    @Test
    void imgaugPipelinesAreReportedOnceUnlessImgaugIsSeeded() {
        String pipeline = """
                import imgaug.augmenters as iaa
                seq = iaa.Sequential([
                    iaa.Fliplr(0.5),
                    iaa.Affine(rotate=(-20, 20)),
                ])
                resize = iaa.Resize(224)
                blur = iaa.GaussianBlur(sigma=(0, 3.0))
                fixed = iaa.Sequential([iaa.Resize(64), iaa.Fliplr(0.5, seed=3)])
                shuffled = iaa.Sequential([iaa.Resize(64)], random_order=True)
                """;
        Report r = TestRepo.create().file("aug.py", pipeline)
                .file("seeded.py", "import imgaug as ia\n" + pipeline + "ia.seed(1)\n")
                .scan(rule);
        assertThat(r.findings()).extracting(Finding::location).containsExactly("aug.py:2", "aug.py:7", "aug.py:9");
        assertThat(r.findings()).extracting(Finding::message).containsExactly(
                "Seed imgaug once in this file (`ia.seed(42)`) so the random augmenters in `iaa.Sequential` give the "
                        + "same result on every run.",
                "Seed imgaug once in this file (`ia.seed(42)`) or pass `seed=` to `iaa.GaussianBlur` so "
                        + "`iaa.GaussianBlur` gives the same result on every run.",
                "Seed imgaug once in this file (`ia.seed(42)`) or pass `seed=` to `iaa.Sequential` so "
                        + "`iaa.Sequential` gives the same result on every run.");
    }

    @Test
    void newApisInAPullRequestAreJudgedOnAddedLines() {
        String old = "import optuna\nfrom datasets import load_dataset\nstudy = optuna.create_study()\n";
        Report r = TestRepo.create().file("tune.py", old)
                .change().modify("tune.py", old + "ds = load_dataset('x').shuffle(seed=1)\nds2 = ds.shuffle()\n"
                        + "study2 = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=1))\n")
                .add("keras_aug.py", "import keras\nfrom hyperopt import fmin\n"
                        + "flip = keras.layers.RandomZoom(0.1)\nbest = fmin(f, space, rstate=rng)\n")
                .add("imgaug_aug.py", "import imgaug as ia\nimport imgaug.augmenters as iaa\n"
                        + "aug = iaa.Fliplr(0.5)\nia.seed(2)\n")
                .evaluate(rule);
        assertThat(r.findings()).extracting(Finding::location, Finding::isNew).containsExactly(
                tuple("keras_aug.py:3", true), tuple("tune.py:3", false), tuple("tune.py:5", true));
    }

    @Test
    void libraryOpsAreFineWhenTheFileSeedsTheLibrary() {
        Report r = TestRepo.create()
                .file("unseeded.py", "import numpy as np\nimport random\nx = np.random.rand(3)\ny = random.choice(z)\n")
                .file("seeded.py", "import numpy as np\nnp.random.seed(0)\nx = np.random.rand(3)\n")
                .file("rng_unseeded.py", "import numpy as np\nrng = np.random.default_rng()\nx = np.random.rand(3)\n")
                .file("rng_seeded.py", "import numpy as np\nrng = np.random.default_rng(42)\nx = np.random.rand(3)\n"
                        + "y = rng.normal(size=3)\n")
                .file("set_seeds.py", "from utils import set_seeds\nimport torch, random\nset_seeds()\n"
                        + "t = torch.randn(3)\nrandom.shuffle(a)\n")
                .file("variable.py", "random = make_rng()\nrandom.choice(x)\n")
                .scan(rule);
        assertThat(r.findings()).extracting(Finding::location).containsExactly(
                "rng_unseeded.py:2", "rng_unseeded.py:3", "unseeded.py:3", "unseeded.py:4");
        assertThat(r.findings()).extracting(Finding::message).contains(
                "Pass a fixed `seed=` to `np.random.default_rng` so it gives the same result on every run.",
                "Seed numpy once in this file (`np.random.seed(42)`) so `np.random.rand` gives the same result on "
                        + "every run.");
    }

    @Test
    void torchInitializersLoadersAndGenerators() {
        Report r = scan("net.py", """
                import torch
                from torch import nn
                from torch.utils.data import DataLoader
                nn.init.zeros_(w)
                nn.init.constant_(w, 0.1)
                nn.init.xavier_uniform_(w)
                loader = DataLoader(ds, batch_size=8)
                loader = DataLoader(ds, shuffle=True)
                loader = DataLoader(ds, shuffle=True, generator=g)
                x = torch.randn(2, 3, generator=g)
                y = torch.randperm(10)
                z = torch.zeros(3)
                """);
        assertThat(r.findings()).extracting(Finding::line).containsExactly(6, 8, 11);
        assertThat(r.findings().get(1).message()).isEqualTo("Seed torch once in this file (`torch.manual_seed(42)`) "
                + "or pass `generator=` to `DataLoader` so `DataLoader` gives the same result on every run.");
    }

    @Test
    void tensorflowOpsTakeOpSeedsOrAGlobalSeed() {
        Report r = TestRepo.create()
                .file("a.py",
                        "import tensorflow as tf\nx = tf.random.normal([2])\ny = tf.random.uniform([2], seed=3)\n")
                .file("b.py", "import tensorflow as tf\ntf.random.set_seed(1)\nx = tf.random.normal([2])\n")
                .scan(rule);
        assertThat(r.findings()).extracting(Finding::location).containsExactly("a.py:2");
    }

    @Test
    void pandasSampleAndDatasetSplitsButNotOtherSampleMethods() {
        Report r = scan("d.py", """
                import pandas as pd
                df = pd.read_csv("a.csv")
                a = df.sample(frac=1)
                b = df.sample(frac=1, random_state=1)
                c = pd.read_csv("b.csv").sample(5)
                z = dist.sample()
                parts = ds.train_test_split(test_size=0.1)
                parts = ds.train_test_split(test_size=0.1, seed=1)
                """);
        assertThat(r.findings()).extracting(Finding::line).containsExactly(3, 5, 7);
        assertThat(r.findings().get(1).message()).contains("to `.sample`");
    }

    @Test
    void notebooksWithListAndStringSourcesAndASeedInAnotherCell() {
        String nb = NotebookJson.create().code(1, "import numpy as np\nfrom sklearn.model_selection import "
                + "train_test_split\n").codeAsString(2, "x = 1\nsplit = train_test_split(X, y)\n")
                .code(3, "%time\nnoise = np.random.rand(3)\n").json();
        Report r = scan("notebooks/a.ipynb", nb);
        assertThat(r.findings()).extracting(Finding::line).containsExactly(
                NotebookJson.lineOf(nb, "split = train_test_split"), NotebookJson.lineOf(nb, "noise = np.random"));

        String seeded = NotebookJson.create().code(1, "import numpy as np\nnp.random.seed(1)\n")
                .code(2, "noise = np.random.rand(3)\n").markdown("np.random.rand(3)\n").json();
        assertThat(scan("notebooks/b.ipynb", seeded).findings()).isEmpty();
    }

    @Test
    void pullRequestReadsChangedFilesAndJudgesAddedLines() {
        Report r = TestRepo.create()
                .file("a.py", "from sklearn.utils import shuffle\nx = shuffle(a)\n")
                .file("untouched.py", "from sklearn.utils import shuffle\nx = shuffle(a)\n")
                .change().modify("a.py", "from sklearn.utils import shuffle\nx = shuffle(a)\ny = shuffle(b)\n")
                .add("new.py", "from sklearn.utils import resample\nz = resample(c)\n")
                .evaluate(rule);
        assertThat(r.findings()).extracting(Finding::location, Finding::isNew).containsExactly(
                tuple("a.py:2", false), tuple("a.py:3", true), tuple("new.py:2", true));
    }

    @Test
    void documentationListsTheTable() {
        String what = RandomSeedRule.INFO.doc().what();
        assertThat(what).contains("| `sklearn.**.train_test_split` | `random_state=` | unless `shuffle=False` | — |");
        assertThat(what).contains("| `torch.utils.data.**.DataLoader` | `generator=` | `shuffle=True` | torch seed |");
        assertThat(RandomApis.TABLE).extracting(RandomApi::pattern).doesNotHaveDuplicates();
    }

    @Test
    void aHostileTwoThousandPartCalleeIsCheckedAndTheRealCallStillFound() {
        // a 6 KB dotted name overflowed the stack of the API table's pattern match and ended the whole review
        String hostile = "sklearn" + ".ab".repeat(2_000) + ".PCA()\n";
        Report r = TestRepo.create().file("src/x.py", hostile
                + "from sklearn.model_selection import train_test_split\na, b = train_test_split(X)\n")
                .scan(new RandomSeedRule());
        assertThat(r.findings()).extracting(Finding::line).containsExactly(3);
        assertThat(r.skipped()).isEmpty();
    }
}
