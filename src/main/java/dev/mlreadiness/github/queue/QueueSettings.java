package dev.mlreadiness.github.queue;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/** Settings of the work queue ({@code ml-readiness.queue.*} in application.properties or env). */
@ConfigMapping(prefix = "ml-readiness.queue")
public interface QueueSettings {

    /** {@code ml-readiness.queue} itself: {@code memory} (the default) or {@code postgresql}. */
    @WithParentName
    @WithDefault("memory")
    String backend();

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

    /**
     * The PostgreSQL queue ({@code ml-readiness.queue=postgresql}): how long a claimed job is its worker's without
     * a heartbeat. A replica that dies mid-evaluation holds its jobs this long; another takes them over after it.
     */
    @WithDefault("60s")
    Duration lease();

    /** The PostgreSQL queue: how often idle workers look for due jobs, and waiters for jobs other replicas ran. */
    @WithDefault("500ms")
    Duration poll();

    /** The PostgreSQL queue: evaluations of a job that fail before it is parked with its error. */
    @WithDefault("5")
    int maxAttempts();

    /** The PostgreSQL queue: the wait before the first retry of a failed job; doubled at each further failure. */
    @WithDefault("30s")
    Duration retryBackoff();

    /** The PostgreSQL queue: the longest wait between retries. */
    @WithDefault("15m")
    Duration maxRetryBackoff();

    /** The PostgreSQL queue: how long processed delivery ids are kept, so that their redeliveries are skipped. */
    @WithDefault("14d")
    Duration deliveryRetention();
}
