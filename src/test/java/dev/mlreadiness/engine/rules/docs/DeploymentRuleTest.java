package dev.mlreadiness.engine.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class DeploymentRuleTest {

    /** A repository that serves a model (its Dockerfile says so), where the rule applies. */
    static TestRepo served() {
        return TestRepo.create().file("Dockerfile", "FROM python:3.11-slim\nCMD [\"python\", \"serve.py\"]\n");
    }

    private static final String WITH_DEPLOYMENT = """
            # Churn

            Predicts churn.

            ## Deployment

            Served by `serve.py` behind FastAPI.
            """;

    @Test
    void sectionWithContentPasses() {
        Report r = served().file("README.md", WITH_DEPLOYMENT).scan(new DeploymentRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void missingSectionNamesTheReadmeAndTheSectionToAdd() {
        Report r = served().file("README.md", "# Churn\n\nPredicts churn.\n").scan(new DeploymentRule());
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::path, Finding::message, Finding::isNew)
                .containsExactly(tuple("docs/deployment", "README.md", "Add a `## Deployment` section to README.md "
                        + "(or a page under docs/) that says how the model is served.", false));
    }

    @Test
    void sectionInADocsPagePasses() {
        Report r = served().file("README.md", "# Churn\n\nPredicts churn.\n")
                .file("docs/serving.md", "# Model serving\n\nRun the container built from the Dockerfile.\n")
                .scan(new DeploymentRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void matchingHeadingWithoutContentIsReportedAsEmpty() {
        Report r = served().file("README.md", "# Churn\n\nIntro.\n\n## Deployment\n\n## License\n\nMIT\n")
                .scan(new DeploymentRule());
        assertThat(r.findings()).extracting(Finding::path, Finding::message).containsExactly(tuple("README.md",
                "The `## Deployment` section of README.md is empty: say how the model is served."));
    }

    @Test
    void inflectedHeadingsAndTheWordsReadmesUsePass() {
        for (String heading : List.of("Deploying", "Model deployments", "Serving the model", "Docker",
                "Running in production")) {
            Report r = served().file("README.md", "# Churn\n\n## " + heading + "\n\n`docker run churn`\n")
                    .scan(new DeploymentRule());
            assertThat(r.findings()).as(heading).isEmpty();
        }
    }

    @Test
    void anApiReferenceIsNoDeploymentGuide() {
        // the endpoints say what the service answers, not how to run it; a title naming the API is no section
        Report r = served().file("README.md", "# churn-api\n\nScores churn.\n\n## API\n\n`POST /predict`\n")
                .scan(new DeploymentRule());
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("docs/deployment");
    }

    @Test
    void longerWordsAndMarkdownOutsideTheDocSetDoNotCount() {
        Report r = served().file("README.md", "# Churn\n\n## Redeployment plans\n\nSoon.\n")
                .file("src/NOTES.md", "## Deployment\n\nSecret plan.\n").scan(new DeploymentRule());
        assertThat(r.findings()).extracting(Finding::message)
                .containsExactly("Add a `## Deployment` section to README.md (or a page under docs/) that says how "
                        + "the model is served.");
    }

    @Test
    void configuredExtraWordsCount() {
        Report r = served().config("enabled: true\nsections:\n  docs/deployment: [\"shipping\"]\n")
                .file("README.md", "# Churn\n\n## Shipping\n\nWe push the image to ghcr.io/acme/churn:1.2.\n")
                .scan(new DeploymentRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void noReadmeLeavesTheGapToStructureReadme() {
        Report r = served().file("train.py", "x = 1\n").scan(new DeploymentRule());
        assertThat(r.findings()).isEmpty();
        assertThat(r.scores()).isEmpty();

        Report fromDocs = served().file("train.py", "x = 1\n")
                .file("docs/serving.md", "# Serving\n\n`docker run churn` serves /predict.\n")
                .scan(new DeploymentRule());
        assertThat(fromDocs.findings()).isEmpty();
        assertThat(fromDocs.scores()).isNotEmpty();
    }

    @Test
    void rstReadmeIsReadForUnderlinedTitles() {
        String rst = "Churn\n=====\n\nPredicts churn.\n\nDeployment\n----------\n\nRun ``docker run churn``.\n";
        assertThat(served().file("README.rst", rst).scan(new DeploymentRule()).findings()).isEmpty();

        Report missing = served().file("README.rst", "Churn\n=====\n\nPredicts churn.\n")
                .scan(new DeploymentRule());
        assertThat(missing.findings()).extracting(Finding::path, Finding::message).containsExactly(tuple(
                "README.rst", "Add a `Deployment` section to README.rst (or a page under docs/) that says how the "
                        + "model is served."));
    }

    @Test
    void pullRequestDeletingTheSectionMakesANewFinding() {
        Report r = served().file("README.md", WITH_DEPLOYMENT)
                .change().modify("README.md", "# Churn\n\nPredicts churn.\n").evaluate(new DeploymentRule());
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::isNew)
                .containsExactly(tuple("docs/deployment", true));
    }

    @Test
    void unchangedGapIsExisting() {
        Report r = served().file("README.md", "# Churn\n\nPredicts churn.\n")
                .change().add("train.py", "x = 1\n").evaluate(new DeploymentRule());
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::isNew)
                .containsExactly(tuple("docs/deployment", false));
    }

    @Test
    void fileWideSuppressionInTheReadmeDropsTheFinding() {
        Report r = served()
                .file("README.md", "<!-- readiness: ignore-file[docs/deployment] -->\n# Churn\n\nIntro.\n")
                .scan(new DeploymentRule());
        assertThat(r.findings()).isEmpty();
        assertThat(r.suppressed()).isEqualTo(1);
    }

    @Test
    void notApplicableWhereNothingServesAModel() {
        Report r = TestRepo.create().file("README.md", "# Churn\n\nPredicts churn.\n")
                .file("train.py", "import joblib\njoblib.dump(model, 'm.joblib')\n").scan(new DeploymentRule());
        assertThat(r.findings()).isEmpty();
        assertThat(r.scores()).as("not applicable is not a pass").isEmpty();
    }

    @Test
    void theProjectKeyDecidesOverTheRepository() {
        Report service = TestRepo.create().config("enabled: true\nproject: service\n")
                .file("README.md", "# Churn\n\nPredicts churn.\n").scan(new DeploymentRule());
        assertThat(service.findings()).extracting(Finding::ruleId).containsExactly("docs/deployment");

        Report research = served().config("enabled: true\nproject: research\n")
                .file("README.md", "# Churn\n\nPredicts churn.\n").scan(new DeploymentRule());
        assertThat(research.findings()).isEmpty();
        assertThat(research.scores()).isEmpty();
    }

    @Test
    void thePullRequestThatStartsServingMakesTheGapNew() {
        TestRepo repo = TestRepo.create().file("README.md", "# Churn\n\nPredicts churn.\n")
                .file("model.py", "import joblib\ndef load():\n    return joblib.load('m.joblib')\n");
        Report api = repo.change().add("app.py", "from flask import Flask\napp = Flask(__name__)\n")
                .evaluate(new DeploymentRule());
        assertThat(api.findings()).extracting(Finding::ruleId, Finding::isNew)
                .containsExactly(tuple("docs/deployment", true));

        Report notebook = repo.change().add("notebooks/eda.ipynb", "{}").evaluate(new DeploymentRule());
        assertThat(notebook.findings()).isEmpty();
    }

    private static final String NOT_HOW = "The `## Deployment` section of README.md does not say how the model is "
            + "deployed: give the command, the image, the endpoint or the entry point that serves it (a code block "
            + "counts).";

    @Test
    void aSectionThatDoesNotSayHowIsReported() {
        for (String vague : List.of("We deploy it to production.", "Deployed after each release by the ops team.",
                "Run the container.", "It runs in the cloud, 24/7, and/or on premises.")) {
            Report r = served().file("README.md", "# Churn\n\nPredicts churn.\n\n## Deployment\n\n" + vague + "\n")
                    .scan(new DeploymentRule());
            assertThat(r.findings()).as(vague).extracting(Finding::ruleId, Finding::path, Finding::message)
                    .containsExactly(tuple("docs/deployment", "README.md", NOT_HOW));
        }
    }

    @Test
    void aCommandAnImageAnEndpointOrAnEntryPointSaysHow() {
        for (String how : List.of(
                "```bash\ndocker build -t churn . && docker run -p 8080:8080 churn\n```", // a code block
                "    uvicorn app.main:app --port 8080", // an indented code block
                "Run `make deploy`.", // inline code
                "The nightly job pulls ghcr.io/acme/churn:1.2 and scores the new customers.", // an image
                "Clients POST the features to /predict.", // an endpoint
                "The API is live at https://churn.example.com.", // a URL
                "See the [runbook](docs/runbook.md).", // a link
                "The nightly cron job runs serve.py on the scoring host.", // an entry point
                "Served with FastAPI behind the company gateway.", // the serving tool
                "1. Build the image.\n2. Push it.\n\n### Kubernetes\n\nApplied by the platform team.")) {
            Report r = served().file("README.md", "# Churn\n\nPredicts churn.\n\n## Deployment\n\n" + how + "\n")
                    .scan(new DeploymentRule());
            assertThat(r.findings()).as(how).isEmpty();
        }
        Report heading = served().file("README.md", "# Churn\n\n## Deploying with Docker\n\nBuild it and run it.\n")
                .scan(new DeploymentRule());
        assertThat(heading.findings()).isEmpty();
    }

    @Test
    void aPullRequestThatTurnsTheCommandIntoProseMakesTheGapNew() {
        String vague = "# Churn\n\nPredicts churn.\n\n## Deployment\n\nWe deploy it to production.\n";
        Report r = served().file("README.md", WITH_DEPLOYMENT).change().modify("README.md", vague)
                .evaluate(new DeploymentRule());
        assertThat(r.findings()).extracting(Finding::message, Finding::isNew).containsExactly(tuple(NOT_HOW, true));

        Report fixed = served().file("README.md", vague).change().modify("README.md", WITH_DEPLOYMENT)
                .evaluate(new DeploymentRule());
        assertThat(fixed.findings()).isEmpty();

        Report untouched = served().file("README.md", vague).change().add("serve.py", "x = 1\n")
                .evaluate(new DeploymentRule());
        assertThat(untouched.findings()).extracting(Finding::message, Finding::isNew)
                .containsExactly(tuple(NOT_HOW, false));
    }
}
