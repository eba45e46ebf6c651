package dev.mlreadiness.github.queue;

import java.io.IOException;

/**
 * Completes a check run that the queue knows was left in progress and that no batch will complete: that of a job
 * parked or idle whose last batches died or failed before they could complete it. A required check in progress
 * blocks merging for good.
 */
@FunctionalInterface
public interface AbandonedRuns {

    /**
     * Completes run {@code runId} (on commit {@code headSha}) of the repository, unless it is completed already;
     * throws when GitHub fails.
     */
    void complete(long installationId, String repository, long runId, String headSha, String reason)
            throws IOException;
}
