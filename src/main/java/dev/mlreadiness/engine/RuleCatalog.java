package dev.mlreadiness.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.mlreadiness.engine.config.ClosestNames;

/**
 * Every rule of the checklist, in the order reports list them. Adding a rule is one class plus one line here.
 */
public final class RuleCatalog {

    private static final List<Rule> RULES = List.of(
    // rules are added here, one line each, grouped by category
            new dev.mlreadiness.engine.rules.structure.ReadmeRule(),
            new dev.mlreadiness.engine.rules.structure.LayoutRule(),
            new dev.mlreadiness.engine.rules.structure.NotebookLocationRule(),
            new dev.mlreadiness.engine.rules.structure.FileNamingRule(),
            new dev.mlreadiness.engine.rules.versioning.LargeArtifactRule(),
            new dev.mlreadiness.engine.rules.production.TestsRule(),
            new dev.mlreadiness.engine.rules.production.CiRule(),
            new dev.mlreadiness.engine.rules.production.ContainerRule()
    );

    private RuleCatalog() {
    }

    public static List<Rule> rules() {
        return RULES;
    }

    public static Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        RULES.forEach(r -> ids.add(r.info().id()));
        return ids;
    }

    public static Optional<Rule> find(String id) {
        return RULES.stream().filter(r -> r.info().id().equals(id)).findFirst();
    }

    /** Up to three known ids close to a misspelt one, for "did you mean" answers. */
    public static List<String> closest(String id) {
        return ClosestNames.closest(id, ids(), 3);
    }
}
