package dev.mlreadiness.engine;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.mlreadiness.engine.config.ClosestNames;
import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rule.RuleInfo;

/**
 * The rules a program runs and what callers ask of them: the checklist that evaluates them, their ids (so a config
 * can name them), a rule by id, and the ids closest to a misspelt one. The CLI and the app both get theirs from
 * {@link RuleCatalog#standard()} (the app through a bean its tests replace); nothing else assembles a checklist.
 */
public final class Rules {

    /** How many "did you mean" ids an unknown one gets. */
    private static final int SUGGESTIONS = 3;

    private final Checklist checklist;
    private final Set<String> ids;

    public Rules(Checklist checklist) {
        this.checklist = checklist;
        Set<String> known = new TreeSet<>();
        checklist.rules().forEach(r -> known.add(r.info().id()));
        this.ids = Collections.unmodifiableSet(known);
    }

    /** The rules with the spec's ML-project detection, as the CLI and the app run them. */
    public static Rules detectingMlProjects(List<Rule> rules) {
        return new Rules(new Checklist(rules, new MlProjectDetector()));
    }

    public Checklist checklist() {
        return checklist;
    }

    /** In the order reports list them. */
    public List<Rule> list() {
        return checklist.rules();
    }

    /** Every rule's id and documentation, in the order reports list them. */
    public List<RuleInfo> infos() {
        return list().stream().map(Rule::info).toList();
    }

    /** Sorted. */
    public Set<String> ids() {
        return ids;
    }

    public Optional<Rule> find(String id) {
        return list().stream().filter(r -> r.info().id().equals(id)).findFirst();
    }

    /** Up to three known ids close to a misspelt one, closest first, for "did you mean" answers. */
    public List<String> closest(String id) {
        return ClosestNames.closest(id, ids, SUGGESTIONS);
    }
}
