package dev.mlreadiness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rules.structure.DependencyManifestRule;
import dev.mlreadiness.engine.snapshot.ChangeSet;
import dev.mlreadiness.engine.snapshot.Snapshot;

class MlProjectDetectorTest {

    private final MlProjectDetector detector = new MlProjectDetector();

    private static Snapshot tree(String... pathsAndContents) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return TestRepo.snapshot(files, Map.of());
    }

    private Optional<String> evidence(Snapshot tree) {
        return detector.evidence(new RuleContext(tree, ChangeSet.fullScan(), ReadinessConfig.defaults(),
                RuleContext.Side.HEAD));
    }

    @Test
    void aNotebookAloneMakesAnMlProject() {
        Snapshot tree = tree("README.md", "# x\n", "analysis/eda.ipynb", "{}");
        assertThat(evidence(tree)).contains("has the notebook analysis/eda.ipynb");
        assertThat(tree.isLoaded("analysis/eda.ipynb")).isFalse();
    }

    @Test
    void requirementsNamingScikitLearnInAnySpelling() {
        assertThat(evidence(tree("requirements.txt", "requests==2.31.0\nScikit_Learn>=1.3\n")))
                .contains("requirements.txt declares scikit-learn");
    }

    @Test
    void pyprojectWithTorchInOptionalDependencies() {
        assertThat(evidence(tree("pyproject.toml", """
                [project]
                name = "demo"
                dependencies = ["requests"]
                [project.optional-dependencies]
                gpu = ["torch>=2.1"]
                """))).contains("pyproject.toml declares torch");
    }

    @Test
    void setupPyAndCondaEnvironmentCountToo() {
        assertThat(evidence(tree("setup.py", "setup(name='x', install_requires=['xgboost>=2'])\n")))
                .contains("setup.py declares xgboost");
        assertThat(evidence(tree("env/environment.yml", "dependencies:\n  - python=3.11\n  - pip:\n"
                + "      - lightgbm==4.3.0\n"))).contains("env/environment.yml declares lightgbm");
    }

    @Test
    void goOrJsRepositoryWithAWebRequirementsFileIsNotMl() {
        Snapshot tree = tree("main.go", "package main\n", "package.json", "{\"dependencies\":{\"tensorflow\":\"1\"}}",
                "tools/requirements.txt", "requests==2.31.0\nflask>=3\n# numpy is not needed\n");
        assertThat(evidence(tree)).isEmpty();
        assertThat(tree.isLoaded("package.json")).isFalse();
        assertThat(tree.isLoaded("main.go")).isFalse();
    }

    @Test
    void nearMissNamesAreComparedExactly() {
        assertThat(evidence(tree("requirements.txt", "numpy-financial==1.0.0\nnumpyro==0.13\npandas-stubs\n"
                + "torch-geometric-extras\n"))).isEmpty();
        assertThat(evidence(tree("requirements.in", "numpy\n"))).isEmpty();
    }

    @Test
    void anInvalidManifestIsNotEvidenceAndDoesNotCrash() {
        assertThat(evidence(tree("pyproject.toml", "[project\ndependencies = [\"torch\"]\n"))).isEmpty();
    }

    @Test
    void manifestsListsWhatDetectionReads() {
        Snapshot tree = tree("a/requirements-dev.txt", "", "pyproject.toml", "", "src/model.py", "",
                "Pipfile.lock", "{}");
        assertThat(MlProjectDetector.manifests(tree)).containsExactly("a/requirements-dev.txt", "pyproject.toml");
    }

    @Test
    void withoutConfigANonMlRepositoryGetsNothingAndAnMlOneIsChecked() {
        Report web = TestRepo.create().noConfig().file("requirements.txt", "flask==3.0.0\n")
                .scan(RuleCatalog.checklist());
        assertThat(web.applicable()).isFalse();
        assertThat(web.skipReason()).startsWith("not an ML project");

        Report ml = TestRepo.create().noConfig().file("notebooks/eda.ipynb", "{}")
                .scan(new Checklist(List.of(new DependencyManifestRule()), new MlProjectDetector()));
        assertThat(ml.applicable()).isTrue();
        assertThat(ml.findings()).extracting(Finding::ruleId).containsExactly("structure/dependency-manifest");
    }

    @Test
    void aPullRequestDeletingTheOnlyManifestIsStillJudged() {
        Report r = TestRepo.create().noConfig().file("requirements.txt", "pandas==2.2.2\n").file("train.py", "x\n")
                .change().delete("requirements.txt")
                .evaluate(new Checklist(List.of(new DependencyManifestRule()), new MlProjectDetector()));
        assertThat(r.applicable()).isTrue();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("structure/dependency-manifest");
            assertThat(f.isNew()).isTrue();
        });
        assertThat(r.conclusion()).isEqualTo(Conclusion.FAILURE);
    }

    @Test
    void theCatalogChecklistUsesTheCatalogRules() {
        assertThat(RuleCatalog.checklist().rules()).isEqualTo(RuleCatalog.rules());
    }

    private static final String CARD = "---\nlicense: apache-2.0\npipeline_tag: text-classification\n---\n\n# bert\n";

    @Test
    void aHuggingFaceModelRepositoryIsAnMlProject() {
        Snapshot hub = tree("README.md", CARD, "model.safetensors", "x", "config.json", "{}");
        assertThat(evidence(hub)).contains("a Hugging Face model repository: README.md carries model-card metadata "
                + "(license) beside model.safetensors");
        assertThat(hub.isLoaded("config.json")).isFalse();

        Snapshot sklearn = tree("README.md", "---\nlibrary_name: sklearn\ntags: [tabular-classification]\n---\n",
                "skops-model.pkl", "x");
        assertThat(evidence(sklearn)).hasValueSatisfying(e -> assertThat(e).endsWith("(tags) beside skops-model.pkl"));
    }

    @Test
    void halfAModelRepositoryIsNot() {
        // weights without a card, a card without weights, front matter without card keys, a card not at the root
        assertThat(evidence(tree("README.md", "# x\n", "model.safetensors", "x"))).isEmpty();
        assertThat(evidence(tree("README.md", CARD, "config.json", "{}"))).isEmpty();
        assertThat(evidence(tree("README.md", "---\ntitle: My site\nlayout: page\n---\n# x\n", "w.pt", "x")))
                .isEmpty();
        assertThat(evidence(tree("docs/README.md", CARD, "w.pt", "x"))).isEmpty();
        assertThat(evidence(tree("README.md", "license: mit\n\n# not front matter\n", "w.onnx", "x"))).isEmpty();
    }

    @Test
    void detectionReadsTheReadmeOnlyWhereThereIsAModelFile() {
        RuleContext withWeights = new RuleContext(tree("README.md", CARD, "w.pt", "x", "requirements.txt", "x\n"),
                ChangeSet.fullScan(), ReadinessConfig.defaults(), RuleContext.Side.HEAD);
        assertThat(detector.reads(withWeights)).containsExactly("requirements.txt", "README.md");
        RuleContext without = new RuleContext(tree("README.md", CARD, "requirements.txt", "x\n"),
                ChangeSet.fullScan(), ReadinessConfig.defaults(), RuleContext.Side.HEAD);
        assertThat(detector.reads(without)).containsExactly("requirements.txt");
    }
}
