package dev.mlreadiness.github.push;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

import dev.mlreadiness.github.push.CommitScan.Outcome;

/**
 * Scans of default branches, coalesced per repository: one scan of a repository at a time, and the pushes that
 * arrive meanwhile wait as one, the newest (by push time) winning; those who asked for an older commit get the
 * newer one's scan. At most {@link #MAX_REPOSITORIES} repositories wait: beyond, a push is refused (logged and
 * counted), the repository's next push is scanned. Pushes are kept in memory, also with the PostgreSQL queue: a
 * scan lost with its replica costs one commit's scores, never a check run (the next push scores the branch again).
 */
@ApplicationScoped
public class DefaultBranchScans {

    private static final Logger LOG = Logger.getLogger(DefaultBranchScans.class);
    /** Repositories with a scan waiting or running, at most. */
    static final int MAX_REPOSITORIES = 1000;

    /** Scans one pushed commit and keeps its scores: what a worker runs. */
    @FunctionalInterface
    public interface Scanner {
        CommitScan scan(PushedCommit push) throws IOException, SQLException;
    }

    private final Scanner scanner;
    private final MeterRegistry metrics;
    private final ExecutorService workers;
    private final Map<String, Lane> lanes = new HashMap<>();
    private boolean stopping;

    @Inject
    DefaultBranchScans(DefaultBranchScanner scanner, CommitScores scores, PushSettings settings,
            MeterRegistry metrics) {
        this(push -> {
            CommitScan scan = scanner.scan(push);
            if (scan.outcome() == Outcome.SCORED) {
                scores.save(push, scan.report().orElseThrow());
            }
            return scan;
        }, settings.workers(), metrics);
    }

    /** Scans of one's own (a test's): {@code workers} threads. */
    public DefaultBranchScans(Scanner scanner, int workers, MeterRegistry metrics) {
        this.scanner = scanner;
        this.metrics = metrics;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread t = new Thread(r, "ml-readiness-push-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A repository's scans: the push waiting (null when none) and whether a scan is scheduled or running. */
    private static final class Lane {
        Waiting waiting;
        boolean busy;
    }

    private record Waiting(PushedCommit push, List<CompletableFuture<CommitScan>> done) {
    }

    /** Queues a scan of the pushed commit; completes with the scan that covered it. */
    public CompletionStage<CommitScan> submit(PushedCommit push) {
        CompletableFuture<CommitScan> done = new CompletableFuture<>();
        synchronized (this) {
            if (stopping) {
                done.complete(CommitScan.of(Outcome.FAILED, push.commitSha(), "the app is shutting down"));
                return done;
            }
            Lane lane = lanes.get(push.repository());
            if (lane == null) {
                if (lanes.size() >= MAX_REPOSITORIES) {
                    LOG.warnf("%s: %d repositories already wait for a scan, push of %s not scanned",
                            push.repository(), MAX_REPOSITORIES, push.commitSha());
                    count(Outcome.REFUSED);
                    done.complete(CommitScan.of(Outcome.REFUSED, push.commitSha(), "too many scans are waiting"));
                    return done;
                }
                lane = new Lane();
                lanes.put(push.repository(), lane);
            }
            if (lane.waiting == null) {
                List<CompletableFuture<CommitScan>> waiters = new ArrayList<>();
                waiters.add(done);
                lane.waiting = new Waiting(push, waiters);
            } else {
                // one push waits per repository: the newest; the older one's askers get its scan
                lane.waiting.done().add(done);
                if (!push.pushedAt().isBefore(lane.waiting.push().pushedAt())) {
                    lane.waiting = new Waiting(push, lane.waiting.done());
                }
                count("coalesced");
            }
            if (!lane.busy) {
                lane.busy = true;
                schedule(push.repository());
            }
        }
        return done;
    }

    /** Called with the lock held. */
    private void schedule(String repository) {
        try {
            workers.execute(() -> drain(repository));
        } catch (RejectedExecutionException e) {
            Lane lane = lanes.remove(repository);
            finish(lane.waiting, CommitScan.of(Outcome.FAILED, lane.waiting.push().commitSha(),
                    "the app is shutting down"));
        }
    }

    private void drain(String repository) {
        Waiting taken;
        synchronized (this) {
            Lane lane = lanes.get(repository);
            taken = lane.waiting;
            lane.waiting = null;
        }
        CommitScan scan = CommitScan.of(Outcome.FAILED, taken.push().commitSha(), "an internal error occurred");
        try {
            scan = run(taken.push());
        } finally {
            // whatever happened, the lane moves on: a repository must not stay busy for good
            synchronized (this) {
                Lane lane = lanes.get(repository);
                if (lane.waiting == null) {
                    lanes.remove(repository);
                } else {
                    schedule(repository);
                }
            }
            finish(taken, scan);
        }
    }

    private CommitScan run(PushedCommit push) {
        CommitScan scan;
        try {
            scan = scanner.scan(push);
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.errorf("%s@%s: the default branch could not be scanned (delivery %s): %s", push.repository(),
                    push.commitSha(), push.deliveryId(), e.toString());
            scan = CommitScan.of(Outcome.FAILED, push.commitSha(), String.valueOf(e.getMessage()));
        }
        if (scan.outcome() == Outcome.SILENT) {
            LOG.debugf("%s@%s: silent, %s", push.repository(), push.commitSha(), scan.detail());
        } else if (scan.outcome() == Outcome.INVALID_CONFIG) {
            LOG.infof("%s@%s: not scanned, invalid config: %s", push.repository(), push.commitSha(), scan.detail());
        }
        count(scan.outcome());
        return scan;
    }

    private static void finish(Waiting w, CommitScan scan) {
        w.done().forEach(f -> f.complete(scan));
    }

    private void count(Outcome outcome) {
        count(outcome.name().toLowerCase(java.util.Locale.ROOT));
    }

    private void count(String outcome) {
        metrics.counter("mlreadiness.push.scans", "outcome", outcome).increment();
    }

    /** True when no scan runs or waits. */
    public synchronized boolean idle() {
        return lanes.isEmpty();
    }

    /** Stops taking pushes; those waiting are dropped (no check run waits on them), running scans are interrupted. */
    @PreDestroy
    public void stop() {
        List<Waiting> dropped = new ArrayList<>();
        synchronized (this) {
            stopping = true;
            lanes.values().forEach(l -> {
                if (l.waiting != null) {
                    dropped.add(l.waiting);
                    l.waiting = null;
                }
            });
        }
        dropped.forEach(w -> finish(w, CommitScan.of(Outcome.FAILED, w.push().commitSha(), "the app stopped first")));
        workers.shutdownNow();
    }
}
