package dev.mlreadiness.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.mlreadiness.engine.config.ClosestNames;
import dev.mlreadiness.engine.rules.docs.DataSchemaMeasurementRule;
import dev.mlreadiness.engine.rules.docs.DataSchemaRule;
import dev.mlreadiness.engine.rules.docs.DataSourcesRule;
import dev.mlreadiness.engine.rules.docs.DeploymentRule;
import dev.mlreadiness.engine.rules.docs.ExperimentsRule;
import dev.mlreadiness.engine.rules.docs.LabelingRule;
import dev.mlreadiness.engine.rules.docs.ModelCardRule;
import dev.mlreadiness.engine.rules.docs.ModelPseudocodeRule;
import dev.mlreadiness.engine.rules.docs.PurposeRule;
import dev.mlreadiness.engine.rules.docs.StaleDocsRule;
import dev.mlreadiness.engine.rules.docs.TrainingEnvironmentRule;
import dev.mlreadiness.engine.rules.docs.UsageRule;
import dev.mlreadiness.engine.rules.production.CiRule;
import dev.mlreadiness.engine.rules.production.ContainerRule;
import dev.mlreadiness.engine.rules.production.MonitoringRule;
import dev.mlreadiness.engine.rules.production.TestsRule;
import dev.mlreadiness.engine.rules.reproducibility.PythonVersionRule;
import dev.mlreadiness.engine.rules.reproducibility.UnpinnedDependencyRule;
import dev.mlreadiness.engine.rules.structure.DependencyManifestRule;
import dev.mlreadiness.engine.rules.structure.FileNamingRule;
import dev.mlreadiness.engine.rules.structure.LayoutRule;
import dev.mlreadiness.engine.rules.structure.NotebookLocationRule;
import dev.mlreadiness.engine.rules.structure.ReadmeRule;
import dev.mlreadiness.engine.rules.versioning.LargeArtifactRule;

/**
 * Every rule of the checklist, in the order reports list them. Adding a rule is one class plus one line here.
 */
public final class RuleCatalog {

    /** Array syntax so every line ends with a comma: adding a rule touches one line. */
    private static final Rule[] ALL = {
        // structure/
        new ReadmeRule(),
        new DependencyManifestRule(),
        new LayoutRule(),
        new NotebookLocationRule(),
        new FileNamingRule(),
        // docs/
        new PurposeRule(),
        new UsageRule(),
        new DeploymentRule(),
        new DataSourcesRule(),
        new DataSchemaRule(),
        new DataSchemaMeasurementRule(),
        new LabelingRule(),
        new ExperimentsRule(),
        new TrainingEnvironmentRule(),
        new ModelPseudocodeRule(),
        new StaleDocsRule(),
        new ModelCardRule(),
        // reproducibility/
        new UnpinnedDependencyRule(),
        new PythonVersionRule(),
        // versioning/
        new LargeArtifactRule(),
        // production/
        new TestsRule(),
        new MonitoringRule(),
        new CiRule(),
        new ContainerRule(),
    };

    private static final List<Rule> RULES = List.of(ALL);

    private RuleCatalog() {
    }

    public static List<Rule> rules() {
        return RULES;
    }

    /** The checklist of every rule with the spec's ML-project detection: the one the CLI and the app run. */
    public static Checklist checklist() {
        return new Checklist(rules(), new MlProjectDetector());
    }

    public static Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        RULES.forEach(r -> ids.add(r.info().id()));
        return ids;
    }

    public static Optional<Rule> find(String id) {
        return RULES.stream().filter(r -> r.info().id().equals(id)).findFirst();
    }

    /** Up to three known ids close to a misspelt one, for "did you mean" answers. */
    public static List<String> closest(String id) {
        return ClosestNames.closest(id, ids(), 3);
    }
}
