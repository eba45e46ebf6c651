package dev.mlreadiness.github;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.test.Mock;

import dev.mlreadiness.engine.RuleCatalog;
import dev.mlreadiness.engine.Rules;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.FileEntry;

/**
 * Two rules whose findings tests can place exactly: a line rule on {@code GAP-HERE} markers
 * (as many findings as a test needs; {@code GAP-HERE fixable} comes with a suggested change, the line without it) and a
 * repository rule that reads the docs set (as the docs rules do). The real
 * catalog joins them only where a test asks ({@link #withCatalog}): scenario
 * tests check publishing mechanics with findings they place exactly; the budget test runs every real rule.
 */
@Mock
@ApplicationScoped
public class TestRules extends RuleSource {

    static final String MARKER_RULE = "reproducibility/test-marker";
    static final String DOCS_RULE = "docs/test-usage";
    private static final RuleDoc DOC = new RuleDoc("Test rule.", "Tests need it.", "Remove the marker.", "`x`", "`y`");

    static volatile boolean withCatalog;
    /** With {@link #withCatalog}: the catalog's rules only, as the app runs them (the README's example). */
    static volatile boolean catalogOnly;
    /** Adds a rule that overflows the stack, as a parser might on hostile input. */
    static volatile boolean overflowing;

    @Override
    public Rules rules() {
        List<Rule> rules = new ArrayList<>(withCatalog ? RuleCatalog.rules() : List.of());
        if (withCatalog && catalogOnly) {
            return Rules.detectingMlProjects(rules);
        }
        rules.add(new MarkerRule());
        rules.add(new UsageDocsRule());
        if (overflowing) {
            rules.add(new OverflowingRule());
        }
        return Rules.detectingMlProjects(rules);
    }

    static final class MarkerRule implements Rule {
        @Override
        public RuleInfo info() {
            return new RuleInfo(MARKER_RULE, "No GAP-HERE markers", Severity.WARNING, Scope.LINE, DOC);
        }

        @Override
        public FileSelector reads() {
            return FileSelector.toScan(f -> true);
        }

        @Override
        public void check(RuleContext ctx, Findings out) {
            for (FileEntry f : ctx.filesToScan()) {
                Optional<String> text = ctx.text(f.path());
                if (text.isEmpty()) {
                    continue;
                }
                String[] lines = text.get().split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (lines[i].contains("GAP-HERE fixable")) {
                        // a suggested change: the line without its marker comment
                        out.line(f.path(), i + 1, "Remove the GAP-HERE marker on this line.", null,
                                lines[i].substring(0, lines[i].indexOf('#')).stripTrailing());
                    } else if (lines[i].contains("GAP-HERE")) {
                        out.line(f.path(), i + 1, "Remove the GAP-HERE marker on this line.");
                    }
                }
            }
        }
    }

    static final class UsageDocsRule implements Rule {
        @Override
        public RuleInfo info() {
            return new RuleInfo(DOCS_RULE, "Docs say how to use it", Severity.WARNING, Scope.REPOSITORY, DOC);
        }

        @Override
        public FileSelector reads() {
            return RuleContext::docFiles;
        }

        @Override
        public void check(RuleContext ctx, Findings out) {
            boolean usage = ctx.docFiles().stream()
                    .anyMatch(p -> ctx.text(p).map(t -> t.contains("## Usage")).orElse(false));
            if (!usage) {
                out.repository("Add a Usage section to the README or docs/ that says how to run the project.");
            }
        }
    }

    static final class OverflowingRule implements Rule {
        @Override
        public RuleInfo info() {
            return new RuleInfo("reproducibility/test-overflow", "Overflows", Severity.WARNING, Scope.REPOSITORY,
                    DOC);
        }

        @Override
        public void check(RuleContext ctx, Findings out) {
            throw new StackOverflowError();
        }
    }
}
