package dev.mlreadiness.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.config.ProjectPaths;

class ArtifactKindsTest {

    @Test
    void extensionsAreCaseInsensitiveAndTarGzIsOneDoubleExtension() {
        assertThat(ArtifactKinds.extension("data/Train.CSV")).contains(".csv");
        assertThat(ArtifactKinds.extension("dump.tar.gz")).contains(".tar.gz");
        assertThat(ArtifactKinds.extension("dump.TAR.GZ")).contains(".tar.gz");
        assertThat(ArtifactKinds.extension("logs.gz")).isEmpty();
        assertThat(ArtifactKinds.extension("train.py")).isEmpty();
        assertThat(ArtifactKinds.extension("models/.csv")).isEmpty();
        assertThat(ArtifactKinds.extension("Makefile")).isEmpty();
        assertThat(ArtifactKinds.extension("csv")).isEmpty();
    }

    @Test
    void weightsAndModelArtifacts() {
        ProjectPaths paths = ProjectPaths.defaults();
        assertThat(ArtifactKinds.isWeights("a/model.safetensors")).isTrue();
        assertThat(ArtifactKinds.isWeights("a/model.h5")).isTrue();
        assertThat(ArtifactKinds.isWeights("a/model.pkl")).isFalse();
        assertThat(ArtifactKinds.isModelArtifact("ckpt/last.ckpt", paths)).isTrue();
        assertThat(ArtifactKinds.isModelArtifact("models/rf.joblib", paths)).isTrue();
        assertThat(ArtifactKinds.isModelArtifact("data/cache.pkl", paths)).isFalse();
        assertThat(ArtifactKinds.isModelArtifact("app/model.pkl", paths)).isTrue();
        assertThat(ArtifactKinds.isModelArtifact("xgbRegressor-2024.joblib", paths)).isTrue();
        assertThat(ArtifactKinds.isModelArtifact("data/model_inputs.csv", paths)).isFalse();
        assertThat(ArtifactKinds.isModelArtifact("data/modelling.pkl", paths)).isFalse();
        assertThat(ArtifactKinds.isModelArtifact("models/train.csv", paths)).isFalse();
        assertThat(ArtifactKinds.isModelArtifact("artifacts/rf.pkl", ProjectPaths.of("data", "artifacts",
                "notebooks", null))).isTrue();
    }

    @Test
    void sourceCodeAndWeightsAtAnySize() {
        ProjectPaths paths = ProjectPaths.defaults();
        assertThat(ArtifactKinds.isSourceCode("src/Train.PY")).isTrue();
        assertThat(ArtifactKinds.isSourceCode("notebooks/eda.ipynb")).isTrue();
        assertThat(ArtifactKinds.isSourceCode("docs/index.md")).isTrue();
        assertThat(ArtifactKinds.isSourceCode("web/package-lock.json")).isTrue();
        assertThat(ArtifactKinds.isSourceCode("env/linux-64.conda-lock.yml")).isTrue();
        assertThat(ArtifactKinds.isSourceCode("data/train.json")).isFalse();
        assertThat(ArtifactKinds.isSourceCode("data/corpus.txt")).isFalse();
        assertThat(ArtifactKinds.isSourceCode("bin/tool")).isFalse();
        assertThat(ArtifactKinds.isSourceCode(".py")).isFalse();
        assertThat(ArtifactKinds.isWeightsAtAnySize("src/best.pt", paths)).isTrue();
        assertThat(ArtifactKinds.isWeightsAtAnySize("models/sub/w.bin", paths)).isTrue();
        assertThat(ArtifactKinds.isWeightsAtAnySize("data/x.h5", paths)).isFalse();
        assertThat(ArtifactKinds.isWeightsAtAnySize("models.bin", paths)).isFalse();
        assertThat(ArtifactKinds.isWeightsAtAnySize("models/rf.pkl", paths)).isFalse();
    }

    @Test
    void lfsPointersAreRecognisedByTheirHeaderAndSize() {
        String pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 12345\n";
        assertThat(LfsPointer.isPointer(pointer.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(LfsPointer.isPointer("version https://hawser.github.com/spec/v1\n"
                .getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(LfsPointer.isPointer("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(LfsPointer.isPointer((" " + pointer).getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(LfsPointer.isPointer((pointer + "x".repeat(1024)).getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(LfsPointer.mayBePointer(1023)).isTrue();
        assertThat(LfsPointer.mayBePointer(1024)).isFalse();
        assertThat(LfsPointer.mayBePointer(-1)).isFalse();
    }

    @Test
    void testFiles() {
        assertThat(TestFiles.isTestFile("tests/test_model.py")).isTrue();
        assertThat(TestFiles.isTestFile("src/pkg/test/helpers.py")).isTrue();
        assertThat(TestFiles.isTestFile("test_features.py")).isTrue();
        assertThat(TestFiles.isTestFile("src/features_test.py")).isTrue();
        assertThat(TestFiles.isTestFile("conftest.py")).isTrue();
        assertThat(TestFiles.isTestFile("tests/testthat/test-model.R")).isTrue();
        assertThat(TestFiles.isTestFile("tests/.gitkeep")).isFalse();
        assertThat(TestFiles.isTestFile("tests/__init__.py")).isFalse();
        assertThat(TestFiles.isTestFile("src/testing.py")).isFalse();
        assertThat(TestFiles.isTestFile("src/latest_model.py")).isFalse();
        assertThat(TestFiles.isTestFile("_test.py")).isFalse();
        assertThat(TestFiles.isTestFile("contest.py")).isFalse();
        assertThat(TestFiles.isTestFile("my_tests/a.py")).isFalse();
        // Cookiecutter Data Science's environment check is no test, unless it lives with the tests
        assertThat(TestFiles.isTestFile("test_environment.py")).isFalse();
        assertThat(TestFiles.isTestFile("tests/test_environment.py")).isTrue();
    }
}
