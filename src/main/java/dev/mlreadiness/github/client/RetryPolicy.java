package dev.mlreadiness.github.client;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import dev.mlreadiness.github.ReadinessSettings;

/**
 * How GitHub requests are tried again: at most {@code maxAttempts} tries, exponential backoff from
 * {@code initialBackoff} up to {@code maxBackoff} with jitter, a pause GitHub asks for ({@code Retry-After}, the
 * rate limit's reset) taken as it is, and never a pause that would end past the deadline of the budget.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration budget,
        Duration requestTimeout) {

    public static RetryPolicy of(ReadinessSettings.Retry settings) {
        return new RetryPolicy(Math.max(1, settings.maxAttempts()), settings.initialBackoff(), settings.maxBackoff(),
                settings.budget(), settings.requestTimeout());
    }

    /**
     * The pause before the next try after {@code failed} failed tries, or empty when there is no next try: the
     * tries are used up, or the pause would end after {@code deadlineNanos} ({@link System#nanoTime()} based).
     *
     * @param asked the pause GitHub asked for, or null
     */
    public Optional<Duration> pause(int failed, Duration asked, long deadlineNanos) {
        if (failed >= RetryBudget.attempts(maxAttempts)) {
            return Optional.empty();
        }
        Duration pause = asked != null ? asked : backoff(failed);
        if (System.nanoTime() + pause.toNanos() > deadlineNanos) {
            return Optional.empty();
        }
        return Optional.of(pause);
    }

    /** Exponential backoff with "equal jitter": half the step fixed, half random, so retries spread out. */
    Duration backoff(int failed) {
        long initial = Math.max(1, initialBackoff.toNanos());
        long step = initial << Math.min(failed - 1, 30);
        if (step <= 0 || step > maxBackoff.toNanos()) {
            step = Math.max(initial, maxBackoff.toNanos());
        }
        long half = step / 2;
        return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(step - half + 1));
    }

    /** Waits the pause; an interrupt ends the waiting as the failure it interrupted. */
    public static void sleep(Duration pause) throws InterruptedIOException {
        try {
            Thread.sleep(pause.toMillis(), (int) (pause.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry a GitHub request");
        }
    }
}
