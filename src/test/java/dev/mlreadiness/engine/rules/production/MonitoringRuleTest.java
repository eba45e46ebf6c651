package dev.mlreadiness.engine.rules.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class MonitoringRuleTest {

    private static final String MESSAGE = "Add a `## Monitoring` section to README.md (or a page under docs/) that "
            + "says how the served model is monitored (input drift, prediction quality, latency) and who gets "
            + "alerted.";

    @Test
    void nothingGivesAWarningOnTheReadme() {
        Report r = TestRepo.create().file("README.md", "# X\n\nIntro.\n").file("requirements.txt", "numpy==1.0\n")
                .scan(new MonitoringRule());
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::path, Finding::message)
                .containsExactly(tuple("production/monitoring", "README.md", MESSAGE));
    }

    @Test
    void driftSectionPasses() {
        assertThat(TestRepo.create().file("docs/ops.md", "## Data drift\n\nNightly PSI report.\n")
                .scan(new MonitoringRule()).findings()).isEmpty();
    }

    @Test
    void monitoringFolderOrLibraryPasses() {
        assertThat(TestRepo.create().file("src/monitoring/drift.py", "x = 1\n").scan(new MonitoringRule())
                .findings()).isEmpty();
        assertThat(TestRepo.create().file("requirements.txt", "evidently==0.4.1\n").scan(new MonitoringRule())
                .findings()).isEmpty();
        assertThat(TestRepo.create().file("pyproject.toml", "dependencies = [\"prometheus_client>=0.20\"]\n")
                .scan(new MonitoringRule()).findings()).isEmpty();
    }

    @Test
    void nearMissesDoNotPass() {
        Report r = TestRepo.create().file("README.md", "# X\n\nIntro.\n\n## Monitoring\n\n")
                .file("requirements.txt", "evidently-extras==1.0\nmy-whylogs-fork==2\n")
                .file("src/monitoring_utils.py", "x = 1\n").scan(new MonitoringRule());
        assertThat(r.findings()).extracting(Finding::message).containsExactly("The `## Monitoring` section of "
                + "README.md is empty: say how the served model is monitored (input drift, prediction quality, "
                + "latency) and who gets alerted.");
    }

    @Test
    void pullRequestRemovingTheLibraryMakesANewFinding() {
        Report r = TestRepo.create().file("README.md", "# X\n\nIntro.\n").file("requirements.txt", "whylogs==1.3\n")
                .change().modify("requirements.txt", "numpy==1.26.4\n").evaluate(new MonitoringRule());
        assertThat(r.findings()).extracting(Finding::message, Finding::isNew).containsExactly(tuple(MESSAGE, true));
    }

    @Test
    void monitoringImportInCodePasses() {
        Report r = TestRepo.create().file("README.md", "# X\n\nIntro.\n")
                .file("serve.py", "from evidently.report import Report\n").scan(new MonitoringRule());
        assertThat(r.findings()).isEmpty();
    }
}
