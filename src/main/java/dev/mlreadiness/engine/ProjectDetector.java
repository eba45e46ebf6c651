package dev.mlreadiness.engine;

import java.util.Optional;

/** Decides whether a tree is an ML project, so organization-wide installs stay silent elsewhere. */
@FunctionalInterface
public interface ProjectDetector {

    /** Why the tree is an ML project ("has notebooks/eda.ipynb"), or empty when it is not one. */
    Optional<String> evidence(RuleContext ctx);
}
