package dev.mlreadiness.github;

import dev.mlreadiness.engine.RuleCatalog;
import dev.mlreadiness.engine.Rules;
import jakarta.enterprise.context.ApplicationScoped;

/** The rules the app evaluates: the catalog's. A bean so tests can run rules of their own. */
@ApplicationScoped
public class RuleSource {

    public Rules rules() {
        return RuleCatalog.standard();
    }
}
