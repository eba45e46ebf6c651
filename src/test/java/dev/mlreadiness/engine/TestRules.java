package dev.mlreadiness.engine;

import java.util.List;
import java.util.Optional;

import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.FileEntry;

/**
 * Small rules of each scope for tests outside the engine (renderers, CLI) that must not depend on the real
 * catalog: a repository rule, a file rule and a line rule.
 */
public final class TestRules {

    private TestRules() {
    }

    public static RuleDoc doc(String what) {
        return new RuleDoc(what, "Why it matters.", "How to fix it.", "```\nbad\n```", "```\ngood\n```");
    }

    /** Repository rule, error: a finding when there is no LICENSE. */
    public static final Rule LICENSE = new Rule() {
        public RuleInfo info() {
            return new RuleInfo("structure/test-license", "License file", Severity.ERROR, Scope.REPOSITORY,
                    doc("Checks that the repository has a LICENSE file."));
        }

        public void check(RuleContext ctx, Findings out) {
            if (!ctx.snapshot().exists("LICENSE")) {
                out.repository("Add a LICENSE file.");
            }
        }
    };

    /** Repository rule, notice, that always passes: lets a category score 1 of 2. */
    public static final Rule ALWAYS_PASSES = new Rule() {
        public RuleInfo info() {
            return new RuleInfo("structure/test-pass", "Always passes", Severity.NOTICE, Scope.REPOSITORY,
                    doc("Passes."));
        }

        public void check(RuleContext ctx, Findings out) {
        }
    };

    /** File rule, warning: a file the change adds or renames (every file in a full scan) with a space in its name. */
    public static final Rule SPACES = new Rule() {
        public RuleInfo info() {
            return new RuleInfo("structure/test-spaces", "No spaces in names", Severity.WARNING, Scope.FILE,
                    doc("Flags file names with spaces."));
        }

        public void check(RuleContext ctx, Findings out) {
            for (FileEntry f : ctx.filesToScan()) {
                boolean considered = ctx.changes().isFullScan()
                        || ctx.changes().get(f.path()).map(c -> c.status().isNewPath()).orElse(false);
                if (considered && f.name().contains(" ")) {
                    out.file(f.path(), "Rename the file without spaces.");
                }
            }
        }
    };

    /**
     * Line rule, warning: every line containing TODO in scanned .py files, identified by the line's text (a TODO
     * moved to another file stays the same gap).
     */
    public static final Rule TODO = new Rule() {
        public RuleInfo info() {
            return new RuleInfo("reproducibility/test-todo", "No TODO", Severity.WARNING, Scope.LINE,
                    doc("Flags TODO lines."));
        }

        public void check(RuleContext ctx, Findings out) {
            for (FileEntry f : ctx.filesToScan()) {
                if (!f.path().endsWith(".py")) {
                    continue;
                }
                String[] lines = ctx.text(f.path()).orElse("").split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (lines[i].contains("TODO")) {
                        out.line(f.path(), i + 1, "Resolve the TODO.", lines[i].strip()); // the line is the gap
                    }
                }
            }
        }
    };

    /** The rules with a detector that calls everything an ML project (or nothing, with {@code ml = false}). */
    public static Checklist checklist(boolean ml, Rule... rules) {
        return new Checklist(List.of(rules), ctx -> ml ? Optional.of("test") : Optional.empty());
    }
}
