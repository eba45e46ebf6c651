package dev.mlreadiness.github.queue;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/** A work queue as one process sees it: what waits, and a shutdown that completes the runs still held. */
public interface LocalWorkQueue extends WorkQueue {

    /** The requests waiting for {@code key}, the running batch aside. */
    int waiting(PullRequestKey key);

    /** Stops taking work; running batches get {@code grace}, then the check runs they hold are completed. */
    void stop(Duration grace);

    /** Shuts the workers down and waits up to {@code grace} for their batches: true when all finished. */
    static boolean finishWithin(ExecutorService workers, Duration grace) {
        workers.shutdown();
        try {
            return workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs the shutdown hooks of the check runs still held after {@code grace}; never throws. */
    static void completeHeldRuns(Logger log, Collection<Runnable> hooks, Duration grace) {
        log.warnf("shutting down: %d evaluations still running after %s, their check runs are completed",
                hooks.size(), grace);
        for (Runnable hook : hooks) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                log.errorf(e, "shutting down: could not complete a check run");
            }
        }
    }
}
