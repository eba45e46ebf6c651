package dev.mlreadiness.engine.rules.production;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class CiRuleTest {

    private final CiRule rule = new CiRule();

    @Test
    void eachCiServicePasses() {
        for (String path : new String[] { ".github/workflows/ci.yml", ".github/workflows/test.yaml", ".gitlab-ci.yml",
                "Jenkinsfile", ".circleci/config.yml", "azure-pipelines.yml", "bitbucket-pipelines.yml",
                ".travis.yml", ".buildkite/pipeline.yml", ".drone.yml", ".gitea/workflows/ci.yaml" }) {
            assertThat(TestRepo.create().file(path, "x\n").scan(rule).findings()).as(path).isEmpty();
        }
    }

    @Test
    void nearMissesAreNoCi() {
        Report r = TestRepo.create().file(".github/workflows/README.md", "x").file(".github/workflows/old/ci.yml", "x")
                .file(".github/dependabot.yml", "x").file("ci/Jenkinsfile", "x").file("travis.yml", "x")
                .file(".circleci/README.md", "x").scan(rule);
        assertThat(r.findings()).extracting(Finding::message).containsExactly("Add a CI workflow (e.g. "
                + "`.github/workflows/ci.yml`) that installs the dependencies and runs the tests on every pull request.");
    }

    @Test
    void newWhenThePullRequestDeletesTheLastWorkflow() {
        TestRepo repo = TestRepo.create().file(".github/workflows/ci.yml", "x\n");
        assertThat(repo.change().delete(".github/workflows/ci.yml").evaluate(rule).findings())
                .extracting(Finding::isNew).containsExactly(true);
        assertThat(repo.change().add("a.py", "x\n").evaluate(rule).findings()).isEmpty();
    }
}
