package dev.mlreadiness.engine.rules.reproducibility;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.FileEntry;
import dev.mlreadiness.engine.Findings;
import dev.mlreadiness.engine.Rule;
import dev.mlreadiness.engine.RuleContext;
import dev.mlreadiness.engine.RuleDoc;
import dev.mlreadiness.engine.RuleInfo;
import dev.mlreadiness.engine.Scope;
import dev.mlreadiness.engine.Severity;
import dev.mlreadiness.engine.deps.CondaEnvironment;
import dev.mlreadiness.engine.deps.LockFiles;
import dev.mlreadiness.engine.deps.ManifestFiles;
import dev.mlreadiness.engine.deps.ManifestKind;
import dev.mlreadiness.engine.deps.ManifestParsers;
import dev.mlreadiness.engine.deps.Problem;
import dev.mlreadiness.engine.deps.Requirement;
import dev.mlreadiness.engine.deps.RequirementsFile;
import dev.mlreadiness.engine.deps.RequirementsIncludes;
import dev.mlreadiness.engine.rules.reproducibility.PinAdvice.Syntax;

/**
 * {@code reproducibility/unpinned-dependency}: every requirement of the changed manifests fixes one version, or a
 * lock file does it for them.
 */
public final class UnpinnedDependencyRule implements Rule {

    /** A Poetry entry's source line ({@code pandas = "^2"}), as opposed to a PEP 508 string ({@code pandas>=2}). */
    private static final Pattern POETRY_ENTRY = Pattern.compile("^\\s*[\"']?[A-Za-z0-9_.-]+[\"']?\\s*=(?!=)");

    public static final RuleInfo INFO = new RuleInfo("reproducibility/unpinned-dependency",
            "Dependencies pinned to exact versions", Severity.ERROR, Scope.LINE, new RuleDoc("""
                    Reads `requirements*.txt` and `constraints*.txt` at any depth, the way pip does (options,
                    extras, markers, `\\` continuations, comments), and reports each requirement that does not fix
                    one version. Pinned are: `==1.2.3` / `===1.2.3` (not `==1.*`), a line with `--hash`, a VCS URL
                    ending in a full 40-hex commit (a tag, branch or short sha is reported), a URL with
                    `#sha256=...`, `-e .` and local paths, and a name pinned exactly in a `-c` constraints file
                    that the file references itself or through its `-r` includes (followed across the repository,
                    cycles ignored). In `pyproject.toml` (`[project]` dependencies and optional dependencies,
                    `[dependency-groups]`, Poetry's dependency tables; never `[build-system].requires` nor
                    Poetry's `python`), `Pipfile` and `environment.yml` (conda specs and the `pip:` list; `python`
                    and `pip` themselves are left alone) ranges are fine when a lock file of the same tool sits in
                    the same folder (`poetry.lock`, `uv.lock`, `pdm.lock`, `Pipfile.lock`, `conda-lock.yml`).
                    A requirement continued over several lines is reported on its first line. In a pull request
                    only the manifests it changes are read (findings on lines it did not touch are existing).
                    We chose to also report: a `-r`/`-c` line whose file is missing from the repository (pip
                    would fail, and the pins cannot be checked), and an entry the parser cannot read. Includes
                    that point outside the repository (URLs, absolute paths, variables) are not followed, so the
                    requirements they would constrain are judged on their own. A file that another file
                    includes is judged on its own too, since it can be installed on its own: a `-c` line in the
                    including file does not pin it. `setup.py` and `setup.cfg` are not checked.
                    """, """
                    `pandas>=2.0` installs whatever is newest on the day of the install. The model you trained
                    last month and the one the serving image rebuilds today then run on different libraries:
                    preprocessing changes silently, pickled models fail to load, metrics cannot be reproduced.
                    """, """
                    Pin each package to the version you tested with: `pip freeze > requirements.txt` in the
                    environment that trained the model, or pip-tools (`pip-compile requirements.in`) to pin the
                    whole tree. With Poetry, uv, PDM, Pipenv or conda keep the ranges but commit the lock file
                    the tool writes beside the manifest. Pin VCS requirements to a commit, not a tag.
                    """, """
                    ```text
                    # requirements.txt
                    pandas>=2.0
                    scikit-learn
                    torch==2.*
                    git+https://github.com/org/features.git@v1.2#egg=features
                    ```
                    """, """
                    ```text
                    # requirements.txt
                    pandas==2.2.2
                    scikit-learn==1.5.0
                    torch==2.3.1
                    git+https://github.com/org/features.git@3f2c1a9d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39#egg=features
                    ```
                    """));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Collection<String> reads(RuleContext ctx) {
        return checked(ctx.filesToScan());
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        if (checked(ctx.snapshot().files()).isEmpty()) {
            out.notApplicable();
            return;
        }
        List<String> tree = ctx.snapshot().stream().map(FileEntry::path).toList();
        for (String path : checked(ctx.filesToScan())) {
            ManifestKind kind = ManifestFiles.kind(path).orElseThrow();
            if (kind.rangesFineWithLockFile() && LockFiles.isCovered(path, tree)) {
                continue;
            }
            ManifestFindings report = new ManifestFindings(path, kind, out);
            switch (kind) {
                case REQUIREMENTS, CONSTRAINTS -> ctx.parse(path, ManifestParsers.REQUIREMENTS)
                        .ifPresent(file -> requirementsFile(ctx, file, report));
                case PYPROJECT -> ctx.parse(path, ManifestParsers.PYPROJECT).ifPresent(p -> {
                    p.requirements().forEach(r -> report.ifUnpinned(r, POETRY_ENTRY.matcher(r.rawText()).find()
                            ? Syntax.POETRY : Syntax.PEP508));
                    report.problems(p.problems());
                });
                case PIPFILE -> ctx.parse(path, ManifestParsers.PIPFILE).ifPresent(p -> {
                    p.requirements().forEach(r -> report.ifUnpinned(r, Syntax.PIPFILE));
                    report.problems(p.problems());
                });
                case CONDA_ENVIRONMENT -> ctx.parse(path, ManifestParsers.CONDA_ENVIRONMENT)
                        .ifPresent(env -> condaEnvironment(ctx, env, report));
                default -> throw new IllegalStateException("not a checked manifest kind: " + kind);
            }
        }
    }

    private static void condaEnvironment(RuleContext ctx, CondaEnvironment env, ManifestFindings report) {
        for (Requirement r : env.conda()) {
            // pip is the installer of the pip list, not a library the model depends on
            if (!"pip".equals(r.name())) {
                report.ifUnpinned(r, Syntax.CONDA);
            }
        }
        report.problems(env.problems());
        requirementsFile(ctx, env.pip(), report);
    }

    /** Requirement lines, with the constraints their {@code -r} tree references, and their includes. */
    private static void requirementsFile(RuleContext ctx, RequirementsFile file, ManifestFindings report) {
        Map<String, Requirement> constraints = RequirementsIncludes.constraints(file, path -> load(ctx, path));
        for (Requirement r : file.requirements()) {
            if (!r.isPinnedBy(constraints)) {
                report.unpinned(r, Syntax.PEP508);
            }
        }
        for (RequirementsFile.Include include : file.includes()) {
            Optional<String> target = file.resolve(include);
            if (target.isPresent() && !ctx.snapshot().exists(target.get())) {
                String option = include.constraint() ? "-c" : "-r";
                report.at(include.line(), "Add `" + target.get() + "`, which this `" + option + "` line includes, "
                        + "or remove the line: pip fails on a missing file and its pins cannot be checked.");
            }
        }
        report.problems(file.problems());
    }

    private static Optional<RequirementsFile> load(RuleContext ctx, String path) {
        return ctx.snapshot().exists(path) ? ctx.parse(path, ManifestParsers.REQUIREMENTS) : Optional.empty();
    }

    /** The manifests this rule reads among {@code files}. */
    private static List<String> checked(Collection<FileEntry> files) {
        return files.stream().map(FileEntry::path).filter(p -> ManifestFiles.kind(p).map(k -> switch (k) {
            case REQUIREMENTS, CONSTRAINTS, PYPROJECT, PIPFILE, CONDA_ENVIRONMENT -> true;
            default -> false;
        }).orElse(false)).toList();
    }

    /** Findings of one manifest, each (line, message) once: Poetry alternatives share their line. */
    private static final class ManifestFindings {
        private final String path;
        private final ManifestKind kind;
        private final Findings out;
        private final Set<String> seen = new HashSet<>();

        ManifestFindings(String path, ManifestKind kind, Findings out) {
            this.path = path;
            this.kind = kind;
            this.out = out;
        }

        void ifUnpinned(Requirement r, Syntax syntax) {
            if (!r.pin().isPinned()) {
                unpinned(r, syntax);
            }
        }

        void unpinned(Requirement r, Syntax syntax) {
            // the package, not its range: a bumped lower bound leaves the same gap, not a new one
            at(r.line(), PinAdvice.unpinned(r, syntax, kind), r.name());
        }

        void problems(List<Problem> problems) {
            for (Problem p : problems) {
                at(p.line(), "Fix this entry so its version can be checked: " + p.message() + ".");
            }
        }

        void at(int line, String message) {
            at(line, message, null);
        }

        void at(int line, String message, String subject) {
            if (!seen.add(line + "\n" + message)) {
                return;
            }
            if (line > 0) {
                out.line(path, line, message, subject);
            } else {
                out.file(path, message);
            }
        }
    }
}
