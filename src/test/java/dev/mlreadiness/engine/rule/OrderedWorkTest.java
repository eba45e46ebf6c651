package dev.mlreadiness.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * Work done ahead on other threads gives what a loop gives, in order, with a bounded number of items in flight; the
 * first failure in order is thrown and nothing runs on after it, nor after an interrupt.
 */
class OrderedWorkTest {

    /** Every task on a thread of its own at once: the most concurrency there can be. */
    private static final Executor EAGER = r -> new Thread(r).start();
    /** A pool that never gets to the tasks: the caller runs all of them. */
    private static final Executor BUSY = r -> {
    };

    private static final List<Integer> ITEMS = IntStream.range(0, 500).boxed().toList();

    /** Work of uneven length per item, so that items finish out of order on several threads. */
    private static String work(int i) {
        long h = i;
        for (int k = 0; k < (i % 13) * 2_000; k++) {
            h = h * 31 + k;
        }
        return i + ":" + (h & 0xff);
    }

    private static <R> List<R> all(OrderedWork<Integer, R> work) {
        List<R> out = new ArrayList<>();
        try (work) {
            while (work.hasNext()) {
                out.add(work.next());
            }
        }
        return out;
    }

    @Test
    void resultsComeInTheItemsOrderWhateverRunsThem() {
        List<String> loop = ITEMS.stream().map(OrderedWorkTest::work).toList();
        for (Executor e : List.of(EAGER, BUSY, ForkJoinPool.commonPool())) {
            assertThat(all(new OrderedWork<>(ITEMS, OrderedWorkTest::work, i -> 1, 4, 100, e))).isEqualTo(loop);
        }
        assertThat(all(OrderedWork.of(ITEMS, OrderedWorkTest::work, i -> 1, 4, 100))).isEqualTo(loop);
        assertThat(all(new OrderedWork<>(ITEMS, OrderedWorkTest::work, i -> 1, 4, 100, null))).isEqualTo(loop);
    }

    @Test
    void atMostTheWindowIsHandedOutBeyondWhatWasTaken() {
        AtomicInteger handedOut = new AtomicInteger();
        Executor counting = r -> {
            handedOut.incrementAndGet();
            EAGER.execute(r);
        };
        OrderedWork<Integer, String> work = new OrderedWork<>(ITEMS, OrderedWorkTest::work, i -> 1, 3, 100,
                counting);
        int taken = 0;
        while (work.hasNext()) {
            work.next();
            taken++;
            // the item taken, and the window after it
            assertThat(handedOut.get()).isLessThanOrEqualTo(taken + 3);
        }
        assertThat(handedOut.get()).isEqualTo(ITEMS.size());
    }

    @Test
    void theWeightInFlightStaysWithinTheBudgetButOneItemAlwaysGoes() {
        List<Long> weights = List.of(5L, 5L, 50L, 1L, 1L, 1L, 30L, 30L, 30L, 2L);
        List<Integer> items = IntStream.range(0, weights.size()).boxed().toList();
        List<Runnable> handedOut = new ArrayList<>(); // in the items' order; the caller runs them all
        OrderedWork<Integer, Integer> work = new OrderedWork<>(items, i -> i, weights::get, 8, 40, handedOut::add);
        List<Integer> taken = new ArrayList<>();
        while (work.hasNext()) {
            taken.add(work.next());
            List<Integer> inFlight = items.subList(taken.size(), handedOut.size());
            assertThat(inFlight.size() == 1 || inFlight.stream().mapToLong(weights::get).sum() <= 40)
                    .as("in flight after %s: %s", taken, inFlight).isTrue();
        }
        assertThat(taken).isEqualTo(items);
    }

    @Test
    void theFirstFailureInTheItemsOrderIsThrownAndNothingRunsOnAfterIt() {
        AtomicInteger running = new AtomicInteger();
        Set<Integer> ran = ConcurrentHashMap.newKeySet();
        Function<Integer, Integer> failing = i -> {
            running.incrementAndGet();
            try {
                ran.add(i);
                work(i);
                if (i == 30 || i == 33) {
                    throw new IllegalArgumentException("item " + i);
                }
                return i;
            } finally {
                running.decrementAndGet();
            }
        };
        List<Runnable> late = new ArrayList<>(); // handed out, run only once the caller has given up
        for (Executor e : List.of(EAGER, BUSY, ForkJoinPool.commonPool(), (Executor) late::add)) {
            ran.clear();
            OrderedWork<Integer, Integer> work = new OrderedWork<>(ITEMS, failing, i -> 1, 6, 100, e);
            List<Integer> got = new ArrayList<>();
            assertThatThrownBy(() -> {
                while (work.hasNext()) {
                    got.add(work.next());
                }
            }).isInstanceOf(IllegalArgumentException.class).hasMessage("item 30");
            assertThat(got).isEqualTo(ITEMS.subList(0, 30));
            assertThat(running.get()).isZero();
            assertThat(work.hasNext()).isFalse();
            Set<Integer> after = Set.copyOf(ran);
            assertThat(after).allMatch(i -> i <= 30 + 7); // nothing beyond the window was started
            late.forEach(Runnable::run);
            assertThat(ran).isEqualTo(after); // and what was handed out but not started never starts
        }
        assertThat(late).hasSize(30 + 7);
    }

    @Test
    void anErrorIsThrownAsItIs() {
        OrderedWork<Integer, Integer> work = new OrderedWork<>(ITEMS, i -> {
            if (i == 2) {
                throw new StackOverflowError("deep");
            }
            return i;
        }, i -> 1, 4, 100, EAGER);
        assertThatThrownBy(() -> all(work)).isInstanceOf(StackOverflowError.class).hasMessage("deep");
    }

    @Test
    void anInterruptEndsTheWorkWithTheInterruptKeptAndNothingRunningOn() throws Exception {
        interruptWhileItemTenRuns(EAGER); // the caller waits for another thread's item
        interruptWhileItemTenRuns(BUSY); // the caller runs the item itself
    }

    private static void interruptWhileItemTenRuns(Executor executor) throws InterruptedException {
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        Function<Integer, Integer> blocking = i -> {
            running.incrementAndGet();
            started.incrementAndGet();
            try {
                if (i == 10) {
                    reached.countDown();
                    awaitUninterruptibly(release);
                }
                return i;
            } finally {
                running.decrementAndGet();
            }
        };
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> interruptKept = new AtomicReference<>();
        AtomicInteger runningAfter = new AtomicInteger(-1);
        Thread caller = new Thread(() -> {
            OrderedWork<Integer, Integer> work = new OrderedWork<>(ITEMS, blocking, i -> 1, 4, 100, executor);
            try {
                while (work.hasNext()) {
                    work.next();
                }
            } catch (RuntimeException ex) {
                thrown.set(ex);
            }
            interruptKept.set(Thread.currentThread().isInterrupted());
            runningAfter.set(running.get());
        });
        caller.start();
        assertThat(reached.await(60, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        release.countDown();
        caller.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("interrupted");
        assertThat(interruptKept.get()).isTrue();
        assertThat(runningAfter.get()).isZero();
        int startedThen = started.get();
        assertThat(startedThen).isLessThanOrEqualTo(10 + 1 + 4);
        assertThat(started.get()).isEqualTo(startedThen);
    }

    @Test
    void closingEarlyWaitsForTheRunningItemsAndDropsTheOthers() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        Set<Integer> ran = ConcurrentHashMap.newKeySet();
        OrderedWork<Integer, Integer> work = new OrderedWork<>(ITEMS, i -> {
            running.incrementAndGet();
            ran.add(i);
            try {
                if (i == 1) {
                    started.countDown();
                    awaitUninterruptibly(release);
                }
                return i;
            } finally {
                running.decrementAndGet();
            }
        }, i -> 1, 4, 100, EAGER);
        assertThat(work.next()).isZero();
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        Thread releaser = new Thread(release::countDown);
        releaser.start();
        work.close();
        assertThat(running.get()).isZero();
        assertThat(work.hasNext()).isFalse();
        Set<Integer> after = Set.copyOf(ran);
        releaser.join();
        assertThat(ran).isEqualTo(after).allMatch(i -> i <= 1 + 4);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException ex) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
