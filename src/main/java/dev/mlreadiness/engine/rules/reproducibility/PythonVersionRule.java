package dev.mlreadiness.engine.rules.reproducibility;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.mlreadiness.engine.deps.ManifestFiles;
import dev.mlreadiness.engine.deps.ManifestKind;
import dev.mlreadiness.engine.deps.ManifestParsers;
import dev.mlreadiness.engine.deps.PythonVersion;
import dev.mlreadiness.engine.deps.ToolingPythonVersion;
import dev.mlreadiness.engine.docker.BuildStage;
import dev.mlreadiness.engine.docker.Dockerfile;
import dev.mlreadiness.engine.rule.AbstractRule;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.FileEntry;

/** {@code reproducibility/python-version}: the repository fixes the Python minor version it runs on. */
public final class PythonVersionRule extends AbstractRule {

    /** pyenv names: {@code 3.11}, {@code 3.11.4}, {@code pypy3.10-7.3.12}, {@code cpython-3.12}. */
    private static final Pattern PYENV_VERSION = Pattern.compile("(?i)^(?:c?python-?|pypy)?3\\.\\d+");
    /** Heroku-style {@code python-3.11.4}. */
    private static final Pattern RUNTIME_VERSION = Pattern.compile("(?i)^python-3\\.\\d+");
    /** {@code 3.11-slim}, {@code 3.12.3}; dev container images put their own version first: {@code 1-3.11-bookworm}. */

    public static final RuleInfo INFO = new RuleInfo("reproducibility/python-version", "Python version fixed",
            Severity.NOTICE, Scope.REPOSITORY, new RuleDoc("""
                    Checks that the repository fixes the Python minor version somewhere: a `.python-version`
                    file (pyenv, uv), a `runtime.txt` (`python-3.11.4`), `requires-python` in pyproject.toml,
                    Poetry's `python`, Pipfile's `python_version`, `python=3.x` in environment.yml, a
                    Dockerfile `FROM python:3.x...` (also through an `ARG` default such as
                    `ARG PY=3.11` / `FROM python:${PY}-slim`), a GitHub Actions workflow
                    (`.github/workflows/*.yml`) whose `actions/setup-python` step sets up one exact version
                    (`python-version: "3.11"` or `"3.11.4"`, also through `${{ env.X }}` or a matrix of that one
                    version), or a dev container (`.devcontainer/devcontainer.json`, `.devcontainer.json`) with a
                    Python image tag (`mcr.microsoft.com/devcontainers/python:1-3.11-bookworm`) or the Python
                    feature's `version`. A constraint counts only when it allows a single minor version:
                    `==3.11.*`, `~=3.11.0`, `>=3.11,<3.12`, `3.11` do; `>=3.8`, `^3.10`, `~=3.11`, `python:3`,
                    `3.x` and a CI matrix of several versions (it tests them all, and fixes none) do not. When a
                    manifest declares a Python range that is too
                    wide, the finding points at it.
                    """, """
                    Libraries ship different wheels per Python minor version, and the language itself changes
                    between them (pickles, `dict` ordering guarantees, removed modules). A model trained on 3.11
                    and served on 3.8 may fail to install, fail to unpickle, or compute different features.
                    """, """
                    Commit a `.python-version` with the version you train with (`pyenv local 3.11` or
                    `uv python pin 3.11` writes it), or narrow `requires-python` to one minor version, and use the
                    same version in the serving image's `FROM python:3.11-slim`.
                    """, """
                    ```toml
                    [project]
                    requires-python = ">=3.8"
                    ```
                    """, """
                    ```toml
                    [project]
                    requires-python = "==3.11.*"
                    ```
                    """).withKnownProblems("""
                    Poetry's `python` is judged by the same test (`~3.11` counts, `^3.10` does not). Version files,
                    manifests and Dockerfiles count at any depth, not only at the root.
                    """));

    /** The files of the tree that can fix the Python version (see {@link #isSource}). */
    private static final FileSelector SOURCES = FileSelector.inTree(PythonVersionRule::isSource);

    public PythonVersionRule() {
        super(INFO, SOURCES);
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        String tooWide = null;
        for (FileEntry f : SOURCES.entries(ctx)) {
            if (!isManifest(f)) {
                if (fixedByFile(ctx, f)) {
                    return;
                }
                continue;
            }
            for (PythonVersion v : declared(ctx, f.path())) {
                if (v.fixesMinorVersion()) {
                    return;
                }
                tooWide = tooWide == null ? f.path() : tooWide;
            }
        }
        if (tooWide != null) {
            out.repository(tooWide, "Narrow the Python version declared in " + tooWide + " to one minor version "
                    + "(`==3.11.*` or `>=3.11,<3.12`), or add a `.python-version` file with the version you train "
                    + "with.");
        } else {
            out.repository("Fix the Python version the project runs on: add a `.python-version` file with the "
                    + "version you train with (e.g. `3.11`), or set `requires-python = \"==3.11.*\"` in "
                    + "pyproject.toml.");
        }
    }

    /** The Python constraints a manifest declares, possibly none. */
    private static List<PythonVersion> declared(RuleContext ctx, String path) {
        Optional<PythonVersion[]> versions = switch (ManifestFiles.kind(path).orElseThrow()) {
            case PYPROJECT -> ctx.parse(path, ManifestParsers.PYPROJECT)
                    .map(p -> new PythonVersion[] { p.requiresPython(), p.poetryPython() });
            case PIPFILE -> ctx.parse(path, ManifestParsers.PIPFILE).map(p -> new PythonVersion[] { p.python() });
            case CONDA_ENVIRONMENT -> ctx.parse(path, ManifestParsers.CONDA_ENVIRONMENT)
                    .map(e -> new PythonVersion[] { e.python() });
            default -> Optional.empty();
        };
        return versions.stream().flatMap(Stream::of).filter(Objects::nonNull).toList();
    }

    /** {@code .python-version}, {@code runtime.txt} and Dockerfiles, which are no manifests. */
    private static boolean fixedByFile(RuleContext ctx, FileEntry f) {
        Optional<String> text = ctx.text(f.path());
        if (text.isEmpty()) {
            return false;
        }
        if (ToolingPythonVersion.isWorkflow(f.path())) {
            return ToolingPythonVersion.workflowFixesPython(text.get());
        }
        if (ToolingPythonVersion.isDevcontainer(f.path())) {
            return ToolingPythonVersion.devcontainerFixesPython(text.get());
        }
        String name = f.name().toLowerCase(Locale.ROOT);
        if (name.equals(".python-version")) {
            return firstValue(text.get()).map(v -> PYENV_VERSION.matcher(v).lookingAt()).orElse(false);
        }
        if (name.equals("runtime.txt")) {
            return firstValue(text.get()).map(v -> RUNTIME_VERSION.matcher(v).lookingAt()).orElse(false);
        }
        return ctx.parse(f.path(), Dockerfile.PARSER).map(PythonVersionRule::dockerfileFixesPython).orElse(false);
    }

    private static Optional<String> firstValue(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst();
    }

    /**
     * A build stage {@code FROM python:3.x...}, with {@code ARG} defaults declared before it substituted (through
     * the shared Dockerfile reader, which also joins continuation lines).
     */
    static boolean dockerfileFixesPython(Dockerfile file) {
        return BuildStage.of(file).stream().map(BuildStage::image).anyMatch(i -> i != null
                && ToolingPythonVersion.pythonImageFixesVersion(i));
    }

    private static boolean isSource(FileEntry f) {
        String name = f.name().toLowerCase(Locale.ROOT);
        return name.equals(".python-version") || name.equals("runtime.txt") || Dockerfile.isDockerfile(f.path())
                || ToolingPythonVersion.isWorkflow(f.path()) || ToolingPythonVersion.isDevcontainer(f.path())
                || isManifest(f);
    }

    /** The manifests that can declare a Python version. */
    private static boolean isManifest(FileEntry f) {
        return ManifestFiles.kind(f.path()).filter(k -> k == ManifestKind.PYPROJECT || k == ManifestKind.PIPFILE
                || k == ManifestKind.CONDA_ENVIRONMENT).isPresent();
    }
}
