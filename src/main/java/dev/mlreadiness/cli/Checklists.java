package dev.mlreadiness.cli;

import java.util.Optional;

import dev.mlreadiness.engine.Checklist;
import dev.mlreadiness.engine.ProjectDetector;
import dev.mlreadiness.engine.RuleCatalog;

/** The one place the CLI (and the benchmark) build the checklist they run: the catalog's rules and the detector. */
public final class Checklists {

    private Checklists() {
    }

    public static Checklist standard() {
        return new Checklist(RuleCatalog.rules(), detector());
    }

    /**
     * Every repository counts as an ML project until the engine's {@code MlProjectDetector} reaches this branch;
     * switching is this one line.
     */
    private static ProjectDetector detector() {
        return ctx -> Optional.of("forced");
    }
}
