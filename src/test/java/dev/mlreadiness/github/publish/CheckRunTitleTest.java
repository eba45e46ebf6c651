package dev.mlreadiness.github.publish;

import static dev.mlreadiness.engine.TestRules.LICENSE;
import static dev.mlreadiness.engine.TestRules.TODO;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Conclusion;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.rules.reproducibility.RandomSeedRule;
import dev.mlreadiness.engine.snapshot.InputLimits;
import dev.mlreadiness.engine.snapshot.Mode;

/**
 * The check run's title says whether the pull request is blocked, in agreement with the conclusion evaluated under
 * {@code fail-on}: "Ready" exactly when it succeeds. Reports here are real evaluations, so the conclusion is the
 * engine's, not one the test made up. {@code LICENSE} gives an error (LICENSE deleted), {@code TODO} a warning per
 * TODO line.
 */
class CheckRunTitleTest {

    /** Over {@link InputLimits#MAX_PYTHON_TOKENS}: the seed rule cannot read it, so the file is not checked. */
    private static final String TOO_MANY_TOKENS = "x = [" + "1,".repeat(InputLimits.MAX_PYTHON_TOKENS / 2 + 10)
            + "]\n";
    private static final RandomSeedRule SEED = new RandomSeedRule();
    private static final String TWO_TODOS = "x = 1\ny = 2  # TODO\nz = 3  # TODO\n";

    private static TestRepo repo(String config) {
        return TestRepo.create().config("enabled: true\n" + config).file("LICENSE", "MIT\n").file("a.py", "x = 1\n");
    }

    private static String title(Report r) {
        String title = CheckRunPublisher.title(r);
        assertThat(title.startsWith("Ready")).as("'%s' under %s", title, r.conclusion())
                .isEqualTo(r.conclusion() == Conclusion.SUCCESS);
        return title;
    }

    @Test
    void aReportThatDoesNotApplyIsNotEvaluated() {
        assertThat(CheckRunPublisher.title(Report.notApplicable(Mode.PULL_REQUEST, "not an ML project",
                ReadinessConfig.defaults()))).isEqualTo("Not evaluated");
    }

    @Test
    void nothingNewIsReady() {
        assertThat(title(repo("").change().modify("a.py", "x = 2\n").evaluate(LICENSE, TODO))).isEqualTo("Ready");
    }

    @Test
    void newFindingsBelowFailOnAreNewGapsOfAReadyChangeNeverSuggestions() {
        Report r = repo("").change().modify("a.py", TWO_TODOS).evaluate(LICENSE, TODO);
        assertThat(title(r)).isEqualTo("Ready, 2 new gaps (none blocking)");
        assertThat(title(repo("").change().modify("a.py", "x = 1  # TODO\n").evaluate(LICENSE, TODO)))
                .isEqualTo("Ready, 1 new gap (none blocking)");
        assertThat(title(repo("fail-on: never\n").change().modify("a.py", TWO_TODOS).delete("LICENSE")
                .evaluate(LICENSE, TODO))).isEqualTo("Ready, 3 new gaps (none blocking)");
    }

    @Test
    void findingsAtFailOnBlockAndTheTitleCountsOnlyThem() {
        Report r = repo("").change().modify("a.py", TWO_TODOS).delete("LICENSE").evaluate(LICENSE, TODO);
        assertThat(title(r)).isEqualTo("1 blocking gap");
        assertThat(title(repo("fail-on: warning\n").change().modify("a.py", TWO_TODOS).evaluate(LICENSE, TODO)))
                .isEqualTo("2 blocking gaps");
    }

    @Test
    void existingDebtBlocksOnlyWithFailOnExisting() {
        TestRepo withTodo = TestRepo.create().config("enabled: true\nfail-on: warning\nfail-on-existing: true\n")
                .file("a.py", "x = 1  # TODO\n");
        assertThat(title(withTodo.change().modify("a.py", "x = 1  # TODO\ny = 2\n").evaluate(TODO)))
                .isEqualTo("1 blocking gap");
        TestRepo debtOnly = TestRepo.create().config("enabled: true\nfail-on: warning\n").file("a.py",
                "x = 1  # TODO\n");
        assertThat(title(debtOnly.change().modify("a.py", "x = 1  # TODO\ny = 2\n").evaluate(TODO)))
                .isEqualTo("Ready");
    }

    @Test
    void changedFilesNotCheckedAreSaidAndBlockFromFailOnWarning() {
        Report lenient = repo("").change().add("gen.py", TOO_MANY_TOKENS).evaluate(LICENSE, TODO, SEED);
        assertThat(lenient.uncheckedChanges()).hasSize(1);
        assertThat(title(lenient)).isEqualTo("Ready, 1 changed file not checked");

        Report strict = repo("fail-on: warning\n").change().add("gen.py", TOO_MANY_TOKENS)
                .add("c.py", "c = 1  # TODO\n").evaluate(LICENSE, TODO, SEED);
        assertThat(title(strict)).isEqualTo("1 blocking gap, 1 changed file not checked");

        Report onlyUnchecked = repo("fail-on: warning\n").change().add("gen.py", TOO_MANY_TOKENS)
                .add("gen2.py", TOO_MANY_TOKENS).evaluate(LICENSE, TODO, SEED);
        assertThat(title(onlyUnchecked)).isEqualTo("Blocked, 2 changed files not checked");
    }
}
