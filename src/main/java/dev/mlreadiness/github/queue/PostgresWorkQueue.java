package dev.mlreadiness.github.queue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

import dev.mlreadiness.github.IgnoreDecision;
import dev.mlreadiness.github.ReviewResult;
import dev.mlreadiness.github.queue.Batch.AbandonedRun;
import dev.mlreadiness.github.queue.BatchRunner.Outcome;
import dev.mlreadiness.github.queue.WorkRequest.Kind;

/**
 * The work queue kept in PostgreSQL, shared by every replica: a request is a row before {@link #submit} returns;
 * one job per pull request, which a new {@code pull_request} event updates; workers claim due jobs with
 * {@code SELECT … FOR UPDATE SKIP LOCKED} and hold them by a lease that a heartbeat renews, so a pull request is
 * evaluated by one worker of one replica at a time, and a job whose replica died is taken over once its lease
 * expired (the batch then names the check run the dead owner left in progress). A batch that fails is retried with
 * a growing backoff, then parked with its error. What a batch covers, how pushes fold into the newest, and when a
 * batch is superseded are as in {@link InMemoryWorkQueue}.
 *
 * <p>
 * Who waits for a result gets it from the replica that ran the batch: at once when it ran here, else from the
 * {@code delivery} row, without the report (a report is not stored).
 */
public class PostgresWorkQueue implements LocalWorkQueue {

    private static final Logger LOG = Logger.getLogger(PostgresWorkQueue.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<IgnoreDecision>> DECISIONS = new TypeReference<>() {
    };

    /** The queue's settings, as plain values (a test builds its own). */
    public record Settings(int workers, Duration grace, Duration lease, Duration poll, int maxAttempts,
            Duration backoff, Duration maxBackoff, Duration retention) {

        public static Settings of(QueueSettings s) {
            return new Settings(s.workers(), s.shutdownGrace(), s.lease(), s.poll(), s.maxAttempts(),
                    s.retryBackoff(), s.maxRetryBackoff(), s.deliveryRetention());
        }
    }

    private final DataSource ds;
    private final BatchRunner runner;
    private final Settings settings;
    private final String owner;
    private final MeterRegistry metrics;
    private final ExecutorService workers;
    private final Semaphore free;
    private final ScheduledExecutorService poller;
    private final ScheduledExecutorService heartbeat;
    /** Completes the runs left in progress on jobs given up, off the poller: GitHub may take long to answer. */
    private final ExecutorService closer;
    /** Whether a round of {@link #completeAbandonedRuns} runs: one at a time. */
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
    /** Runs left in progress whose completion failed here: not tried again before their time. */
    private final Map<Long, Retry> closeLater = new ConcurrentHashMap<>();
    /** Who waits here, by request id; with the request's delivery key, where another replica records its end. */
    private final Map<Long, Waiter> waiters = new HashMap<>();
    /** Check runs that batches running here hold, with what completes each on shutdown. */
    private final Map<Long, Runnable> held = new HashMap<>();
    /** Jobs running here: id to claim token. */
    private final Map<Long, String> running = new ConcurrentHashMap<>();
    /** Claim tokens of batches running here whose job another replica took over (the heartbeat found them). */
    private final java.util.Set<String> lost = ConcurrentHashMap.newKeySet();
    private volatile boolean started;
    private volatile boolean stopping;
    private volatile long lastCleanup;
    private volatile long lastClose;
    private final AbandonedRuns abandoned;

    public PostgresWorkQueue(DataSource ds, BatchRunner runner, Settings settings, String owner,
            MeterRegistry metrics) {
        this(ds, runner, settings, owner, metrics, null);
    }

    /** @param abandoned completes the runs of jobs given up (parked, idle); null leaves them to the next event */
    public PostgresWorkQueue(DataSource ds, BatchRunner runner, Settings settings, String owner,
            MeterRegistry metrics, AbandonedRuns abandoned) {
        this.abandoned = abandoned;
        this.ds = ds;
        this.runner = runner;
        this.settings = settings;
        this.owner = owner;
        this.metrics = metrics;
        this.free = new Semaphore(settings.workers());
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.workers(), r -> daemon(r,
                "ml-readiness-worker-" + n.incrementAndGet()));
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ml-readiness-queue-poll"));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ml-readiness-queue-lease"));
        this.closer = Executors.newSingleThreadExecutor(r -> daemon(r, "ml-readiness-queue-close"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Starts looking for due jobs and renewing the leases of those running here. */
    public PostgresWorkQueue start() {
        started = true;
        poller.scheduleWithFixedDelay(this::poll, 0, settings.poll().toMillis(), TimeUnit.MILLISECONDS);
        long beat = Math.max(1, settings.lease().toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::renewLeases, beat, beat, TimeUnit.MILLISECONDS);
        return this;
    }

    /** The key under which a request's delivery is recorded; as {@code ReviewRequests} claims it. */
    public static String deliveryKey(WorkRequest request) {
        return request.deliveryId() + "/" + request.key();
    }

    @Override
    public CompletionStage<ReviewResult> submit(WorkRequest request) {
        CompletableFuture<ReviewResult> done = new CompletableFuture<>();
        if (stopping) {
            done.complete(ReviewResult.of(ReviewResult.Status.FAILED, "the app is shutting down"));
            return done;
        }
        String key = deliveryKey(request);
        long id;
        try {
            id = record(request, key, false);
        } catch (SQLException | RuntimeException e) {
            LOG.errorf("%s: delivery %s could not be queued: %s", request.key(), request.deliveryId(),
                    e.getMessage());
            done.complete(ReviewResult.of(ReviewResult.Status.FAILED, "the work queue is unavailable"));
            return done;
        }
        if (id == REFUSED) {
            done.complete(ReviewResult.of(ReviewResult.Status.FAILED, "too many requests are waiting"));
            return done;
        }
        // a worker that settled the request before this line left its result in the delivery's row: the next poll
        // answers from there
        synchronized (this) {
            waiters.put(id, new Waiter(key, done));
        }
        wake();
        return done;
    }

    /**
     * Records the delivery and its request in one transaction and returns once it is committed, nobody waiting for
     * it here: for deliveries recorded before the app answers them. False when the delivery is queued or was
     * processed already (a redelivery, skipped). Throws when it could not be recorded; then nothing of it is
     * stored (the delivery must fail, so that GitHub shows it failed and it can be redelivered).
     */
    public boolean recordOnly(WorkRequest request) throws SQLException {
        if (record(request, deliveryKey(request), true) < 0) { // processed already, or refused (the handler says so)
            return false;
        }
        wake();
        return true;
    }

    private record Waiter(String deliveryKey, CompletableFuture<ReviewResult> done) {
    }

    /** What {@link #record} answers when the pull request has {@link InMemoryWorkQueue#MAX_WAITING} waiting. */
    private static final long REFUSED = -2;

    /**
     * One transaction: the delivery when {@code claimDelivery} (-1, nothing written, when it is queued or was
     * processed already), the job (created, or updated with the newer head and made due) and the request. A push
     * folds the pushes waiting before it (not those of the running batch) into itself at once, so a pull request
     * holds at most one waiting push; beyond {@link InMemoryWorkQueue#MAX_WAITING} waiting requests (commands of a
     * runaway bot, not people) a command or re-run is refused; a push never is ({@link #REFUSED}, nothing written), as
     * in
     * memory.
     */
    private long record(WorkRequest r, String key, boolean claimDelivery) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (claimDelivery && !PostgresDeliveries.claim(c, key)) {
                    c.rollback();
                    return -1;
                }
                long job;
                try (PreparedStatement s = c.prepareStatement("""
                        insert into work_job (repository, number, installation_id, head_sha, state, due_at)
                        values (?, ?, ?, ?, 'queued', now())
                        on conflict (repository, number) do update set
                          installation_id = excluded.installation_id,
                          head_sha = coalesce(excluded.head_sha, work_job.head_sha),
                          state = case when work_job.state = 'running' then 'running' else 'queued' end,
                          due_at = case when work_job.state = 'running' then work_job.due_at else now() end,
                          attempts = case when work_job.state in ('idle', 'parked') then 0 else work_job.attempts end,
                          updated_at = now()
                        returning id""")) {
                    s.setString(1, r.key().repository());
                    s.setInt(2, r.key().number());
                    s.setLong(3, r.installationId());
                    s.setString(4, r.kind() == Kind.PULL_REQUEST ? r.headSha() : null);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        job = rs.getLong(1);
                    }
                }
                // the job's row is locked until commit: requests for one pull request are recorded one at a time
                if (full(c, job, r.kind() == Kind.PULL_REQUEST)) {
                    c.rollback();
                    LOG.warnf("%s: %d requests already waiting, delivery %s refused", r.key(),
                            InMemoryWorkQueue.MAX_WAITING, r.deliveryId());
                    return REFUSED;
                }
                long id;
                try (PreparedStatement s = c.prepareStatement("""
                        insert into work_request (job_id, delivery_key, installation_id, delivery_id, kind, head_sha,
                          event, payload, decisions) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
                    s.setLong(1, job);
                    s.setString(2, key);
                    s.setLong(3, r.installationId());
                    s.setString(4, r.deliveryId());
                    s.setString(5, r.kind().name());
                    s.setString(6, r.headSha());
                    s.setString(7, r.event());
                    s.setString(8, r.payload());
                    s.setString(9, JSON.writeValueAsString(r.decisions()));
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                if (r.kind() == Kind.PULL_REQUEST) {
                    foldWaitingPushes(c, job, id);
                }
                c.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } catch (JsonProcessingException e) {
                c.rollback();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The waiting requests of the job, the running batch's aside, that a new request would count among. */
    private static final String WAITING = """
            from work_request r join work_job j on j.id = r.job_id
            where r.job_id = ? and r.folded_into is null
              and r.id > case when j.state = 'running' then j.claimed_upto else 0 end""";

    /**
     * Whether the job holds the most requests that may wait and the new one is not a push: a push (a newer head) is
     * never refused, it replaces at most one waiting push, so at most MAX_WAITING + 1 requests wait.
     */
    private static boolean full(Connection c, long job, boolean push) throws SQLException {
        if (push) {
            return false;
        }
        try (PreparedStatement s = c.prepareStatement("select count(*) " + WAITING)) {
            s.setLong(1, job);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) >= InMemoryWorkQueue.MAX_WAITING;
            }
        }
    }

    /**
     * The waiting pushes before {@code newest} are answered by its evaluation: marked folded into it, their payloads
     * dropped (they are never read again), so a burst of pushes stores one payload.
     */
    private static void foldWaitingPushes(Connection c, long job, long newest) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update work_request set folded_into = ?, payload = ''"
                + " where id in (select r.id " + WAITING + " and r.kind = 'PULL_REQUEST' and r.id < ?)")) {
            s.setLong(1, newest);
            s.setLong(2, job);
            s.setLong(3, newest);
            s.executeUpdate();
        }
    }

    private void wake() {
        if (!started) {
            return; // a queue that only records (a test's): the workers of other replicas claim
        }
        try {
            poller.execute(this::poll);
        } catch (RejectedExecutionException stopped) {
            // shutting down
        }
    }

    /** Claims due jobs while workers are free, and answers those waiting here for jobs other replicas ran. */
    private void poll() {
        try {
            while (!stopping && free.tryAcquire()) {
                Claimed claimed;
                try {
                    claimed = claim();
                } catch (SQLException | RuntimeException e) {
                    free.release(); // the slot must come back, or the replica never evaluates again
                    throw e;
                }
                if (claimed == null) {
                    free.release();
                    break;
                }
                try {
                    workers.execute(() -> {
                        try {
                            run(claimed);
                        } finally {
                            free.release();
                            wake();
                        }
                    });
                } catch (RejectedExecutionException e) {
                    free.release();
                    release(claimed);
                }
            }
            answerFromOtherReplicas();
            cleanUp();
            closeAbandonedRunsAside();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("work queue: polling failed, trying again: %s", e.getMessage());
        }
    }

    /** A claimed job: its batch, the token that proves the claim, and the run a dead owner left in progress. */
    private record Claimed(long job, PullRequestKey key, String token, long upto, int attempts,
            List<WorkRequest> requests, Optional<AbandonedRun> abandonedRun) {
    }

    /**
     * Claims one due job, or one whose lease expired; null when there is none. A job whose stored requests cannot
     * be read is parked with the error (else it would come first at every poll and block every other job).
     */
    private Claimed claim() throws SQLException {
        while (true) {
            Unreadable unreadable;
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try {
                    Claimed claimed = claim(c);
                    c.commit();
                    return claimed;
                } catch (Unreadable e) {
                    c.rollback();
                    unreadable = e;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
            park(unreadable);
        }
    }

    /** A job whose stored requests cannot be read. */
    private static final class Unreadable extends RuntimeException {
        final long job;
        final PullRequestKey key;

        Unreadable(long job, PullRequestKey key, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.job = job;
            this.key = key;
        }
    }

    /** Parks a job that cannot be read, in a transaction of its own. */
    private void park(Unreadable e) throws SQLException {
        LOG.errorf(e, "%s: its stored requests cannot be read, the job is parked", e.key);
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        update work_job set state = 'parked', last_error = ?, owner = null, token = null,
                          lease_until = null, check_run_id = null, updated_at = now() where id = ?""")) {
            s.setString(1, "unreadable stored request: " + e.getMessage());
            s.setLong(2, e.job);
            s.executeUpdate();
        }
        metrics.counter("mlreadiness.queue.parked").increment();
    }

    private Claimed claim(Connection c) throws SQLException {
        while (true) {
            long job;
            PullRequestKey key;
            int attempts;
            Optional<AbandonedRun> abandoned = Optional.empty();
            try (PreparedStatement s = c.prepareStatement("""
                    select id, repository, number, state, attempts, check_run_id, owner, check_run_head, claimed_upto,
                      abandoned_run_id, abandoned_run_head
                    from work_job
                    where (state = 'queued' and due_at <= now()) or (state = 'running' and lease_until < now())
                    order by due_at limit 1 for update skip locked""");
                    ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                job = rs.getLong(1);
                key = new PullRequestKey(rs.getString(2), rs.getInt(3));
                attempts = rs.getInt(5);
                if ("running".equals(rs.getString(4))) {
                    long run = rs.getLong(6);
                    if (!rs.wasNull()) {
                        abandoned = Optional.of(new AbandonedRun(run, rs.getString(8)));
                    }
                    LOG.warnf("%s: the lease of %s expired, this replica takes the job over", key, rs.getString(7));
                    metrics.counter("mlreadiness.queue.takeovers").increment();
                    // the batch the dead replica ran counts as an attempt: a pull request that kills the JVM at
                    // every evaluation is parked like one that fails
                    attempts++;
                    if (attempts >= settings.maxAttempts()) {
                        parkAfterDeaths(c, job, key, rs.getLong(9));
                        continue;
                    }
                }
                long left = rs.getLong(10);
                if (abandoned.isEmpty() && !rs.wasNull()) {
                    // left by an earlier takeover whose batch failed before completing it: this batch tries again
                    abandoned = Optional.of(new AbandonedRun(left, rs.getString(11)));
                }
            }
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    select id, installation_id, delivery_id, kind, head_sha, event, payload, decisions,
                      folded_into is not null
                    from work_request where job_id = ? order by id""")) {
                s.setLong(1, job);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        try {
                            rows.add(new Row(rs.getLong(1), new WorkRequest(rs.getLong(2), key,
                                    Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(3),
                                    rs.getString(6), rs.getString(7), decisions(rs.getString(8))),
                                    rs.getBoolean(9)));
                        } catch (RuntimeException e) {
                            throw new Unreadable(job, key, e);
                        }
                    }
                }
            }
            if (rows.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("""
                        update work_job set state = 'idle', owner = null, token = null, lease_until = null,
                          check_run_id = null, updated_at = now() where id = ?""")) {
                    s.setLong(1, job);
                    s.executeUpdate();
                }
                continue;
            }
            List<WorkRequest> batch = fold(c, job, rows);
            long upto = rows.get(rows.size() - 1).id();
            String token = UUID.randomUUID().toString();
            try (PreparedStatement s = c.prepareStatement("""
                    update work_job set state = 'running', owner = ?, token = ?,
                      lease_until = now() + make_interval(secs => ?), claimed_upto = ?, check_run_id = null,
                      attempts = ?, abandoned_run_id = ?, abandoned_run_head = ?, updated_at = now() where id = ?""")) {
                s.setString(1, owner);
                s.setString(2, token);
                s.setDouble(3, settings.lease().toMillis() / 1000.0);
                s.setLong(4, upto);
                s.setInt(5, attempts);
                // kept until a batch ends without failing (it completed the run) or the queue completes it
                s.setObject(6, abandoned.map(AbandonedRun::id).orElse(null), java.sql.Types.BIGINT);
                s.setString(7, abandoned.map(AbandonedRun::headSha).orElse(null));
                s.setLong(8, job);
                s.executeUpdate();
            }
            running.put(job, token);
            return new Claimed(job, key, token, upto, attempts, batch, abandoned);
        }
    }

    /** A stored request; a folded push only keeps its place in the order (its payload is dropped). */
    private record Row(long id, WorkRequest request, boolean folded) {
    }

    static final String DIED = "replica died during evaluation";

    /**
     * Parks a job whose replicas died during its batch as often as a failing job is tried: the batch's requests are
     * settled as failed (those waiting anywhere are answered from their delivery rows); requests that came after it
     * keep the job queued, with its attempts counted anew.
     */
    private void parkAfterDeaths(Connection c, long job, PullRequestKey key, long upto) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "delete from work_request where job_id = ? and id <= ? returning delivery_key")) {
            s.setLong(1, job);
            s.setLong(2, upto);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("""
                insert into delivery (delivery_key, state, status, detail)
                select distinct unnest(?::text[]), 'failed', 'FAILED', ?
                on conflict (delivery_key) do update set state = excluded.state, status = excluded.status,
                  detail = excluded.detail, updated_at = now()""")) {
            s.setArray(1, c.createArrayOf("text", keys.toArray()));
            s.setString(2, DIED);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("""
                update work_job set state = case when exists (select 1 from work_request where job_id = ?)
                  then 'queued' else 'parked' end, due_at = now(), attempts = 0, last_error = ?, owner = null,
                  token = null, lease_until = null,
                  abandoned_run_id = coalesce(check_run_id, abandoned_run_id),
                  abandoned_run_head = case when check_run_id is null then abandoned_run_head else check_run_head end,
                  check_run_id = null, updated_at = now() where id = ?""")) {
            s.setLong(1, job);
            s.setString(2, DIED);
            s.setLong(3, job);
            s.executeUpdate();
        }
        LOG.errorf("%s: parked, its replica died during %d evaluations", key, settings.maxAttempts());
        metrics.counter("mlreadiness.queue.parked").increment();
    }

    /**
     * The batch in arrival order, with the newest push in place of the first and the other pushes folded into it:
     * only the newest head counts, and those who asked for older ones get its result.
     */
    private static List<WorkRequest> fold(Connection c, long job, List<Row> rows) throws SQLException {
        Row newest = null;
        for (Row r : rows) {
            if (r.request().kind() == Kind.PULL_REQUEST && !r.folded()) {
                newest = r;
            }
        }
        List<WorkRequest> batch = new ArrayList<>();
        boolean pushPlaced = false;
        for (Row r : rows) {
            if (r.request().kind() != Kind.PULL_REQUEST) {
                batch.add(r.request());
            } else if (!pushPlaced && newest != null) {
                batch.add(newest.request());
                pushPlaced = true;
            }
        }
        if (newest != null) {
            try (PreparedStatement s = c.prepareStatement("""
                    update work_request set folded_into = ? where job_id = ? and kind = 'PULL_REQUEST'
                      and folded_into is null and id < ?""")) {
                s.setLong(1, newest.id());
                s.setLong(2, job);
                s.setLong(3, newest.id());
                s.executeUpdate();
            }
        }
        return batch;
    }

    private static List<IgnoreDecision> decisions(String json) {
        try {
            return JSON.readValue(json, DECISIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored request has unreadable ignore decisions", e);
        }
    }

    private void run(Claimed claimed) {
        DbBatch batch = new DbBatch(claimed);
        Outcome outcome;
        try {
            outcome = runner.run(batch);
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "%s: the batch failed", claimed.key());
            outcome = Outcome.done(ReviewResult.of(ReviewResult.Status.FAILED, "an internal error occurred"), null);
        }
        try {
            finish(claimed, outcome, batch.abandonedCompleted);
        } catch (SQLException | RuntimeException e) {
            LOG.errorf("%s: the end of the batch could not be recorded, the job runs again when its lease expires: %s",
                    claimed.key(), e.getMessage());
        } finally {
            running.remove(claimed.job());
            lost.remove(claimed.token());
            synchronized (this) {
                batch.held.forEach(held::remove);
            }
        }
    }

    /** @param abandonedCompleted whether the batch completed the run a dead replica left (its claim's) */
    private void finish(Claimed claimed, Outcome outcome, boolean abandonedCompleted) throws SQLException {
        ReviewResult result = outcome.result() != null ? outcome.result()
                : ReviewResult.of(ReviewResult.Status.FAILED, "the app is shutting down");
        boolean failed = result.status() == ReviewResult.Status.FAILED;
        if (outcome.superseded() || failed && stopping) {
            // the newer push waits in the job (or another replica finishes it): the job is due again
            release(claimed);
            return;
        }
        List<Long> settled = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!stillOwned(c, claimed)) {
                    c.rollback();
                    return;
                }
                int attempts = claimed.attempts() + 1;
                if (failed && attempts < settings.maxAttempts()) {
                    Duration wait = backoff(attempts);
                    LOG.warnf("%s: attempt %d of %d failed (%s), retried in %s", claimed.key(), attempts,
                            settings.maxAttempts(), result.detail(), wait);
                    try (PreparedStatement s = c.prepareStatement("""
                            update work_job set state = 'queued', due_at = now() + make_interval(secs => ?),
                              attempts = ?, last_error = ?, owner = null, token = null, lease_until = null,
                              check_run_id = null, updated_at = now() where id = ?""")) {
                        s.setDouble(1, wait.toMillis() / 1000.0);
                        s.setInt(2, attempts);
                        s.setString(3, result.detail());
                        s.setLong(4, claimed.job());
                        s.executeUpdate();
                    }
                    c.commit();
                    metrics.counter("mlreadiness.queue.retries").increment();
                    return;
                }
                try (PreparedStatement s = c.prepareStatement(
                        "delete from work_request where job_id = ? and id <= ? returning id, delivery_key")) {
                    s.setLong(1, claimed.job());
                    s.setLong(2, claimed.upto());
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            settled.add(rs.getLong(1));
                            keys.add(rs.getString(2));
                        }
                    }
                }
                try (PreparedStatement s = c.prepareStatement("""
                        insert into delivery (delivery_key, state, status, detail, head_sha)
                        select distinct unnest(?::text[]), ?, ?, ?, ?
                        on conflict (delivery_key) do update set state = excluded.state, status = excluded.status,
                          detail = excluded.detail, head_sha = excluded.head_sha, updated_at = now()""")) {
                    s.setArray(1, c.createArrayOf("text", keys.toArray()));
                    s.setString(2, failed ? "failed" : "done");
                    s.setString(3, result.status().name());
                    s.setString(4, result.detail());
                    s.setString(5, result.headSha());
                    s.executeUpdate();
                }
                boolean more;
                try (PreparedStatement s = c.prepareStatement(
                        "select exists (select 1 from work_request where job_id = ?)")) {
                    s.setLong(1, claimed.job());
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        more = rs.getBoolean(1);
                    }
                }
                String state = more ? "queued" : failed ? "parked" : "idle";
                // the run a dead replica left is forgotten only once the batch completed it; else the queue (once
                // the job is idle or parked) or the next batch does
                boolean keep = failed || !abandonedCompleted;
                try (PreparedStatement s = c.prepareStatement("""
                        update work_job set state = ?, due_at = now(), attempts = 0, last_error = ?, owner = null,
                          token = null, lease_until = null, check_run_id = null,
                          abandoned_run_id = case when ? then abandoned_run_id end,
                          abandoned_run_head = case when ? then abandoned_run_head end,
                          updated_at = now() where id = ?""")) {
                    s.setString(1, state);
                    s.setString(2, failed ? result.detail() : null);
                    s.setBoolean(3, keep);
                    s.setBoolean(4, keep);
                    s.setLong(5, claimed.job());
                    s.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        if (failed) {
            LOG.errorf("%s: parked after %d failed attempts: %s", claimed.key(), settings.maxAttempts(),
                    result.detail());
            metrics.counter("mlreadiness.queue.parked").increment();
        }
        complete(settled, result);
    }

    /** The wait before retry {@code attempts}: the backoff, doubled at each failure, at most the maximum. */
    Duration backoff(int attempts) {
        Duration wait = settings.backoff();
        for (int i = 1; i < attempts && wait.compareTo(settings.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }

    /** Locks the job's row if this claim still owns it: a claim whose lease was taken over must write nothing. */
    private boolean stillOwned(Connection c, Claimed claimed) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select 1 from work_job where id = ? and token = ? for update")) {
            s.setLong(1, claimed.job());
            s.setString(2, claimed.token());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        LOG.warnf("%s: the job was taken over by another replica while it ran here, its end is not recorded",
                claimed.key());
        return false;
    }

    /** Gives the job back, due now: its requests wait for the next claim, here or on another replica. */
    private void release(Claimed claimed) {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    update work_job set state = 'queued', due_at = now(), owner = null, token = null,
                      lease_until = null, check_run_id = null, updated_at = now() where id = ? and token = ?""")) {
                s.setLong(1, claimed.job());
                s.setString(2, claimed.token());
                s.executeUpdate();
            }
        } catch (SQLException e) {
            LOG.warnf("%s: the job could not be given back, it is taken over when its lease expires: %s",
                    claimed.key(), e.getMessage());
        }
    }

    private void complete(List<Long> requests, ReviewResult result) {
        List<CompletableFuture<ReviewResult>> done = new ArrayList<>();
        synchronized (this) {
            for (long id : requests) {
                Waiter w = waiters.remove(id);
                if (w != null) {
                    done.add(w.done());
                }
            }
        }
        done.forEach(f -> f.complete(result));
    }

    /** What a poll does for those waiting here (a test's queue that does not poll). */
    void answerWaiters() throws SQLException {
        answerFromOtherReplicas();
    }

    /** Those waiting here for deliveries another replica settled get the stored result (without a report). */
    private void answerFromOtherReplicas() throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        synchronized (this) {
            if (waiters.isEmpty()) {
                return;
            }
            waiters.forEach((id, w) -> {
                ids.add(id);
                keys.add(w.deliveryKey());
            });
        }
        // a request that is gone was settled, in the same transaction as its delivery's row
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement(
                        """
                        select w.id, d.status, d.detail, d.head_sha
                        from unnest(?::bigint[], ?::text[]) as w (id, delivery_key)
                        join delivery d on d.delivery_key = w.delivery_key
                        where d.status is not null and not exists (select 1 from work_request r where r.id = w.id)""")) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            s.setArray(2, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ReviewResult stored = new ReviewResult(ReviewResult.Status.valueOf(rs.getString(2)),
                            rs.getString(3) == null ? "" : rs.getString(3), Optional.empty(), Map.of(),
                            rs.getString(4) == null ? "" : rs.getString(4));
                    complete(List.of(rs.getLong(1)), stored);
                }
            }
        }
    }

    static final String GIVEN_UP = "the app stopped or failed during this evaluation, and gave it up";

    /** How long a run whose completion failed waits before it is tried again here: doubled at each failure. */
    static final Duration CLOSE_RETRY = Duration.ofMinutes(1);
    static final Duration MAX_CLOSE_RETRY = Duration.ofHours(1);

    /** When a run whose completion failed {@code failures} times may be tried again. */
    private record Retry(int failures, long at) {
    }

    /** The wait after the {@code failures}-th failed completion of a run left in progress. */
    static Duration closeRetry(int failures) {
        Duration wait = CLOSE_RETRY.multipliedBy(1L << Math.min(failures - 1, 10));
        return wait.compareTo(MAX_CLOSE_RETRY) > 0 ? MAX_CLOSE_RETRY : wait;
    }

    /**
     * Now and then (every ten polls, at least a second apart), on a thread of its own so that polling never waits
     * for GitHub: a round of {@link #completeAbandonedRuns}, unless one still runs.
     */
    private void closeAbandonedRunsAside() {
        long now = System.currentTimeMillis();
        if (abandoned == null || now - lastClose < Math.max(1000, settings.poll().toMillis() * 10)
                || !closing.compareAndSet(false, true)) {
            return;
        }
        lastClose = now;
        try {
            closer.execute(() -> {
                try {
                    completeAbandonedRuns();
                } catch (SQLException | RuntimeException e) {
                    LOG.warnf("work queue: runs left in progress could not be looked up, trying again: %s",
                            e.getMessage());
                } finally {
                    closing.set(false);
                }
            });
        } catch (RejectedExecutionException stopped) {
            closing.set(false);
        }
    }

    /**
     * The check runs left in progress on jobs that no batch will run (parked, idle) are completed, at most 20 a
     * round; one that cannot be completed now is tried again here after {@link #CLOSE_RETRY}, doubled at each
     * failure up to {@link #MAX_CLOSE_RETRY}, so that runs GitHub keeps refusing neither hold up the others nor
     * cost requests at every round. An idle job is forgotten after the retention, with its run: the end of the
     * tries.
     */
    private void completeAbandonedRuns() throws SQLException {
        long now = System.currentTimeMillis();
        closeLater.values().removeIf(r -> r.at() < now - MAX_CLOSE_RETRY.toMillis()); // jobs gone meanwhile
        List<Long> waiting = closeLater.entrySet().stream().filter(e -> e.getValue().at() > now)
                .map(Map.Entry::getKey).toList();
        record Left(long job, long installation, String repository, long run, String head, String error) {
        }
        List<Left> left = new ArrayList<>();
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        select id, installation_id, repository, abandoned_run_id, abandoned_run_head, last_error
                        from work_job
                        where abandoned_run_id is not null and state in ('parked', 'idle')
                          and not abandoned_run_id = any(?) order by id limit 20""")) {
            s.setArray(1, c.createArrayOf("bigint", waiting.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    left.add(new Left(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        }
        for (Left l : left) {
            if (stopping) {
                return;
            }
            try {
                if (l.head() != null) {
                    abandoned.complete(l.installation(), l.repository(), l.run(), l.head(),
                            l.error() == null ? GIVEN_UP : GIVEN_UP + ": " + l.error());
                }
            } catch (IOException | RuntimeException e) {
                Retry last = closeLater.get(l.run());
                int failures = last == null ? 1 : last.failures() + 1;
                Duration wait = closeRetry(failures);
                closeLater.put(l.run(), new Retry(failures, System.currentTimeMillis() + wait.toMillis()));
                LOG.warnf("%s: check run %d left in progress could not be completed, tried again in %s: %s",
                        l.repository(), l.run(), wait, e.getMessage());
                continue;
            }
            closeLater.remove(l.run());
            try (Connection c = ds.getConnection();
                    PreparedStatement s = c.prepareStatement("""
                            update work_job set abandoned_run_id = null, abandoned_run_head = null
                            where id = ? and abandoned_run_id = ?""")) {
                s.setLong(1, l.job());
                s.setLong(2, l.run());
                s.executeUpdate();
            }
        }
    }

    /** Now and then: forgets processed deliveries past the retention, and idle jobs with them. */
    private void cleanUp() throws SQLException {
        long now = System.currentTimeMillis();
        if (now - lastCleanup < Duration.ofMinutes(10).toMillis()) {
            return;
        }
        lastCleanup = now;
        try (Connection c = ds.getConnection()) {
            for (String sql : new String[] {
                    "delete from delivery where state <> 'queued' and updated_at < now() - make_interval(secs => ?)",
                    "delete from work_job where state = 'idle' and updated_at < now() - make_interval(secs => ?)" }) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setDouble(1, settings.retention().toSeconds());
                    s.executeUpdate();
                }
            }
            // a delivery marked queued whose request was never recorded (its recording failed, and so did marking
            // it failed): forgotten, so that its redelivery is processed
            try (PreparedStatement s = c.prepareStatement("""
                    delete from delivery d where state = 'queued' and updated_at < now() - interval '10 minutes'
                      and not exists (select 1 from work_request r where r.delivery_key = d.delivery_key)""")) {
                s.executeUpdate();
            }
        }
    }

    private void renewLeases() {
        if (running.isEmpty()) {
            return;
        }
        List<String> tokens = new ArrayList<>(running.values());
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        update work_job set lease_until = now() + make_interval(secs => ?)
                        where token = any(?) and state = 'running' returning token""")) {
            s.setDouble(1, settings.lease().toMillis() / 1000.0);
            s.setArray(2, c.createArrayOf("text", tokens.toArray()));
            java.util.Set<String> renewed = new java.util.HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    renewed.add(rs.getString(1));
                }
            }
            for (String token : tokens) {
                if (!renewed.contains(token) && running.containsValue(token) && lost.add(token)) {
                    LOG.warnf("work queue: a lease of this replica was lost (another replica took its job over),"
                            + " its batch publishes nothing");
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("work queue: the leases could not be renewed: %s", e.getMessage());
        }
    }

    /** The requests waiting for {@code key} (across replicas), the running batch aside. */
    @Override
    public int waiting(PullRequestKey key) {
        return count("""
                select count(*) from work_request r join work_job j on j.id = r.job_id
                where j.repository = ? and j.number = ?
                  and r.id > case when j.state = 'running' then j.claimed_upto else 0 end""", key);
    }

    /** True when no job is due or running on any replica (a parked job aside). */
    public boolean idle() {
        return count("select count(*) from work_job where state in ('queued', 'running')", null) == 0;
    }

    /** Parked jobs: failed too often, with their error. */
    public int parked() {
        return count("select count(*) from work_job where state = 'parked'", null);
    }

    private int count(String sql, PullRequestKey key) {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (key != null) {
                s.setString(1, key.repository());
                s.setInt(2, key.number());
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a batch running here holds the check run. */
    public synchronized boolean holds(long checkRunId) {
        return held.containsKey(checkRunId);
    }

    /**
     * Stops claiming, gives the running batches {@code grace} to finish, completes the check runs they still hold,
     * and gives their jobs back. What waits stays queued for the other replicas (or this one's next start); those
     * waiting here are told the app stopped.
     */
    @Override
    public void stop(Duration grace) {
        stopping = true;
        poller.shutdownNow();
        // A poll in the middle of a query does not answer the interrupt: wait for it, so that no claim (or
        // completion of abandoned runs) happens after stop returns.
        awaitQuietly(poller, grace);
        closer.shutdownNow(); // a round of completions stops at its next run; GitHub's answer is not waited for long
        awaitQuietly(closer, grace);
        boolean finished = LocalWorkQueue.finishWithin(workers, grace);
        if (!finished) {
            List<Runnable> hooks;
            synchronized (this) {
                hooks = new ArrayList<>(held.values());
            }
            LocalWorkQueue.completeHeldRuns(LOG, hooks, grace);
            giveBack();
            workers.shutdownNow();
        }
        heartbeat.shutdownNow();
        awaitQuietly(heartbeat, grace);
        List<CompletableFuture<ReviewResult>> left = new ArrayList<>();
        synchronized (this) {
            waiters.values().forEach(w -> left.add(w.done()));
            waiters.clear();
        }
        left.forEach(f -> f.complete(ReviewResult.of(ReviewResult.Status.FAILED, "the app stopped first")));
    }

    private static void awaitQuietly(ExecutorService executor, Duration grace) {
        try {
            executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void giveBack() {
        if (running.isEmpty()) {
            return;
        }
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        update work_job set state = 'queued', due_at = now(), owner = null, token = null,
                          lease_until = null, check_run_id = null, updated_at = now() where token = any(?)""")) {
            s.setArray(1, c.createArrayOf("text", running.values().toArray()));
            s.executeUpdate();
            running.clear();
        } catch (SQLException e) {
            LOG.warnf("shutting down: jobs could not be given back, they are taken over when their leases expire: %s",
                    e.getMessage());
        }
    }

    /** A claimed job's batch. */
    private final class DbBatch implements Batch {

        private final Claimed claimed;
        final List<Long> held = new ArrayList<>();
        /** The runs held that are recorded with the job: a replica that takes the job over completes them. */
        private final java.util.Set<Long> recorded = ConcurrentHashMap.newKeySet();
        volatile boolean abandonedCompleted;

        DbBatch(Claimed claimed) {
            this.claimed = claimed;
        }

        @Override
        public PullRequestKey key() {
            return claimed.key();
        }

        @Override
        public List<WorkRequest> requests() {
            return claimed.requests();
        }

        @Override
        public Optional<String> newerHead(String head) {
            try (Connection c = ds.getConnection();
                    PreparedStatement s = c.prepareStatement("""
                            select head_sha from work_request where job_id = ? and id > ? and kind = 'PULL_REQUEST'
                              and head_sha is not null and head_sha <> ? order by id desc limit 1""")) {
                s.setLong(1, claimed.job());
                s.setLong(2, claimed.upto());
                s.setString(3, head);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                LOG.warnf("%s: could not look for a newer head, publishing: %s", claimed.key(), e.getMessage());
                return Optional.empty();
            }
        }

        @Override
        public void hold(long checkRunId, Runnable onShutdown) {
            hold(checkRunId, null, onShutdown);
        }

        @Override
        public void hold(long checkRunId, String headSha, Runnable onShutdown) {
            synchronized (PostgresWorkQueue.this) {
                held.add(checkRunId);
                PostgresWorkQueue.this.held.put(checkRunId, onShutdown);
            }
            try (Connection c = ds.getConnection();
                    PreparedStatement s = c.prepareStatement(
                            "update work_job set check_run_id = ?, check_run_head = ? where id = ? and token = ?")) {
                s.setLong(1, checkRunId);
                s.setString(2, headSha);
                s.setLong(3, claimed.job());
                s.setString(4, claimed.token());
                if (s.executeUpdate() == 1) {
                    recorded.add(checkRunId);
                } else {
                    // the job was taken over between the claim and now: the new owner cannot know this run
                    lost.add(claimed.token());
                    LOG.warnf("%s: another replica took the job over before check run %d was recorded, this"
                            + " worker completes it", claimed.key(), checkRunId);
                }
            } catch (SQLException e) {
                LOG.warnf("%s: the check run in progress could not be recorded, this worker completes it even if"
                        + " it loses the job: %s", claimed.key(), e.getMessage());
            }
        }

        @Override
        public boolean recorded(long checkRunId) {
            return recorded.contains(checkRunId);
        }

        @Override
        public boolean isHeld(long checkRunId) {
            if (holds(checkRunId)) {
                return true;
            }
            try (Connection c = ds.getConnection();
                    PreparedStatement s = c.prepareStatement("""
                            select 1 from work_job where check_run_id = ? and state = 'running'
                              and lease_until > now()""")) {
                s.setLong(1, checkRunId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            } catch (SQLException e) {
                // when in doubt the run is live: recovery must never complete a run a live worker holds
                return true;
            }
        }

        @Override
        public boolean stillOwned() {
            if (lost.contains(claimed.token())) {
                return false;
            }
            try (Connection c = ds.getConnection();
                    PreparedStatement s = c.prepareStatement("select 1 from work_job where id = ? and token = ?")) {
                s.setLong(1, claimed.job());
                s.setString(2, claimed.token());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            } catch (SQLException e) {
                // in doubt, publish nothing: the job stays queued or running, and is retried or taken over
                LOG.warnf("%s: could not check the lease, publishing nothing: %s", claimed.key(), e.getMessage());
                return false;
            }
        }

        @Override
        public Optional<AbandonedRun> abandonedRun() {
            return claimed.abandonedRun();
        }

        @Override
        public void abandonedRunCompleted() {
            abandonedCompleted = true;
        }
    }
}
