package dev.mlreadiness.engine;

import java.util.List;
import java.util.Set;

import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rules.docs.CodeDocstringsRule;
import dev.mlreadiness.engine.rules.docs.DataSchemaMeasurementRule;
import dev.mlreadiness.engine.rules.docs.DataSchemaRule;
import dev.mlreadiness.engine.rules.docs.DataSourcesRule;
import dev.mlreadiness.engine.rules.docs.DeploymentRule;
import dev.mlreadiness.engine.rules.docs.ExperimentsRule;
import dev.mlreadiness.engine.rules.docs.LabelingRule;
import dev.mlreadiness.engine.rules.docs.ModelCardRule;
import dev.mlreadiness.engine.rules.docs.ModelPseudocodeRule;
import dev.mlreadiness.engine.rules.docs.ProjectStructureRule;
import dev.mlreadiness.engine.rules.docs.PurposeRule;
import dev.mlreadiness.engine.rules.docs.StaleDocsRule;
import dev.mlreadiness.engine.rules.docs.TrainingEnvironmentRule;
import dev.mlreadiness.engine.rules.docs.UsageRule;
import dev.mlreadiness.engine.rules.production.CiRule;
import dev.mlreadiness.engine.rules.production.ContainerRule;
import dev.mlreadiness.engine.rules.production.EnvironmentParityRule;
import dev.mlreadiness.engine.rules.production.EvaluationRule;
import dev.mlreadiness.engine.rules.production.MonitoringRule;
import dev.mlreadiness.engine.rules.production.TestsRule;
import dev.mlreadiness.engine.rules.reproducibility.AbsolutePathRule;
import dev.mlreadiness.engine.rules.reproducibility.NotebookErrorOutputRule;
import dev.mlreadiness.engine.rules.reproducibility.NotebookExecutionOrderRule;
import dev.mlreadiness.engine.rules.reproducibility.PythonVersionRule;
import dev.mlreadiness.engine.rules.reproducibility.RandomSeedRule;
import dev.mlreadiness.engine.rules.reproducibility.UndeclaredDependencyRule;
import dev.mlreadiness.engine.rules.reproducibility.UnpinnedDependencyRule;
import dev.mlreadiness.engine.rules.structure.DependencyManifestRule;
import dev.mlreadiness.engine.rules.structure.FileNamingRule;
import dev.mlreadiness.engine.rules.structure.LayoutRule;
import dev.mlreadiness.engine.rules.structure.NotebookLocationRule;
import dev.mlreadiness.engine.rules.structure.ReadmeRule;
import dev.mlreadiness.engine.rules.versioning.LargeArtifactRule;
import dev.mlreadiness.engine.rules.versioning.SecretRule;

/**
 * Every rule of the checklist, in the order reports list them. Adding a rule is one class plus one line here.
 *
 * <p>
 * The rules are built when first needed, not when this class is: {@link #standard()} answers at once, and a command
 * that needs no rule (a check of a folder that is not an ML project, {@code --version}) never loads and initialises
 * the rules' classes, their documentation text, patterns and tables (most of the CLI's start-up otherwise).
 */
public final class RuleCatalog {

    private static final Rules STANDARD = Rules.detectingMlProjects(All::rules);

    private RuleCatalog() {
    }

    /** The rules, in a class of their own: the JVM builds them when it first initialises this class. */
    private static final class All {

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
                new ProjectStructureRule(),
                new CodeDocstringsRule(),
                // reproducibility/
                new UnpinnedDependencyRule(),
                new PythonVersionRule(),
                new RandomSeedRule(),
                new NotebookExecutionOrderRule(),
                new NotebookErrorOutputRule(),
                new AbsolutePathRule(),
                new UndeclaredDependencyRule(),
                // versioning/
                new LargeArtifactRule(),
                new SecretRule(),
                // production/
                new TestsRule(),
                new EvaluationRule(),
                new MonitoringRule(),
                new CiRule(),
                new ContainerRule(),
                new EnvironmentParityRule(),
        };

        static List<Rule> rules() {
            return List.of(ALL);
        }
    }

    /** Every rule with the spec's ML-project detection: what the CLI and the app run. */
    public static Rules standard() {
        return STANDARD;
    }

    /** Shorthand for {@code standard().list()}. */
    public static List<Rule> rules() {
        return STANDARD.list();
    }

    /** Shorthand for {@code standard().checklist()}. */
    public static Checklist checklist() {
        return STANDARD.checklist();
    }

    /** Shorthand for {@code standard().ids()}: sorted. */
    public static Set<String> ids() {
        return STANDARD.ids();
    }
}
