package dev.mlreadiness.github.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mlreadiness.github.ReviewResult;
import dev.mlreadiness.github.queue.BatchRunner.Outcome;
import dev.mlreadiness.github.queue.WorkRequest.Kind;

/**
 * A work queue on its own, with a runner that blocks on latches: which requests run together, in what order, what
 * supersedes what, and what a shutdown does to a running batch. No clock: steps are counted. The same cases run
 * against each backend ({@link InMemoryWorkQueueTest}, {@link PostgresWorkQueueTest}).
 */
abstract class WorkQueueContract {

    /** A started queue of the backend with {@code workers} workers; a failed batch is not retried. */
    abstract LocalWorkQueue newQueue(BatchRunner runner, int workers);

    static final PullRequestKey PR = new PullRequestKey("o/r", 1);
    static final PullRequestKey OTHER = new PullRequestKey("o/r", 2);

    /** Records each batch; the first {@code blocked} batches wait for {@link #release}. */
    static final class Runner implements BatchRunner {
        final List<Batch> batches = new ArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch started;
        final int blocked;
        Function<Batch, Outcome> answer = b -> Outcome.done(ReviewResult.of(ReviewResult.Status.REVIEWED,
                "batch " + b.requests().size()), "head");

        Runner(int blocked) {
            this.blocked = blocked;
            this.started = new CountDownLatch(blocked);
        }

        @Override
        public Outcome run(Batch batch) {
            int n;
            synchronized (this) {
                batches.add(batch);
                n = batches.size();
            }
            if (n <= blocked) {
                started.countDown();
                await(release);
            }
            return answer.apply(batch);
        }
    }

    LocalWorkQueue queue;

    @AfterEach
    void stop() {
        if (queue != null) {
            queue.stop(Duration.ofSeconds(30));
        }
    }

    static WorkRequest push(PullRequestKey key, String head) {
        return new WorkRequest(1, key, Kind.PULL_REQUEST, head, "d-" + head, "pull_request", "{}", List.of());
    }

    static WorkRequest command(PullRequestKey key, String delivery) {
        return new WorkRequest(1, key, Kind.COMMAND, null, delivery, "issue_comment", "{}", List.of());
    }

    static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static ReviewResult result(CompletableFuture<ReviewResult> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    @Test
    void requestsArrivingDuringABatchRunTogetherOnceAfterIt() throws Exception {
        Runner runner = new Runner(1);
        queue = newQueue(runner, 4);
        CompletableFuture<ReviewResult> first = queue.submit(push(PR, "a")).toCompletableFuture();
        await(runner.started);
        List<CompletableFuture<ReviewResult>> later = new ArrayList<>();
        later.add(queue.submit(push(PR, "a")).toCompletableFuture());
        later.add(queue.submit(command(PR, "c1")).toCompletableFuture());
        later.add(queue.submit(push(PR, "b")).toCompletableFuture());
        later.add(queue.submit(command(PR, "c2")).toCompletableFuture());
        assertThat(queue.waiting(PR)).isEqualTo(4);
        assertThat(runner.batches).hasSize(1);
        runner.release.countDown();

        assertThat(result(first).detail()).isEqualTo("batch 1");
        for (CompletableFuture<ReviewResult> f : later) {
            assertThat(result(f).detail()).isEqualTo("batch 3"); // two pushes folded into the newest
        }
        assertThat(runner.batches).hasSize(2);
        assertThat(runner.batches.get(1).requests()).extracting(r -> r.kind() + ":" + r.deliveryId())
                .containsExactly("PULL_REQUEST:d-b", "COMMAND:c1", "COMMAND:c2");
        assertThat(queue.waiting(PR)).isZero();
    }

    @Test
    void differentPullRequestsRunSideBySide() throws Exception {
        Runner runner = new Runner(2);
        queue = newQueue(runner, 2);
        CompletableFuture<ReviewResult> one = queue.submit(push(PR, "a")).toCompletableFuture();
        CompletableFuture<ReviewResult> two = queue.submit(push(OTHER, "x")).toCompletableFuture();
        await(runner.started); // both batches are running at once: neither waited for the other
        assertThat(runner.batches).extracting(Batch::key).containsExactlyInAnyOrder(PR, OTHER);
        runner.release.countDown();
        assertThat(result(one).status()).isEqualTo(ReviewResult.Status.REVIEWED);
        assertThat(result(two).status()).isEqualTo(ReviewResult.Status.REVIEWED);
    }

    @Test
    void onlyAPushOfAnotherHeadSupersedes() throws Exception {
        Runner runner = new Runner(1);
        List<Optional<String>> seen = new ArrayList<>();
        runner.answer = b -> {
            seen.add(b.newerHead("a"));
            return Outcome.done(ReviewResult.of(ReviewResult.Status.REVIEWED, ""), "a");
        };
        queue = newQueue(runner, 1);
        queue.submit(push(PR, "a"));
        await(runner.started);
        queue.submit(push(PR, "a")); // a redelivery or a second event of the same head
        queue.submit(command(PR, "c"));
        queue.submit(new WorkRequest(1, PR, Kind.RERUN, "old", "r", "check_suite", "{}", List.of()));
        queue.submit(push(OTHER, "z")); // another pull request's push
        runner.release.countDown();
        result(queue.submit(command(PR, "last")).toCompletableFuture());
        assertThat(seen.get(0)).isEmpty();
    }

    @Test
    void aSupersededBatchLeavesItsRequestsToTheNewerHead() throws Exception {
        Runner runner = new Runner(1);
        runner.answer = b -> b.newerHead("a").map(h -> Outcome.superseded("a"))
                .orElse(Outcome.done(ReviewResult.of(ReviewResult.Status.REVIEWED, "evaluated"), "b"));
        queue = newQueue(runner, 1);
        CompletableFuture<ReviewResult> command = queue.submit(command(PR, "c")).toCompletableFuture();
        await(runner.started);
        CompletableFuture<ReviewResult> newer = queue.submit(push(PR, "b")).toCompletableFuture();
        runner.release.countDown();

        assertThat(result(newer).detail()).isEqualTo("evaluated");
        assertThat(result(command).detail()).isEqualTo("evaluated"); // answered by the newer head's evaluation
        assertThat(runner.batches).hasSize(2);
        assertThat(runner.batches.get(1).requests()).extracting(WorkRequest::deliveryId).containsExactly("c", "d-b");
    }

    @Test
    void shutdownCompletesTheRunsOfBatchesThatOutliveTheGrace() throws Exception {
        AtomicInteger completed = new AtomicInteger();
        Runner runner = new Runner(1);
        runner.answer = b -> Outcome.done(ReviewResult.of(ReviewResult.Status.REVIEWED, ""), "a");
        BatchRunner holding = b -> {
            b.hold(42, completed::incrementAndGet);
            assertThat(b.isHeld(42)).isTrue();
            return runner.run(b);
        };
        queue = newQueue(holding, 1);
        queue.submit(push(PR, "a"));
        await(runner.started);
        CompletableFuture<ReviewResult> waiting = queue.submit(command(PR, "c")).toCompletableFuture();

        queue.stop(Duration.ZERO);
        assertThat(completed).hasValue(1);
        assertThat(result(waiting).status()).isEqualTo(ReviewResult.Status.FAILED); // dropped, had no run
        assertThat(result(queue.submit(command(PR, "after")).toCompletableFuture()).detail())
                .isEqualTo("the app is shutting down");
        runner.release.countDown();
        queue = null;
    }

    @Test
    void shutdownWaitsForBatchesThatFinishWithinTheGrace() throws Exception {
        AtomicInteger completed = new AtomicInteger();
        Runner runner = new Runner(0);
        BatchRunner holding = b -> {
            b.hold(7, completed::incrementAndGet);
            return runner.run(b);
        };
        queue = newQueue(holding, 1);
        CompletableFuture<ReviewResult> done = queue.submit(push(PR, "a")).toCompletableFuture();
        assertThat(result(done).status()).isEqualTo(ReviewResult.Status.REVIEWED);
        queue.stop(Duration.ofSeconds(30));
        assertThat(completed).hasValue(0); // the batch completed its run itself
        queue = null;
    }

    /**
     * A pull request holds at most {@link InMemoryWorkQueue#MAX_WAITING} waiting requests (a runaway bot's commands
     * are refused beyond), and however many pushes arrive, one waits: the newest, which answers the others.
     */
    @Test
    void aPullRequestHoldsABoundedNumberOfWaitingRequestsAndOnePush() throws Exception {
        Runner runner = new Runner(1);
        queue = newQueue(runner, 2);
        CompletableFuture<ReviewResult> first = queue.submit(push(PR, "a")).toCompletableFuture();
        await(runner.started);
        List<CompletableFuture<ReviewResult>> accepted = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            accepted.add(queue.submit(push(PR, "p" + i)).toCompletableFuture()); // fold into one waiting push
        }
        for (int i = 1; i < InMemoryWorkQueue.MAX_WAITING; i++) {
            accepted.add(queue.submit(command(PR, "c" + i)).toCompletableFuture());
        }
        CompletableFuture<ReviewResult> refused = queue.submit(command(PR, "one-too-many")).toCompletableFuture();
        assertThat(result(refused).status()).isEqualTo(ReviewResult.Status.FAILED);
        assertThat(result(refused).detail()).isEqualTo("too many requests are waiting");
        accepted.add(queue.submit(push(PR, "newest")).toCompletableFuture()); // a push still folds
        // another pull request is not held up by this one
        assertThat(result(queue.submit(push(OTHER, "x")).toCompletableFuture()).status())
                .isEqualTo(ReviewResult.Status.REVIEWED);
        runner.release.countDown();

        assertThat(result(first).detail()).isEqualTo("batch 1");
        for (CompletableFuture<ReviewResult> f : accepted) {
            assertThat(result(f).detail()).isEqualTo("batch " + InMemoryWorkQueue.MAX_WAITING);
        }
        Batch second = runner.batches.stream().filter(b -> b.key().equals(PR)).toList().get(1);
        assertThat(second.requests()).hasSize(InMemoryWorkQueue.MAX_WAITING)
                .filteredOn(r -> r.kind() == Kind.PULL_REQUEST).extracting(WorkRequest::headSha)
                .containsExactly("newest");
    }

    /**
     * A pull request whose waiting requests reached the bound (a re-run script, a runaway bot) still takes the
     * author's next push: a newer head is never refused, else its check run would never come.
     */
    @Test
    void aPushIsAcceptedWhenTheBoundIsReachedWithoutAWaitingPush() throws Exception {
        Runner runner = new Runner(1);
        queue = newQueue(runner, 2);
        CompletableFuture<ReviewResult> first = queue.submit(push(PR, "a")).toCompletableFuture();
        await(runner.started);
        List<CompletableFuture<ReviewResult>> accepted = new ArrayList<>();
        for (int i = 0; i < InMemoryWorkQueue.MAX_WAITING; i++) {
            accepted.add(queue.submit(command(PR, "c" + i)).toCompletableFuture());
        }
        CompletableFuture<ReviewResult> refused = queue.submit(command(PR, "one-too-many")).toCompletableFuture();
        assertThat(result(refused).detail()).isEqualTo("too many requests are waiting");
        accepted.add(queue.submit(push(PR, "newer")).toCompletableFuture());
        runner.release.countDown();

        assertThat(result(first).detail()).isEqualTo("batch 1");
        for (CompletableFuture<ReviewResult> f : accepted) {
            assertThat(result(f).status()).isEqualTo(ReviewResult.Status.REVIEWED);
        }
        Batch second = runner.batches.stream().filter(b -> b.key().equals(PR)).toList().get(1);
        assertThat(second.requests()).hasSize(InMemoryWorkQueue.MAX_WAITING + 1)
                .filteredOn(r -> r.kind() == Kind.PULL_REQUEST).extracting(WorkRequest::headSha)
                .containsExactly("newer");
    }

    @Test
    void aFailingRunnerFailsItsRequestsAndTheLaneGoesOn() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        queue = newQueue(b -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("boom");
            }
            return Outcome.done(ReviewResult.of(ReviewResult.Status.REVIEWED, ""), "a");
        }, 1);
        assertThat(result(queue.submit(push(PR, "a")).toCompletableFuture()).status())
                .isEqualTo(ReviewResult.Status.FAILED);
        assertThat(result(queue.submit(push(PR, "a")).toCompletableFuture()).status())
                .isEqualTo(ReviewResult.Status.REVIEWED);
    }
}
