package dev.mlreadiness.engine;

import dev.mlreadiness.engine.rule.Category;

/**
 * One line of the scorecard. Two units, never mixed: {@code checked} and {@code passed} count rules,
 * {@code newFindings} and {@code existingFindings} count findings. A rule passes when it has no finding at all, so
 * {@code passed < checked} exactly when the category has findings.
 *
 * @param checked rules of the category that ran and applied (a rule with findings always applied)
 * @param passed of those, the ones without findings
 * @param newFindings findings this change introduces
 * @param existingFindings findings that were there before it
 */
public record CategoryScore(Category category, int checked, int passed, int newFindings, int existingFindings) {
}
