package dev.mlreadiness.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.rule.Category;
import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.Mode;

/**
 * How a report scores: per category, the rules that applied, those without findings, and the new and existing
 * findings; and the conclusion, which fails when a finding that counts reaches {@code fail-on}.
 */
final class Scores {

    private Scores() {
    }

    /** @param applied the ids of the active rules that did not report "not applicable" */
    static List<CategoryScore> of(List<Rule> active, Set<String> applied, List<Finding> findings) {
        Map<Category, int[]> acc = new EnumMap<>(Category.class);
        Set<String> withFindings = new HashSet<>();
        for (Finding f : findings) {
            withFindings.add(f.ruleId());
        }
        for (Rule r : active) {
            String id = r.info().id();
            if (!applied.contains(id) && !withFindings.contains(id)) {
                continue; // a rule with findings applied, whatever it said: the scorecard cannot contradict itself
            }
            int[] a = acc.computeIfAbsent(r.info().category(), c -> new int[4]);
            a[0]++;
            if (!withFindings.contains(id)) {
                a[1]++;
            }
        }
        for (Finding f : findings) {
            int[] a = acc.computeIfAbsent(f.category(), c -> new int[4]);
            a[f.isNew() ? 2 : 3]++;
        }
        List<CategoryScore> out = new ArrayList<>();
        acc.forEach((c, a) -> out.add(new CategoryScore(c, a[0], a[1], a[2], a[3])));
        return out;
    }

    /**
     * @param uncheckedChanges the pull request changes files that were skipped (over a budget, unreadable): counted
     *        as one gap of severity warning, so {@code fail-on: warning} or {@code notice} fails
     *        and the default {@code error} does not. A skip is mostly a limit of the tool (a
     *        20 MiB notebook is legitimate), yet a change must not hide a gap behind one unseen.
     */
    static Conclusion conclusion(List<Finding> findings, Mode mode, ReadinessConfig config,
            boolean uncheckedChanges) {
        boolean fails = findings.stream().anyMatch(f -> blocks(f, mode, config))
                || uncheckedChanges && config.failOn().fails(Severity.WARNING);
        return fails ? Conclusion.FAILURE : Conclusion.SUCCESS;
    }

    /** A finding that fails the check on its own: one that counts, at or above {@code fail-on}. */
    static boolean blocks(Finding f, Mode mode, ReadinessConfig config) {
        return counts(f, mode, config) && config.failOn().fails(f.severity());
    }

    /** Findings that can fail the check: new ones, all of them with fail-on-existing, or all in a full scan. */
    private static boolean counts(Finding f, Mode mode, ReadinessConfig config) {
        return f.isNew() || config.failOnExisting() || mode == Mode.FULL_SCAN;
    }
}
