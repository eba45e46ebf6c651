package dev.mlreadiness.github;

import java.util.List;

import dev.mlreadiness.engine.Rule;
import dev.mlreadiness.engine.RuleCatalog;
import jakarta.enterprise.context.ApplicationScoped;

/** The rules the app evaluates: the catalog. A bean so tests can add rules of their own. */
@ApplicationScoped
public class RuleSource {

    public List<Rule> rules() {
        return RuleCatalog.rules();
    }
}
