package dev.mlreadiness.engine;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import dev.mlreadiness.engine.config.ClosestNames;
import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.snapshot.EvaluationInput;

/**
 * The rules a program runs and what callers ask of them: the checklist that evaluates them, their ids (so a config
 * can name them), a rule by id, and the ids closest to a misspelt one. The CLI and the app both get theirs from
 * {@link RuleCatalog#standard()} (the app through a bean its tests replace); nothing else assembles a checklist.
 *
 * <p>
 * The rules may be given as a supplier, asked once, when something first needs them: a short-lived process (the
 * CLI on a folder that is not an ML project, {@code --help}) then never builds them, their documentation and
 * patterns; {@link #evaluate} decides whether the checklist applies before it builds them.
 */
public final class Rules {

    /** How many "did you mean" ids an unknown one gets. */
    private static final int SUGGESTIONS = 3;

    private final ProjectDetector detector;
    private Supplier<List<Rule>> source;
    private Checklist checklist;
    private Set<String> ids;

    public Rules(Checklist checklist) {
        this.detector = null;
        this.checklist = checklist;
    }

    private Rules(Supplier<List<Rule>> source, ProjectDetector detector) {
        this.source = source;
        this.detector = detector;
    }

    /** The rules with the spec's ML-project detection, as the CLI and the app run them. */
    public static Rules detectingMlProjects(List<Rule> rules) {
        return new Rules(new Checklist(rules, new MlProjectDetector()));
    }

    /**
     * {@link #detectingMlProjects(List)} with the rules built by {@code rules} when first needed (once, whatever the
     * number of threads asking).
     */
    public static Rules detectingMlProjects(Supplier<List<Rule>> rules) {
        return lazy(rules, new MlProjectDetector());
    }

    /** Rules built by {@code rules} when first needed, with {@code detector}'s detection. */
    static Rules lazy(Supplier<List<Rule>> rules, ProjectDetector detector) {
        return new Rules(rules, detector);
    }

    public synchronized Checklist checklist() {
        if (checklist == null) {
            checklist = new Checklist(source.get(), detector);
            source = null;
        }
        return checklist;
    }

    /**
     * {@code checklist().evaluate(in)}, except that an input the checklist does not apply to (see
     * {@link Checklist#skipReason}) gets its report without the rules being built when they are not yet; either way
     * applicability is decided once.
     */
    public Report evaluate(EvaluationInput in) {
        if (built()) {
            return checklist().evaluate(in);
        }
        // decided outside the lock: it reads files (manifests)
        Optional<String> skip = new Applicability(detector).skipReason(in);
        return skip.isPresent() ? Checklist.notApplicable(in, skip.get()) : checklist().evaluate(in, skip);
    }

    private synchronized boolean built() {
        return checklist != null;
    }

    /** In the order reports list them. */
    public List<Rule> list() {
        return checklist().rules();
    }

    /** Every rule's id and documentation, in the order reports list them. */
    public List<RuleInfo> infos() {
        return list().stream().map(Rule::info).toList();
    }

    /** Sorted. */
    public synchronized Set<String> ids() {
        if (ids == null) {
            Set<String> known = new TreeSet<>();
            list().forEach(r -> known.add(r.info().id()));
            ids = Collections.unmodifiableSet(known);
        }
        return ids;
    }

    public Optional<Rule> find(String id) {
        return list().stream().filter(r -> r.info().id().equals(id)).findFirst();
    }

    /** Up to three known ids close to a misspelt one, closest first, for "did you mean" answers. */
    public List<String> closest(String id) {
        return ClosestNames.closest(id, ids(), SUGGESTIONS);
    }
}
