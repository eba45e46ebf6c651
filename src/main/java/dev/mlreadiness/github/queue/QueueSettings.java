package dev.mlreadiness.github.queue;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the work queue ({@code ml-readiness.queue.*} in application.properties or env). */
@ConfigMapping(prefix = "ml-readiness.queue")
public interface QueueSettings {

    /** Evaluations that run at once, each of another pull request. */
    @WithDefault("4")
    int workers();

    /** How long a graceful shutdown waits for running evaluations before completing their check runs. */
    @WithDefault("20s")
    Duration shutdownGrace();

    /**
     * The webhook handler waits for the evaluation it queued instead of returning at once: for tests, whose
     * assertions follow the delivery (the extension also dispatches synchronously in test mode).
     */
    @WithDefault("false")
    boolean awaitEvaluation();
}
