package dev.mlreadiness.engine.randomness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.rules.reproducibility.RandomSeedRule;

/** Issue #10 and an earlier review: the bounds of the seed readings cost work, not answers that depend on order. */
class HostileSeedsTest {

    private static final String IMPORTS = """
            from sklearn.ensemble import RandomForestClassifier
            from sklearn.model_selection import GridSearchCV
            from sklearn.pipeline import Pipeline
            """;

    /**
     * A grid first reached at the end of a chain of names (where the hop bound cuts its reading) is read again
     * when a later search names it directly: the cut reading must not stand for it.
     */
    @Test
    void aGridReadCutDeepIsReadAgainWhenReachedDirectly() {
        StringBuilder chain = new StringBuilder("g0 = {\"random_state\": [1]}\n");
        for (int i = 1; i <= 9; i++) {
            chain.append("g").append(i).append(" = g").append(i - 1).append('\n');
        }
        List<Finding> findings = TestRepo.create().file("src/m.py", IMPORTS + chain + """
                a = GridSearchCV(RandomForestClassifier(), g9)
                b = GridSearchCV(RandomForestClassifier(), g0)
                """).scan(new RandomSeedRule()).findings();
        int first = (IMPORTS + chain).split("\n").length + 1;
        assertThat(findings).extracting(Finding::line).containsExactly(first); // a's forest: past the bound
    }

    /**
     * Many searches over one pipeline of many steps, each grid naming another step: every step looked at is
     * charged to the file's budget, so the work stays bounded; the searches within it are still read.
     */
    @Test
    void stepsOfManySearchesAreChargedToTheBudget() {
        int steps = 200;
        StringBuilder pipe = new StringBuilder("pipe = Pipeline([");
        StringBuilder grid = new StringBuilder("grid = {");
        for (int i = 0; i < steps; i++) {
            pipe.append(i == 0 ? "" : ", ").append("(\"s").append(i).append("\", RandomForestClassifier())");
            grid.append(i == 0 ? "" : ", ").append("\"s").append(i).append("__random_state\": [1]");
        }
        String file = IMPORTS + pipe + "])\n" + grid + "}\n" + "GridSearchCV(pipe, grid)\n".repeat(300);
        List<Finding> findings = TestRepo.create().file("src/m.py", file).scan(new RandomSeedRule()).findings();
        // 200 steps x 200 grid paths x 300 searches would be 12 million looks; the budget (100,000) ends it early,
        // and the first search, within it, seeds every step
        assertThat(findings).isEmpty();
    }
}
