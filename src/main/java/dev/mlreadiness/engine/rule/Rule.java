package dev.mlreadiness.engine.rule;

import java.util.Collection;
import java.util.List;

import dev.mlreadiness.engine.Checklist;

/**
 * One checklist rule: one small class, with its documentation in its {@link RuleInfo}. Rules read the
 * repository through the {@link RuleContext} (which parses each file once and shares the result) and report gaps
 * to {@link Findings}. They never decide severity, newness or suppression: the {@link Checklist} does.
 */
public interface Rule {

    RuleInfo info();

    /**
     * The files this rule will read, so a remote snapshot can fetch them in one batch before rules run. Reading a
     * file not listed here still works, only slower. Default: none. Asked once per side: with the base context of
     * a pull request, the base files the rule reads when it runs there (repository and line rules) or through
     * {@link RuleContext#base()} from the head side (pull-request rules that compare both trees).
     */
    default Collection<String> reads(RuleContext ctx) {
        return List.of();
    }

    void check(RuleContext ctx, Findings out);
}
