package dev.mlreadiness.github.deliveries;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the recovery of failed deliveries ({@code ml-readiness.redeliver.*}). */
@ConfigMapping(prefix = "ml-readiness.redeliver")
public interface RedeliverySettings {

    /** Whether the scheduled recovery runs. */
    @WithDefault("true")
    boolean enabled();

    /** How often (the scheduler reads it as {@code ${ml-readiness.redeliver.every}}). */
    @WithDefault("5m")
    String every();

    /** How long after the start the first run comes. */
    @WithDefault("1m")
    String delay();

    /** How far back deliveries are looked at. */
    @WithDefault("6h")
    Duration lookback();

    /** Attempts of a delivery (the first and the redeliveries) after which it is given up. */
    @WithDefault("3")
    int maxAttempts();

    /**
     * The least time between two requests of a run (listing pages and redeliveries): one at a time, as GitHub asks
     * of integrations, and at most one redelivery a second, its advice for writes.
     */
    @WithDefault("1s")
    Duration requestInterval();

    /**
     * The longest a run waits when GitHub limits its rate ({@code retry-after}, or {@code x-ratelimit-reset} when no
     * request is left); beyond it the run stops and the next one carries on.
     */
    @WithDefault("2m")
    Duration maxRateLimitWait();
}
