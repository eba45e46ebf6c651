package dev.mlreadiness.github.client;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import dev.mlreadiness.github.ReadinessSettings;

/**
 * The time one evaluation may spend on retries of GitHub requests, in all ({@code ml-readiness.retry.budget}): a
 * deadline bound to the thread that runs the evaluation ({@link #forEvaluation}) and carried to the pool threads
 * that make its requests side by side ({@link #carry}). A request made outside any evaluation gets a budget of
 * its own.
 */
@Singleton
public class RetryBudget {

    private static final ThreadLocal<Limits> DEADLINE = new ThreadLocal<>();

    /** A deadline ({@link System#nanoTime()} based) and, when above 0, a number of tries replacing the policy's. */
    private record Limits(long deadline, int attempts) {
    }

    private final Duration budget;

    public RetryBudget(ReadinessSettings settings) {
        this.budget = settings.retry().budget();
    }

    /** Binds one evaluation's budget to this thread: {@code try (Scope s = retryBudget.forEvaluation()) {...}}. */
    public Scope forEvaluation() {
        return open(budget);
    }

    /** Closing it restores the deadline that was there before. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Binds a deadline {@code budget} from now to this thread until the scope closes. */
    public static Scope open(Duration budget) {
        return bind(new Limits(System.nanoTime() + budget.toNanos(), 0));
    }

    /**
     * A last resort: a fresh budget and up to {@code attempts} tries per request, for the one write that must not
     * be given up early (completing a check run, so it does not stay in progress).
     */
    public static Scope lastResort(Duration budget, int attempts) {
        return bind(new Limits(System.nanoTime() + budget.toNanos(), attempts));
    }

    private static Scope bind(Limits limits) {
        Limits outer = DEADLINE.get();
        DEADLINE.set(limits);
        return () -> {
            if (outer == null) {
                DEADLINE.remove();
            } else {
                DEADLINE.set(outer);
            }
        };
    }

    /** The deadline of this thread's evaluation, or one {@code fallback} from now. */
    public static long deadline(Duration fallback) {
        Limits l = DEADLINE.get();
        return l != null ? l.deadline() : System.nanoTime() + fallback.toNanos();
    }

    /** Whether this thread's evaluation has used up its budget (false outside one). */
    public static boolean spent() {
        Limits l = DEADLINE.get();
        return l != null && System.nanoTime() - l.deadline() > 0;
    }

    /** The tries a request may make here: a {@link #lastResort}'s, or {@code policy}'s. */
    public static int attempts(int policy) {
        Limits l = DEADLINE.get();
        return l != null && l.attempts() > 0 ? l.attempts() : policy;
    }

    /** {@code task} to run on another thread under the caller's deadline (if it has one). */
    public static <T> Supplier<T> carry(Supplier<T> task) {
        Limits limits = DEADLINE.get();
        if (limits == null) {
            return task;
        }
        return () -> {
            try (Scope s = bind(limits)) {
                return task.get();
            }
        };
    }

    /** {@code task} to run on another thread under the caller's deadline (if it has one). */
    public static Runnable carry(Runnable task) {
        Supplier<Void> carried = carry(() -> {
            task.run();
            return null;
        });
        return carried::get;
    }
}
