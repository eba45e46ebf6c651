package dev.mlreadiness.engine.deps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LockFilesTest {

    @Test
    void lockFileNames() {
        for (String path : List.of("poetry.lock", "a/uv.lock", "pdm.lock", "Pipfile.lock", "conda-lock.yml",
                "envs/linux-64.conda-lock.yml")) {
            assertThat(LockFiles.isLockFile(path)).as(path).isTrue();
        }
        for (String path : List.of("requirements.lock", "package-lock.json", "Cargo.lock", "pipfile.lock",
                "conda-lock.yaml", "poetry.lock.bak", "renv.lock")) {
            assertThat(LockFiles.isLockFile(path)).as(path).isFalse();
        }
    }

    @Test
    void aLockFileCoversItsToolsManifestInTheSameFolder() {
        assertThat(LockFiles.covers("poetry.lock", "pyproject.toml")).isTrue();
        assertThat(LockFiles.covers("svc/uv.lock", "svc/pyproject.toml")).isTrue();
        assertThat(LockFiles.covers("Pipfile.lock", "Pipfile")).isTrue();
        assertThat(LockFiles.covers("conda-lock.yml", "environment.yml")).isTrue();
        assertThat(LockFiles.covers("osx-arm64.conda-lock.yml", "conda.yml")).isTrue();

        assertThat(LockFiles.covers("poetry.lock", "svc/pyproject.toml")).isFalse();
        assertThat(LockFiles.covers("svc/poetry.lock", "pyproject.toml")).isFalse();
        assertThat(LockFiles.covers("poetry.lock", "requirements.txt")).isFalse();
        assertThat(LockFiles.covers("Pipfile.lock", "pyproject.toml")).isFalse();
        assertThat(LockFiles.covers("poetry.lock", "Pipfile")).isFalse();
    }

    @Test
    void isCoveredLooksAtTheRepositoryPaths() {
        List<String> repo = List.of("README.md", "pyproject.toml", "uv.lock", "tools/Pipfile");
        assertThat(LockFiles.isCovered("pyproject.toml", repo)).isTrue();
        assertThat(LockFiles.isCovered("tools/Pipfile", repo)).isFalse();
    }
}
