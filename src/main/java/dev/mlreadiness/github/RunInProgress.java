package dev.mlreadiness.github;

import java.util.concurrent.atomic.AtomicBoolean;

import org.kohsuke.github.GHCheckRun;

/**
 * The check run of one evaluation, completed once by whoever gets there first: the worker that publishes or
 * fails, or the shutdown that cannot wait for it any longer.
 *
 * @param run the run; null in dry-run, where nothing is created
 */
record RunInProgress(GHCheckRun run, AtomicBoolean completed) {

    RunInProgress(GHCheckRun run) {
        this(run, new AtomicBoolean());
    }

    /** True for the one caller that may complete the run. */
    boolean claim() {
        return completed.compareAndSet(false, true);
    }
}
