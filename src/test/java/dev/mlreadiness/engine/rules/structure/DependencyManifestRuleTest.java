package dev.mlreadiness.engine.rules.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class DependencyManifestRuleTest {

    private final DependencyManifestRule rule = new DependencyManifestRule();

    @Test
    void eachManifestKindCounts() {
        for (String path : new String[] { "requirements.txt", "requirements-dev.txt", "requirements/base.txt",
                "constraints.txt", "pyproject.toml", "setup.cfg", "setup.py", "environment.yml", "conda.yaml",
                "Pipfile", "renv.lock", "DESCRIPTION", "services/train/requirements.txt" }) {
            Report r = TestRepo.create().file(path, "x\n").scan(rule);
            assertThat(r.findings()).as(path).isEmpty();
        }
    }

    @Test
    void noManifestIsOneRepositoryFinding() {
        Report r = TestRepo.create().file("train.py", "import pandas\n").file("requirements.in", "pandas\n")
                .file("Pipfile.lock", "{}").file("docs/requirements.md", "# what we need\n").scan(rule);
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::location, Finding::isNew)
                .containsExactly(tuple("structure/dependency-manifest", "", false));
        assertThat(r.findings().get(0).message()).contains("`requirements.txt`").contains("lock file");
    }

    @Test
    void existingGapIsNotNewAndAddingAManifestClosesIt() {
        TestRepo repo = TestRepo.create().file("train.py", "import pandas\n");
        Report unrelated = repo.change().add("eval.py", "x = 1\n").evaluate(rule);
        assertThat(unrelated.findings()).extracting(Finding::isNew).containsExactly(false);

        Report fixed = repo.change().add("requirements.txt", "pandas==2.2.2\n").evaluate(rule);
        assertThat(fixed.findings()).isEmpty();
    }

    @Test
    void renamingTheManifestKeepsIt() {
        Report r = TestRepo.create().file("requirements.txt", "pandas==2.2.2\n")
                .change().rename("requirements.txt", "requirements/base.txt").evaluate(rule);
        assertThat(r.findings()).isEmpty();
    }
}
