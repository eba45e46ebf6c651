package dev.mlreadiness.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.config.ProjectPaths.Folder;
import dev.mlreadiness.engine.config.ReadinessConfig.CommentMode;
import dev.mlreadiness.engine.config.ReadinessConfig.Enabled;
import dev.mlreadiness.engine.config.ReadinessConfig.FailOn;
import dev.mlreadiness.engine.config.ReadinessConfig.Project;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.InputLimits;

class ConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader(
            Set.of("structure/layout", "reproducibility/random-seed", "docs/usage"));

    @Test
    void everyKeyOfTheSpecSketch() throws Exception {
        ReadinessConfig c = loader.load("""
                enabled: auto
                fail-on: warning
                fail-on-existing: true
                comments: summary
                max-file-size: 5MB
                paths: { data: datasets/, models: weights, notebooks: nb, docs: ["README.md", "docs/**"] }
                ignore: ["vendor/**", "third_party/**"]
                rules:
                  structure/layout: off
                  reproducibility/random-seed: error
                sections:
                  docs/usage: ["how to use"]
                """, ConfigLoader.PATH);
        assertThat(c.enabled()).isEqualTo(Enabled.AUTO);
        assertThat(c.failOn()).isEqualTo(FailOn.WARNING);
        assertThat(c.failOnExisting()).isTrue();
        assertThat(c.comments()).isEqualTo(CommentMode.SUMMARY);
        assertThat(c.maxFileSize()).isEqualTo(5_242_880L);
        assertThat(c.paths().data()).isEqualTo("datasets");
        assertThat(c.paths().models()).isEqualTo("weights");
        assertThat(c.paths().isDoc("docs/x/y.md")).isTrue();
        assertThat(c.paths().isDoc("MODEL_CARD.md")).isFalse();
        assertThat(c.isIgnored("third_party/a/b.py")).isTrue();
        assertThat(c.severityOf("structure/layout", Severity.NOTICE)).isEmpty();
        assertThat(c.severityOf("reproducibility/random-seed", Severity.WARNING)).contains(Severity.ERROR);
        assertThat(c.severityOf("docs/usage", Severity.WARNING)).contains(Severity.WARNING);
        assertThat(c.extraSectionWords("docs/usage")).containsExactly("how to use");
    }

    @Test
    void emptyFileGivesDefaults() throws Exception {
        ReadinessConfig c = loader.load("", ConfigLoader.PATH);
        assertThat(c).isEqualTo(loader.load(null, ConfigLoader.PATH));
        assertThat(c.enabled()).isEqualTo(Enabled.AUTO);
        assertThat(c.failOn()).isEqualTo(FailOn.ERROR);
        assertThat(c.comments()).isEqualTo(CommentMode.REVIEW);
        assertThat(c.paths().isDoc("MODEL_CARD.md")).isTrue();
        assertThat(c.paths().isDoc("data/README.md")).isTrue();
    }

    @Test
    void theDataFoldersReadmesAtAnyDepthAreDocs() throws Exception {
        ReadinessConfig defaults = loader.load("", ConfigLoader.PATH);
        assertThat(defaults.paths().isDoc("data/raw/README.md")).isTrue();
        assertThat(defaults.paths().isDoc("data/raw/imdb/README.md")).isTrue();
        assertThat(defaults.paths().isDoc("data/raw/notes.md")).isFalse();
        assertThat(defaults.paths().isDoc("src/README.md")).isFalse();
        assertThat(defaults.paths().isDoc("models/resnet/README.md")).isFalse();

        ReadinessConfig datasets = loader.load("paths:\n  data: datasets\n", ConfigLoader.PATH);
        assertThat(datasets.paths().isDoc("datasets/imdb/README.md")).isTrue();
        assertThat(datasets.paths().isDoc("data/raw/README.md")).isTrue();

        ReadinessConfig explicit = loader.load("paths:\n  docs: [README.md]\n", ConfigLoader.PATH);
        assertThat(explicit.paths().isDoc("data/raw/README.md")).isFalse();
    }

    @Test
    void sizesUseBinaryUnits() throws Exception {
        assertThat(loader.load("max-file-size: 512KB", "f").maxFileSize()).isEqualTo(524_288L);
        assertThat(loader.load("max-file-size: 1 GiB", "f").maxFileSize()).isEqualTo(1_073_741_824L);
        assertThat(loader.load("max-file-size: 1000", "f").maxFileSize()).isEqualTo(1000L);
        assertThat(loader.load("max-file-size: 1.5mb", "f").maxFileSize()).isEqualTo(1_572_864L);
    }

    @Test
    void errorsNameTheKeyTheValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> loader.load("fail-on: fatal", "f"))
                .hasMessage("f: `fail-on`: `fatal` is not allowed; use one of error, warning, notice, never");
        assertThatThrownBy(() -> loader.load("colour: blue", "f"))
                .hasMessageContaining("`colour`").hasMessageContaining("unknown key")
                .hasMessageContaining("fail-on");
        assertThatThrownBy(() -> loader.load("max-file-size: huge", "f"))
                .hasMessageContaining("`max-file-size`: `huge` is not allowed").hasMessageContaining("5MB");
        assertThatThrownBy(() -> loader.load("max-file-size: -3", "f"))
                .hasMessageContaining("`-3` is not allowed");
        assertThatThrownBy(() -> loader.load("ignore: [\"data/[x\"]", "f"))
                .hasMessageContaining("`ignore`: `data/[x` is not allowed").hasMessageContaining("unclosed");
        assertThatThrownBy(() -> loader.load("rules:\n  reproducibility/random-sed: error\n", "f"))
                .hasMessageContaining("`rules.reproducibility/random-sed`")
                .hasMessageContaining("did you mean reproducibility/random-seed");
        assertThatThrownBy(() -> loader.load("rules:\n  structure/layout: loud\n", "f"))
                .hasMessageContaining("`loud` is not allowed; use off, error, warning or notice");
        assertThatThrownBy(() -> loader.load("paths: { data: ../x }", "f"))
                .hasMessageContaining("`paths.data`: `../x` is not allowed");
        assertThatThrownBy(() -> loader.load("paths: { dta: x }", "f"))
                .hasMessageContaining("`paths.dta`");
        assertThatThrownBy(() -> loader.load("enabled: maybe", "f"))
                .hasMessageContaining("use auto (ML projects only), true or false");
        assertThatThrownBy(() -> loader.load("fail-on-existing: sometimes", "f"))
                .hasMessageContaining("use true or false");
    }

    @Test
    void yamlSyntaxErrorsAndNonMappingsAreClear() {
        assertThatThrownBy(() -> loader.load("rules: [unclosed", "f"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not valid YAML at line");
        assertThatThrownBy(() -> loader.load("- a\n- b\n", "f"))
                .hasMessageContaining("must be a mapping");
    }

    @Test
    void repositoryFileOverridesOrganizationDefaultsKeyByKey() throws Exception {
        String org = "fail-on: warning\nrules:\n  structure/layout: off\n  docs/usage: notice\n";
        String repo = "rules:\n  docs/usage: error\n";
        ReadinessConfig c = loader.load(org, "org/.github:" + ConfigLoader.PATH, repo, ConfigLoader.PATH);
        assertThat(c.failOn()).isEqualTo(FailOn.WARNING);
        assertThat(c.severityOf("structure/layout", Severity.NOTICE)).isEmpty();
        assertThat(c.severityOf("docs/usage", Severity.WARNING)).contains(Severity.ERROR);

        ReadinessConfig alone = loader.load(org, "org", "extends: false\nrules:\n  docs/usage: error\n", "repo");
        assertThat(alone.failOn()).isEqualTo(FailOn.ERROR);
        assertThat(alone.severityOf("structure/layout", Severity.NOTICE)).contains(Severity.NOTICE);

        ReadinessConfig orgOnly = loader.load(org, "org", null, "repo");
        assertThat(orgOnly.failOn()).isEqualTo(FailOn.WARNING);
    }

    @Test
    void anOrganizationFileErrorNamesTheOrganizationFile() {
        assertThatThrownBy(() -> loader.load("fail-on: loud", "acme/.github:.github/ml-readiness.yml",
                "comments: none", ConfigLoader.PATH))
                .hasMessageStartingWith("acme/.github:.github/ml-readiness.yml: `fail-on`");
    }

    @Test
    void seedIsAWholeNumberNumpyAccepts() throws Exception {
        assertThat(loader.load("", "f").seed()).isEqualTo(42);
        assertThat(loader.load("seed: 0", "f").seed()).isZero();
        assertThat(loader.load("seed: 4294967295", "f").seed()).isEqualTo(4_294_967_295L);
        assertThat(loader.load("seed: 7", "org", "fail-on: never", "repo").seed()).as("an organization default")
                .isEqualTo(7);
        assertThatThrownBy(() -> loader.load("seed: -1", "f")).isInstanceOf(ConfigException.class)
                .hasMessage("f: `seed`: `-1` is not allowed; use a whole number from 0 to 4294967295 (numpy's seeds "
                        + "stop there), e.g. seed: 42");
        for (String bad : List.of("seed: 4.2", "seed: \"42\"", "seed: 4294967296", "seed: 99999999999999999999999",
                "seed: [1]", "seed: null")) {
            assertThatThrownBy(() -> loader.load(bad, "f")).as(bad).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("`seed`").hasMessageContaining("use a whole number from 0 to 4294967295");
        }
    }

    @Test
    void projectSaysWhetherTheRepositoryServesAModel() throws Exception {
        assertThat(loader.load("", "f").project()).isEqualTo(Project.AUTO);
        assertThat(loader.load("project: service", "f").project()).isEqualTo(Project.SERVICE);
        assertThat(loader.load("project: Research\n", "f").project()).isEqualTo(Project.RESEARCH);
        assertThat(loader.load("project: research", "org", "fail-on: never", "repo").project())
                .as("an organization default like any other").isEqualTo(Project.RESEARCH);
        assertThatThrownBy(() -> loader.load("project: api", "f")).isInstanceOf(ConfigException.class)
                .hasMessage("f: `project`: `api` is not allowed; use auto (decided from the repository), service "
                        + "(it serves a model: deployment and monitoring apply) or research (it serves none: they "
                        + "do not)");
        assertThatThrownBy(() -> loader.load("project: true", "f")).hasMessageContaining("`project`: `true`");
        assertThatThrownBy(() -> loader.load("project: [service]", "f")).hasMessageContaining("`project`");
    }

    @Test
    void foldersNamedUnderPathsAreFixedTheOthersMayBeFoundUnderCommonNames() throws Exception {
        ProjectPaths paths = loader.load("paths: { data: corpus }\n", "f").paths();
        assertThat(paths.configured()).containsExactly(Folder.DATA);
        assertThat(paths.candidates(Folder.DATA)).containsExactly("corpus");
        assertThat(paths.candidates(Folder.MODELS)).containsExactly("models", "weights", "checkpoints");
        assertThat(paths.candidates(Folder.NOTEBOOKS)).containsExactly("notebooks", "notebook");

        ProjectPaths resolved = paths.resolve(Set.of("input", "weights", "notebook")::contains);
        assertThat(resolved.data()).isEqualTo("corpus");
        assertThat(resolved.models()).isEqualTo("weights");
        assertThat(resolved.notebooks()).isEqualTo("notebook");
        assertThat(resolved.isDoc("weights/README.md")).as("the models folder's README follows it").isTrue();
        assertThat(resolved.isDoc("models/README.md")).isFalse();
        assertThat(paths.resolve(name -> false)).isSameAs(paths);

        ProjectPaths ownDocs = loader.load("paths: { docs: [\"README.md\"] }\n", "f").paths()
                .resolve(Set.of("datasets")::contains);
        assertThat(ownDocs.data()).isEqualTo("datasets");
        assertThat(ownDocs.isDoc("datasets/README.md")).as("configured docs globs stay as written").isFalse();
    }

    /** Issue #10: a 10 MB comment line took 20.8 s and 968 MB of the YAML parser before it was refused. */
    @Test
    void anOversizedConfigIsRefusedBeforeItIsParsed() {
        String huge = "# " + "x".repeat(10 * 1024 * 1024) + "\nfail-on: [unclosed\n";
        assertThatThrownBy(() -> loader.load(huge, ConfigLoader.PATH))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("10,485,782 bytes").hasMessageContaining("at most 65,536 bytes")
                .hasMessageNotContaining("YAML"); // refused by size: the broken YAML after it was never read
        String multiByte = "# " + "\u00e9".repeat(InputLimits.MAX_CONFIG_BYTES / 2) + "\n";
        assertThatThrownBy(() -> loader.load(multiByte, ConfigLoader.PATH)).hasMessageContaining("at most 65,536");
    }

    @Test
    void aConfigJustUnderTheBudgetStillLoads() throws Exception {
        StringBuilder yaml = new StringBuilder("ignore:\n");
        while (yaml.length() < InputLimits.MAX_CONFIG_BYTES - 100) {
            yaml.append("  - \"vendor/").append(yaml.length()).append("/**\"\n");
        }
        assertThat(loader.load(yaml.toString(), ConfigLoader.PATH).ignore()).hasSizeGreaterThan(1000);
    }

    @Test
    void deepNestingAndAliasBombsAreRefusedAsInvalidYaml() {
        String deep = "sections:\n  docs/usage: " + "[".repeat(200) + "]".repeat(200) + "\n";
        assertThatThrownBy(() -> loader.load(deep, ConfigLoader.PATH)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML");
        // an alias bomb: Jackson hands each alias over as it stands, never expanding it, so 10^10 stays 100 aliases
        StringBuilder bomb = new StringBuilder("ignore: &a0 [x, x, x, x, x, x, x, x, x, x]\nsections:\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("  docs/a").append(i).append(": &a").append(i).append(" [").append(("*a" + (i - 1) + ", ")
                    .repeat(9)).append("*a").append(i - 1).append("]\n");
        }
        assertThatThrownBy(() -> loader.load(bomb.toString(), ConfigLoader.PATH))
                .isInstanceOf(ConfigException.class).hasMessageContaining("docs/a1");
    }
}
