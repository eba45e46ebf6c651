package dev.mlreadiness.engine;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import dev.mlreadiness.engine.config.ConfigLoader;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.config.ReadinessConfig.Enabled;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.EvaluationInput;

/**
 * Whether the checklist applies to an input, and what deciding it reads: config {@code enabled} first, then, while
 * {@code enabled: auto} and no config file, the project detector on the head and then the base side.
 */
final class Applicability {

    private final ProjectDetector detector;

    Applicability(ProjectDetector detector) {
        this.detector = detector;
    }

    /** See {@link Checklist#skipReason}. */
    Optional<String> skipReason(EvaluationInput in) {
        ReadinessConfig config = in.config();
        if (config.enabled() == Enabled.FALSE) {
            return Optional.of("disabled by config (enabled: false)");
        }
        if (config.enabled() == Enabled.TRUE || in.configPresent()) {
            return Optional.empty();
        }
        if (detector.evidence(ReadPlan.side(in, in.head(), RuleContext.Side.HEAD)).isPresent()) {
            return Optional.empty();
        }
        if (in.base() != null && detector.evidence(ReadPlan.side(in, in.base(), RuleContext.Side.BASE)).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("not an ML project: no notebook, no ML library in a dependency manifest and no "
                + ConfigLoader.PATH);
    }

    /** See {@link Checklist#detectionReads}. */
    Checklist.Reads reads(EvaluationInput in) {
        ReadinessConfig config = in.config();
        Set<String> head = new LinkedHashSet<>();
        Set<String> base = new LinkedHashSet<>();
        if (config.enabled() != Enabled.AUTO || in.configPresent()) {
            return new Checklist.Reads(head, base);
        }
        RuleContext headCtx = ReadPlan.side(in, in.head(), RuleContext.Side.HEAD);
        head.addAll(detector.reads(headCtx));
        if (head.isEmpty() && detector.evidence(headCtx).isPresent()) {
            return new Checklist.Reads(head, base);
        }
        if (in.base() != null) {
            base.addAll(detector.reads(ReadPlan.side(in, in.base(), RuleContext.Side.BASE)));
        }
        return new Checklist.Reads(head, base);
    }
}
