package dev.mlreadiness.engine.rules.reproducibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.SuggestedChanges;
import dev.mlreadiness.engine.TestRepo;

/**
 * {@code reproducibility/random-seed} suggests the seed argument where the fix is mechanical and certain, and the
 * suggestion applied to the file makes the finding go away.
 */
class SeedSuggestionTest {

    private final RandomSeedRule rule = new RandomSeedRule();

    private Report scan(String source) {
        return TestRepo.create().file("src/train.py", source).scan(rule);
    }

    @Test
    void suggestionsAddTheSeedAndApplyingThemClearsTheFindings() {
        String source = """
                from sklearn.model_selection import train_test_split as tts, KFold
                from sklearn.ensemble import RandomForestClassifier
                from sklearn.cluster import KMeans
                import pandas as pd
                X_train, X_test = tts(X, y, test_size=0.2)  # split (not tts(here))
                clf = RandomForestClassifier()
                km = KMeans(n_clusters=3,)
                folds = KFold(n_splits=5, shuffle=True)
                """;
        Report r = scan(source);
        assertThat(r.findings()).extracting(Finding::suggestion).containsExactly(
                "X_train, X_test = tts(X, y, test_size=0.2, random_state=42)  # split (not tts(here))",
                "clf = RandomForestClassifier(random_state=42)",
                "km = KMeans(n_clusters=3, random_state=42)",
                "folds = KFold(n_splits=5, shuffle=True, random_state=42)");
        assertThat(scan(SuggestedChanges.applied("src/train.py", source, r.findings())).findings()).isEmpty();
    }

    @Test
    void theSeedArgumentIsTheApisOwnAndTheValueComesFromTheConfig() {
        String source = """
                import numpy as np
                import tensorflow as tf
                from datasets import load_dataset
                rng = np.random.default_rng()
                w = tf.random.normal([3, 3])
                """;
        Report r = TestRepo.create().file("src/train.py", source).config("seed: 7\n").scan(rule);
        assertThat(r.findings()).extracting(Finding::suggestion).containsExactly(
                "rng = np.random.default_rng(seed=7)",
                "w = tf.random.normal([3, 3], seed=7)");
        assertThat(
                TestRepo.create().file("src/train.py", SuggestedChanges.applied("src/train.py", source, r.findings()))
                        .config("seed: 7\n")
                        .scan(rule).findings())
                .isEmpty();
    }

    @Test
    void noSuggestionWhereTheFixIsNotCertain() {
        String source = """
                from sklearn.model_selection import train_test_split
                from sklearn.ensemble import RandomForestClassifier
                import numpy as np
                import torch
                a = train_test_split(X, y,
                                     test_size=0.2)
                b = train_test_split(X, y) + train_test_split(Z, w)
                c = train_test_split(X, y, random_state=None)
                d = train_test_split(*arrays)
                e = RandomForestClassifier(n_estimators=10) if x else \\
                    None
                f = np.random.rand(3)
                g = torch.rand(3)
                h = ("train_test_split(", train_test_split(X, y))
                s = \"\"\"
                RandomForestClassifier() \"\"\"; m = RandomForestClassifier()
                """;
        Report r = scan(source);
        assertThat(r.findings()).isNotEmpty();
        List<Finding> suggested = r.findings().stream().filter(f -> f.suggestion() != null).toList();
        // only the call inside the tuple: the string holding its name is no call
        assertThat(suggested).extracting(Finding::line).containsExactly(14);
        assertThat(suggested.get(0).suggestion())
                .isEqualTo("h = (\"train_test_split(\", train_test_split(X, y, random_state=42))");
        assertThat(r.findings()).extracting(Finding::line).contains(5, 7, 8, 10, 12, 13, 16);
    }

    @Test
    void aGeneratedLineIsNotReadOncePerCall() {
        String many = "from sklearn.ensemble import RandomForestClassifier as F\nm = ["
                + "F(), ".repeat(400) + "]\n";
        Report r = scan(many);
        assertThat(r.findings()).hasSize(400).extracting(Finding::suggestion).containsOnlyNulls();
    }

    @Test
    void noSuggestionWhereTheSeedWouldChangeWhatTheCodeDoes() {
        String source = """
                import numpy as np
                import pandas as pd
                from sklearn.model_selection import train_test_split
                from sklearn.ensemble import RandomForestClassifier
                for i in range(1000):
                    boot = train_test_split(X, y)
                    if i % 2:
                        m = RandomForestClassifier()
                while True:
                    m = RandomForestClassifier()
                models = [RandomForestClassifier() for _ in range(5)]
                for _ in range(3): m = RandomForestClassifier()
                async def f():
                    async for x in xs:
                        m = RandomForestClassifier()
                def noise(n):
                    rng = np.random.default_rng()
                    m = RandomForestClassifier()
                    return rng.normal(size=n)
                make = lambda: np.random.RandomState()
                frame = pd.read_csv("a.csv").sample(frac=0.1)
                points = gmm.sample(100)
                parts = ds.train_test_split(test_size=0.1)
                after = RandomForestClassifier()
                rng = np.random.default_rng()
                """;
        Report r = TestRepo.create().file("src/train.py", source).file("src/b.py", "import datasets\n").scan(rule);
        assertThat(r.findings()).extracting(Finding::line).contains(6, 8, 10, 11, 12, 15, 17, 20, 21);
        // after the loops and the function, in the file's own flow again: a call in a function body that builds
        // no generator (line 18) keeps its suggestion, it runs once per call like any function's split
        assertThat(r.findings().stream().filter(f -> f.suggestion() != null)).extracting(Finding::line)
                .containsExactly(18, 24, 25);
    }

    @Test
    void twoFindingsOnOneLineGetNoSuggestion() {
        String source = """
                from sklearn.pipeline import make_pipeline
                from sklearn.decomposition import PCA
                from sklearn.ensemble import RandomForestClassifier
                pipe = make_pipeline(PCA(svd_solver="randomized"), RandomForestClassifier())
                a = PCA(svd_solver="randomized"); b = RandomForestClassifier()
                c = RandomForestClassifier()
                """;
        Report r = scan(source);
        // each suggestion replaces the whole line: applying both would keep one seed only
        assertThat(r.findings()).extracting(Finding::line, Finding::suggestion).containsExactly(
                tuple(4, null), tuple(4, null), tuple(5, null), tuple(5, null),
                tuple(6, "c = RandomForestClassifier(random_state=42)"));
    }
}
