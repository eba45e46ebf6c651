package dev.mlreadiness.engine.deps;

/** The kinds of dependency manifest that {@code structure/dependency-manifest} accepts. */
public enum ManifestKind {
    /** {@code requirements*.txt}, or any {@code .txt} in a {@code requirements/} folder. */
    REQUIREMENTS(false),
    /** {@code constraints*.txt}. */
    CONSTRAINTS(false),
    PYPROJECT(true),
    SETUP_CFG(false),
    SETUP_PY(false),
    /** {@code environment.yml}/{@code .yaml}, {@code conda.yml}/{@code .yaml}. */
    CONDA_ENVIRONMENT(true),
    PIPFILE(true),
    RENV_LOCK(false),
    /** An R package's {@code DESCRIPTION}. */
    R_DESCRIPTION(false);

    private final boolean rangesFineWithLockFile;

    ManifestKind(boolean rangesFineWithLockFile) {
        this.rangesFineWithLockFile = rangesFineWithLockFile;
    }

    /**
     * True where the spec lets a lock file stand in for exact pins (pyproject.toml, Pipfile,
     * environment.yml); requirements files must pin every line themselves.
     */
    public boolean rangesFineWithLockFile() {
        return rangesFineWithLockFile;
    }
}
