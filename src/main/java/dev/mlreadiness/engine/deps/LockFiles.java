package dev.mlreadiness.engine.deps;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Lock files and the manifests they cover. A lock file covers the manifests of its own folder that
 * its tool reads: {@code poetry.lock}, {@code uv.lock}, {@code pdm.lock} cover {@code pyproject.toml};
 * {@code Pipfile.lock} covers {@code Pipfile}; {@code conda-lock.yml} and {@code *.conda-lock.yml}
 * cover {@code environment.yml} / {@code conda.yml}.
 */
public final class LockFiles {

    private LockFiles() {
    }

    /** True when the path names a lock file. */
    public static boolean isLockFile(String path) {
        return coveredKind(path).isPresent();
    }

    /** The manifest kind the lock file covers, or empty when the path is no lock file. */
    public static Optional<ManifestKind> coveredKind(String path) {
        String fileName = ManifestFiles.fileName(path.replace('\\', '/'));
        if (Set.of("poetry.lock", "uv.lock", "pdm.lock").contains(fileName)) {
            return Optional.of(ManifestKind.PYPROJECT);
        }
        if (fileName.equals("Pipfile.lock")) {
            return Optional.of(ManifestKind.PIPFILE);
        }
        if (fileName.equals("conda-lock.yml") || fileName.endsWith(".conda-lock.yml")) {
            return Optional.of(ManifestKind.CONDA_ENVIRONMENT);
        }
        return Optional.empty();
    }

    /** True when {@code lockPath} is a lock file for {@code manifestPath}: same folder, matching tool. */
    public static boolean covers(String lockPath, String manifestPath) {
        String lock = lockPath.replace('\\', '/');
        String manifest = manifestPath.replace('\\', '/');
        return ManifestFiles.folder(lock).equals(ManifestFiles.folder(manifest))
                && coveredKind(lock).isPresent()
                && coveredKind(lock).equals(ManifestFiles.kind(manifest));
    }

    /** True when one of the repository's paths is a lock file covering the manifest. */
    public static boolean isCovered(String manifestPath, Collection<String> repoPaths) {
        return repoPaths.stream().anyMatch(path -> covers(path, manifestPath));
    }
}
