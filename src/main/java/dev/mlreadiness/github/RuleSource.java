package dev.mlreadiness.github;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mlreadiness.engine.RuleCatalog;
import dev.mlreadiness.engine.Rules;

/** The rules the app evaluates: the catalog's. A bean so tests can run rules of their own. */
@ApplicationScoped
public class RuleSource {

    public Rules rules() {
        return RuleCatalog.standard();
    }
}
