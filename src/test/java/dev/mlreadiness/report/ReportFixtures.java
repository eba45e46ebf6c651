package dev.mlreadiness.report;

import dev.mlreadiness.engine.FileEntry;
import dev.mlreadiness.engine.Findings;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.Rule;
import dev.mlreadiness.engine.RuleContext;
import dev.mlreadiness.engine.RuleDoc;
import dev.mlreadiness.engine.RuleInfo;
import dev.mlreadiness.engine.Scope;
import dev.mlreadiness.engine.Severity;
import dev.mlreadiness.engine.TestRepo;

/** Small rules and repositories whose reports the renderer tests print. */
final class ReportFixtures {

    private ReportFixtures() {
    }

    static RuleDoc doc(String what) {
        return new RuleDoc(what, "It hurts.", "Fix it.", "```\nbad\n```", "```\ngood\n```");
    }

    /** Repository rule: a finding when there is no LICENSE. */
    static final Rule LICENSE = new Rule() {
        public RuleInfo info() {
            return new RuleInfo("structure/test-license", "License file", Severity.ERROR, Scope.REPOSITORY,
                    doc("Checks for a LICENSE file."));
        }

        public void check(RuleContext ctx, Findings out) {
            if (!ctx.snapshot().exists("LICENSE")) {
                out.repository("Add a LICENSE file.");
            }
        }
    };

    /** Repository rule that always passes, so a category can score 1/2. */
    static final Rule ALWAYS_PASSES = new Rule() {
        public RuleInfo info() {
            return new RuleInfo("structure/test-pass", "Always passes", Severity.NOTICE, Scope.REPOSITORY,
                    doc("Passes."));
        }

        public void check(RuleContext ctx, Findings out) {
        }
    };

    /** Line rule: every line containing TODO in scanned .py files. */
    static final Rule TODO = new Rule() {
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
                        out.line(f.path(), i + 1, "Resolve the TODO.");
                    }
                }
            }
        }
    };

    static Report fullScan() {
        return TestRepo.create().file("src/a b.py", "x = 1  # TODO\ny = 2\n").file("train.py", "# TODO\n")
                .scan(LICENSE, ALWAYS_PASSES, TODO);
    }

    static Report pullRequest() {
        return TestRepo.create().file("LICENSE", "MIT\n").file("a.py", "old = 1  # TODO\n")
                .change().modify("a.py", "old = 1  # TODO\nnew = 2  # TODO\n").delete("LICENSE")
                .evaluate(LICENSE, ALWAYS_PASSES, TODO);
    }
}
