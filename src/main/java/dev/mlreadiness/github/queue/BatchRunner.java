package dev.mlreadiness.github.queue;

import dev.mlreadiness.github.ReviewResult;

/** Evaluates a batch: what a worker of the queue runs. */
public interface BatchRunner {

    Outcome run(Batch batch);

    /**
     * How a batch ended.
     *
     * @param result the result every request of the batch gets; null when superseded
     * @param headSha the head that was evaluated; null when none was
     * @param superseded true when a newer head arrived before publishing: the requests wait for the next batch
     */
    record Outcome(ReviewResult result, String headSha, boolean superseded) {

        public static Outcome done(ReviewResult result, String headSha) {
            return new Outcome(result, headSha, false);
        }

        public static Outcome superseded(String headSha) {
            return new Outcome(null, headSha, true);
        }
    }
}
