package dev.mlreadiness.github.queue;

import java.util.List;
import java.util.Optional;

/** The requests for one pull request that a worker evaluates together, with what the queue knows meanwhile. */
public interface Batch {

    PullRequestKey key();

    /** In arrival order; never empty. */
    List<WorkRequest> requests();

    /**
     * The head named by a {@code pull_request} event that arrived after this batch began, when it is not
     * {@code head}: the evaluation of {@code head} is superseded and must not publish.
     */
    Optional<String> newerHead(String head);

    /**
     * Marks a check run as worked on until the batch ends, so that recovery leaves it alone; {@code onShutdown}
     * completes it if the app stops before the batch ends.
     */
    void hold(long checkRunId, Runnable onShutdown);

    /** {@link #hold(long, Runnable)}, naming the commit of the run: a replica that takes the job over finds it. */
    default void hold(long checkRunId, String headSha, Runnable onShutdown) {
        hold(checkRunId, onShutdown);
    }

    /**
     * Whether this batch still owns its pull request: false when another replica took the job over (this one's
     * lease expired). A batch that lost it publishes nothing and completes only the runs it held that were not
     * {@linkplain #recorded recorded}: the new owner completes the others.
     */
    default boolean stillOwned() {
        return true;
    }

    /**
     * Whether {@link #hold} recorded the check run with the job, where a replica that takes the job over finds it
     * (and completes it as left in progress). False when it could not: the job was taken over already (the lease
     * expired between the claim and the hold) or the database failed; then no other replica knows the run, and
     * the worker that started it completes it itself, also when it lost the job. False in memory, where no other
     * replica takes a job over.
     */
    default boolean recorded(long checkRunId) {
        return false;
    }

    /** Whether a live worker (of any batch) holds this check run: a run in progress that nobody holds is stale. */
    boolean isHeld(long checkRunId);

    /**
     * The check run that a replica which died during this job's last batch left in progress: the batch took the
     * job over when that replica's lease expired, and completes the run. Empty in memory (a process that dies takes
     * its queue with it; the next event's lookup of runs left in progress completes them).
     */
    default Optional<AbandonedRun> abandonedRun() {
        return Optional.empty();
    }

    /**
     * Tells the queue that {@link #abandonedRun()} is completed: only then does the end of the batch forget it (else
     * the queue keeps it and completes it once the job is idle or parked).
     */
    default void abandonedRunCompleted() {
    }

    /** A check run a dead replica left in progress: its id and its commit. */
    record AbandonedRun(long id, String headSha) {
    }
}
