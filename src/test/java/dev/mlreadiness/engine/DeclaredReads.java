package dev.mlreadiness.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.snapshot.EvaluationInput;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * Which files a rule reads without its {@link Rule#reads()} selector giving them. Runs the rule alone, as the
 * checklist does (the head side; in a pull request the base side too, except for file rules, with the head seeing
 * the base), over fresh snapshots that note every file they load, so reads through shared facts computed by
 * another rule count too. A file is declared when the selector gives it before the rule runs or after (the
 * includes of a requirements file are only known once it is read); choosing files must read nothing.
 */
final class DeclaredReads {

    private DeclaredReads() {
    }

    /** One line per problem ({@code head: src/a.py read but not selected}); empty when the rule keeps its word. */
    static List<String> problems(Rule rule, EvaluationInput in) {
        return audit(rule, in).problems();
    }

    /** @param read how many files the rule read, both sides together */
    record Audit(List<String> problems, int read) {
    }

    static Audit audit(Rule rule, EvaluationInput in) {
        ReadinessConfig config = in.config();
        Side head = new Side("head");
        Side base = in.base() == null ? null : new Side("base");
        RuleContext baseCtx = base == null ? null
                : new RuleContext(ReadPlan.visible(base.noting(in.base()), config), in.changes(), config,
                        RuleContext.Side.BASE);
        RuleContext headCtx = new RuleContext(ReadPlan.visible(head.noting(in.head()), config), in.changes(),
                config, RuleContext.Side.HEAD, in.changes().isFullScan() ? null : baseCtx);
        boolean onBase = baseCtx != null && rule.info().scope() != Scope.FILE;

        List<String> problems = new ArrayList<>();
        head.select(rule, headCtx, problems);
        if (onBase) {
            base.select(rule, baseCtx, problems);
        }
        rule.check(headCtx, new Findings());
        if (onBase) {
            rule.check(baseCtx, new Findings());
        }
        head.select(rule, headCtx, problems);
        if (onBase) {
            base.select(rule, baseCtx, problems);
        }
        head.undeclared(problems);
        if (base != null) {
            base.undeclared(problems);
        }
        return new Audit(problems, head.loaded.size() + (base == null ? 0 : base.loaded.size()));
    }

    /** The files one side loaded and those its selector gave. */
    private static final class Side {
        private final String name;
        private final Set<String> loaded = ConcurrentHashMap.newKeySet();
        private final Set<String> selected = new TreeSet<>();

        Side(String name) {
            this.name = name;
        }

        /** A snapshot of the same files whose contents come from {@code source}, noting each file it loads. */
        Snapshot noting(Snapshot source) {
            return Snapshot.of(source.files(), f -> {
                loaded.add(f.path());
                return source.bytes(f.path());
            }, source.truncated());
        }

        void select(Rule rule, RuleContext ctx, List<String> problems) {
            Set<String> before = Set.copyOf(loaded);
            selected.addAll(rule.reads().select(ctx));
            loaded.stream().filter(p -> !before.contains(p)).sorted()
                    .forEach(p -> problems.add(name + ": " + p + " read while choosing the files to read"));
        }

        void undeclared(List<String> problems) {
            loaded.stream().filter(p -> !selected.contains(p)).sorted()
                    .forEach(p -> problems.add(name + ": " + p + " read but not selected"));
        }
    }
}
