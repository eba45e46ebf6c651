package dev.mlreadiness.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.snapshot.EvaluationInput;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * What an evaluation reads, per side, before it reads it: the files visible to the rules and the detector, the paths
 * they will ask for (so a remote source fetches them in one batch), and the prefetch of both sides at once.
 */
final class ReadPlan {

    /** Never read, whatever the config says. */
    private static final List<Glob> ALWAYS_IGNORED = List.of(Glob.compile(".git/**"),
            Glob.compile("**/.ipynb_checkpoints/**"));

    private ReadPlan() {
    }

    /** The snapshot without the files the config ignores and those never read. */
    static Snapshot visible(Snapshot s, ReadinessConfig config) {
        return s.filter(p -> !config.isIgnored(p) && ALWAYS_IGNORED.stream().noneMatch(g -> g.matches(p)));
    }

    /** A context over the visible part of {@code snapshot}, without a base. */
    static RuleContext side(EvaluationInput in, Snapshot snapshot, RuleContext.Side side) {
        return new RuleContext(visible(snapshot, in.config()), in.changes(), in.config(), side);
    }

    /** See {@link Checklist#reads}. */
    static Checklist.Reads evaluation(EvaluationInput in, List<Rule> active, ProjectDetector detector) {
        RuleContext head = side(in, in.head(), RuleContext.Side.HEAD);
        Set<String> headReads = reads(head, active);
        headReads.addAll(detector.reads(head));
        Set<String> baseReads = new LinkedHashSet<>();
        if (in.base() != null) {
            RuleContext base = side(in, in.base(), RuleContext.Side.BASE);
            baseReads.addAll(reads(base, baseSideRules(active)));
            baseReads.addAll(detector.reads(base));
        }
        return new Checklist.Reads(headReads, baseReads);
    }

    /**
     * Loads what the active rules will read on each side. Head and base reads go out side by side: neither waits
     * for the other.
     *
     * @param base the base side, or null when there is none
     */
    static void prefetch(RuleContext head, RuleContext base, List<Rule> active) {
        List<Rule> baseRules = baseSideRules(active);
        CompletableFuture<Void> baseDone = base == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> base.snapshot().prefetch(reads(base, baseRules)),
                        ReadPlan::onItsOwnThread);
        head.snapshot().prefetch(reads(head, active));
        try {
            baseDone.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    /**
     * Runs a read that waits on I/O (the app's base files come from GitHub) on a thread of its own: on the common
     * pool it would queue behind the CPU work of other evaluations (their passes over code files), and it is on a
     * pull request's critical path.
     */
    private static void onItsOwnThread(Runnable read) {
        Thread t = new Thread(read, BASE_PREFETCH);
        t.setDaemon(true);
        t.start();
    }

    /** The name of the thread reading the base side's files. */
    static final String BASE_PREFETCH = "readiness-base-prefetch";

    /**
     * The rules that look at the base tree: repository rules (old gaps), line rules (the base versions of the
     * changed files, for moved code) and pull-request rules (what they compare, such as dependencies before and
     * after). File rules judge only what the change adds.
     */
    private static List<Rule> baseSideRules(List<Rule> active) {
        return active.stream().filter(r -> r.info().scope() != Scope.FILE).toList();
    }

    private static Set<String> reads(RuleContext ctx, List<Rule> rules) {
        Set<String> paths = new LinkedHashSet<>();
        for (Rule r : rules) {
            paths.addAll(r.reads().select(ctx));
        }
        return paths;
    }
}
