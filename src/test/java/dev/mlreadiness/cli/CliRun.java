package dev.mlreadiness.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import dev.mlreadiness.engine.Checklist;
import dev.mlreadiness.engine.Rules;

/** One in-process run of the CLI: exit code and both streams. */
record CliRun(int exit, String out, String err) {

    static CliRun of(Checklist checklist, String... args) {
        return of(new Rules(checklist), args);
    }

    static CliRun of(Rules rules, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Cli(rules, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
