package dev.mlreadiness.engine.rule;

import dev.mlreadiness.engine.code.CodeFile;

/**
 * A rule that looks at the code files to scan ({@link CodeFilesToScan#read}) one at a time and at nothing else.
 * The checklist runs every such rule in one pass over the code files ({@link CodeFilePass}), so that each file is
 * read and parsed once for all of them: a large repository's Python does not fit the parse cache, and a pass per
 * rule parsed it once per rule. The rule's own {@link #check(RuleContext, Findings)} must do the same as the pass
 * run for it alone (its findings must not depend on which way it ran).
 */
public interface CodeFileRule extends Rule {

    /** Checks one file, called for each file of {@link CodeFilesToScan#read} in that order (see below). */
    void check(RuleContext ctx, CodeFile file, Findings out);

    /**
     * True when {@link #check(RuleContext, CodeFile, Findings)} of a file depends on that file alone: it keeps
     * nothing between files (what a file finds does not depend on the files checked before), reads the context only
     * through its thread-safe views (files, parses, facts, the config), and reports gaps on lines or the whole of that
     * file only. The pass then checks several files at once on other threads, each into findings of its own, and
     * joins them in the files' order. False (the default): the pass calls it for one file after the other, in order,
     * on one thread.
     */
    default boolean checksFilesApart() {
        return false;
    }
}
