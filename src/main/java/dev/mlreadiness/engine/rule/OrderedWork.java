package dev.mlreadiness.engine.rule;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The same work done on each item of a list a few items ahead on other threads, the results taken by the caller's
 * thread in the items' order: what it gets is what a loop over the items would give, whatever the scheduling.
 *
 * <p>
 * Bounded: at most {@code window} items are in flight (started or handed to the pool, not yet taken), and while more
 * than one is, their weight (bytes, say) stays within {@code budget}; the item the caller works on comes on top. The
 * pool is the common pool, shared by everything in the JVM (the app evaluates several pull requests at once), so the
 * caller never waits for it: when the pool has not started the next item, the caller runs it itself. An evaluation
 * goes on at least at the pace of one thread when others keep the pool busy, and on a machine of one core nothing is
 * handed over.
 *
 * <p>
 * Failures: an item's exception (or error) is thrown by {@link #next()} when that item's turn comes, so the first
 * failure in the items' order is the one thrown, as in a loop. Then, or when the caller's thread is interrupted (the
 * next {@code next()} throws {@link IllegalStateException}, the interrupt kept), or when the caller {@link #close()}s
 * early, the items not started are dropped and those running are waited for: nothing of this work runs on once the
 * caller has moved on.
 */
public final class OrderedWork<T, R> implements Iterator<R>, AutoCloseable {

    private static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 1;

    private final List<T> items;
    private final Function<T, R> work;
    private final ToLongFunction<T> weight;
    private final int window;
    private final long budget;
    /** Null: the caller runs every item. */
    private final Executor executor;
    private final Deque<Task<T, R>> inFlight = new ArrayDeque<>();
    private long weightInFlight;
    private int submitted;
    private boolean closed;

    OrderedWork(List<T> items, Function<T, R> work, ToLongFunction<T> weight, int window, long budget,
            Executor executor) {
        if (window < 1) {
            throw new IllegalArgumentException("window " + window);
        }
        this.items = List.copyOf(items);
        this.work = work;
        this.weight = weight;
        this.window = window;
        this.budget = budget;
        this.executor = executor;
    }

    /**
     * {@code work} on each of {@code items}, a few ahead on the common pool when the machine has more than one core.
     *
     * @param weight of an item, for {@code budget} (an unknown weight counts as none)
     */
    public static <T, R> OrderedWork<T, R> of(List<T> items, Function<T, R> work, ToLongFunction<T> weight,
            int window, long budget) {
        return new OrderedWork<>(items, work, weight, window, budget, PARALLEL ? ForkJoinPool.commonPool() : null);
    }

    @Override
    public boolean hasNext() {
        return !closed && (!inFlight.isEmpty() || submitted < items.size());
    }

    /** The next item's result, its work done here when no other thread started it. */
    @Override
    public R next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (Thread.currentThread().isInterrupted()) {
            close();
            throw new IllegalStateException("interrupted");
        }
        fill();
        Task<T, R> head = inFlight.poll();
        weightInFlight -= head.weight;
        fill(); // the next ones go ahead while this one is finished and used
        try {
            return head.join();
        } catch (RuntimeException | Error e) {
            if (head.cancelOrAwait()) { // interrupted while another thread ran it: it ends first
                Thread.currentThread().interrupt();
            }
            close();
            throw e;
        }
    }

    private void fill() {
        while (inFlight.size() < window && submitted < items.size()) {
            T item = items.get(submitted);
            long w = Math.max(0, weight.applyAsLong(item));
            if (!inFlight.isEmpty() && weightInFlight + w > budget) {
                return;
            }
            submitted++;
            Task<T, R> task = new Task<>(item, work, w);
            inFlight.add(task);
            weightInFlight += w;
            if (executor != null) {
                executor.execute(task);
            }
        }
    }

    /**
     * Drops the items not started and waits for those running (each is one item's work); further {@link #hasNext()}
     * answers false.
     */
    @Override
    public void close() {
        closed = true;
        boolean interrupted = false;
        for (Task<T, R> task : inFlight) {
            interrupted |= task.cancelOrAwait();
        }
        inFlight.clear();
        weightInFlight = 0;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One item's work, run once by whichever thread claims it first. */
    private static final class Task<T, R> implements Runnable {
        private static final int NEW = 0;
        private static final int RUNNING = 1;
        private static final int DROPPED = 2;

        private final AtomicInteger state = new AtomicInteger(NEW);
        private final CountDownLatch done = new CountDownLatch(1);
        private final T item;
        private final Function<T, R> work;
        private final long weight;
        private R result;
        private Throwable failure;

        Task(T item, Function<T, R> work, long weight) {
            this.item = item;
            this.work = work;
            this.weight = weight;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(NEW, RUNNING)) {
                return;
            }
            try {
                result = work.apply(item);
            } catch (Throwable t) { // handed to the caller, whatever it is
                failure = t;
            } finally {
                done.countDown();
            }
        }

        /** The result, the work done here when no other thread started it; the work's failure thrown as it is. */
        R join() {
            run();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return result;
        }

        /** Drops the task if not started, else waits until it ends; answers whether an interrupt came meanwhile. */
        boolean cancelOrAwait() {
            if (state.compareAndSet(NEW, DROPPED)) {
                return false;
            }
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    return interrupted;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
    }
}
