package dev.mlreadiness.cli;

import java.io.PrintStream;

import dev.mlreadiness.engine.RuleCatalog;

/**
 * The {@code readiness} command line. A plain {@code main} over the engine: it never boots Quarkus, whose packaged
 * GitHub App refuses to start without credentials.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(cli(StandardOutput.open(), System.err).run(args));
    }

    /** The command line as {@code main} runs it, onto the given streams (also what {@link ArchiveTraining} runs). */
    static Cli cli(PrintStream out, PrintStream err) {
        return new Cli(RuleCatalog.standard(), out, err);
    }
}
