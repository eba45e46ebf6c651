package dev.mlreadiness.github.queue;

import java.util.concurrent.CompletionStage;

import dev.mlreadiness.github.ReviewResult;

/**
 * Evaluations of pull requests, one at a time per pull request. Requests for a pull request that is being
 * evaluated wait, and all that waited are evaluated together once, on the newest head. {@link InMemoryWorkQueue}
 * is the default; a queue in a database (several replicas) implements the same method.
 */
public interface WorkQueue {

    /**
     * Queues the request and returns at once. The stage completes with the result of the evaluation that covered
     * the request (its own, or the one it was coalesced into).
     */
    CompletionStage<ReviewResult> submit(WorkRequest request);
}
