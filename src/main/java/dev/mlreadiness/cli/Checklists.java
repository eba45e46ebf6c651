package dev.mlreadiness.cli;

import dev.mlreadiness.engine.Checklist;
import dev.mlreadiness.engine.RuleCatalog;

/** The one place the CLI (and the benchmark) get the checklist they run: the catalog's rules and ML detection. */
public final class Checklists {

    private Checklists() {
    }

    public static Checklist standard() {
        return RuleCatalog.checklist();
    }
}
