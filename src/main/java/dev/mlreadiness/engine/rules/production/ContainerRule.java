package dev.mlreadiness.engine.rules.production;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

    public ContainerRule() {
        super(INFO, DOCKERFILES);
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        if (ctx.snapshot().stream().noneMatch(ContainerRule::isDockerfile)) {
            out.notApplicable();
            return;
        }
        for (String path : DOCKERFILES.select(ctx)) {
            ctx.parse(path, Dockerfile.PARSER).ifPresent(file -> check(path, BuildStage.of(file), out));
        }
    }

    private static void check(String path, List<BuildStage> stages, Findings out) {
        if (stages.isEmpty()) {
            return;
        }
        for (BuildStage s : stages) {
            unpinned(s).ifPresent(message -> out.line(path, s.from().line(), message));
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
