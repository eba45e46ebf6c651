package dev.mlreadiness.github.queue;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import dev.mlreadiness.github.ReviewResult;

/** The queue contract against the in-memory queue. */
class InMemoryWorkQueueTest extends WorkQueueContract {

    @Override
    TestQueue newQueue(BatchRunner runner, int workers) {
        InMemoryWorkQueue q = new InMemoryWorkQueue(runner, workers, Duration.ofSeconds(30));
        return new TestQueue() {
            @Override
            public CompletionStage<ReviewResult> submit(WorkRequest request) {
                return q.submit(request);
            }

            @Override
            public int waiting(PullRequestKey key) {
                return q.waiting(key);
            }

            @Override
            public void stop(Duration grace) {
                q.stop(grace);
            }
        };
    }
}
