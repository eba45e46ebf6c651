package dev.mlreadiness.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Checklist;
import dev.mlreadiness.engine.rule.Rule;

/**
 * The direction data flows in, snapshot → checklist → report → publishers, held by the compiler's output: the engine
 * is pure Java that the CLI and the app both drive, so it must not know either of them, nor GitHub, nor Quarkus.
 */
class PackageDependenciesTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.mlreadiness");
    }

    @Test
    void engineKnowsNeitherTheReportsNorTheCliNorTheApp() {
        noClasses().that().resideInAPackage("dev.mlreadiness.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.mlreadiness.report..",
                        "dev.mlreadiness.cli..", "dev.mlreadiness.github..")
                .check(main);
    }

    @Test
    void engineUsesNoGitHubOrQuarkusTypes() {
        noClasses().that().resideInAPackage("dev.mlreadiness.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kohsuke.github..", "io.quarkus..",
                        "io.quarkiverse..", "jakarta..", "io.smallrye..", "io.vertx..")
                .check(main);
    }

    @Test
    void rulesImportNothingOfTheApp() {
        noClasses().that().resideInAPackage("dev.mlreadiness.engine.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.mlreadiness.github..",
                        "dev.mlreadiness.cli..", "dev.mlreadiness.report..")
                .check(main);
    }

    @Test
    void theRuleApiTheInputAndThePartsKnowNoRule() {
        noClasses().that().resideInAnyPackage("dev.mlreadiness.engine.rule..", "dev.mlreadiness.engine.snapshot..",
                "dev.mlreadiness.engine.code..", "dev.mlreadiness.engine.config..", "dev.mlreadiness.engine.data..",
                "dev.mlreadiness.engine.deps..",
                "dev.mlreadiness.engine.diff..", "dev.mlreadiness.engine.docker..", "dev.mlreadiness.engine.docs..",
                "dev.mlreadiness.engine.markdown..", "dev.mlreadiness.engine.notebook..",
                "dev.mlreadiness.engine.python..", "dev.mlreadiness.engine.randomness..",
                "dev.mlreadiness.engine.repo..", "dev.mlreadiness.engine.secrets..")
                .should().dependOnClassesThat().resideInAPackage("dev.mlreadiness.engine.rules..")
                .check(main);
    }

    /** Helpers of rules live in the parts ({@code engine.docs}, {@code engine.randomness} ...), not between them. */
    @Test
    void rulePackagesHoldOnlyRules() {
        classes().that().resideInAPackage("dev.mlreadiness.engine.rules..").and().areTopLevelClasses()
                .should().implement(Rule.class)
                .check(main);
    }

    /** The snapshot is the input: plain data that knows neither the rules nor the checklist that reads it. */
    @Test
    void theSnapshotKnowsNoRuleAndNoChecklist() {
        noClasses().that().resideInAPackage("dev.mlreadiness.engine.snapshot..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.mlreadiness.engine.rule..",
                        "dev.mlreadiness.engine.rules..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(Checklist.class.getName())
                .check(main);
    }

    @Test
    void reportsKnowNeitherTheCliNorTheApp() {
        noClasses().that().resideInAPackage("dev.mlreadiness.report..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.mlreadiness.cli..",
                        "dev.mlreadiness.github..", "org.kohsuke.github..", "io.quarkus..")
                .check(main);
    }

    @Test
    void theCliNeverBootsTheApp() {
        noClasses().that().resideInAPackage("dev.mlreadiness.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.mlreadiness.github..",
                        "org.kohsuke.github..", "io.quarkiverse..")
                .check(main);
    }
}
