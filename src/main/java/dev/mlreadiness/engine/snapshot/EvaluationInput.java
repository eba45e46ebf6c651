package dev.mlreadiness.engine.snapshot;

import java.util.Set;

import dev.mlreadiness.engine.config.ReadinessConfig;

/**
 * Everything one evaluation needs.
 *
 * @param head the tree after the change (or the tree, in a full scan)
 * @param base the tree before the change; null in a full scan
 * @param changes the change, or {@link ChangeSet#fullScan()}
 * @param config the effective configuration
 * @param configPresent true when the repository (or its organization) has a config file: that alone makes it an
 *        ML project for detection
 * @param ignoredRules rules switched off for this evaluation only (a pull request's {@code /readiness ignore})
 */
public record EvaluationInput(Snapshot head, Snapshot base, ChangeSet changes, ReadinessConfig config,
        boolean configPresent, Set<String> ignoredRules) {

    public static EvaluationInput fullScan(Snapshot tree, ReadinessConfig config, boolean configPresent) {
        return new EvaluationInput(tree, null, ChangeSet.fullScan(), config, configPresent, Set.of());
    }

    public static EvaluationInput change(Snapshot base, Snapshot head, ChangeSet changes, ReadinessConfig config,
            boolean configPresent) {
        return new EvaluationInput(head, base, changes, config, configPresent, Set.of());
    }

    public EvaluationInput withIgnoredRules(Set<String> rules) {
        return new EvaluationInput(head, base, changes, config, configPresent, Set.copyOf(rules));
    }
}
