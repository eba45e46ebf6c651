package dev.mlreadiness.github.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.mlreadiness.github.client.RetryBudget;

/**
 * GitHub requests that run side by side, with their IOExceptions carried back to the caller, and the caller's
 * {@link RetryBudget} carried to the threads that make them.
 */
public final class Concurrently {

    private Concurrently() {
    }

    /** A request that may fail with an IOException. */
    @FunctionalInterface
    public interface IoSupplier<T> {
        T get() throws IOException;
    }

    /** A request about one item that may fail with an IOException. */
    @FunctionalInterface
    public interface IoFunction<T, R> {
        R apply(T item) throws IOException;
    }

    /**
     * {@code f} applied to every item side by side, results in the order of {@code items} (null results kept as
     * null). The calling thread runs every task no pool thread has started yet: a caller that is itself a pool
     * task never waits for work queued behind it, so a saturated pool cannot deadlock.
     */
    public static <T, R> Map<T, R> each(List<T> items, IoFunction<T, R> f, Executor executor) throws IOException {
        List<CompletableFuture<R>> results = new ArrayList<>();
        List<Runnable> tasks = new ArrayList<>();
        for (T item : items) {
            CompletableFuture<R> result = new CompletableFuture<>();
            AtomicBoolean claimed = new AtomicBoolean();
            Runnable task = () -> {
                if (claimed.compareAndSet(false, true)) {
                    try {
                        result.complete(f.apply(item));
                    } catch (IOException e) {
                        result.completeExceptionally(new UncheckedIOException(e));
                    } catch (RuntimeException | Error e) {
                        result.completeExceptionally(e);
                    }
                }
            };
            results.add(result);
            tasks.add(RetryBudget.carry(task));
        }
        for (Runnable task : tasks.subList(Math.min(1, tasks.size()), tasks.size())) {
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                // a pool shutting down: the loop below runs it here
            }
        }
        tasks.forEach(Runnable::run);
        Map<T, R> out = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            out.put(items.get(i), join(results.get(i)));
        }
        return out;
    }

    /** {@code s} on the executor, under the caller's retry budget (an evaluation's requests share one). */
    public static <T> CompletableFuture<T> supply(IoSupplier<T> s, Executor executor) {
        return CompletableFuture.supplyAsync(RetryBudget.carry(() -> {
            try {
                return s.get();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), executor);
    }

    /** The result, or the request's own IOException (runtime failures are rethrown as they are). */
    public static <T> T join(CompletableFuture<T> f) throws IOException {
        try {
            return f.join();
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
