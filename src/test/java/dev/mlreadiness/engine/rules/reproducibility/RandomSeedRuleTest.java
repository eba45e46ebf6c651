package dev.mlreadiness.engine.rules.reproducibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.notebook.NotebookJson;

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
    void otherLibrariesSeedArguments() {
        Report r = scan("m.py", """
                import xgboost as xgb
                from catboost import CatBoostClassifier
                from sklearn.decomposition import PCA, TruncatedSVD
                from imblearn.over_sampling import SMOTE
                m1 = xgb.XGBClassifier()
                m2 = xgb.XGBClassifier(seed=1)
                m3 = CatBoostClassifier(random_state=1)
                m4 = CatBoostClassifier(random_seed=1)
                p1 = PCA(n_components=2)
                p2 = PCA(n_components=2, svd_solver="randomized")
                t1 = TruncatedSVD(5)
                t2 = TruncatedSVD(5, algorithm="arpack")
                s = SMOTE()
                """);
        assertThat(r.findings()).extracting(Finding::line).containsExactly(5, 10, 11, 13);
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
                .file("a.py", "import tensorflow as tf\nx = tf.random.normal([2])\ny = tf.random.uniform([2], seed=3)\n")
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
}
