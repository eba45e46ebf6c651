package dev.mlreadiness.engine.rules.reproducibility;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.mlreadiness.engine.code.CodeFile;
import dev.mlreadiness.engine.deps.ImportDistributions;
import dev.mlreadiness.engine.deps.ManifestFiles;
import dev.mlreadiness.engine.deps.ManifestKind;
import dev.mlreadiness.engine.deps.ManifestParsers;
import dev.mlreadiness.engine.deps.PackageName;
import dev.mlreadiness.engine.deps.PythonVersion;
import dev.mlreadiness.engine.deps.RequirementsFile;
import dev.mlreadiness.engine.docker.PythonImageSuggestions;
import dev.mlreadiness.engine.markdown.InlineCode;
import dev.mlreadiness.engine.python.Import;
import dev.mlreadiness.engine.python.OptionalImports;
import dev.mlreadiness.engine.repo.TestFiles;
import dev.mlreadiness.engine.rule.AbstractRule;
import dev.mlreadiness.engine.rule.CodeFileRule;
import dev.mlreadiness.engine.rule.CodeFilesToScan;
import dev.mlreadiness.engine.rule.CodeFindings;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.FileEntry;

/**
 * {@code reproducibility/undeclared-dependency}: every third-party package the code imports is declared by a
 * manifest, so a fresh install of the manifest runs the code.
 */
public final class UndeclaredDependencyRule extends AbstractRule implements CodeFileRule {

    private static final Pattern MINOR = Pattern.compile("(?<![\\d.])3\\.(\\d{1,2})(?!\\d)");

    public static final RuleInfo INFO = new RuleInfo("reproducibility/undeclared-dependency",
            "Imported packages declared", Severity.NOTICE, Scope.LINE, new RuleDoc("""
                    Reads the imports of the Python files and notebooks (code cells) as tokens, and reports each
                    absolute import of a package that no dependency manifest of the repository declares, on the
                    import's line. Applies when the repository has a manifest (without one,
                    `structure/dependency-manifest` speaks).

                    - **Declared** are the packages of every manifest, at any depth: `requirements*.txt` (and the
                      files they include with `-r`), pyproject.toml (`[project]` dependencies and optional
                      dependencies, `[dependency-groups]`, Poetry's tables), `setup.cfg` and `setup.py`
                      `install_requires` (read best effort), `environment.yml` (conda and `pip:` entries) and
                      Pipfile. Names are compared as PEP 503 normalises them (`Scikit_Learn` is `scikit-learn`).
                    - **Import names** map to their distribution through a table kept as data (below); an import
                      not in it is expected under its own name. A table entry lists the variants and conda names
                      that also provide the import (`opencv-python-headless`, `pytorch`, `py-xgboost`).
                    - **Not reported**: the standard library (the modules of the Python minor version the
                      repository fixes in `.python-version`, `runtime.txt` or `requires-python`; without one, of
                      any CPython from 3.8 to 3.13: `distutils` needs `setuptools` only on 3.12 and later), the
                      repository's own modules (any folder holding Python code and any `.py` file name, which
                      covers `src/` layouts and scripts importing their neighbours), relative imports, imports in
                      the body or handler of a `try` that catches `ImportError` (optional dependencies), imports
                      under `if TYPE_CHECKING:`, modules the environment provides (`google.colab`) and modules of a
                      namespace the table does not know (`google.*`, `azure.*`: no name to derive). `setup.py` is
                      not read: it runs at build time, with the build requirements.
                    - **Brought by a declared package**: an import of a distribution that a declared one requires
                      (`numpy` with `pandas`, `joblib` with `scikit-learn`; the table below) is not reported.
                      Declaring every import directly is still the ideal, and the seed's rule; but such an import
                      always arrives with the declared package, so a fresh install runs it, and a finding there
                      would ask for a line most projects rightly leave out. Only hard requirements of current
                      releases are listed (`torch` does not bring `numpy`).

                    In a full scan each undeclared package is reported once, on its first import; in a pull request
                    on each file's first added import of it.

                    The import table:

                    """ + importTable() + "\n\nBrought by: " + broughtByTable() + "\n", """
                    The seed's rule is that the requirements file lists all dependencies. A package the code
                    imports but no manifest declares is installed by hand on the author's machine: the next
                    person, the CI runner and the serving image install the manifest and fail with
                    `ModuleNotFoundError`, or worse, get whatever version happens to be there. A package that
                    arrives only as another one's dependency still changes version when that one does, which is why
                    listing it is the ideal; the rule leaves the well-known cases (`numpy` through `pandas`) to the
                    author, since a fresh install does run them.
                    """, """
                    Add the distribution to the manifest the project installs from, pinned to the version you use
                    (`pip show scikit-learn` prints it): `scikit-learn==1.5.0` in requirements.txt. If the import
                    is optional, guard it with `try: ... except ImportError:`.
                    """, """
                    ```python
                    # requirements.txt lists pandas==2.2.2 only
                    import pandas as pd
                    from sklearn.ensemble import RandomForestClassifier
                    import yaml
                    ```
                    """, """
                    ```text
                    # requirements.txt
                    pandas==2.2.2
                    scikit-learn==1.5.0
                    PyYAML==6.0.1
                    ```
                    """).withKnownProblems("""
                    A folder or a `.py` file anywhere in the repository named like a package makes that package's
                    imports local, which can hide a gap. `-r` includes are followed (any file name). Packages installed by a notebook
                    cell (`%pip install x`) or only in a Dockerfile do not count as declared. Dynamic imports
                    (`importlib.import_module`) are not read.
                    """));

    private static final FileSelector MANIFESTS = FileSelector.inTree(f -> isManifest(f.path()));
    private static final FileSelector VERSION_FILES = FileSelector.inTree(
            f -> PythonImageSuggestions.isVersionFile(f.path()));
    /** The code to scan, and what it is judged by, when the tree has a manifest. */
    private static final FileSelector READS = ctx -> MANIFESTS.select(ctx).isEmpty() ? List.of()
            : FileSelector.allOf(CodeFilesToScan.CODE, MANIFESTS, VERSION_FILES,
                    UndeclaredDependencyRule::includesAtHand).select(ctx);

    /**
     * The files the requirements files already loaded include with {@code -r} ({@code -r deps/common.txt}), and
     * theirs in turn while they are loaded: includes are only known once their includer is read, and the
     * ML-project detector reads the manifests first, so they come in the same batch.
     */
    private static Collection<String> includesAtHand(RuleContext ctx) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> loaded = new ArrayDeque<>(MANIFESTS.select(ctx).stream().filter(ctx.snapshot()::isLoaded)
                .toList());
        Set<String> seen = new HashSet<>(loaded);
        while (!loaded.isEmpty() && seen.size() < 200) {
            String path = loaded.poll();
            if (ManifestFiles.kind(path).filter(k -> k == ManifestKind.REQUIREMENTS).isEmpty()
                    && !found.contains(path)) {
                continue;
            }
            ctx.parse(path, ManifestParsers.REQUIREMENTS).ifPresent(f -> f.includes().forEach(inc -> f.resolve(inc)
                    .filter(ctx.snapshot()::exists).filter(seen::add).ifPresent(t -> {
                        found.add(t);
                        if (ctx.snapshot().isLoaded(t)) {
                            loaded.add(t);
                        }
                    })));
        }
        return found;
    }

    public UndeclaredDependencyRule() {
        super(INFO, READS);
    }

    private static String importTable() {
        return ImportDistributions.table().stream().filter(e -> !e.distributions().isEmpty())
                .map(e -> "`" + e.module() + "` → " + e.distributions().stream().map(d -> "`" + d + "`")
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ")) + ".";
    }

    private static String broughtByTable() {
        return ImportDistributions.broughtByTable().entrySet().stream()
                .map(e -> "`" + e.getKey() + "` ← " + e.getValue().stream().map(d -> "`" + d + "`")
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ")) + ".";
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        if (MANIFESTS.select(ctx).isEmpty()) {
            out.notApplicable();
            return;
        }
        for (CodeFile file : CodeFilesToScan.read(ctx)) {
            check(ctx, file, out);
        }
    }

    @Override
    public void check(RuleContext ctx, CodeFile file, Findings out) {
        Project project = ctx.fact(Project.class, Project::read);
        if (!project.applies()) {
            out.notApplicable();
            return;
        }
        if (file.name().equals("setup.py")) {
            return; // its setuptools import is a build requirement, run by the installer before any manifest
        }
        if (isTooling(file.path())) {
            return; // tests, docs and task files run with the dev tools, not the project's runtime
        }
        Set<Integer> optional = null;
        Set<String> inFile = new HashSet<>();
        for (Import i : file.module().imports()) {
            String module = i.module();
            if (module.startsWith(".") || project.isLocal(module)
                    || ImportDistributions.isStandardLibrary(module, project.minor())) {
                continue;
            }
            ImportDistributions.Entry entry = ImportDistributions.of(module);
            if (entry.distributions().isEmpty() || project.declares(entry)) {
                continue;
            }
            boolean perRepository = !ctx.isPullRequest() && ctx.side() == RuleContext.Side.HEAD;
            String subject = PackageName.normalise(entry.suggested());
            if (!inFile.add(subject) || perRepository && !project.reported().add(subject)) {
                continue;
            }
            if (optional == null) {
                optional = OptionalImports.lines(file.module());
            }
            if (optional.contains(i.line())) {
                inFile.remove(subject);
                if (perRepository) {
                    project.reported().remove(subject);
                }
                continue;
            }
            if (ctx.isPullRequest() && !ctx.changes().isAddedLine(file.path(), file.fileLine(i.line()))) {
                continue; // an existing import: the file had this gap before the change
            }
            String imported = module.contains(".") && !entry.module().contains(".")
                    ? module.substring(0, module.indexOf('.'))
                    : entry.module();
            String named = entry.suggested().equalsIgnoreCase(imported) ? InlineCode.span(entry.suggested())
                    : InlineCode.span(entry.suggested()) + " (imported as " + InlineCode.span(imported) + ")";
            CodeFindings.line(out, file, i.line(), "Declare " + named + " in " + project.manifest()
                    + ": no dependency manifest of the repository lists it, so a fresh install cannot run this "
                    + "import.", subject);
        }
    }

    /** What the code is judged by, read once per evaluation and side. */
    private static final class Project {
        private final Set<String> declared;
        private final Set<String> local;
        private final Optional<Integer> minor;
        private final String manifest;
        private final Set<String> reported = ConcurrentHashMap.newKeySet();

        private Project(Set<String> declared, Set<String> local, Optional<Integer> minor, String manifest) {
            this.declared = declared;
            this.local = local;
            this.minor = minor;
            this.manifest = manifest;
        }

        static Project read(RuleContext ctx) {
            List<String> manifests = List.copyOf(MANIFESTS.select(ctx));
            Set<String> declared = new HashSet<>();
            Set<String> selected = new HashSet<>(READS.select(ctx));
            Deque<String> todo = new ArrayDeque<>(manifests);
            Set<String> seen = new HashSet<>();
            while (!todo.isEmpty() && seen.size() < 500) {
                String path = todo.poll();
                if (!seen.add(path)) {
                    continue;
                }
                ManifestKind kind = ManifestFiles.kind(path).orElse(null);
                if (kind == null) {
                    // an included file named as no manifest: read as requirements
                    ctx.parse(path, ManifestParsers.REQUIREMENTS).ifPresent(f -> f.requirements().stream()
                            .map(r -> r.name()).filter(n -> n != null).forEach(declared::add));
                } else {
                    declared.addAll(ManifestParsers.declaredPackages(ctx, path));
                }
                if (kind == ManifestKind.REQUIREMENTS || kind == ManifestKind.CONSTRAINTS || kind == null) {
                    Optional<RequirementsFile> file = ctx.parse(path, ManifestParsers.REQUIREMENTS);
                    file.ifPresent(f -> f.includes().forEach(inc -> f.resolve(inc)
                            .filter(t -> selected.contains(t) && !inc.constraint()).ifPresent(todo::add)));
                }
            }
            Set<String> local = new HashSet<>();
            for (FileEntry f : ctx.snapshot().files()) {
                String path = f.path();
                String lower = path.toLowerCase(Locale.ROOT);
                if (!(lower.endsWith(".py") || lower.endsWith(".pyx") || lower.endsWith(".pyi")
                        || lower.endsWith(".so") || lower.endsWith(".pyd"))) {
                    continue;
                }
                String[] parts = path.split("/");
                for (int k = 0; k < parts.length - 1; k++) {
                    local.add(parts[k]);
                }
                String name = parts[parts.length - 1];
                local.add(name.substring(0, name.indexOf('.')));
            }
            String manifest = manifests.isEmpty() ? null
                    : manifests.stream().filter(p -> p.equals("requirements.txt")).findFirst()
                            .orElse(manifests.stream().filter(p -> !p.contains("/")).findFirst()
                                    .orElse(manifests.get(0)));
            return new Project(declared, local, minor(ctx), manifest);
        }

        /** The minor version of 3.x the repository fixes, if its version files or requires-python say one. */
        private static Optional<Integer> minor(RuleContext ctx) {
            Set<Integer> minors = new LinkedHashSet<>();
            for (String path : VERSION_FILES.select(ctx)) {
                ctx.text(path).flatMap(t -> PythonImageSuggestions.versionInFile(path, t))
                        .ifPresent(v -> addMinor(v, minors));
            }
            for (String path : MANIFESTS.select(ctx)) {
                if (ManifestFiles.kind(path).filter(k -> k == ManifestKind.PYPROJECT).isPresent()) {
                    ctx.parse(path, ManifestParsers.PYPROJECT).map(p -> p.requiresPython())
                            .filter(PythonVersion::fixesMinorVersion).ifPresent(v -> addMinor(v.constraint(), minors));
                }
            }
            return minors.size() == 1 ? Optional.of(minors.iterator().next()) : Optional.empty();
        }

        private static void addMinor(String version, Collection<Integer> minors) {
            Matcher m = MINOR.matcher(version);
            if (m.find()) {
                minors.add(Integer.parseInt(m.group(1)));
            }
        }

        boolean applies() {
            return manifest != null;
        }

        boolean isLocal(String module) {
            int dot = module.indexOf('.');
            return local.contains(dot < 0 ? module : module.substring(0, dot));
        }

        /** Whether a manifest declares the entry, or a distribution whose install brings it (numpy by pandas). */
        boolean declares(ImportDistributions.Entry entry) {
            if (declared.stream().anyMatch(entry::providedBy)) {
                return true;
            }
            List<String> bringers = ImportDistributions.broughtBy(entry.suggested());
            return declared.stream().map(PackageName::normalise).anyMatch(bringers::contains);
        }

        Optional<Integer> minor() {
            return minor;
        }

        String manifest() {
            return manifest;
        }

        Set<String> reported() {
            return reported;
        }
    }

    private static final Set<String> TOOLING_FILES = Set.of("noxfile.py", "tasks.py", "fabfile.py", "conftest.py",
            "toxfile.py", "dodo.py");

    /** Tests, documentation and task-runner files: their imports are development tools, not runtime packages. */
    static boolean isTooling(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return TOOLING_FILES.contains(name) || path.startsWith("docs/") || path.startsWith("doc/")
                || TestFiles.isTestFile(path);
    }

    private static boolean isManifest(String path) {
        return ManifestFiles.kind(path).filter(k -> k != ManifestKind.R_DESCRIPTION && k != ManifestKind.RENV_LOCK)
                .isPresent();
    }
}
