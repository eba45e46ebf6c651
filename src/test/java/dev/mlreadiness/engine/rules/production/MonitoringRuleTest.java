package dev.mlreadiness.engine.rules.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class MonitoringRuleTest {

    /** A repository that serves a model (its Dockerfile says so), where the rule applies. */
    static TestRepo served() {
        return TestRepo.create().file("Dockerfile", "FROM python:3.11-slim\nCMD [\"python\", \"serve.py\"]\n");
    }

    private static final String MESSAGE = "Add a `## Monitoring` section to README.md (or a page under docs/) that "
            + "says how the served model is monitored (input drift, prediction quality, latency) and who gets "
            + "alerted.";

    @Test
    void nothingGivesAWarningOnTheReadme() {
        Report r = served().file("README.md", "# X\n\nIntro.\n").file("requirements.txt", "numpy==1.0\n")
                .scan(new MonitoringRule());
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::path, Finding::message)
                .containsExactly(tuple("production/monitoring", "README.md", MESSAGE));
    }

    @Test
    void driftSectionPasses() {
        assertThat(served().file("docs/ops.md", "## Data drift\n\nNightly PSI report.\n")
                .scan(new MonitoringRule()).findings()).isEmpty();
    }

    @Test
    void monitoringFolderOrLibraryPasses() {
        assertThat(served().file("src/monitoring/drift.py", "x = 1\n").scan(new MonitoringRule())
                .findings()).isEmpty();
        assertThat(served().file("requirements.txt", "evidently==0.4.1\n").scan(new MonitoringRule())
                .findings()).isEmpty();
        assertThat(served().file("pyproject.toml", "dependencies = [\"prometheus_client>=0.20\"]\n")
                .scan(new MonitoringRule()).findings()).isEmpty();
    }

    @Test
    void nearMissesDoNotPass() {
        Report r = served().file("README.md", "# X\n\nIntro.\n\n## Monitoring\n\n")
                .file("requirements.txt", "evidently-extras==1.0\nmy-whylogs-fork==2\n")
                .file("src/monitoring_utils.py", "x = 1\n").scan(new MonitoringRule());
        assertThat(r.findings()).extracting(Finding::message).containsExactly("The `## Monitoring` section of "
                + "README.md is empty: say how the served model is monitored (input drift, prediction quality, "
                + "latency) and who gets alerted.");
    }

    @Test
    void pullRequestRemovingTheLibraryMakesANewFinding() {
        Report r = served().file("README.md", "# X\n\nIntro.\n").file("requirements.txt", "whylogs==1.3\n")
                .change().modify("requirements.txt", "numpy==1.26.4\n").evaluate(new MonitoringRule());
        assertThat(r.findings()).extracting(Finding::message, Finding::isNew).containsExactly(tuple(MESSAGE, true));
    }

    @Test
    void monitoringImportInCodePasses() {
        Report r = served().file("README.md", "# X\n\nIntro.\n")
                .file("serve.py", "from evidently.report import Report\n").scan(new MonitoringRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void notApplicableToAResearchRepository() {
        Report r = TestRepo.create().file("README.md", "# X\n\nIntro.\n").file("requirements.txt", "torch==2.4.0\n")
                .file("train.py", "import torch\nmodel = torch.load('ckpt.pt')\n").scan(new MonitoringRule());
        assertThat(r.findings()).isEmpty();
        assertThat(r.scores()).isEmpty();

        Report research = served().config("enabled: true\nproject: research\n")
                .file("README.md", "# X\n\nIntro.\n").scan(new MonitoringRule());
        assertThat(research.findings()).isEmpty();
    }

    @Test
    void aServiceFoundInCodeOrConfigGetsTheFinding() {
        Report fastapi = TestRepo.create().file("README.md", "# X\n\nIntro.\n")
                .file("api/main.py", "from fastapi import FastAPI\nimport onnxruntime as ort\n"
                        + "session = ort.InferenceSession('m.onnx')\napp = FastAPI()\n")
                .scan(new MonitoringRule());
        assertThat(fastapi.findings()).extracting(Finding::message).containsExactly(MESSAGE);

        Report configured = TestRepo.create().config("enabled: true\nproject: service\n")
                .file("README.md", "# X\n\nIntro.\n").scan(new MonitoringRule());
        assertThat(configured.findings()).extracting(Finding::message).containsExactly(MESSAGE);
    }

    @Test
    void thePullRequestThatAddsADockerfileMakesTheGapNew() {
        TestRepo repo = TestRepo.create().file("README.md", "# X\n\nIntro.\n").file("train.py", "x = 1\n");
        Report image = repo.change().add("Dockerfile", "FROM python:3.11-slim\n").evaluate(new MonitoringRule());
        assertThat(image.findings()).extracting(Finding::message, Finding::isNew).containsExactly(tuple(MESSAGE, true));

        Report devContainer = repo.change().add(".devcontainer/Dockerfile", "FROM python:3.11\n")
                .evaluate(new MonitoringRule());
        assertThat(devContainer.findings()).isEmpty();
    }
}
