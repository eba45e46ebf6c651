package dev.mlreadiness.engine;

import dev.mlreadiness.engine.rule.Category;

/**
 * One line of the scorecard.
 *
 * @param checked rules of the category that ran and applied
 * @param passed of those, the ones without findings
 */
public record CategoryScore(Category category, int checked, int passed, int newFindings, int existingFindings) {

    public int gaps() {
        return checked - passed;
    }
}
