package dev.mlreadiness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.config.ReadinessConfig;

class MlProjectDetectorTest {

    static Optional<String> detect(Map<String, String> files) {
        List<FileEntry> entries = new ArrayList<>();
        files.forEach((p, t) -> entries.add(new FileEntry(p, t.length())));
        Snapshot s = Snapshot.of(entries,
                f -> Optional.of(files.get(f.path()).getBytes(StandardCharsets.UTF_8)));
        return new MlProjectDetector().evidence(new RuleContext(s, ChangeSet.fullScan(), ReadinessConfig.defaults(),
                RuleContext.Side.HEAD));
    }

    @Test
    void notebookAnywhereMakesAnMlProject() {
        assertThat(detect(Map.of("analysis/eda.ipynb", "{}"))).contains("has the notebook analysis/eda.ipynb");
    }

    @Test
    void manifestNamingAnMlLibrary() {
        assertThat(detect(Map.of("requirements.txt", "flask==2.0\nscikit-learn==1.5.0\n")))
                .contains("requirements.txt names scikit-learn");
        assertThat(detect(Map.of("pyproject.toml", "[project]\ndependencies = [\"torch>=2\"]\n")))
                .contains("pyproject.toml names torch");
        assertThat(detect(Map.of("env/environment.yml", "dependencies:\n  - pandas=2.2\n")))
                .contains("env/environment.yml names pandas");
    }

    @Test
    void nearMissesAreNotMl() {
        // names that contain a library name, a library only in code, and a non-manifest file
        assertThat(detect(Map.of("requirements.txt", "numpyro-utils==1\npandas-stubs-x==2\ntorchx-lite==1\n",
                "app.py", "import numpy\n", "notes.txt", "we use pandas\n"))).isEmpty();
        assertThat(detect(Map.of("requirements-dev.txt", "flask\nrequests\n"))).isEmpty();
    }

    @Test
    void manifestsAreRecognisedByName() {
        assertThat(MlProjectDetector.isManifest("requirements-gpu.txt")).isTrue();
        assertThat(MlProjectDetector.isManifest("sub/Pipfile")).isTrue();
        assertThat(MlProjectDetector.isManifest("requirements.md")).isFalse();
        assertThat(MlProjectDetector.isManifest("setup.py.bak")).isFalse();
    }
}
