package dev.mlreadiness.engine.rules.reproducibility;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.mlreadiness.engine.code.CodeFiles;
import dev.mlreadiness.engine.deps.CondaEnvironment;
import dev.mlreadiness.engine.deps.InstallSet;
import dev.mlreadiness.engine.deps.KnownVersions;
import dev.mlreadiness.engine.deps.LockFiles;
import dev.mlreadiness.engine.deps.ManifestFiles;
import dev.mlreadiness.engine.deps.ManifestKind;
import dev.mlreadiness.engine.deps.ManifestParsers;
import dev.mlreadiness.engine.deps.PinAdvice;
import dev.mlreadiness.engine.deps.PinAdvice.Syntax;
import dev.mlreadiness.engine.deps.PinSuggestions;
import dev.mlreadiness.engine.deps.Problem;
import dev.mlreadiness.engine.deps.Requirement;
import dev.mlreadiness.engine.deps.RequirementsFile;
import dev.mlreadiness.engine.deps.RequirementsIncludes;
import dev.mlreadiness.engine.deps.VersionSpecifiers;
import dev.mlreadiness.engine.rule.AbstractRule;
import dev.mlreadiness.engine.rule.CodeFilesToScan;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.FileEntry;

/**
 * {@code reproducibility/unpinned-dependency}: every requirement of the changed manifests fixes one version, or a
 * lock file does it for them.
 */
public final class UnpinnedDependencyRule extends AbstractRule {

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
                    findings go only to the files it changes (those on lines it did not touch are existing).
                    A file that a requirements file (or an `environment.yml` `pip:` list) includes with `-r`,
                    whatever its name (`-r deps/common.txt`), is judged like its includer: its lines are reported,
                    and the includer's constraints pin them; includes are followed ten levels deep and up to
                    a hundred files, each file once. A file that is a manifest by its own name
                    (`requirements-base.txt`) is judged on its own as well, since it can be installed alone: the
                    includer's `-c` does not pin it. In a pull request an included file is judged when the pull
                    request changes it; when it adds a `-r` line to a file it does not change, that line is told
                    which unpinned requirements it brings in. An entry is also pinned when another entry
                    of the same install pins its package exactly (the same file, or for pip
                    the files it includes with `-r`): `torch[cuda]>=2.1` beside `torch==2.3.1` installs 2.3.1.
                    A pin behind an environment marker pins only entries with the same marker.

                    A suggested change pins a named requirement to the version the repository itself gives, never
                    a guessed one: a `poetry.lock`, `uv.lock` or `Pipfile.lock`, or `pip freeze` output (a
                    requirements file the rule reads whose every entry is a plain `name==version`), in the
                    manifest's folder or a parent folder (in a monorepo, one subproject's lock does not pin
                    another's requirements), or a notebook cell, in the manifest's folder or below it, reading
                    `<module>.__version__` that printed that many version numbers. A package given two versions,
                    or a local one (`2.3.1+cu121`), gets none, and so does a version the requirement's own
                    specifier excludes (`scikit-learn>=1.3` is never pinned to a notebook's stale `1.2.2`) or
                    one whose specifier is not a plain PEP 440 or Poetry range (`==1.*`). The line keeps its extras,
                    markers, options and comments; only a requirement written on one line, in a requirements file,
                    an `environment.yml` `pip:` entry, a PEP 621 array element alone on its line, or a Poetry or
                    Pipfile entry with a string value gets one (conda specs do not: a conda build's version need not
                    be pip's).
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
                    """).withKnownProblems("""
                    Also reported, by choice: a `-r`/`-c` line whose file is missing from the repository (pip would
                    fail, and the pins cannot be checked), and an entry the parser cannot read. Includes that point
                    outside the repository (URLs, absolute paths, variables) are not followed, so the requirements they
                    would constrain are judged on their own. `setup.py` and `setup.cfg` are not checked.
                    """));

    /** How many package names a message about an included file lists before it says how many more. */
    private static final int NAMES_LISTED = 5;

    /** The manifests to check: all of them in a full scan, the changed ones in a pull request. */
    private static final FileSelector MANIFESTS = FileSelector.toScan(f -> isChecked(f.path()));
    /**
     * The pip installs to judge: those among the files to scan, or every one of the tree when a file to scan may be
     * one they include (see {@link #mayChangeAnInclude}).
     */
    private static final FileSelector PIP_INSTALLS = ctx -> (mayChangeAnInclude(ctx) ? ctx.snapshot().files()
            : ctx.filesToScan()).stream().map(FileEntry::path).filter(UnpinnedDependencyRule::isPipInstall).toList();
    /**
     * Where versions for suggested pins come from besides the requirements files read anyway (pip freeze output),
     * when there is anything to judge: the tree's lock files, and the notebooks to scan (their printed
     * {@code __version__}s).
     */
    private static final FileSelector VERSION_SOURCES = ctx -> MANIFESTS.select(ctx).isEmpty()
            && PIP_INSTALLS.select(ctx).isEmpty() ? List.of()
                    : Stream.concat(ctx.snapshot().stream().filter(f -> KnownVersions.isVersionLock(f.path())
                            && f.size() <= KnownVersions.MAX_LOCK_BYTES).map(FileEntry::path),
                            CodeFilesToScan.NOTEBOOKS.select(ctx).stream()).toList();
    private static final FileSelector READS = FileSelector.allOf(MANIFESTS, PIP_INSTALLS,
            UnpinnedDependencyRule::includesAtHand, VERSION_SOURCES);

    public UnpinnedDependencyRule() {
        super(INFO, READS);
    }

    /**
     * The includes at hand of what {@link #MANIFESTS} and {@link #PIP_INSTALLS} select, and those of their includes
     * in turn: includes are only known once their includer is read, so those of files already loaded (the
     * ML-project detector fetches the manifests first) are named, and come in the same batch instead of one round
     * trip per include level.
     */
    private static Collection<String> includesAtHand(RuleContext ctx) {
        Set<String> files = new LinkedHashSet<>(MANIFESTS.select(ctx));
        files.addAll(PIP_INSTALLS.select(ctx));
        Deque<String> loaded = new ArrayDeque<>(files.stream().filter(ctx.snapshot()::isLoaded).toList());
        Map<String, Integer> depth = new HashMap<>();
        loaded.forEach(p -> depth.put(p, 0));
        List<String> includes = new ArrayList<>();
        while (!loaded.isEmpty()) {
            String path = loaded.poll();
            int level = depth.get(path);
            Optional<RequirementsFile> file = level < RequirementsIncludes.MAX_DEPTH ? pipFile(ctx, path)
                    : Optional.empty();
            for (String target : file.map(f -> existingIncludes(ctx, f)).orElse(List.of())) {
                if (files.add(target)) {
                    includes.add(target);
                    if (ctx.snapshot().isLoaded(target)) {
                        depth.put(target, level + 1);
                        loaded.add(target);
                    }
                }
            }
        }
        return includes;
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        if (ctx.snapshot().stream().noneMatch(f -> isChecked(f.path()))) {
            out.notApplicable();
            return;
        }
        List<String> tree = ctx.snapshot().stream().map(FileEntry::path).toList();
        Set<String> scanned = new HashSet<>(ctx.filesToScan().stream().map(FileEntry::path).toList());
        Reports reports = new Reports(ctx, out);
        for (String path : MANIFESTS.select(ctx)) {
            ManifestKind kind = ManifestFiles.kind(path).orElseThrow();
            if (kind.rangesFineWithLockFile() && LockFiles.isCovered(path, tree)) {
                continue;
            }
            ManifestFindings report = reports.of(path, kind);
            switch (kind) {
                case REQUIREMENTS, CONSTRAINTS -> {
                    // judged below, with the pip installs
                }
                case PYPROJECT -> ctx.parse(path, ManifestParsers.PYPROJECT).ifPresent(p -> {
                    InstallSet set = InstallSet.of(p.requirements());
                    p.requirements().forEach(r -> report.ifUnpinned(r, set, POETRY_ENTRY.matcher(r.rawText()).find()
                            ? Syntax.POETRY
                            : Syntax.PEP508));
                    report.problems(p.problems());
                });
                case PIPFILE -> ctx.parse(path, ManifestParsers.PIPFILE).ifPresent(p -> {
                    InstallSet set = InstallSet.of(p.requirements());
                    p.requirements().forEach(r -> report.ifUnpinned(r, set, Syntax.PIPFILE));
                    report.problems(p.problems());
                });
                case CONDA_ENVIRONMENT -> ctx.parse(path, ManifestParsers.CONDA_ENVIRONMENT)
                        .ifPresent(env -> condaSpecs(env, report));
                default -> throw new IllegalStateException("not a checked manifest kind: " + kind);
            }
        }
        for (String root : PIP_INSTALLS.select(ctx)) {
            boolean locked = ManifestFiles.kind(root).orElseThrow().rangesFineWithLockFile()
                    && LockFiles.isCovered(root, tree);
            if (!locked) {
                pipFile(ctx, root).ifPresent(file -> pipInstall(ctx, file, scanned, reports));
            }
        }
    }

    private static void condaSpecs(CondaEnvironment env, ManifestFindings report) {
        InstallSet none = InstallSet.of(List.of());
        for (Requirement r : env.conda()) {
            // pip is the installer of the pip list, not a library the model depends on
            if (!"pip".equals(r.name())) {
                report.ifUnpinned(r, none, Syntax.CONDA);
            }
        }
        report.problems(env.problems());
    }

    /**
     * One {@code pip install -r}: the root's lines when it is read, and the lines of each file it includes that
     * is no manifest of its own (those are judged on their own, as they can be installed alone) when that file
     * is read, all judged by the pins of the whole install. A {@code -r} line the pull request adds, to a file it
     * does not change, gets the unpinned requirements that file brings in.
     */
    private static void pipInstall(RuleContext ctx, RequirementsFile root, Set<String> scanned, Reports reports) {
        InstallSet set = InstallSet.of(root, path -> load(ctx, path));
        for (RequirementsFile file : set.files()) {
            boolean isRoot = file == set.files().get(0);
            if (!scanned.contains(file.path()) || !isRoot && ManifestFiles.isManifest(file.path())) {
                continue;
            }
            ManifestFindings report = reports.of(file.path(),
                    isRoot ? ManifestFiles.kind(file.path()).orElseThrow() : ManifestKind.REQUIREMENTS);
            judge(ctx, file, set, report);
            if (ctx.isPullRequest()) {
                for (RequirementsFile.Include include : file.includes()) {
                    if (!include.constraint() && ctx.changes().isAddedLine(file.path(), include.line())) {
                        file.resolve(include).filter(t -> !scanned.contains(t) && !ManifestFiles.isManifest(t))
                                .flatMap(t -> load(ctx, t))
                                .ifPresent(target -> broughtIn(ctx, target, set, scanned, include, report));
                    }
                }
            }
        }
    }

    /** A file's requirements by the pins of its install, its missing includes and unreadable lines. */
    private static void judge(RuleContext ctx, RequirementsFile file, InstallSet set, ManifestFindings report) {
        for (Requirement r : file.requirements()) {
            report.ifUnpinned(r, set, Syntax.PEP508);
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

    /**
     * The unpinned requirements that an added {@code -r} line brings in from a file the pull request does not
     * change, on that line: the file's own lines are existing ones, yet the pull request is what installs them.
     */
    private static void broughtIn(RuleContext ctx, RequirementsFile target, InstallSet set, Set<String> scanned,
            RequirementsFile.Include include, ManifestFindings report) {
        List<String> names = new ArrayList<>();
        boolean deeper = false;
        for (RequirementsFile file : RequirementsIncludes.requirementTree(target, path -> load(ctx, path))) {
            if (scanned.contains(file.path()) || ManifestFiles.isManifest(file.path())) {
                continue; // reported on its own lines
            }
            for (Requirement r : file.requirements()) {
                if (!set.pins(r)) {
                    names.add(r.name() == null ? "a URL requirement" : "`" + r.name() + "`");
                    deeper |= file != target;
                }
            }
        }
        if (names.isEmpty()) {
            return;
        }
        List<String> distinct = names.stream().distinct().toList();
        String listed = distinct.size() <= NAMES_LISTED ? joined(distinct)
                : String.join(", ", distinct.subList(0, NAMES_LISTED)) + " and " + (distinct.size() - NAMES_LISTED)
                        + " more";
        report.at(include.line(), "Pin " + listed + " in " + target.path() + (deeper ? " and the files it includes"
                : "") + ", which this `-r` line adds to the install: " + (distinct.size() == 1 ? "it does" : "they do")
                + " not fix one version.");
    }

    private static String joined(List<String> items) {
        return items.size() == 1 ? items.get(0)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static Optional<RequirementsFile> load(RuleContext ctx, String path) {
        return ctx.snapshot().exists(path) ? ctx.parse(path, ManifestParsers.REQUIREMENTS) : Optional.empty();
    }

    /** The pip requirements of a requirements file, or the {@code pip:} list of an environment.yml. */
    private static Optional<RequirementsFile> pipFile(RuleContext ctx, String path) {
        return ManifestFiles.kind(path).filter(k -> k == ManifestKind.CONDA_ENVIRONMENT).isPresent()
                ? ctx.parse(path, ManifestParsers.CONDA_ENVIRONMENT).map(CondaEnvironment::pip)
                : load(ctx, path);
    }

    private static List<String> existingIncludes(RuleContext ctx, RequirementsFile file) {
        return file.includes().stream().flatMap(i -> file.resolve(i).stream()).filter(ctx.snapshot()::exists)
                .toList();
    }

    /**
     * True when a file to read may be one that a requirements file includes ({@code -r deps/common.txt}): a
     * {@code .txt} file that is no manifest by its name. Every pip install of the tree is then read, to learn which
     * files include it; in a full scan they are all read anyway.
     */
    private static boolean mayChangeAnInclude(RuleContext ctx) {
        return ctx.filesToScan().stream().map(FileEntry::path)
                .anyMatch(p -> p.toLowerCase(Locale.ROOT).endsWith(".txt") && !ManifestFiles.isManifest(p));
    }

    /** Files that pip installs from: requirements and constraints files, environment.yml. */
    private static boolean isPipInstall(String path) {
        return ManifestFiles.kind(path).map(k -> switch (k) {
            case REQUIREMENTS, CONSTRAINTS, CONDA_ENVIRONMENT -> true;
            default -> false;
        }).orElse(false);
    }

    /** The manifests this rule checks: pip installs, pyproject.toml and Pipfile. */
    private static boolean isChecked(String path) {
        return isPipInstall(path)
                || ManifestFiles.kind(path).filter(k -> k == ManifestKind.PYPROJECT || k == ManifestKind.PIPFILE)
                        .isPresent();
    }

    /** The findings of each manifest, by path, and what their suggested pins read. */
    private static final class Reports {
        private final RuleContext ctx;
        private final Findings out;
        private final Map<String, ManifestFindings> byPath = new HashMap<>();
        private final Set<String> tree;
        /** Each manifest's lines, split once for all its suggestions. */
        private final Map<String, String[]> lines = new HashMap<>();
        /** Read on the first unpinned requirement. */
        private List<Source> sources;
        /** Per manifest directory. */
        private final Map<String, KnownVersions> versions = new HashMap<>();

        Reports(RuleContext ctx, Findings out) {
            this.ctx = ctx;
            this.out = out;
            this.tree = new HashSet<>(ctx.snapshot().stream().map(FileEntry::path).toList());
        }

        ManifestFindings of(String path, ManifestKind kind) {
            return byPath.computeIfAbsent(path, p -> new ManifestFindings(p, kind, out, this));
        }

        /**
         * The versions for a manifest's suggested pins, built once per manifest directory from the sources read on
         * the first unpinned requirement ({@link #VERSION_SOURCES} and the requirements files this rule reads
         * anyway that are pip freeze output): a lock or freeze file counts only in the manifest's directory or
         * its parents (in a monorepo, one subproject's lock does not pin another's requirements), a notebook only
         * in the manifest's directory or below it (the project's own notebooks).
         */
        KnownVersions versions(String manifest) {
            if (sources == null) {
                sources = new ArrayList<>();
                for (String path : READS.select(ctx)) {
                    if (!tree.contains(path)) {
                        continue;
                    }
                    if (KnownVersions.isVersionLock(path)) {
                        ctx.parse(path, KnownVersions.LOCK_FILE)
                                .ifPresent(m -> sources.add(new Source(path, false, v -> v.addAll(m))));
                    } else if (CodeFiles.isNotebook(path)) {
                        ctx.parse(path, CodeFiles.NOTEBOOK).ifPresent(f -> f.notebook().ifPresent(
                                nb -> sources.add(new Source(path, true, v -> v.addNotebook(nb, f.module())))));
                    } else if (ManifestFiles.kind(path).filter(k -> k == ManifestKind.REQUIREMENTS
                            || k == ManifestKind.CONSTRAINTS).isPresent()) {
                        ctx.parse(path, ManifestParsers.REQUIREMENTS)
                                .ifPresent(rf -> sources.add(new Source(path, false, v -> v.addFreeze(rf))));
                    }
                }
            }
            String dir = directory(manifest);
            return versions.computeIfAbsent(dir, d -> {
                KnownVersions known = new KnownVersions();
                for (Source source : sources) {
                    String at = directory(source.path());
                    if (source.below() ? isWithin(at, d) : isWithin(d, at)) {
                        source.addTo().accept(known);
                    }
                }
                return known;
            });
        }

        /** The folder of a path, with a trailing {@code /}, or empty at the root. */
        private static String directory(String path) {
            String p = path.replace('\\', '/');
            return p.substring(0, p.lastIndexOf('/') + 1);
        }

        /** Whether folder {@code inner} is {@code outer} or inside it (both from {@link #directory}). */
        private static boolean isWithin(String inner, String outer) {
            return inner.startsWith(outer);
        }

        /**
         * The requirement's line pinned to the version the repository gives it (see {@link PinSuggestions}), or
         * null. The version must satisfy the requirement's own specifier ({@code scikit-learn>=1.3} is never
         * pinned to a stale {@code 1.2.2}); a specifier that cannot be evaluated gets none.
         */
        String suggestion(String path, ManifestKind kind, Requirement r, Syntax syntax) {
            if (r.kind() != Requirement.Kind.NAMED || r.name() == null) {
                return null;
            }
            Optional<String> version = versions(path).version(r.name());
            if (version.isEmpty() || !VersionSpecifiers.allows(r.specifier(), version.get()).orElse(false)) {
                return null;
            }
            String[] text = lines.computeIfAbsent(path, p -> ctx.text(p).map(t -> t.split("\n", -1))
                    .orElse(new String[0]));
            return r.line() > text.length ? null
                    : PinSuggestions.fixedLine(text[r.line() - 1], r, syntax, kind, version.get()).orElse(null);
        }

        /** One source of versions: where it is, whether it counts below its folder (a notebook), what it adds. */
        private record Source(String path, boolean below, Consumer<KnownVersions> addTo) {
        }
    }

    /** Findings of one manifest, each (line, message) once: Poetry alternatives share their line. */
    private static final class ManifestFindings {
        private final String path;
        private final ManifestKind kind;
        private final Findings out;
        private final Set<String> seen = new HashSet<>();
        private final Reports reports;

        ManifestFindings(String path, ManifestKind kind, Findings out, Reports reports) {
            this.path = path;
            this.kind = kind;
            this.out = out;
            this.reports = reports;
        }

        void ifUnpinned(Requirement r, InstallSet set, Syntax syntax) {
            if (!set.pins(r)) {
                // the package, not its range: a bumped lower bound leaves the same gap, not a new one
                String message = PinAdvice.unpinned(r, syntax, kind);
                if (r.line() > 0 && seen.add(r.line() + "\n" + message)) {
                    out.line(path, r.line(), message, r.name(), reports.suggestion(path, kind, r, syntax));
                } else if (r.line() <= 0) {
                    at(r.line(), message, r.name());
                }
            }
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
