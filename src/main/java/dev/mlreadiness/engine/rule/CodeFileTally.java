package dev.mlreadiness.engine.rule;

import java.util.List;
import java.util.Map;

import dev.mlreadiness.engine.code.CodeFile;

/**
 * A rule that reads code files to scan one at a time (those of {@link CodeFilesToScan#CODE} its {@link #reads()}
 * selects), in two steps: what each file
 * shows, read apart from every other file ({@link #read}: the heavy part, on any thread, several files at once), then
 * a tally of what the files showed, in their order, that reports once it has seen them all ({@link #tally}: on one
 * thread). The checklist runs it in its pass over the code files with the {@link CodeFileRule}s ({@link CodeFilePass}),
 * so each file is parsed once for all of them; run alone, it is the same pass for it alone.
 *
 * @param <R> what one file shows
 */
public interface CodeFileTally<R> extends Rule {

    /**
     * What {@code file} shows, or null when nothing (it is then not handed to the tally): must depend on that file
     * alone, read the context only through its thread-safe views, and change nothing outside what it answers.
     */
    R read(RuleContext ctx, CodeFile file);

    /** A new tally for one pass, reporting to {@code out}. */
    Tally<R> tally(RuleContext ctx, Findings out);

    /** What a pass makes of the files' {@link #read}s, on one thread. */
    interface Tally<R> {

        /** What the next file (in the pass's order) showed. */
        void add(CodeFile file, R read);

        /** Once every file is added. */
        void finish();
    }

    @Override
    default void check(RuleContext ctx, Findings out) {
        CodeFilePass.run(List.of(this), ctx, Map.of(info().id(), out));
    }
}
