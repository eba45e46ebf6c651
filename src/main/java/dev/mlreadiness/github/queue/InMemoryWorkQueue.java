package dev.mlreadiness.github.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.mlreadiness.github.ReviewResult;
import dev.mlreadiness.github.queue.BatchRunner.Outcome;
import dev.mlreadiness.github.queue.WorkRequest.Kind;

/**
 * The work queue of one replica, in memory: a lane per pull request, a fixed pool of workers. A lane runs one batch
 * at a time; what arrives meanwhile waits in the lane and becomes the next batch, so a burst of deliveries costs
 * one evaluation now and one after. On shutdown the workers get a grace period to finish; the check runs still
 * held after it are completed by the hooks their batches registered.
 */
@ApplicationScoped
@Typed(InMemoryWorkQueue.class) // the app's WorkQueue is chosen by WorkQueues
public class InMemoryWorkQueue implements LocalWorkQueue {

    private static final Logger LOG = Logger.getLogger(InMemoryWorkQueue.class);
    /** Requests waiting for one pull request beyond this are refused: commands of a runaway bot, not people. */
    static final int MAX_WAITING = 200;

    private final BatchRunner runner;
    private final ExecutorService workers;
    private final Duration grace;
    private final Map<PullRequestKey, Lane> lanes = new HashMap<>();
    private final Map<Long, Runnable> held = new HashMap<>();
    private boolean stopping;

    @Inject
    InMemoryWorkQueue(BatchRunner runner, QueueSettings settings) {
        this(runner, settings.workers(), settings.shutdownGrace());
    }

    /** A queue of one's own (the app's is a bean): {@code workers} threads, {@code grace} on shutdown. */
    public InMemoryWorkQueue(BatchRunner runner, int workers, Duration grace) {
        this.runner = runner;
        this.grace = grace;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "ml-readiness-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A pull request's requests: those waiting, and whether a batch of it is scheduled or running. */
    private static final class Lane {
        final List<Waiting> waiting = new ArrayList<>();
        boolean busy;
    }

    /** A request and everyone waiting for its result (several when later pushes were folded into it). */
    private record Waiting(WorkRequest request, List<CompletableFuture<ReviewResult>> done) {
    }

    @Override
    public CompletionStage<ReviewResult> submit(WorkRequest request) {
        CompletableFuture<ReviewResult> done = new CompletableFuture<>();
        synchronized (this) {
            if (stopping) {
                done.complete(ReviewResult.of(ReviewResult.Status.FAILED, "the app is shutting down"));
                return done;
            }
            Lane lane = lanes.computeIfAbsent(request.key(), k -> new Lane());
            if (!fold(lane, request, done)) {
                // a push (a newer head) is never refused: it replaces at most one waiting push (MAX_WAITING + 1)
                if (lane.waiting.size() >= MAX_WAITING && request.kind() != WorkRequest.Kind.PULL_REQUEST) {
                    LOG.warnf("%s: %d requests already waiting, delivery %s refused", request.key(), MAX_WAITING,
                            request.deliveryId());
                    done.complete(ReviewResult.of(ReviewResult.Status.FAILED, "too many requests are waiting"));
                    return done;
                }
                List<CompletableFuture<ReviewResult>> waiters = new ArrayList<>();
                waiters.add(done);
                lane.waiting.add(new Waiting(request, waiters));
            }
            if (!lane.busy) {
                lane.busy = true;
                schedule(request.key());
            }
        }
        return done;
    }

    /** A push waiting already is replaced by the newer one, whose result both get: only the newest head counts. */
    private static boolean fold(Lane lane, WorkRequest request, CompletableFuture<ReviewResult> done) {
        if (request.kind() != Kind.PULL_REQUEST) {
            return false;
        }
        for (int i = 0; i < lane.waiting.size(); i++) {
            Waiting w = lane.waiting.get(i);
            if (w.request().kind() == Kind.PULL_REQUEST) {
                w.done().add(done);
                lane.waiting.set(i, new Waiting(request, w.done()));
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized int waiting(PullRequestKey key) {
        Lane lane = lanes.get(key);
        return lane == null ? 0 : lane.waiting.stream().mapToInt(w -> w.done().size()).sum();
    }

    /** True when no batch runs and no request waits. */
    public synchronized boolean idle() {
        return lanes.isEmpty();
    }

    /** Whether a batch running here holds the check run. */
    public synchronized boolean holds(long checkRunId) {
        return held.containsKey(checkRunId);
    }

    /** Called with the lock held. */
    private void schedule(PullRequestKey key) {
        try {
            workers.execute(() -> drain(key));
        } catch (RejectedExecutionException e) {
            Lane lane = lanes.remove(key);
            ReviewResult stopped = ReviewResult.of(ReviewResult.Status.FAILED, "the app is shutting down");
            lane.waiting.forEach(w -> finish(w, stopped));
        }
    }

    private void drain(PullRequestKey key) {
        List<Waiting> taken;
        synchronized (this) {
            Lane lane = lanes.get(key);
            taken = new ArrayList<>(lane.waiting);
            lane.waiting.clear();
        }
        LaneBatch batch = new LaneBatch(key, taken.stream().map(Waiting::request).toList());
        Outcome outcome;
        try {
            outcome = runner.run(batch);
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "%s: the batch failed", key);
            outcome = Outcome.done(ReviewResult.of(ReviewResult.Status.FAILED, "an internal error occurred"), null);
        }
        List<Waiting> toFinish = taken;
        synchronized (this) {
            batch.held.forEach(held::remove);
            Lane lane = lanes.get(key);
            if (outcome.superseded() && !stopping) {
                // the newer push waiting answers them all: its batch evaluates the newest head
                for (int i = taken.size() - 1; i >= 0; i--) {
                    Waiting w = taken.get(i);
                    Optional<Waiting> push = w.request().kind() != Kind.PULL_REQUEST ? Optional.empty()
                            : lane.waiting.stream().filter(x -> x.request().kind() == Kind.PULL_REQUEST).findFirst();
                    if (push.isPresent()) {
                        push.get().done().addAll(w.done());
                    } else {
                        lane.waiting.add(0, w);
                    }
                }
                toFinish = List.of();
            }
            if (lane.waiting.isEmpty()) {
                lanes.remove(key);
            } else {
                schedule(key);
            }
        }
        ReviewResult result = outcome.result() != null ? outcome.result()
                : ReviewResult.of(ReviewResult.Status.FAILED, "the app is shutting down");
        toFinish.forEach(w -> finish(w, result));
    }

    private static void finish(Waiting w, ReviewResult result) {
        w.done().forEach(f -> f.complete(result));
    }

    /** Stops with the grace of the settings (the app's shutdown). */
    void stop() {
        stop(grace);
    }

    /**
     * Stops taking requests, drops those that wait (they have no check run yet; GitHub can redeliver them), gives
     * the running batches {@code grace} to finish, then completes the check runs they still hold.
     */
    @Override
    public void stop(Duration grace) {
        List<Waiting> dropped = new ArrayList<>();
        synchronized (this) {
            stopping = true;
            lanes.values().forEach(l -> {
                dropped.addAll(l.waiting);
                l.waiting.clear();
            });
        }
        if (!dropped.isEmpty()) {
            LOG.warnf("shutting down: %d waiting requests dropped (deliveries %s)", dropped.size(),
                    dropped.stream().map(w -> w.request().deliveryId()).toList());
        }
        dropped.forEach(w -> finish(w, ReviewResult.of(ReviewResult.Status.FAILED, "the app stopped first")));
        boolean finished = LocalWorkQueue.finishWithin(workers, grace);
        if (finished) {
            return;
        }
        List<Runnable> hooks;
        synchronized (this) {
            // the runs stay held until their batches end: completed now, they must not look abandoned meanwhile
            hooks = new ArrayList<>(held.values());
        }
        LocalWorkQueue.completeHeldRuns(LOG, hooks, grace);
        workers.shutdownNow();
    }

    /** A batch of one lane; what it asks of the queue is answered under the queue's lock. */
    private final class LaneBatch implements Batch {

        private final PullRequestKey key;
        private final List<WorkRequest> requests;
        final List<Long> held = new ArrayList<>();

        LaneBatch(PullRequestKey key, List<WorkRequest> requests) {
            this.key = key;
            this.requests = requests;
        }

        @Override
        public PullRequestKey key() {
            return key;
        }

        @Override
        public List<WorkRequest> requests() {
            return requests;
        }

        @Override
        public Optional<String> newerHead(String head) {
            synchronized (InMemoryWorkQueue.this) {
                Lane lane = lanes.get(key);
                return lane == null ? Optional.empty()
                        : lane.waiting.stream().map(Waiting::request)
                                .filter(r -> r.kind() == Kind.PULL_REQUEST && r.headSha() != null
                                        && !r.headSha().equals(head))
                                .map(WorkRequest::headSha).reduce((a, b) -> b);
            }
        }

        @Override
        public void hold(long checkRunId, Runnable onShutdown) {
            synchronized (InMemoryWorkQueue.this) {
                held.add(checkRunId);
                InMemoryWorkQueue.this.held.put(checkRunId, onShutdown);
            }
        }

        @Override
        public boolean isHeld(long checkRunId) {
            return holds(checkRunId);
        }
    }
}
