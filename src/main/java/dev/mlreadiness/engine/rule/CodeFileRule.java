package dev.mlreadiness.engine.rule;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.mlreadiness.engine.code.CodeFile;

/**
 * A rule that looks at the code files to scan ({@link CodeFilesToScan#read}) one at a time and at nothing else.
 * The checklist runs every such rule in one pass over the code files, so that each file is read and parsed once
 * for all of them: a large repository's Python does not fit the parse cache, and a pass per rule parsed it once
 * per rule. The rule's own {@link #check(RuleContext, Findings)} must do the same as {@link #checkEach} called for
 * it alone (its findings must not depend on which way it ran).
 */
public interface CodeFileRule extends Rule {

    /** Checks one file, called for each file of {@link CodeFilesToScan#read} in that order. */
    void check(RuleContext ctx, CodeFile file, Findings out);

    /**
     * Runs {@code rules} in one pass over the code files: each file is read once and handed to every rule in turn,
     * each with its own findings from {@code out} (by rule id).
     */
    static void checkEach(List<CodeFileRule> rules, RuleContext ctx, Map<String, Findings> out) {
        checkEach(rules, ctx, out, file -> {
        });
    }

    /**
     * {@link #checkEach(List, RuleContext, Map)}, handing each file to {@code alsoRead} too, after the rules (the
     * checklist computes {@code CodeEvidence} along the same pass).
     */
    static void checkEach(List<CodeFileRule> rules, RuleContext ctx, Map<String, Findings> out,
            Consumer<CodeFile> alsoRead) {
        if (rules.isEmpty()) {
            return;
        }
        for (CodeFile file : CodeFilesToScan.read(ctx)) {
            for (CodeFileRule rule : rules) {
                rule.check(ctx, file, out.get(rule.info().id()));
            }
            alsoRead.accept(file);
        }
    }
}
