package dev.mlreadiness.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mlreadiness.github.deliveries.RedeliverFailedDeliveries;
import dev.mlreadiness.github.queue.BatchRunner.Outcome;
import dev.mlreadiness.github.queue.PostgresWorkQueue;
import dev.mlreadiness.github.queue.WorkQueue;

/**
 * {@link QueueOverHttpTest}'s deliveries with the queue in PostgreSQL: the app as one replica of a deployment,
 * its datasource active and migrated by Flyway at start.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresQueueOverHttpTest extends QueueOverHttpTest {

    @Inject
    WorkQueue appQueue;

    @BeforeAll
    static void forgetWhatOtherClassesPosted() {
        GitHubState.reset(); // the same pull request numbers as QueueOverHttpTest
    }

    @BeforeEach
    void needsTheServer() {
        TestDatabase.assumeAvailable();
    }

    @Inject
    RedeliverFailedDeliveries recovery;

    /**
     * With PostgreSQL one replica at a time recovers failed deliveries: the one holding the advisory lock of its
     * schema. A deployment in another schema of the same database holds another lock and does not block it.
     */
    @Test
    void theRecoveryOfFailedDeliveriesRunsOnlyUnderTheAdvisoryLockOfItsSchema() throws Exception {
        String elsewhere = TestDatabase.newSchema("other");
        try (java.sql.Connection other = TestDatabase.dataSource(elsewhere).getConnection()) {
            assertThat(RedeliverFailedDeliveries.tryLock(other)).isTrue(); // the other deployment runs it
            server.resetRequests();
            assertThat(recovery.recover()).isNotEqualTo(-1);
            assertThat(GitHubJournal.of(server).matching("GET", "/app/hook/deliveries")).hasSize(1);
            RedeliverFailedDeliveries.unlock(other);
        } finally {
            TestDatabase.drop(elsewhere);
        }
        javax.sql.DataSource db = TestDatabase.dataSource(PostgresResource.schema);
        try (java.sql.Connection replica = db.getConnection()) {
            assertThat(RedeliverFailedDeliveries.tryLock(replica)).isTrue(); // another replica runs it
            server.resetRequests();
            assertThat(recovery.recover()).isEqualTo(-1);
            assertThat(GitHubJournal.of(server).matching("GET", "/app/hook/deliveries")).isEmpty();
            RedeliverFailedDeliveries.unlock(replica); // the other replica is done
        }
        assertThat(recovery.recover()).isNotEqualTo(-1);
        assertThat(GitHubJournal.of(server).matching("GET", "/app/hook/deliveries")).hasSize(1);
        // and the app released its own lock: it is free for the next replica
        try (java.sql.Connection next = db.getConnection()) {
            assertThat(RedeliverFailedDeliveries.tryLock(next)).isTrue();
            RedeliverFailedDeliveries.unlock(next);
        }
    }

    @Inject
    io.agroal.api.AgroalDataSource appDatabase;

    /**
     * A database whose tables another session keeps locked makes the app's statements fail with a clear error after
     * the lock timeout (the queue logs it and retries), instead of hanging the worker or the webhook thread.
     */
    /**
     * The server-side timeouts are set on each new connection of the pool (SET), not sent as the {@code options}
     * start-up parameter that PgBouncer refuses: every connection of the app carries all three.
     */
    @Test
    void everyConnectionOfTheAppCarriesTheServerTimeouts() throws Exception {
        try (java.sql.Connection app = appDatabase.getConnection();
                java.sql.Statement s = app.createStatement();
                java.sql.ResultSet rs = s.executeQuery("select current_setting('statement_timeout'),"
                        + " current_setting('lock_timeout'), current_setting('idle_in_transaction_session_timeout')")) {
            org.assertj.core.api.Assertions.assertThat(rs.next()).isTrue();
            org.assertj.core.api.Assertions
                    .assertThat(java.util.List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                    .containsExactly("30s", "2s", "1min");
        }
    }

    @Test
    void aLockedTableFailsTheAppsStatementsInsteadOfHangingThem() throws Exception {
        try (java.sql.Connection other = TestDatabase.dataSource(PostgresResource.schema).getConnection()) {
            other.setAutoCommit(false);
            try (java.sql.Statement lock = other.createStatement()) {
                lock.execute("lock table work_job in access exclusive mode");
            }
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> {
                try (java.sql.Connection app = appDatabase.getConnection();
                        java.sql.Statement s = app.createStatement()) {
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeQuery(
                            "select count(*) from work_job")).isInstanceOf(java.sql.SQLException.class)
                            .hasMessageContaining("lock timeout");
                }
            });
            other.rollback();
        }
    }

    static long count(String sql) throws Exception {
        try (java.sql.Connection c = TestDatabase.dataSource(PostgresResource.schema).getConnection();
                java.sql.PreparedStatement s = c.prepareStatement(sql);
                java.sql.ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static byte[] webhook(String name, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> edit)
            throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode root;
        try (java.io.InputStream in = PostgresQueueOverHttpTest.class.getResourceAsStream("/webhooks/" + name)) {
            root = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(in);
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("installation")).put("id", 1);
        edit.accept(root);
        return JSON.writeValueAsBytes(root);
    }

    @Test
    void removingARepositoryOrUninstallingDeletesWhatIsStoredOfIt() throws Exception {
        String repo = "'" + PullRequestFixture.REPO + "'";
        assertThat(Webhooks.send("pull_request", pullRequest(158).payload("opened"), SECRET)).isEqualTo(200);
        assertThat(count("select count(*) from work_job where number = 158 and repository = " + repo)).isEqualTo(1);
        assertThat(count("select count(*) from delivery where delivery_key like '%/" + PullRequestFixture.REPO
                + "#158'")).isEqualTo(1);
        assertThat(count("select count(*) from work_job where installation_id <> 1")).isZero();

        // GitHub's installation_repositories payload, the repository removed instead of added
        byte[] removed = webhook("installation_repositories.added.json", root -> {
            root.put("action", "removed");
            var gone = (com.fasterxml.jackson.databind.node.ObjectNode) root.get("repositories_added").get(0);
            gone.put("full_name", PullRequestFixture.REPO).put("name", "Hello-World");
            root.set("repositories_removed", JSON.createArrayNode().add(gone));
            root.set("repositories_added", JSON.createArrayNode());
        });
        assertThat(Webhooks.send("installation_repositories", removed, SECRET)).isEqualTo(200);
        assertThat(count("select count(*) from work_job where repository = " + repo)).isZero();
        assertThat(count("select count(*) from delivery where delivery_key like '%/" + PullRequestFixture.REPO
                + "#%'")).isZero();

        assertThat(Webhooks.send("pull_request", pullRequest(159).payload("opened"), SECRET)).isEqualTo(200);
        assertThat(count("select count(*) from work_job where installation_id = 1")).isEqualTo(1);
        assertThat(Webhooks.send("installation", webhook("installation.deleted.json", root -> {
        }), SECRET)).isEqualTo(200);
        assertThat(count("select count(*) from work_job where installation_id = 1")).isZero();
        assertThat(count("select count(*) from delivery where delivery_key like '%/" + PullRequestFixture.REPO
                + "#%'")).isZero();
    }

    @Test
    void theAppsQueueIsThePostgresOne() {
        assertThat(appQueue.toString()).isNotNull();
        assertThat(((io.quarkus.arc.ClientProxy) appQueue).arc_contextualInstance())
                .isInstanceOf(PostgresWorkQueue.class);
    }

    /** A replica of one worker on {@code ds} whose batches go to the app's reviewer; their outcomes are kept. */
    PostgresWorkQueue replica(DataSource ds, String owner, List<Outcome> outcomes) {
        return new PostgresWorkQueue(ds, b -> {
            var o = reviewer.run(b);
            outcomes.add(o);
            return o;
        }, new PostgresWorkQueue.Settings(1, java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(60),
                java.time.Duration.ofMillis(20), 3, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1),
                java.time.Duration.ofDays(1)), owner, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    /** What a scenario on a database schema of its own does. */
    interface OnSchema {
        void run(DataSource ds) throws Exception;
    }

    static void onNewSchema(String prefix, OnSchema scenario) throws Exception {
        String schema = TestDatabase.newSchema(prefix);
        try {
            scenario.run(TestDatabase.dataSource(schema));
        } finally {
            TestDatabase.drop(schema);
        }
    }

    /** The replica "loser" and the gate its evaluation waits at. */
    record Loser(PostgresWorkQueue queue, java.util.concurrent.CountDownLatch gate) {
    }

    /**
     * Starts the replica "loser", which evaluates the opened pull request, and returns once its evaluation reached
     * the request to {@code gated}, held there until the test opens the gate.
     */
    Loser loserHeldAt(DataSource ds, PullRequestFixture pr, String gated, List<Outcome> outcomes) throws Exception {
        java.util.concurrent.CountDownLatch gate = GitHubState.GATES.close(gated);
        PostgresWorkQueue loser = replica(ds, "loser", outcomes).start();
        loser.submit(new dev.mlreadiness.github.queue.WorkRequest(1,
                new dev.mlreadiness.github.queue.PullRequestKey(PullRequestFixture.REPO, pr.number),
                dev.mlreadiness.github.queue.WorkRequest.Kind.PULL_REQUEST, pr.headSha, "lost-" + pr.number,
                "pull_request", new String(pr.payload("opened"), java.nio.charset.StandardCharsets.UTF_8), List.of()));
        await(GitHubState.GATES.reached(gated));
        return new Loser(loser, gate);
    }

    /** Another replica takes the job over (a live lease under a token of its own), as its claim would. */
    static void takenOverByAThief(DataSource ds) {
        TestDatabase.execute(ds, "update work_job set token = 'thief', owner = 'thief',"
                + " lease_until = now() + interval '1 hour'");
    }

    /**
     * The thief dies in turn (its lease expires) and a third replica takes the job over: it completes the run the
     * job recorded as left in progress, if any, then publishes its own run. Returns its outcome.
     */
    Outcome successorTakesOver(DataSource ds) throws Exception {
        List<Outcome> outcomes = new CopyOnWriteArrayList<>();
        TestDatabase.execute(ds, "update work_job set lease_until = now() - interval '1 second'");
        PostgresWorkQueue successor = replica(ds, "successor", outcomes).start();
        try {
            until(() -> !outcomes.isEmpty() && successor.idle());
            return outcomes.get(0);
        } finally {
            successor.stop(java.time.Duration.ofSeconds(30));
        }
    }

    /** The pull request's runs: all completed, the last one with the review's result. */
    static void allCompletedTheLastWithTheResult(PullRequestFixture pr, int runs) {
        assertThat(GitHubState.runsOf(pr.headSha)).hasSize(runs)
                .allSatisfy(r -> assertThat(r.path("status").asText()).isEqualTo("completed"));
        assertThat(GitHubState.runsOf(pr.headSha).get(runs - 1).at("/output/title").asText())
                .isEqualTo("Ready, 2 new gaps (none blocking)");
    }

    /**
     * A replica whose lease another replica took over while it evaluated (it stalled past its lease) publishes
     * nothing: no review, no summary comment, and its run, which it recorded in the job, is left to the new owner,
     * which completes it once, as a run left in progress.
     */
    @Test
    void aReplicaThatLostItsLeaseDuringAnEvaluationPublishesNothing() throws Exception {
        onNewSchema("lost", ds -> {
            PullRequestFixture pr = pullRequest(160);
            List<Outcome> outcomes = new CopyOnWriteArrayList<>();
            Loser loser = loserHeldAt(ds, pr, pr.api() + "/pulls/160/comments", outcomes); // evaluating
            long runId;
            try {
                until(() -> GitHubState.runsOf(pr.headSha).size() == 1);
                runId = GitHubState.runsOf(pr.headSha).get(0).path("id").asLong();
                until(() -> Long.valueOf(runId).equals(one(ds, "select check_run_id from work_job"))); // recorded
                takenOverByAThief(ds);
                loser.gate().countDown();
                until(() -> !outcomes.isEmpty());
                assertThat(outcomes.get(0).superseded()).isTrue();
                assertThat(GitHubState.REVIEWS.get(pr.number)).isNull();
                assertThat(GitHubState.ISSUE_COMMENTS.get(pr.number)).isNull();
                assertThat(GitHubJournal.of(server).matching("PATCH", ".*/check-runs/" + runId)).isEmpty();
                assertThat(GitHubState.RUNS.get(runId).path("status").asText()).isEqualTo("in_progress");
            } finally {
                loser.queue().stop(java.time.Duration.ofSeconds(30));
            }
            assertThat(successorTakesOver(ds).superseded()).isFalse();
            assertThat(GitHubJournal.of(server).matching("PATCH", ".*/check-runs/" + runId)).hasSize(1);
            assertThat(GitHubState.RUNS.get(runId).at("/output/title").asText()).isEqualTo("Could not evaluate");
            allCompletedTheLastWithTheResult(pr, 2);
        });
    }

    /**
     * A replica whose job was taken over after it claimed it but before it recorded its check run (its lease expired
     * under load): the run is unknown to the job, so no other replica completes it. Its own worker does, once, when
     * it finds it lost the job: skipped, saying another instance evaluates the commit; and it publishes nothing
     * else. The replica that then runs the job publishes its own run and leaves that one alone.
     */
    @Test
    void aRunStartedAfterTheJobWasTakenOverIsCompletedOnceByTheWorkerThatStartedIt() throws Exception {
        onNewSchema("unrecorded", ds -> {
            PullRequestFixture pr = pullRequest(163);
            List<Outcome> outcomes = new CopyOnWriteArrayList<>();
            Loser loser = loserHeldAt(ds, pr, pr.api() + "/check-runs", outcomes); // starting its run
            long runId;
            try {
                takenOverByAThief(ds);
                loser.gate().countDown();
                until(() -> !outcomes.isEmpty());
                assertThat(outcomes.get(0).superseded()).isTrue();
                assertThat(GitHubState.runsOf(pr.headSha)).hasSize(1);
                runId = GitHubState.runsOf(pr.headSha).get(0).path("id").asLong();
                assertThat(one(ds, "select check_run_id from work_job")).isNull(); // never recorded
                assertThat(GitHubState.REVIEWS.get(pr.number)).isNull();
                assertThat(GitHubState.ISSUE_COMMENTS.get(pr.number)).isNull();
                assertThat(GitHubJournal.of(server).matching("PATCH", ".*/check-runs/" + runId)).hasSize(1);
                com.fasterxml.jackson.databind.JsonNode run = GitHubState.RUNS.get(runId);
                assertThat(run.path("status").asText()).isEqualTo("completed");
                // fails closed: completed after the new owner's run, a skipped run would pass a required check that
                // the new owner's run failed
                assertThat(run.path("conclusion").asText()).isEqualTo("failure");
                assertThat(run.at("/output/title").asText()).isEqualTo("Evaluated by another instance");
                assertThat(run.at("/output/summary").asText()).contains("Another instance of ML readiness");
            } finally {
                loser.queue().stop(java.time.Duration.ofSeconds(30));
            }
            assertThat(successorTakesOver(ds).superseded()).isFalse();
            assertThat(GitHubJournal.of(server).matching("PATCH", ".*/check-runs/" + runId)).hasSize(1); // once
            allCompletedTheLastWithTheResult(pr, 2);
        });
    }

    /**
     * The loser's run, unknown to the job, was completed meanwhile by the new owner (its first round saw it in
     * progress, held by nobody it knows of): the loser reads it before completing it, and leaves it as it is.
     */
    @Test
    void aRunUnknownToTheJobThatTheNewOwnerCompletedIsNotCompletedAgain() throws Exception {
        onNewSchema("completed", ds -> {
            PullRequestFixture pr = pullRequest(164);
            List<Outcome> outcomes = new CopyOnWriteArrayList<>();
            java.util.concurrent.CountDownLatch listing = GitHubState.GATES.close(pr.api() + "/pulls/164/comments");
            Loser loser = loserHeldAt(ds, pr, pr.api() + "/check-runs", outcomes); // starting its run
            try {
                takenOverByAThief(ds);
                loser.gate().countDown();
                until(() -> GitHubState.runsOf(pr.headSha).size() == 1);
                long runId = GitHubState.runsOf(pr.headSha).get(0).path("id").asLong();
                // the new owner's cleanup of runs left in progress
                GitHubState.RUNS.get(runId).put("status", "completed").put("conclusion", "failure");
                listing.countDown();
                until(() -> !outcomes.isEmpty());
                assertThat(outcomes.get(0).superseded()).isTrue();
                assertThat(one(ds, "select check_run_id from work_job")).isNull(); // never recorded
                assertThat(GitHubJournal.of(server).matching("GET", ".*/commits/" + pr.headSha + "/check-runs"))
                        .isNotEmpty();
                assertThat(GitHubJournal.of(server).matching("PATCH", ".*/check-runs/" + runId)).isEmpty();
                assertThat(GitHubState.RUNS.get(runId).path("conclusion").asText()).isEqualTo("failure");
            } finally {
                loser.queue().stop(java.time.Duration.ofSeconds(30));
            }
        });
    }

    /** The first column of the first row; null when none. Fails the condition it is asked in when it throws. */
    static Object one(DataSource ds, String sql) {
        try (java.sql.Connection c = ds.getConnection();
                java.sql.PreparedStatement s = c.prepareStatement(sql);
                java.sql.ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getObject(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
