package dev.mlreadiness.engine.rules.production;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.deps.CondaEnvironment;
import dev.mlreadiness.engine.deps.InstallSet;
import dev.mlreadiness.engine.deps.ManifestFiles;
import dev.mlreadiness.engine.deps.ManifestKind;
import dev.mlreadiness.engine.deps.ManifestParsers;
import dev.mlreadiness.engine.deps.PythonVersion;
import dev.mlreadiness.engine.deps.Requirement;
import dev.mlreadiness.engine.deps.RequirementsFile;
import dev.mlreadiness.engine.deps.RequirementsParser;
import dev.mlreadiness.engine.deps.ToolingPythonVersion;
import dev.mlreadiness.engine.docker.BuildStage;
import dev.mlreadiness.engine.docker.Dockerfile;
import dev.mlreadiness.engine.docker.PythonImageSuggestions;
import dev.mlreadiness.engine.markdown.InlineCode;
import dev.mlreadiness.engine.rule.AbstractRule;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.FileEntry;

/**
 * {@code production/environment-parity}: the container serves the model on the Python minor version and the pinned
 * package versions it was trained with.
 */
public final class EnvironmentParityRule extends AbstractRule {

    private static final Pattern MINOR = Pattern.compile("(?<![\\d.])3\\.(\\d{1,2})(?!\\d)");
    /** {@code pip}, {@code pip3}, {@code pip3.11}, also after {@code python -m} or {@code uv}. */
    private static final Pattern PIP = Pattern.compile("(?:.*/)?pip(?:3(?:\\.\\d+)?)?");
    private static final Pattern PYTHON = Pattern.compile("(?:.*/)?python(?:3(?:\\.\\d+)?)?");
    /** pip options that take a value, so the value is no requirement. */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("-i", "--index-url", "--extra-index-url", "-f",
            "--find-links", "-t", "--target", "--prefix", "--root", "--trusted-host", "--platform", "--python-version",
            "--implementation", "--abi", "--only-binary", "--no-binary", "--progress-bar", "--cache-dir", "--src",
            "--upgrade-strategy", "--log", "--timeout", "--retries", "--proxy", "--cert", "--client-cert",
            "--exists-action", "--global-option", "--config-settings", "-C", "--report");
    /** Installers themselves, not libraries the model depends on. */
    private static final Set<String> TOOLING = Set.of("pip", "setuptools", "wheel", "uv", "poetry", "pipenv",
            "pip-tools", "virtualenv");
    private static final int NAMES_LISTED = 5;

    public static final RuleInfo INFO = new RuleInfo("production/environment-parity",
            "Container matches the training environment", Severity.NOTICE, Scope.REPOSITORY, new RuleDoc("""
                    Reads every Dockerfile (`Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `Containerfile`) and
                    compares what it builds with the environment the repository trains in:

                    - **Python minor version.** A build stage `FROM python:3.x...` (also through an `ARG` default)
                      must use the minor version the repository fixes for training: `.python-version`,
                      `runtime.txt`, a `requires-python` (or Poetry `python`, Pipfile `python_version`,
                      environment.yml `python`) that allows one minor version, or the one exact version of a
                      GitHub Actions `actions/setup-python` step. When these sources disagree among themselves,
                      or give none, nothing is compared. Images that are not the official Python image
                      (`nvidia/cuda`, `ubuntu`) are not judged.
                    - **Pinned packages.** Each package a `RUN pip install` (also `pip3`, `python -m pip`,
                      `uv pip`) installs, by name or through its `-r` files and their includes, is compared with
                      the exact pins (`name==version`) of the repository's other manifests (requirements and
                      constraints files, pyproject.toml, Pipfile, environment.yml): installed unpinned or at
                      another version while training pins it is a finding. Installing the training manifest itself
                      (`pip install -r requirements.txt`, `pip install .`, `poetry install`, `uv sync`,
                      `conda env create -f environment.yml`) is parity by construction; packages only the
                      container installs (`gunicorn`, `uvicorn`) and packages training leaves unpinned are not
                      compared. A package two training manifests pin differently is not judged.

                    Dockerfiles under `.devcontainer/` build the development container (an editor's environment,
                    often on a newer Python with notebook tools), not the serving one, and are not read. Without a
                    Dockerfile the rule does not apply. One finding per Dockerfile and kind of gap, naming both
                    sides.
                    """, """
                    A model is only as good as the environment it runs in. Served on another Python minor version
                    it may fail to unpickle or run different wheels; served with `scikit-learn` 1.4 after training
                    with 1.5, the same pickle can load with a warning and predict differently, or not load at all.
                    The seed calls it consistency between training and production deployments: the offline metrics
                    hold only for the environment they were measured in.
                    """, """
                    Build the serving image from the same Python minor version the repository pins
                    (`FROM python:3.11-slim` next to `.python-version` = `3.11`), and install the same pinned
                    manifest training uses: `COPY requirements.txt .` then `pip install -r requirements.txt`. If
                    serving needs fewer packages, keep a `requirements-serve.txt` that starts with
                    `-c requirements.txt` (or pins the same versions) instead of naming packages in the Dockerfile.
                    """, """
                    ```dockerfile
                    # .python-version says 3.11, requirements.txt pins scikit-learn==1.5.0
                    FROM python:3.9-slim
                    RUN pip install scikit-learn pandas flask
                    ```
                    """, """
                    ```dockerfile
                    FROM python:3.11-slim
                    COPY requirements.txt .
                    RUN pip install --no-cache-dir -r requirements.txt flask==3.0.3
                    ```
                    """).withKnownProblems("""
                    `-r` files are found by path from the Dockerfile's folder or the repository root, or by the end
                    of their container path (`/app/requirements.txt`); a file that cannot be found is not judged.
                    Includes are followed only to files that are manifests by their name. Conda installs in a
                    Dockerfile (`conda install pkg`) and version ranges are not compared.
                    """));

    private static final FileSelector DOCKERFILES = FileSelector.inTree(f -> Dockerfile.isDockerfile(f.path())
            && !f.path().startsWith(".devcontainer/") && !f.path().contains("/.devcontainer/"));
    /** Manifests, version files and workflows: read only when the tree has a Dockerfile. */
    private static final FileSelector TRAINING = ctx -> DOCKERFILES.select(ctx).isEmpty() ? List.of()
            : ctx.snapshot().stream().map(FileEntry::path).filter(EnvironmentParityRule::isTrainingSource).toList();

    public EnvironmentParityRule() {
        super(INFO, FileSelector.allOf(DOCKERFILES, TRAINING));
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        List<String> dockerfiles = new ArrayList<>(DOCKERFILES.select(ctx));
        if (dockerfiles.isEmpty()) {
            out.notApplicable();
            return;
        }
        Optional<Source> python = trainingPython(ctx);
        Map<String, List<Installed>> installs = new LinkedHashMap<>();
        Set<String> installedFiles = new LinkedHashSet<>();
        for (String path : dockerfiles) {
            Optional<Dockerfile> file = ctx.parse(path, Dockerfile.PARSER);
            if (file.isEmpty()) {
                continue;
            }
            python.ifPresent(p -> checkPython(path, file.get(), p, out));
            List<Installed> installed = installs(ctx, path, file.get());
            installs.put(path, installed);
            installed.forEach(i -> installedFiles.add(i.file()));
        }
        if (installs.values().stream().allMatch(List::isEmpty)) {
            return;
        }
        // what the containers install is not training's: a serving file's pins are compared, never used as the truth
        Map<String, Pinned> pins = trainingPins(ctx, installedFiles);
        installs.forEach((path, installed) -> checkPins(installed, pins, path, out));
    }

    /** The one Python minor version training uses, with where it is said; empty when none or several. */
    private static Optional<Source> trainingPython(RuleContext ctx) {
        Map<String, String> minors = new LinkedHashMap<>(); // minor -> first source
        for (String path : TRAINING.select(ctx)) {
            for (String version : pythonVersions(ctx, path)) {
                Matcher m = MINOR.matcher(version);
                if (m.find()) {
                    minors.putIfAbsent("3." + m.group(1), path);
                }
            }
        }
        if (minors.size() != 1) {
            return Optional.empty();
        }
        var only = minors.entrySet().iterator().next();
        return Optional.of(new Source(only.getKey(), only.getValue()));
    }

    /** The versions a file fixes for training: exact values, or constraints allowing one minor version. */
    private static List<String> pythonVersions(RuleContext ctx, String path) {
        if (PythonImageSuggestions.isVersionFile(path)) {
            return ctx.text(path).map(t -> t.lines().map(String::strip).filter(l -> !l.isEmpty()
                    && !l.startsWith("#")).limit(1).map(l -> l.replaceFirst("(?i)^python-", "")).toList())
                    .orElse(List.of());
        }
        if (ToolingPythonVersion.isWorkflow(path)) {
            return ctx.text(path).flatMap(ToolingPythonVersion::workflowPythonVersion).stream().toList();
        }
        List<PythonVersion> declared = new ArrayList<>();
        switch (ManifestFiles.kind(path).orElse(ManifestKind.REQUIREMENTS)) {
            case PYPROJECT -> ctx.parse(path, ManifestParsers.PYPROJECT).ifPresent(p -> {
                declared.add(p.requiresPython());
                declared.add(p.poetryPython());
            });
            case PIPFILE -> ctx.parse(path, ManifestParsers.PIPFILE).ifPresent(p -> declared.add(p.python()));
            case CONDA_ENVIRONMENT -> ctx.parse(path, ManifestParsers.CONDA_ENVIRONMENT)
                    .ifPresent(e -> declared.add(e.python()));
            default -> {
            }
        }
        return declared.stream().filter(Objects::nonNull).filter(PythonVersion::fixesMinorVersion)
                .map(PythonVersion::constraint).toList();
    }

    private static void checkPython(String path, Dockerfile file, Source training, Findings out) {
        for (BuildStage stage : BuildStage.of(file)) {
            String image = stage.image();
            if (image == null || stage.buildsOnStage() || !ToolingPythonVersion.pythonImageFixesVersion(image)) {
                continue;
            }
            String tag = image.substring(image.lastIndexOf(':') + 1);
            Matcher m = MINOR.matcher(tag);
            if (m.find() && !("3." + m.group(1)).equals(training.value())) {
                String container = "3." + m.group(1);
                out.repository(path, "The container runs Python " + container + " (" + InlineCode.span("FROM "
                        + image) + ", line " + stage.from().line() + ") but training uses Python " + training.value()
                        + " (" + training.path() + "): build from the " + training.value() + " image so the model "
                        + "is served on the Python it was trained on.",
                        List.of("python " + container + " vs " + training.value()));
                return;
            }
        }
    }

    /** One package a Dockerfile installs, with its requirement and where it is given. */
    private record Installed(Requirement requirement, String where, String file) {
    }

    /** An exact training pin and the manifest that gives it; a null version marks disagreeing pins. */
    private record Pinned(String version, String path) {
    }

    private record Source(String value, String path) {
    }

    /** The packages the Dockerfile's {@code pip install}s name, directly or through their {@code -r} files. */
    private static List<Installed> installs(RuleContext ctx, String dockerfile, Dockerfile file) {
        List<Installed> out = new ArrayList<>();
        Set<String> selected = new LinkedHashSet<>(TRAINING.select(ctx));
        for (Dockerfile.Instruction run : file.all("RUN")) {
            for (String command : run.arguments().split("&&|\\|\\||;|\\|")) {
                List<String> args = pipInstallArguments(command);
                if (args == null) {
                    continue;
                }
                StringBuilder lines = new StringBuilder();
                for (int i = 0; i < args.size(); i++) {
                    String a = args.get(i);
                    if ((a.equals("-r") || a.equals("--requirement") || a.equals("-c") || a.equals("--constraint"))
                            && i + 1 < args.size()) {
                        String target = resolve(ctx, dockerfile, args.get(++i));
                        if (target != null && selected.contains(target)) {
                            lines.append(a.startsWith("-c") || a.equals("--constraint") ? "-c " : "-r ")
                                    .append(target).append('\n');
                        }
                    } else if (a.startsWith("--requirement=") || a.startsWith("-r") && a.length() > 2) {
                        String target = resolve(ctx, dockerfile, a.substring(a.startsWith("-r") && !a.startsWith(
                                "--") ? 2 : a.indexOf('=') + 1));
                        if (target != null && selected.contains(target)) {
                            lines.append("-r ").append(target).append('\n');
                        }
                    } else if (OPTIONS_WITH_VALUE.contains(a)) {
                        i++;
                    } else if (!a.startsWith("-") && !a.contains("$") && !a.startsWith(".") && !a.startsWith("/")) {
                        lines.append(a).append('\n');
                    }
                }
                RequirementsFile root = new RequirementsParser().parse("", lines.toString());
                InstallSet set = InstallSet.of(root, p -> selected.contains(p) && ctx.snapshot().exists(p)
                        ? ctx.parse(p, ManifestParsers.REQUIREMENTS)
                        : Optional.empty());
                for (RequirementsFile f : set.files()) {
                    for (Requirement r : f.requirements()) {
                        if (r.kind() == Requirement.Kind.NAMED && r.name() != null && !TOOLING.contains(r.name())) {
                            out.add(new Installed(r, f == root ? dockerfile + " line " + run.line() : f.path(),
                                    f == root ? dockerfile : f.path()));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The arguments after {@code install} of a pip command, or null when the command is none. */
    private static List<String> pipInstallArguments(String command) {
        List<String> words = new ArrayList<>();
        for (String w : command.strip().split("\\s+")) {
            if (!w.isEmpty()) {
                words.add(w.replaceAll("^[\"']|[\"']$", ""));
            }
        }
        int i = 0;
        while (i < words.size() && (words.get(i).contains("=") && !words.get(i).startsWith("-")
                || words.get(i).equals("sudo"))) {
            i++; // VAR=value prefixes
        }
        if (i < words.size() && PYTHON.matcher(words.get(i)).matches() && i + 2 < words.size()
                && words.get(i + 1).equals("-m")) {
            i += 2;
        } else if (i < words.size() && words.get(i).equals("uv")) {
            i++;
        }
        if (i + 1 >= words.size() || !PIP.matcher(words.get(i)).matches() || !words.get(i + 1).equals("install")) {
            return null;
        }
        return words.subList(i + 2, words.size());
    }

    /**
     * The repository file a container path points at: relative to the Dockerfile's folder or the root, or the
     * longest repository path the container path ends with ({@code /app/requirements.txt}).
     */
    private static String resolve(RuleContext ctx, String dockerfile, String written) {
        String p = written.replaceFirst("^\\./", "");
        String folder = dockerfile.contains("/") ? dockerfile.substring(0, dockerfile.lastIndexOf('/') + 1) : "";
        if (!p.startsWith("/") && ctx.snapshot().exists(folder + p)) {
            return folder + p;
        }
        if (!p.startsWith("/") && ctx.snapshot().exists(p)) {
            return p;
        }
        String[] parts = p.replaceFirst("^/+", "").split("/");
        for (int start = 0; start < parts.length; start++) {
            String candidate = String.join("/", java.util.Arrays.asList(parts).subList(start, parts.length));
            if (ctx.snapshot().exists(folder + candidate)) {
                return folder + candidate;
            }
            if (ctx.snapshot().exists(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Exact pins of the repository's manifests, by normalised name. */
    private static Map<String, Pinned> trainingPins(RuleContext ctx, Set<String> installed) {
        Map<String, Pinned> pins = new HashMap<>();
        for (String path : TRAINING.select(ctx)) {
            if (installed.contains(path)) {
                continue;
            }
            List<Requirement> requirements = switch (ManifestFiles.kind(path).orElse(ManifestKind.R_DESCRIPTION)) {
                case REQUIREMENTS, CONSTRAINTS -> ctx.parse(path, ManifestParsers.REQUIREMENTS)
                        .map(RequirementsFile::requirements).orElse(List.of());
                case PYPROJECT -> ctx.parse(path, ManifestParsers.PYPROJECT).map(p -> p.requirements())
                        .orElse(List.of());
                case PIPFILE -> ctx.parse(path, ManifestParsers.PIPFILE).map(p -> p.requirements()).orElse(List.of());
                case CONDA_ENVIRONMENT -> ctx.parse(path, ManifestParsers.CONDA_ENVIRONMENT)
                        .map(CondaEnvironment::requirements).orElse(List.of());
                default -> List.of();
            };
            for (Requirement r : requirements) {
                exactVersion(r).ifPresent(v -> pins.merge(r.name(), new Pinned(v, path),
                        (a, b) -> Objects.equals(a.version(), b.version()) ? a : new Pinned(null, a.path())));
            }
        }
        return pins;
    }

    private static Optional<String> exactVersion(Requirement r) {
        if (r.kind() != Requirement.Kind.NAMED || r.name() == null || r.marker() != null) {
            return Optional.empty();
        }
        String s = r.specifier();
        if (s == null || s.contains(",") || s.contains("*")) {
            return Optional.empty();
        }
        if (s.startsWith("===")) {
            return Optional.of(s.substring(3));
        }
        return s.startsWith("==") ? Optional.of(s.substring(2)) : Optional.empty();
    }

    private static void checkPins(List<Installed> installed, Map<String, Pinned> pins, String dockerfile,
            Findings out) {
        List<String> gaps = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Installed i : installed) {
            Requirement r = i.requirement();
            Pinned pin = pins.get(r.name());
            if (pin == null || pin.version() == null || !seen.add(r.name())) {
                continue;
            }
            Optional<String> version = exactVersion(r);
            if (version.isPresent() && version.get().equals(pin.version())) {
                continue;
            }
            if (installed.stream().anyMatch(o -> o != i && o.requirement().name().equals(r.name())
                    && exactVersion(o.requirement()).filter(pin.version()::equals).isPresent())) {
                continue; // another entry of the same install pins the training version
            }
            gaps.add(InlineCode.span(r.name()) + " " + version.map(v -> v + " (" + i.where() + ")")
                    .orElse("unpinned (" + i.where() + ")") + " vs " + pin.version() + " (" + pin.path() + ")");
            subjects.add("package " + r.name() + " " + version.orElse("*") + " vs " + pin.version());
        }
        if (gaps.isEmpty()) {
            return;
        }
        String listed = gaps.size() <= NAMES_LISTED ? String.join("; ", gaps)
                : String.join("; ", gaps.subList(0, NAMES_LISTED)) + "; and " + (gaps.size() - NAMES_LISTED)
                        + " more";
        out.repository(dockerfile, "The container installs other versions than training pins: " + listed
                + ". Install the training manifest (`pip install -r`) or pin the same versions.", subjects);
    }

    private static boolean isTrainingSource(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return PythonImageSuggestions.isVersionFile(path) || ToolingPythonVersion.isWorkflow(path)
                || ManifestFiles.kind(path).filter(k -> k != ManifestKind.SETUP_PY && k != ManifestKind.SETUP_CFG
                        && k != ManifestKind.RENV_LOCK && k != ManifestKind.R_DESCRIPTION).isPresent()
                || lower.endsWith(".txt") && lower.contains("requirement");
    }
}
