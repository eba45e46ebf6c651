package dev.mlreadiness.github.queue;

import java.time.Duration;

/** The queue contract against the in-memory queue. */
class InMemoryWorkQueueTest extends WorkQueueContract {

    @Override
    LocalWorkQueue newQueue(BatchRunner runner, int workers) {
        return new InMemoryWorkQueue(runner, workers, Duration.ofSeconds(30));
    }
}
