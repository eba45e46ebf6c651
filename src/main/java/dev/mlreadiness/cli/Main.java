package dev.mlreadiness.cli;

import dev.mlreadiness.engine.RuleCatalog;

/**
 * The {@code readiness} command line. A plain {@code main} over the engine: it never boots Quarkus, whose packaged
 * GitHub App refuses to start without credentials.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new Cli(RuleCatalog.standard(), StandardOutput.open(), System.err).run(args));
    }
}
