package dev.mlreadiness.engine.rules.production;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.mlreadiness.engine.deps.ManifestFiles;
import dev.mlreadiness.engine.deps.ManifestKind;
import dev.mlreadiness.engine.deps.ManifestParsers;
import dev.mlreadiness.engine.deps.PyprojectManifest;
import dev.mlreadiness.engine.docker.BuildStage;
import dev.mlreadiness.engine.docker.Dockerfile;
import dev.mlreadiness.engine.docker.PythonImageSuggestions;
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
 * {@code production/container}: Dockerfiles pin their base images and do not run as root. An unpinned
 * {@code FROM} is reported on its line, a missing non-root {@code USER} on the last {@code FROM} line.
 */
public final class ContainerRule extends AbstractRule {

    public static final RuleInfo INFO = new RuleInfo("production/container", "Pinned, non-root container images",
            Severity.NOTICE, Scope.LINE, new RuleDoc("""
                    Reads every `Dockerfile`, `Dockerfile.*`, `*.Dockerfile` and `Containerfile` (names in any
                    letter case; in a pull request the changed ones). Flags a `FROM` whose image has no tag or the
                    tag `latest`, on its line; a digest (`@sha256:...`) is pinned, `scratch` and earlier build
                    stages (`FROM builder`) are fine, `--platform=` flags are skipped, and `ARG` variables are
                    replaced by their defaults declared before the first `FROM` (an image that stays unknown is not
                    flagged). Flags, on the last `FROM` line, a final stage that sets no `USER` or sets `root` or
                    `0`; a stage built on an earlier one inherits its user. Instructions are read in any case, with
                    line continuations, comments and heredocs handled as Docker does.

                    An untagged or `latest` official Python image (`python`, `docker.io/library/python`) written on
                    its `FROM` line gets a suggested change to the one Python version the repository fixes itself:
                    `.python-version` (`3.11.9`), `runtime.txt` (`python-3.11.9`) or `requires-python = "==3.11.9"`.
                    Sources that disagree, ranges and other images get none: a tag is never guessed.
                    """, """
                    An untagged or `latest` base image changes under you: the same Dockerfile builds a different
                    system, Python and CUDA next month, and a model that passed evaluation behaves differently in
                    production. A container running as root turns any bug in the model server or its dependencies
                    (pickle loading, image decoders) into root access to the host's mounted files.
                    """, """
                    Pin the base image to a version tag (`python:3.11-slim`) or, stricter, a digest
                    (`python:3.11-slim@sha256:...`). Create an unprivileged user and switch to it after installing
                    packages, before the `CMD`.
                    """, """
                    ```dockerfile
                    FROM python
                    COPY . /app
                    RUN pip install -r /app/requirements.txt
                    CMD ["python", "/app/serve.py"]
                    ```
                    """, """
                    ```dockerfile
                    FROM python:3.11-slim
                    COPY . /app
                    RUN pip install --no-cache-dir -r /app/requirements.txt && useradd --create-home app
                    USER app
                    CMD ["python", "/app/serve.py"]
                    ```
                    """).withKnownProblems("""
                    A final image whose tag contains `nonroot` (distroless) is accepted without a `USER`; another image
                    that runs as a non-root user by default is still flagged without one.
                    """));

    /** The Dockerfiles to check: all of them in a full scan, the changed ones in a pull request. */
    private static final FileSelector DOCKERFILES = FileSelector.toScan(ContainerRule::isDockerfile);

    /**
     * Where the repository fixes its Python version, for a suggested tag of an unpinned Python image: read only
     * when there are Dockerfiles to check.
     */
    private static final FileSelector PYTHON_VERSIONS = ctx -> DOCKERFILES.select(ctx).isEmpty() ? List.of()
            : ctx.snapshot().stream().map(FileEntry::path).filter(p -> PythonImageSuggestions.isVersionFile(p)
                    || ManifestFiles.kind(p).filter(k -> k == ManifestKind.PYPROJECT).isPresent()).toList();

    public ContainerRule() {
        super(INFO, FileSelector.allOf(DOCKERFILES, PYTHON_VERSIONS));
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        if (ctx.snapshot().stream().noneMatch(ContainerRule::isDockerfile)) {
            out.notApplicable();
            return;
        }
        AtomicReference<Optional<String>> python = new AtomicReference<>();
        for (String path : DOCKERFILES.select(ctx)) {
            ctx.parse(path, Dockerfile.PARSER).ifPresent(file -> check(ctx, path, BuildStage.of(file), python, out));
        }
    }

    /** @param python the repository's Python version, read on the first unpinned image */
    private static void check(RuleContext ctx, String path, List<BuildStage> stages,
            AtomicReference<Optional<String>> python, Findings out) {
        if (stages.isEmpty()) {
            return;
        }
        String[] lines = null;
        for (BuildStage s : stages) {
            Optional<String> message = unpinned(s);
            if (message.isEmpty()) {
                continue;
            }
            if (python.get() == null) {
                python.set(pythonVersion(ctx));
            }
            if (lines == null) {
                lines = ctx.text(path).map(t -> t.split("\n", -1)).orElse(new String[0]);
            }
            int line = s.from().line();
            String suggestion = python.get().isEmpty() || line > lines.length ? null
                    : PythonImageSuggestions.fixedLine(lines[line - 1], s, python.get().get()).orElse(null);
            out.line(path, line, message.get(), null, suggestion);
        }
        BuildStage last = stages.get(stages.size() - 1);
        String user = last.effectiveUser();
        if (user == null) {
            if (!runsAsNonRootImage(last)) {
                out.line(path, last.from().line(), "Add a `USER` instruction with an unprivileged user after the "
                        + "last `FROM` so the container does not run as root.");
            }
        } else if (isRoot(user)) {
            out.line(path, last.from().line(), "Switch the final stage from `USER " + user
                    + "` to an unprivileged user so the container does not run as root.");
        }
    }

    /** The message for an unpinned base image, or empty when the image is pinned, a stage, scratch or unknown. */
    static Optional<String> unpinned(BuildStage s) {
        String image = s.image();
        if (image == null || s.buildsOnStage() || image.equalsIgnoreCase("scratch") || image.contains("@")) {
            return Optional.empty();
        }
        String last = image.substring(image.lastIndexOf('/') + 1); // a registry port (host:5000/x) is not a tag
        int colon = last.indexOf(':');
        if (colon < 0) {
            return Optional.of("Pin the base image `" + image + "` to a version tag or an `@sha256:` digest so "
                    + "every build starts from the same system.");
        }
        if (last.substring(colon + 1).equalsIgnoreCase("latest")) {
            return Optional.of("Replace `" + image + "` with a version tag or an `@sha256:` digest so every build "
                    + "starts from the same system.");
        }
        return Optional.empty();
    }

    /** The one Python version the repository fixes exactly (see {@link PythonImageSuggestions}), if any. */
    private static Optional<String> pythonVersion(RuleContext ctx) {
        List<String> versions = new ArrayList<>();
        for (String path : PYTHON_VERSIONS.select(ctx)) {
            if (PythonImageSuggestions.isVersionFile(path)) {
                ctx.text(path).flatMap(t -> PythonImageSuggestions.versionInFile(path, t)).ifPresent(versions::add);
            } else {
                ctx.parse(path, ManifestParsers.PYPROJECT).map(PyprojectManifest::requiresPython)
                        .flatMap(v -> PythonImageSuggestions.versionInRequiresPython(v.constraint()))
                        .ifPresent(versions::add);
            }
        }
        return PythonImageSuggestions.agreed(versions);
    }

    private static boolean runsAsNonRootImage(BuildStage s) {
        String image = s.image();
        return image != null && image.substring(image.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)
                .matches("[^:@]*:[^@]*nonroot.*");
    }

    private static boolean isRoot(String user) {
        String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        return name.equals("root") || name.equals("0");
    }

    private static boolean isDockerfile(FileEntry f) {
        return Dockerfile.isDockerfile(f.path());
    }

}
