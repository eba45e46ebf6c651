package dev.mlreadiness.engine.rules.production;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.code.CodeEvidence;
import dev.mlreadiness.engine.code.Evidence;
import dev.mlreadiness.engine.code.ServingEvidence;
import dev.mlreadiness.engine.docs.SectionCheck;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.rules.docs.SectionRule;
import dev.mlreadiness.engine.snapshot.FileEntry;

/**
 * {@code production/monitoring}: a repository that serves a model ({@link ServingEvidence}) has monitoring in place,
 * documented or set up in code.
 */
public final class MonitoringRule extends SectionRule {

    private static final SectionCheck SECTION = new SectionCheck(List.of("monitoring", "observability", "drift",
            "alerting", "alerts"), "Monitoring",
            "how the served model is monitored (input drift, prediction quality, latency) and who gets alerted");

    /** Monitoring libraries, by their package names as manifests spell them ({@code -} and {@code _} alike). */
    private static final Pattern MONITORING_LIBRARY = Pattern.compile(
            "(?<![\\w.-])(prometheus[-_]client|evidently|whylogs|alibi[-_]detect|nannyml)(?![\\w-])");

    /** The manifests at the root, read for a monitoring library. */
    private static final FileSelector MANIFESTS = FileSelector.inTree(f -> f.folder().isEmpty()
            && (f.path().startsWith("requirements") && f.path().endsWith(".txt") || List.of("pyproject.toml",
                    "setup.cfg", "setup.py", "environment.yml", "environment.yaml", "Pipfile").contains(f.path())));

    public static final RuleInfo INFO = new RuleInfo("production/monitoring", "Monitor the model in production",
            Severity.WARNING, Scope.REPOSITORY, new RuleDoc(
                    """
                    Applies when the repository serves a model: it has a Dockerfile (not a dev container or a \
                    training image), a serving config (`bentofile.yaml`, `config.pbtxt`, `cog.yaml`, \
                    `model-settings.json`, `serve_config.yaml`, `Procfile`), a serving entry point (`serve.py`, \
                    `server.py`, `deploy.py`, `serve_*.py`, `deploy_*.sh`, a root `handler.py`, ...), code \
                    importing a model server (BentoML, Ray Serve, TorchServe, Seldon, KServe, MLServer, Triton, \
                    LitServe, Cog), or code importing a web or demo framework (FastAPI, Flask, Django, Starlette, \
                    Gradio, Streamlit, ...) in a repository that loads a model (`joblib.load`, `torch.load`, \
                    `load_model`, `from_pretrained`, ...). `project: service` in the config makes it apply, \
                    `project: research` turns it off; elsewhere it is not applicable (a research repository or a \
                    Kaggle notebook serves nothing to monitor). \
                    Passes with a section of the documentation set whose heading contains monitoring, \
                    observability, drift, alerting or alerts, with content; or with a `monitoring/` folder at any \
                    depth; or with a dependency manifest at the root (requirements*.txt, pyproject.toml, \
                    setup.cfg, setup.py, environment.yml, Pipfile) or code importing a \
                    monitoring library (prometheus-client, evidently, whylogs, alibi-detect, nannyml).""",
                    """
                    The course counts monitoring among what makes an experiment ready for production. Models \
                    degrade silently: the input distribution drifts, an upstream field changes meaning, latency \
                    creeps up. Without monitoring, the first signal is a business complaint weeks later.""",
                    "Log the model's inputs and predictions, track drift and quality with a tool such as Evidently "
                            + "or whylogs (or Prometheus metrics for the service), and document in a `## Monitoring` "
                            + "section what is watched, the thresholds, and who is alerted.",
                    """
                    ```markdown
                    ## Deployment
                    `docker run churn` serves /predict.
                    ```""",
                    """
                    ```markdown
                    ## Monitoring
                    `monitoring/drift_report.py` runs nightly (Evidently) on the day's requests against the
                    training sample; a PSI above 0.2 on any feature pages #ml-oncall. Latency and error rate
                    are Prometheus metrics on the service's /metrics endpoint.
                    ```""").withKnownProblems("""
                    A monitoring library declared in a root manifest counts as monitoring in place, even before any code
                    uses it. The heading words are fixed (`sections:` takes docs rules only).
                    """));

    public MonitoringRule() {
        super(INFO, SECTION, FileSelector.allOf(MANIFESTS, CodeEvidence::files, ServingEvidence::reads));
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        if (!ServingEvidence.applies(ctx)) {
            out.notApplicable();
            return;
        }
        if (monitoringSetUp(ctx).isPresent()) {
            return;
        }
        SECTION.require(ctx, INFO.id(), out);
    }

    /** What shows monitoring set up outside the docs, if anything. */
    private static Optional<String> monitoringSetUp(RuleContext ctx) {
        Optional<String> folder = ctx.snapshot().stream().map(FileEntry::path)
                .filter(p -> ("/" + p).contains("/monitoring/")).findFirst();
        if (folder.isPresent()) {
            return folder;
        }
        Optional<String> code = CodeEvidence.of(ctx).monitoring().stream().findFirst().map(Evidence::path);
        if (code.isPresent()) {
            return code;
        }
        return MANIFESTS.select(ctx).stream()
                .filter(p -> ctx.text(p).map(t -> MONITORING_LIBRARY.matcher(t.toLowerCase(Locale.ROOT)).find())
                        .orElse(false))
                .findFirst();
    }
}
