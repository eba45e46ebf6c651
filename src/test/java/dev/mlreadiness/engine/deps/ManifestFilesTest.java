package dev.mlreadiness.engine.deps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ManifestFilesTest {

    @Test
    void recognisesEachManifestAtAnyDepth() {
        assertThat(ManifestFiles.kind("requirements.txt")).contains(ManifestKind.REQUIREMENTS);
        assertThat(ManifestFiles.kind("services/api/requirements-dev.txt")).contains(ManifestKind.REQUIREMENTS);
        assertThat(ManifestFiles.kind("Requirements_GPU.txt")).contains(ManifestKind.REQUIREMENTS);
        assertThat(ManifestFiles.kind("dev-requirements.txt")).contains(ManifestKind.REQUIREMENTS);
        assertThat(ManifestFiles.kind("requirements/base.txt")).contains(ManifestKind.REQUIREMENTS);
        assertThat(ManifestFiles.kind("constraints.txt")).contains(ManifestKind.CONSTRAINTS);
        assertThat(ManifestFiles.kind("ci/constraints-py311.txt")).contains(ManifestKind.CONSTRAINTS);
        assertThat(ManifestFiles.kind("pyproject.toml")).contains(ManifestKind.PYPROJECT);
        assertThat(ManifestFiles.kind("pkg/setup.cfg")).contains(ManifestKind.SETUP_CFG);
        assertThat(ManifestFiles.kind("setup.py")).contains(ManifestKind.SETUP_PY);
        assertThat(ManifestFiles.kind("environment.yml")).contains(ManifestKind.CONDA_ENVIRONMENT);
        assertThat(ManifestFiles.kind("envs/environment.yaml")).contains(ManifestKind.CONDA_ENVIRONMENT);
        assertThat(ManifestFiles.kind("conda.yml")).contains(ManifestKind.CONDA_ENVIRONMENT);
        assertThat(ManifestFiles.kind("Pipfile")).contains(ManifestKind.PIPFILE);
        assertThat(ManifestFiles.kind("renv.lock")).contains(ManifestKind.RENV_LOCK);
        assertThat(ManifestFiles.kind("rpkg/DESCRIPTION")).contains(ManifestKind.R_DESCRIPTION);
    }

    @Test
    void nearMissesAreNotManifests() {
        for (String path : List.of("requirements.in", "requirements.txt.bak", "docs/requirements.md", "notes.txt",
                "Pipfile.lock", "poetry.lock", "environment.json", "description", "setup.py.orig",
                "my_pyproject.toml", "data/base.txt", "requirements")) {
            assertThat(ManifestFiles.isManifest(path)).as(path).isFalse();
        }
    }

    @Test
    void onlyTomlPipfileAndCondaAcceptALockFileInsteadOfPins() {
        assertThat(ManifestKind.PYPROJECT.rangesFineWithLockFile()).isTrue();
        assertThat(ManifestKind.PIPFILE.rangesFineWithLockFile()).isTrue();
        assertThat(ManifestKind.CONDA_ENVIRONMENT.rangesFineWithLockFile()).isTrue();
        assertThat(ManifestKind.REQUIREMENTS.rangesFineWithLockFile()).isFalse();
        assertThat(ManifestKind.CONSTRAINTS.rangesFineWithLockFile()).isFalse();
    }
}
