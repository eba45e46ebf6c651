package dev.mlreadiness.engine.rules.production;

import java.util.List;

import dev.mlreadiness.engine.repo.ModelRepository;
import dev.mlreadiness.engine.rule.AbstractRule;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.FileEntry;

/** {@code production/ci}: a continuous-integration configuration runs the project's checks. */
public final class CiRule extends AbstractRule {

    /** Files at fixed paths that configure a CI service. */
    static final List<String> FILES = List.of(".gitlab-ci.yml", ".gitlab-ci.yaml", "Jenkinsfile",
            ".circleci/config.yml", ".circleci/config.yaml", "azure-pipelines.yml", "azure-pipelines.yaml",
            "bitbucket-pipelines.yml", ".travis.yml", ".drone.yml", ".woodpecker.yml", "appveyor.yml",
            ".appveyor.yml", "cloudbuild.yaml", "cloudbuild.yml", "buildspec.yml", "bitrise.yml",
            ".semaphore/semaphore.yml", "codefresh.yml");

    /** Folders whose YAML files directly inside are CI pipelines. */
    static final List<String> WORKFLOW_FOLDERS = List.of(".github/workflows", ".gitea/workflows",
            ".forgejo/workflows", ".azure-pipelines", ".woodpecker");

    /** Folders whose mere presence means a CI service is configured. */
    static final List<String> CI_FOLDERS = List.of(".buildkite", ".tekton");

    public static final RuleInfo INFO = new RuleInfo("production/ci", "Continuous integration", Severity.NOTICE,
            Scope.REPOSITORY, new RuleDoc("""
                    Checks that a CI service runs the project's checks: a `.yml`/`.yaml` workflow directly in
                    `.github/workflows/` (or Gitea/Forgejo `workflows/`, `.azure-pipelines/`, `.woodpecker/`),
                    `.gitlab-ci.yml`, `Jenkinsfile`, `.circleci/config.yml`, `azure-pipelines.yml`,
                    `bitbucket-pipelines.yml`, `.travis.yml`, anything under `.buildkite/` or `.tekton/`, and the
                    configs of Drone, Woodpecker, AppVeyor, Google Cloud Build, AWS CodeBuild, Bitrise, Semaphore
                    and Codefresh. We only check that a pipeline exists, not what it runs.
                    The rule does not apply to a model-only Hugging Face repository (a model file and a README with
                    model-card front matter, no training code): it has nothing for CI to build or test.
                    """, """
                    Without CI, tests and checks run only when someone remembers to run them on their own machine,
                    with their own package versions. A pipeline that installs the pinned dependencies and runs the
                    tests on every pull request is what proves the project builds and behaves the same elsewhere,
                    which is the first step to deploying it.
                    """, """
                    Add a workflow that installs the dependencies and runs the tests on every pull request, e.g.
                    `.github/workflows/ci.yml` with `actions/setup-python`, `pip install -r requirements.txt` and
                    `pytest`.
                    """, """
                    ```text
                    ├── src/
                    ├── tests/
                    └── requirements.txt
                    ```
                    """, """
                    ```yaml
                    # .github/workflows/ci.yml
                    on: [pull_request]
                    jobs:
                      test:
                        runs-on: ubuntu-latest
                        steps:
                          - uses: actions/checkout@v4
                          - uses: actions/setup-python@v5
                            with: { python-version: "3.11" }
                          - run: pip install -r requirements.txt
                          - run: pytest
                    ```
                    """));

    public CiRule() {
        super(INFO, ModelRepository::modelOnlyReads);
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        if (ModelRepository.isModelOnly(ctx)) {
            out.notApplicable();
            return;
        }
        if (ctx.snapshot().stream().noneMatch(CiRule::isCiConfig)) {
            out.repository("Add a CI workflow (e.g. `.github/workflows/ci.yml`) that installs the dependencies and "
                    + "runs the tests on every pull request.");
        }
    }

    static boolean isCiConfig(FileEntry f) {
        String path = f.path();
        if (FILES.contains(path)) {
            return true;
        }
        if (WORKFLOW_FOLDERS.contains(f.folder()) && (path.endsWith(".yml") || path.endsWith(".yaml"))) {
            return true;
        }
        return CI_FOLDERS.stream().anyMatch(folder -> path.startsWith(folder + "/"));
    }
}
