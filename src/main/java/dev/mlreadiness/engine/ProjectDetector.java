package dev.mlreadiness.engine;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.mlreadiness.engine.rule.RuleContext;

/** Decides whether a tree is an ML project, so organization-wide installs stay silent elsewhere. */
@FunctionalInterface
public interface ProjectDetector {

    /** Why the tree is an ML project ("has notebooks/eda.ipynb"), or empty when it is not one. */
    Optional<String> evidence(RuleContext ctx);

    /** The files {@link #evidence} will read, so they can be fetched with the rules' files. Default: none. */
    default Collection<String> reads(RuleContext ctx) {
        return List.of();
    }
}
