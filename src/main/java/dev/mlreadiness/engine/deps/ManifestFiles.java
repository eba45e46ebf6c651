package dev.mlreadiness.engine.deps;

import java.util.Locale;
import java.util.Optional;

/**
 * Recognises dependency manifests by path, at any depth. Besides the spec's {@code requirements*.txt}
 * it accepts {@code *requirements*.txt} ({@code dev-requirements.txt}) and the {@code .txt} files of a
 * {@code requirements/} folder, both common pip layouts; pip-tools' {@code requirements.in} inputs are
 * deliberately unpinned and do not count.
 */
public final class ManifestFiles {

    private ManifestFiles() {
    }

    /** The manifest kind of a repo path, or empty when it is not a dependency manifest. */
    public static Optional<ManifestKind> kind(String path) {
        String normalised = path.replace('\\', '/');
        String fileName = fileName(normalised);
        String lower = fileName.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (fileName) {
            case "pyproject.toml" -> ManifestKind.PYPROJECT;
            case "setup.cfg" -> ManifestKind.SETUP_CFG;
            case "setup.py" -> ManifestKind.SETUP_PY;
            case "environment.yml", "environment.yaml", "conda.yml", "conda.yaml" -> ManifestKind.CONDA_ENVIRONMENT;
            case "Pipfile" -> ManifestKind.PIPFILE;
            case "renv.lock" -> ManifestKind.RENV_LOCK;
            case "DESCRIPTION" -> ManifestKind.R_DESCRIPTION;
            default -> {
                if (!lower.endsWith(".txt")) {
                    yield null;
                }
                if (lower.startsWith("constraints")) {
                    yield ManifestKind.CONSTRAINTS;
                }
                yield lower.contains("requirements") || parentFolder(normalised).equalsIgnoreCase("requirements")
                        ? ManifestKind.REQUIREMENTS
                        : null;
            }
        });
    }

    /** True when the path is a dependency manifest. */
    public static boolean isManifest(String path) {
        return kind(path).isPresent();
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(0, slash) : "";
    }

    private static String parentFolder(String path) {
        return fileName(folder(path));
    }
}
