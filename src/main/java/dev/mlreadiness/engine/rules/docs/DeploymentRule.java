package dev.mlreadiness.engine.rules.docs;

import java.util.List;

import dev.mlreadiness.engine.code.ServingEvidence;
import dev.mlreadiness.engine.docs.SectionCheck;
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
                    ## Training
                    Run `python train.py`.
                    ```""",
                    """
                    ```markdown
                    ## Deployment
                    The model is served by `serve.py` (FastAPI) in the image built from `Dockerfile`:

                        docker build -t churn . && docker run -p 8080:8080 churn

                    POST /predict with `{"tenure": 12, "plan": "pro"}` returns `{"churn_probability": 0.27}`.
                    ```"""));

    public DeploymentRule() {
        super(INFO, SECTION, ServingEvidence::reads);
    }

    /** Only a repository that serves a model has a deployment to document. */
    @Override
    protected boolean applies(RuleContext ctx) {
        return ServingEvidence.applies(ctx);
    }
}
