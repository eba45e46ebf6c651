package dev.mlreadiness.github.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mlreadiness.github.ReviewResult;
import dev.mlreadiness.github.TestDatabase;
import dev.mlreadiness.github.queue.Batch.AbandonedRun;
import dev.mlreadiness.github.queue.BatchRunner.Outcome;
import dev.mlreadiness.github.queue.PostgresWorkQueue.Settings;

/**
 * The queue contract against PostgreSQL (a real server, a schema of this run), and what only a shared queue does:
 * several replicas on one database, leases, takeover of a dead replica's job, retries and parking, deliveries
 * recorded for every replica.
 */
class PostgresWorkQueueTest extends WorkQueueContract {

    static String schema;
    static DataSource ds;
    final List<PostgresWorkQueue> started = new ArrayList<>();
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @BeforeAll
    static void database() {
        TestDatabase.assumeAvailable();
        schema = TestDatabase.newSchema("queue");
        ds = TestDatabase.dataSource(schema);
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            TestDatabase.drop(schema);
        }
    }

    @BeforeEach
    void empty() {
        TestDatabase.execute(ds, "truncate work_request, work_job, delivery restart identity cascade");
    }

    @AfterEach
    void stopAll() {
        started.forEach(q -> q.stop(Duration.ofSeconds(30)));
    }

    static Settings settings(int workers, int maxAttempts, Duration lease) {
        return new Settings(workers, Duration.ofSeconds(30), lease, Duration.ofMillis(20), maxAttempts,
                Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofDays(1));
    }

    PostgresWorkQueue create(BatchRunner runner, Settings settings, String owner) {
        PostgresWorkQueue q = new PostgresWorkQueue(ds, runner, settings, owner, metrics);
        started.add(q);
        return q;
    }

    @Override
    LocalWorkQueue newQueue(BatchRunner runner, int workers) {
        return create(runner, settings(workers, 1, Duration.ofSeconds(60)), "replica").start();
    }

    static Object one(String sql) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getObject(1) : null;
        }
    }

    static void until(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 6000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    @Test
    void aNewEventForAQueuedPullRequestUpdatesItsHeadInItsOneJob() throws Exception {
        Runner runner = new Runner(1);
        PostgresWorkQueue q = create(runner, settings(1, 1, Duration.ofSeconds(60)), "replica").start();
        CompletableFuture<ReviewResult> first = q.submit(push(PR, "a")).toCompletableFuture();
        await(runner.started);
        q.submit(push(PR, "b"));
        q.submit(push(PR, "c"));
        assertThat(one("select count(*) from work_job")).isEqualTo(1L);
        assertThat(one("select head_sha from work_job")).isEqualTo("c");
        runner.release.countDown();
        assertThat(result(first).detail()).isEqualTo("batch 1");
        until(q::idle);
        assertThat(runner.batches).hasSize(2);
        assertThat(runner.batches.get(1).requests()).extracting(WorkRequest::headSha).containsExactly("c");
    }

    @Test
    void aRequestIsRecordedBeforeSubmitReturnsAndAnotherReplicaRunsIt() throws Exception {
        Runner runner = new Runner(0);
        PostgresWorkQueue accepting = create(b -> {
            throw new AssertionError("this replica never claims");
        }, settings(1, 1, Duration.ofSeconds(60)), "accepting"); // not started: it only records
        accepting.submit(push(PR, "a"));
        assertThat(one("select delivery_id || ' ' || head_sha from work_request")).isEqualTo("d-a a");

        create(runner, settings(1, 1, Duration.ofSeconds(60)), "worker").start();
        until(accepting::idle);
        assertThat(runner.batches).singleElement()
                .satisfies(b -> assertThat(b.requests()).extracting(WorkRequest::deliveryId).containsExactly("d-a"));
        assertThat(one("select state || ' ' || status from delivery")).isEqualTo("done REVIEWED");
    }

    @Test
    void twoReplicasOnOneDatabaseEvaluateAPullRequestOneBatchAtATime() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger overlap = new AtomicInteger();
        List<String> ranOn = java.util.Collections.synchronizedList(new ArrayList<>());
        BatchRunner runner = b -> {
            if (inFlight.incrementAndGet() > 1) {
                overlap.incrementAndGet();
            }
            Thread.yield();
            inFlight.decrementAndGet();
            ranOn.add(Thread.currentThread().getName());
            String head = b.requests().stream().filter(r -> r.kind() == WorkRequest.Kind.PULL_REQUEST)
                    .map(WorkRequest::headSha).reduce((x, y) -> y).orElse("");
            return Outcome.done(ReviewResult.of(ReviewResult.Status.REVIEWED, head), head);
        };
        PostgresWorkQueue one = create(runner, settings(4, 1, Duration.ofSeconds(60)), "one").start();
        PostgresWorkQueue two = create(runner, settings(4, 1, Duration.ofSeconds(60)), "two").start();
        List<CompletableFuture<ReviewResult>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            WorkRequest r = i % 3 == 2 ? command(PR, "c" + i) : push(PR, "h" + i);
            results.add((i % 2 == 0 ? one : two).submit(r).toCompletableFuture());
        }
        for (CompletableFuture<ReviewResult> f : results) {
            assertThat(result(f).status()).isEqualTo(ReviewResult.Status.REVIEWED);
        }
        until(one::idle);
        assertThat(overlap).hasValue(0);
        assertThat(ranOn.size()).isBetween(1, 50);
        assertThat(one("select count(*) from work_request")).isEqualTo(0L);
        assertThat(one("select count(*) from delivery where state = 'done'")).isEqualTo(50L);
    }

    @Test
    void aFailingJobIsRetriedWithBackoffThenParkedWithItsError() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        PostgresWorkQueue q = create(b -> {
            calls.incrementAndGet();
            return Outcome.done(ReviewResult.of(ReviewResult.Status.FAILED, "GitHub answered 502"), "a");
        }, settings(1, 3, Duration.ofSeconds(60)), "replica").start();
        ReviewResult r = result(q.submit(push(PR, "a")).toCompletableFuture());
        assertThat(r.status()).isEqualTo(ReviewResult.Status.FAILED);
        assertThat(calls).hasValue(3);
        assertThat(q.parked()).isEqualTo(1);
        assertThat(one("select last_error from work_job")).isEqualTo("GitHub answered 502");
        assertThat(one("select state from delivery")).isEqualTo("failed");
        assertThat(metrics.counter("mlreadiness.queue.retries").count()).isEqualTo(2.0);
        assertThat(metrics.counter("mlreadiness.queue.parked").count()).isEqualTo(1.0);

        // a new event for the pull request takes it out of the parking
        PostgresWorkQueue fixed = create(b -> Outcome.done(ReviewResult.of(ReviewResult.Status.REVIEWED, ""), "b"),
                settings(1, 3, Duration.ofSeconds(60)), "fixed");
        q.stop(Duration.ofSeconds(30));
        fixed.start();
        assertThat(result(fixed.submit(push(PR, "b")).toCompletableFuture()).status())
                .isEqualTo(ReviewResult.Status.REVIEWED);
        assertThat(fixed.parked()).isZero();
    }

    @Test
    void theBackoffDoublesUpToItsMaximum() {
        PostgresWorkQueue q = create(b -> null, new Settings(1, Duration.ZERO, Duration.ofSeconds(60),
                Duration.ofSeconds(1), 9, Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofDays(1)), "x");
        assertThat(List.of(q.backoff(1), q.backoff(2), q.backoff(3), q.backoff(4), q.backoff(8))).containsExactly(
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(120),
                Duration.ofSeconds(120));
    }

    /** What a replica killed during an evaluation leaves: a running job whose lease is not renewed, a held run. */
    static void leftByADeadReplica(String leaseUntil) {
        TestDatabase.execute(ds, "insert into work_job (repository, number, installation_id, head_sha, state, owner,"
                + " token, lease_until, claimed_upto, check_run_id, check_run_head) values ('o/r', 1, 1, 'a',"
                + " 'running', 'dead', 'dead-token', " + leaseUntil + ", 1, 77, 'a')");
        TestDatabase.execute(ds, "insert into work_request (job_id, delivery_key, installation_id, delivery_id, kind,"
                + " head_sha, event, payload) values (1, 'd-a/o/r#1', 1, 'd-a', 'PULL_REQUEST', 'a', 'pull_request',"
                + " '{}')");
    }

    @Test
    void aJobWhoseReplicaDiedIsTakenOverWhenItsLeaseExpiredWithItsRunInProgress() throws Exception {
        leftByADeadReplica("now() - interval '1 second'");
        List<Optional<AbandonedRun>> abandoned = new ArrayList<>();
        List<Boolean> heldByTheDead = new ArrayList<>();
        PostgresWorkQueue q = create(b -> {
            abandoned.add(b.abandonedRun());
            heldByTheDead.add(b.isHeld(77)); // its lease expired: recovery may complete it
            return Outcome.done(ReviewResult.of(ReviewResult.Status.REVIEWED, ""), "a");
        }, settings(1, 2, Duration.ofSeconds(60)), "survivor").start(); // the dead one's batch was attempt 1 of 2
        until(q::idle);
        assertThat(abandoned).containsExactly(Optional.of(new AbandonedRun(77, "a")));
        assertThat(heldByTheDead).containsExactly(false);
        assertThat(metrics.counter("mlreadiness.queue.takeovers").count()).isEqualTo(1.0);
        assertThat(one("select state from delivery where delivery_key = 'd-a/o/r#1'")).isEqualTo("done");
    }

    /** Runs the queue completed itself: "installation repository run". */
    final List<String> completedByTheQueue = new java.util.concurrent.CopyOnWriteArrayList<>();

    PostgresWorkQueue completing(BatchRunner runner, Settings settings) {
        PostgresWorkQueue q = new PostgresWorkQueue(ds, runner, settings, "survivor", metrics,
                (installation, repository, run, head, reason) -> completedByTheQueue
                        .add(installation + " " + repository + " " + run + " " + head));
        started.add(q);
        return q.start();
    }

    /**
     * A batch that took a dead replica's job over and failed before it could complete the run left in progress
     * (reading the pull request failed): the next attempt gets the run again, and completes it.
     */
    @Test
    void aRunLeftByADeadReplicaOutlivesAFailedTakeoverUntilABatchCompletesIt() throws Exception {
        leftByADeadReplica("now() - interval '1 second'");
        List<Optional<AbandonedRun>> abandoned = new java.util.concurrent.CopyOnWriteArrayList<>();
        PostgresWorkQueue q = completing(b -> {
            abandoned.add(b.abandonedRun());
            if (abandoned.size() == 1) {
                return Outcome.done(ReviewResult.of(ReviewResult.Status.FAILED, "could not read the pull request"),
                        "a");
            }
            b.abandonedRunCompleted();
            return Outcome.done(ReviewResult.of(ReviewResult.Status.REVIEWED, ""), "a");
        }, settings(1, 3, Duration.ofSeconds(60)));
        until(() -> abandoned.size() == 2 && q.idle());
        assertThat(abandoned).containsExactly(Optional.of(new AbandonedRun(77, "a")),
                Optional.of(new AbandonedRun(77, "a")));
        assertThat(one("select abandoned_run_id from work_job")).isNull(); // the second batch completed it
        assertThat(completedByTheQueue).isEmpty();
    }

    /**
     * A takeover whose review succeeded but whose completion of the dead replica's run failed (GitHub answered 502
     * to the PATCH): the job keeps the run, and the queue completes it once the job is idle.
     */
    @Test
    void aRunWhoseCompletionFailedIsKeptAfterASuccessfulReviewAndCompletedByTheQueue() throws Exception {
        leftByADeadReplica("now() - interval '1 second'");
        List<Optional<AbandonedRun>> abandoned = new java.util.concurrent.CopyOnWriteArrayList<>();
        PostgresWorkQueue q = completing(b -> {
            abandoned.add(b.abandonedRun()); // completing it failed: the batch does not report it completed
            return Outcome.done(ReviewResult.of(ReviewResult.Status.REVIEWED, ""), "a");
        }, settings(1, 3, Duration.ofSeconds(60)));
        until(() -> completedByTheQueue.size() == 1);
        assertThat(abandoned).containsExactly(Optional.of(new AbandonedRun(77, "a")));
        assertThat(completedByTheQueue).containsExactly("1 o/r 77 a");
        assertThat(one("select state from work_job")).isEqualTo("idle");
        until(() -> {
            try {
                return one("select abandoned_run_id from work_job") == null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(q.idle()).isTrue();
    }

    /** A job given up after its takeover failed every time: the queue completes the run nobody else will. */
    @Test
    void aJobParkedWithARunLeftInProgressHasTheRunCompletedByTheQueue() throws Exception {
        leftByADeadReplica("now() - interval '1 second'");
        PostgresWorkQueue q = completing(b -> Outcome.done(ReviewResult.of(ReviewResult.Status.FAILED,
                "could not read the pull request"), "a"), settings(1, 2, Duration.ofSeconds(60)));
        until(() -> completedByTheQueue.size() == 1);
        assertThat(completedByTheQueue).containsExactly("1 o/r 77 a");
        assertThat(one("select state from work_job")).isEqualTo("parked");
        until(() -> {
            try {
                return one("select abandoned_run_id from work_job") == null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(q.parked()).isEqualTo(1);
    }

    /** A job whose replicas died at every attempt is parked, and the last dead replica's run is completed. */
    @Test
    void aJobParkedAfterItsReplicasDiedHasTheirRunCompleted() throws Exception {
        leftByADeadReplica("now() - interval '1 second'");
        List<Batch> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        completing(b -> {
            ran.add(b);
            return Outcome.done(ReviewResult.of(ReviewResult.Status.REVIEWED, ""), "a");
        }, settings(1, 1, Duration.ofSeconds(60))); // the dead replica's batch was its one attempt
        until(() -> completedByTheQueue.size() == 1);
        assertThat(completedByTheQueue).containsExactly("1 o/r 77 a");
        assertThat(ran).isEmpty();
        assertThat(one("select state || ' ' || last_error from work_job")).isEqualTo("parked "
                + PostgresWorkQueue.DIED);
    }

    @Test
    void aJobUnderALiveLeaseIsNeitherTakenOverNorItsRunTouched() throws Exception {
        leftByADeadReplica("now() + interval '1 hour'"); // its owner is alive, only slow
        List<PullRequestKey> ran = new ArrayList<>();
        List<Boolean> held = new ArrayList<>();
        PostgresWorkQueue q = create(b -> {
            ran.add(b.key());
            held.add(b.isHeld(77));
            return Outcome.done(ReviewResult.of(ReviewResult.Status.REVIEWED, ""), "x");
        }, settings(1, 1, Duration.ofSeconds(60)), "other").start();
        assertThat(result(q.submit(push(OTHER, "x")).toCompletableFuture()).status())
                .isEqualTo(ReviewResult.Status.REVIEWED);
        assertThat(ran).containsExactly(OTHER);
        assertThat(held).containsExactly(true); // another replica's live lease holds run 77
        assertThat(one("select owner from work_job where number = 1")).isEqualTo("dead");
    }

    @Test
    void theHeartbeatKeepsAShortLeaseAliveWhileTheBatchRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        BatchRunner slow = b -> {
            runs.incrementAndGet();
            started.countDown();
            await(release);
            return Outcome.done(ReviewResult.of(ReviewResult.Status.REVIEWED, ""), "a");
        };
        Settings shortLease = settings(1, 1, Duration.ofMillis(300));
        PostgresWorkQueue owner = create(slow, shortLease, "owner").start();
        CompletableFuture<ReviewResult> done = owner.submit(push(PR, "a")).toCompletableFuture();
        await(started);
        create(slow, shortLease, "watcher").start(); // would take the job over if the lease lapsed
        java.sql.Timestamp first = (java.sql.Timestamp) one("select lease_until from work_job");
        // several leases long: renewed each time, never expired
        for (int i = 0; i < 5; i++) {
            java.sql.Timestamp before = (java.sql.Timestamp) one("select lease_until from work_job");
            until(() -> {
                try {
                    return ((java.sql.Timestamp) one("select lease_until from work_job")).after(before);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        assertThat((java.sql.Timestamp) one("select lease_until from work_job")).isAfter(first);
        assertThat(runs).hasValue(1);
        assertThat(one("select owner from work_job")).isEqualTo("owner");
        release.countDown();
        assertThat(result(done).status()).isEqualTo(ReviewResult.Status.REVIEWED);
        assertThat(runs).hasValue(1);
    }

    @Test
    void deliveriesAreRecordedForEveryReplica() {
        PostgresDeliveries one = new PostgresDeliveries(ds);
        PostgresDeliveries two = new PostgresDeliveries(ds);
        assertThat(one.claim("d1/o/r#1")).isTrue();
        assertThat(two.claim("d1/o/r#1")).isFalse(); // in progress on another replica
        one.done("d1/o/r#1");
        assertThat(two.claim("d1/o/r#1")).isFalse(); // processed: a redelivery is skipped
        assertThat(one.claim("d2/o/r#1")).isTrue();
        one.release("d2/o/r#1");
        assertThat(two.claim("d2/o/r#1")).isTrue(); // failed: its redelivery is processed
    }

    @Test
    void waitersOnOneReplicaGetTheResultOfABatchAnotherRan() throws Exception {
        Runner runner = new Runner(0);
        PostgresWorkQueue accepting = create(b -> {
            throw new AssertionError("never claims");
        }, new Settings(1, Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMillis(20), 1,
                Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofDays(1)), "accepting");
        CompletableFuture<ReviewResult> waiting = accepting.submit(command(PR, "c")).toCompletableFuture();
        create(runner, settings(1, 1, Duration.ofSeconds(60)), "worker").start();
        until(accepting::idle);
        accepting.answerWaiters();
        ReviewResult r = result(waiting);
        assertThat(r.status()).isEqualTo(ReviewResult.Status.REVIEWED);
        assertThat(r.detail()).isEqualTo("batch 1");
        assertThat(r.report()).isEmpty(); // a report is not stored
    }

    @Test
    void aJobWhoseStoredRequestCannotBeReadIsParkedAndTheOthersStillRun() throws Exception {
        create(b -> {
            throw new AssertionError("never claims");
        }, settings(1, 1, Duration.ofSeconds(60)), "accepting").submit(push(PR, "a"));
        TestDatabase.execute(ds, "update work_request set decisions = '{not json'");
        PostgresWorkQueue q = create(b -> Outcome.done(ReviewResult.of(ReviewResult.Status.REVIEWED, ""), "x"),
                settings(1, 1, Duration.ofSeconds(60)), "worker").start();
        assertThat(result(q.submit(push(OTHER, "x")).toCompletableFuture()).status())
                .isEqualTo(ReviewResult.Status.REVIEWED);
        assertThat(one("select state from work_job where number = " + PR.number())).isEqualTo("parked");
        assertThat((String) one("select last_error from work_job where number = " + PR.number()))
                .startsWith("unreadable stored request");
    }

    @Test
    void aDatabaseOutageDuringAClaimDoesNotCostAWorker() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
        AtomicInteger refused = new AtomicInteger();
        DataSource flaky = (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && down.get()) {
                        refused.incrementAndGet();
                        throw new SQLException("the server restarts");
                    }
                    try {
                        return method.invoke(ds, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        PostgresWorkQueue q = new PostgresWorkQueue(flaky,
                b -> Outcome.done(ReviewResult.of(ReviewResult.Status.REVIEWED, ""), "a"),
                settings(1, 1, Duration.ofSeconds(60)), "replica", metrics);
        started.add(q);
        q.start();
        down.set(true);
        until(() -> refused.get() >= 1); // a poll, its claim refused: the slot it took must come back
        down.set(false);
        assertThat(result(q.submit(push(PR, "a")).toCompletableFuture()).status())
                .isEqualTo(ReviewResult.Status.REVIEWED);
    }

    @Test
    void aDeliveryIsMarkedInTheTransactionOfItsRequestSoAFailedRecordingSkipsNoRedelivery() throws Exception {
        PostgresWorkQueue q = create(b -> {
            throw new AssertionError("never claims");
        }, settings(1, 1, Duration.ofSeconds(60)), "accepting"); // not started: it only records
        WorkRequest unstorable = new WorkRequest(1, PR, WorkRequest.Kind.PULL_REQUEST, "a", "d-a", "pull_request",
                "{\"nul\": \"\u0000\"}", List.of()); // PostgreSQL refuses a NUL in text: the insert fails
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> q.recordOnly(unstorable))
                .isInstanceOf(SQLException.class);
        assertThat(one("select count(*) from delivery")).isEqualTo(0L); // nothing left that skips the redelivery

        assertThat(q.recordOnly(push(PR, "a"))).isTrue(); // the redelivery is recorded
        assertThat(q.recordOnly(push(PR, "a"))).isFalse(); // and a second one skipped
        assertThat(one("select count(*) from work_request")).isEqualTo(1L);
        assertThat(one("select state from delivery")).isEqualTo("queued");
    }

    @Test
    void aDeliveryLeftQueuedWithoutItsRequestIsForgottenSoItsRedeliveryIsProcessed() throws Exception {
        // marked queued by a handler whose recording then failed, and so did marking it failed
        TestDatabase.execute(ds, "insert into delivery (delivery_key, state, updated_at) values"
                + " ('d-a/o/r#1', 'queued', now() - interval '1 hour'), ('d-b/o/r#1', 'queued', now())");
        AtomicInteger runs = new AtomicInteger();
        PostgresWorkQueue q = create(b -> {
            runs.incrementAndGet();
            return Outcome.done(ReviewResult.of(ReviewResult.Status.REVIEWED, ""), "a");
        }, settings(1, 1, Duration.ofSeconds(60)), "replica").start();
        until(() -> {
            try {
                return one("select 1 from delivery where delivery_key = 'd-a/o/r#1'") == null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(one("select state from delivery where delivery_key = 'd-b/o/r#1'")).isEqualTo("queued"); // recent
        assertThat(q.recordOnly(push(PR, "a"))).isTrue();
        until(q::idle);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aJobWhoseReplicasDiedAsOftenAsAJobIsTriedIsParked() throws Exception {
        leftByADeadReplica("now() - interval '1 second'");
        TestDatabase.execute(ds, "update work_job set attempts = 2"); // two replicas died on it before this one
        AtomicInteger runs = new AtomicInteger();
        PostgresWorkQueue q = create(b -> {
            runs.incrementAndGet();
            return Outcome.done(ReviewResult.of(ReviewResult.Status.REVIEWED, ""), "a");
        }, settings(1, 3, Duration.ofSeconds(60)), "survivor").start();
        until(() -> q.parked() == 1);
        assertThat(runs).hasValue(0); // not evaluated a fourth time
        assertThat(one("select last_error from work_job")).isEqualTo("replica died during evaluation");
        assertThat(one("select state || ' ' || status from delivery where delivery_key = 'd-a/o/r#1'"))
                .isEqualTo("failed FAILED");
        assertThat(one("select count(*) from work_request")).isEqualTo(0L);
        assertThat(metrics.counter("mlreadiness.queue.takeovers").count()).isEqualTo(1.0);
    }

    /**
     * A batch whose job another replica took over between its claim and its hold (its lease expired under load): the
     * run it holds then is not recorded with the job (the new owner cannot know it), and the batch says so, so that
     * its worker completes it; a run held before the takeover is recorded, and left to the new owner.
     */
    @Test
    void aRunHeldAfterTheJobWasTakenOverIsNotRecordedAndTheBatchSaysSo() throws Exception {
        List<Boolean> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Boolean> owned = new java.util.concurrent.CopyOnWriteArrayList<>();
        PostgresWorkQueue q = create(b -> {
            b.hold(5, "a", () -> {
            });
            recorded.add(b.recorded(5));
            owned.add(b.stillOwned());
            TestDatabase.execute(ds, "update work_job set token = 'thief', owner = 'thief'"); // taken over
            b.hold(6, "a", () -> {
            });
            recorded.add(b.recorded(6));
            owned.add(b.stillOwned());
            return Outcome.superseded("a");
        }, settings(1, 3, Duration.ofSeconds(60)), "loser").start();
        q.submit(push(PR, "a"));
        until(() -> owned.size() == 2);
        assertThat(recorded).containsExactly(true, false);
        assertThat(owned).containsExactly(true, false);
        until(() -> !q.holds(6)); // the batch ended
        assertThat(one("select check_run_id || ' ' || owner from work_job")).isEqualTo("5 thief");
    }

    /**
     * Completing the runs left in progress asks GitHub (with retries): however long it takes, the queue goes on
     * claiming and evaluating other jobs meanwhile.
     */
    @Test
    void completingRunsLeftInProgressNeverHoldsUpClaims() throws Exception {
        TestDatabase.execute(ds, "insert into work_job (repository, number, installation_id, head_sha, state,"
                + " abandoned_run_id, abandoned_run_head) values ('o/r', 1, 1, 'a', 'idle', 77, 'a')");
        CountDownLatch completing = new CountDownLatch(1);
        CountDownLatch answered = new CountDownLatch(1);
        PostgresWorkQueue q = new PostgresWorkQueue(ds,
                b -> Outcome.done(ReviewResult.of(ReviewResult.Status.REVIEWED, ""), "x"),
                settings(1, 1, Duration.ofSeconds(60)), "replica", metrics, (installation, repo, run, head, why) -> {
                    completing.countDown();
                    await(answered); // GitHub is slow to answer
                });
        started.add(q);
        q.start();
        await(completing);
        try {
            assertThat(result(q.submit(push(OTHER, "x")).toCompletableFuture()).status())
                    .isEqualTo(ReviewResult.Status.REVIEWED);
        } finally {
            answered.countDown();
        }
        until(() -> {
            try {
                return one("select abandoned_run_id from work_job where number = 1") == null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Runs whose completion GitHub refuses wait before they are tried again, so they neither take every place of a
     * round (20) nor cost requests at every round: the run after them is completed.
     */
    @Test
    void runsWhoseCompletionFailsWaitAndLetTheOthersBeCompleted() throws Exception {
        for (int i = 1; i <= 21; i++) { // refused: the installation's token no longer reaches the repository
            TestDatabase.execute(ds, "insert into work_job (repository, number, installation_id, head_sha, state,"
                    + " abandoned_run_id, abandoned_run_head) values ('o/gone', " + i + ", 1, 'a', 'parked', " + i
                    + ", 'a')");
        }
        TestDatabase.execute(ds, "insert into work_job (repository, number, installation_id, head_sha, state,"
                + " abandoned_run_id, abandoned_run_head) values ('o/r', 1, 1, 'a', 'idle', 99, 'a')");
        List<Long> tried = new java.util.concurrent.CopyOnWriteArrayList<>();
        PostgresWorkQueue q = new PostgresWorkQueue(ds, b -> null, settings(1, 1, Duration.ofSeconds(60)),
                "replica", metrics, (installation, repo, run, head, why) -> {
                    tried.add(run);
                    if (repo.equals("o/gone")) {
                        throw new java.io.IOException("GitHub answered 404");
                    }
                });
        started.add(q);
        q.start();
        until(() -> {
            try {
                return one("select count(*) from work_job where abandoned_run_id is not null").equals(21L);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }); // run 99 completed, the refused ones kept
        assertThat(tried.subList(0, tried.indexOf(99L))).hasSize(21).doesNotHaveDuplicates(); // none tried twice first
        assertThat(List.of(PostgresWorkQueue.closeRetry(1), PostgresWorkQueue.closeRetry(2),
                PostgresWorkQueue.closeRetry(7), PostgresWorkQueue.closeRetry(40))).containsExactly(
                        Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofHours(1), Duration.ofHours(1));
    }

    /**
     * The end of a batch whose job another replica took over writes nothing: the run the new claim is to complete
     * (its abandoned run) stays, with the new owner, its lease and the requests, whatever the old batch completed.
     */
    @Test
    void theEndOfABatchThatLostItsJobLeavesWhatTheNewClaimRecorded() throws Exception {
        leftByADeadReplica("now() - interval '1 second'");
        CountDownLatch ended = new CountDownLatch(1);
        PostgresWorkQueue q = create(b -> {
            b.abandonedRunCompleted(); // it completed run 77, which its claim took over
            TestDatabase.execute(ds, "update work_job set token = 'thief', owner = 'thief',"
                    + " lease_until = now() + interval '1 hour', abandoned_run_id = 88, abandoned_run_head = 'b'");
            ended.countDown();
            return Outcome.done(ReviewResult.of(ReviewResult.Status.REVIEWED, ""), "a");
        }, settings(1, 3, Duration.ofSeconds(60)), "loser").start();
        await(ended);
        q.stop(Duration.ofSeconds(30)); // waits for the batch's end
        assertThat(one("select state || ' ' || owner || ' ' || abandoned_run_id || ' ' || abandoned_run_head"
                + " from work_job")).isEqualTo("running thief 88 b");
        assertThat(one("select count(*) from work_request")).isEqualTo(1L);
        assertThat(one("select count(*) from delivery")).isEqualTo(0L);
    }
}
