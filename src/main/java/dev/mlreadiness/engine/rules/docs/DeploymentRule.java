package dev.mlreadiness.engine.rules.docs;

import java.util.List;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.code.ServingEvidence;
import dev.mlreadiness.engine.docs.DocSection;
import dev.mlreadiness.engine.docs.SectionCheck;
import dev.mlreadiness.engine.markdown.WordMatcher;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;

/** {@code docs/deployment}: a repository that serves a model says in its docs how it is deployed and served. */
public final class DeploymentRule extends SectionRule {

    private static final SectionCheck SECTION = new SectionCheck(
            List.of("deployment", "deploy", "serving", "serve", "inference", "production", "docker", "container",
                    "hosting", "kubernetes", "helm"),
            "Deployment",
            "how the model is served");

    public static final RuleInfo INFO = new RuleInfo("docs/deployment", "Document how to deploy the model",
            Severity.WARNING, Scope.REPOSITORY, new RuleDoc(
                    """
                    Applies when the repository serves a model, as `production/monitoring` decides it (a \
                    Dockerfile, a serving config or entry point, a model server, or a web or demo framework in a \
                    repository that loads a model; `project: service` or `project: research` in the config \
                    decides instead). \
                    Looks in the documentation set for a heading containing deployment, deploy, serving, serve, \
                    inference, production, docker, container, hosting, Kubernetes or Helm (add words under \
                    `sections: docs/deployment:`; we widened the spec's words to what READMEs use) with content \
                    under it. `API` and `endpoint` are not among them: such a section describes the interface, \
                    not how to run it, and `# churn-api` as a title would pass any README. An empty matching section is reported as empty.

                    The section must also say how, in itself or a subsection: a code block, a command or name in \
                    inline code (`docker run churn`, `serve.py`), a link or URL, an HTTP endpoint (`POST /predict`), \
                    a file it runs (`serve.py`, `Dockerfile`, `docker-compose.yml`, `Procfile`), an image reference \
                    (`ghcr.io/acme/churn:1.2`), or the serving tool by name (Docker, Kubernetes, kubectl, Helm, \
                    uvicorn, gunicorn, FastAPI, Flask, Streamlit, Gradio, BentoML, TorchServe, Triton, KServe, \
                    Seldon, SageMaker, Vertex AI, Cloud Run, Lambda, Heroku, Modal, Cog, Ray Serve; in the \
                    heading too: `## Deploying with Docker`). A section \
                    with none of these ("We deploy it to production.") is reported as not saying how.

                    """ + SectionCheck.HOW_SECTIONS_MATCH,
                    """
                    The course asks for "instructions on how to deploy the ML model". Without them the path from \
                    a trained file to a running service lives in one person's head: which artifact, which \
                    entry point, which hardware, which input format. Deployments then drift from what was \
                    evaluated.""",
                    "Add a `## Deployment` section that says which artifact is served, how (batch job, REST "
                            + "endpoint, container), with which command or image, and what input it expects.",
                    """
                    ```markdown
                    ## Deployment
                    We deploy the model to production after each release.
                    ```""",
                    """
                    ```markdown
                    ## Deployment
                    The model is served by `serve.py` (FastAPI) in the image built from `Dockerfile`:

                        docker build -t churn . && docker run -p 8080:8080 churn

                    POST /predict with `{"tenure": 12, "plan": "pro"}` returns `{"churn_probability": 0.27}`.
                    ```"""));

    /** An HTTP endpoint: {@code POST /predict}, {@code /v1/score}; not {@code and/or} nor {@code 24/7}. */
    private static final Pattern ENDPOINT = Pattern.compile("(?<![\\w/.])/[A-Za-z_][\\w./{}:-]{0,100}");
    /** A file the deployment runs or builds from. */
    private static final Pattern FILE = Pattern.compile(
            "(?i)\\b[\\w.-]{1,100}\\.(py|sh|ya?ml|toml|json|cfg|ini|conf|tf)\\b|\\b(Dockerfile|Makefile|Procfile|"
                    + "docker-compose|compose\\.ya?ml)\\b");
    /** A link or a bare URL. */
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://\\S");
    /** An image reference with a registry or namespace and a tag: {@code acme/churn:1.2}. */
    private static final Pattern IMAGE = Pattern.compile("\\b[\\w.-]{1,100}/[\\w./-]{1,200}:[\\w.-]{1,100}");
    /** Serving tools and platforms: naming one says how the model runs. */
    static final List<String> TOOLS = List.of("docker", "kubernetes", "k8s", "kubectl", "helm", "uvicorn",
            "gunicorn", "fastapi", "flask", "streamlit", "gradio", "bentoml", "torchserve", "triton", "kserve",
            "seldon", "sagemaker", "vertex ai", "cloud run", "lambda", "heroku", "modal", "cog", "ray serve",
            "mlflow models serve", "tensorflow serving", "tf serving", "onnx runtime", "azure ml",
            "hugging face spaces",
            "airflow", "cron", "systemd", "nginx");
    /** Text longer than this is cut before the patterns run (a section is read for a sign, not in full). */
    private static final int MAX_TEXT = 100_000;

    public DeploymentRule() {
        super(INFO, SECTION, ServingEvidence::reads);
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        if (!applies(ctx)) {
            out.notApplicable();
            return;
        }
        SECTION.require(ctx, INFO.id(), out, DeploymentRule::saysHow, s -> "The " + s.label()
                + " does not say how the model is deployed: give the command, the image, the endpoint or the entry "
                + "point that serves it (a code block counts).");
    }

    /** Whether the section names a command, an image, an endpoint or an entry point; see the rule's notes. */
    static boolean saysHow(DocSection s) {
        if (s.hasCodeBlock() || s.section().inlineCode().stream().anyMatch(c -> !c.isBlank())
                || !s.section().links().isEmpty()) {
            return true;
        }
        String text = s.section().plainText();
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        return URL.matcher(text).find() || ENDPOINT.matcher(text).find() || FILE.matcher(text).find()
                || IMAGE.matcher(text).find() || WordMatcher.containsAnyWord(s.section().text() + "\n" + text, TOOLS);
    }

    /** Only a repository that serves a model has a deployment to document. */
    @Override
    protected boolean applies(RuleContext ctx) {
        return ServingEvidence.applies(ctx);
    }
}
