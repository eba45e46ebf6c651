package dev.mlreadiness.github;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.mlreadiness.github.deliveries.RedeliverFailedDeliveries;

/**
 * Two replicas of the packaged app (prod mode: signatures checked, handlers run after the answer) on one
 * PostgreSQL, with GitHub faked by WireMock in this JVM: deliveries spread over both are evaluated once per head,
 * and a replica killed in the middle of an evaluation is taken over by the other when its lease expires. The
 * lease is short here (3 s) so that the takeover comes soon; nothing waits for a duration, only for conditions.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasIT extends DeliveryScenarios {

    static WireMockGitHubResource github;
    static String schema;
    static DataSource db;
    static final List<Process> replicas = new ArrayList<>();
    static final List<Integer> ports = new ArrayList<>();

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        TestDatabase.assumeAvailable();
        github = new WireMockGitHubResource();
        Map<String, String> config = new java.util.HashMap<>(github.start());
        schema = TestDatabase.newSchema("replicas");
        db = TestDatabase.dataSource(schema);
        config.putAll(PostgresResource.config(schema));
        config.put("ml-readiness.queue.lease", "3s");
        config.put("ml-readiness.queue.poll", "100ms");
        config.put("ml-readiness.retry.initial-backoff", "1ms");
        config.put("ml-readiness.retry.max-backoff", "5ms");
        config.put("quarkus.log.file.enabled", "false");
        config.put("ml-readiness.redeliver.every", "1s");
        config.put("ml-readiness.redeliver.delay", "0s");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < 2; i++) {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-Dquarkus.http.port=" + port));
            config.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(new File("target/replica-" + i + ".log")).start();
            replicas.add(p);
            ports.add(port);
        }
        for (int port : ports) {
            until(() -> ready(port));
        }
    }

    @AfterAll
    static void stopReplicas() {
        replicas.forEach(Process::destroy);
        if (github != null) {
            github.stop();
        }
        if (schema != null) {
            TestDatabase.drop(schema);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static boolean ready(int port) {
        try {
            return given().port(port).get("/q/health/ready").statusCode() == 200;
        } catch (Exception notYet) { // RestAssured throws ConnectException undeclared
            return false;
        }
    }

    static int send(int port, String event, byte[] body, String delivery) {
        return given().port(port).contentType("application/json").header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", delivery).header("X-Hub-Signature-256", Webhooks.sign(SECRET, body))
                .body(body).post("/").then().extract().statusCode();
    }

    static Object one(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A pull request with gaps of the real catalog (the packaged app has no test rules): two absolute paths on
     * added lines (one grouped inline comment) and, as the pull request adds the folders `notebooks/` and `src/`
     * that the README does not describe, the notice of docs/project-structure.
     */
    @Override
    PullRequestFixture pullRequest(int number) throws Exception {
        return stub(PullRequestFixture.pr(number)
                .unchanged("README.md", "# R" + number + "\n\n## Usage\n\nrun it\n")
                .add("notebooks/q.ipynb", ReviewOverHttpTest.NOTEBOOK)
                .add("src/q.py", "import numpy\nTRAIN = \"/home/alice/data/train.csv\"\n"
                        + "MODEL = \"/Users/bob/models/out.pkl\"\n"));
    }

    /** Whether the queue settled the delivery (done or failed), whichever replica ran it. */
    static boolean settled(String delivery, PullRequestFixture pr) {
        return one("select state from delivery where delivery_key = ? and state <> 'queued'",
                delivery + "/" + PullRequestFixture.REPO + "#" + pr.number) != null;
    }

    /** The {@code i}-th of a mix of deliveries (opened, synchronize, re-run, /readiness), to replica i % 2. */
    Callable<Integer> delivery(PullRequestFixture pr, int i, String id) {
        int port = ports.get(i % 2);
        return () -> switch (i % 4) {
            case 0 -> send(port, "pull_request", pr.payload("opened"), id);
            case 1 -> send(port, "pull_request", pr.payload("synchronize"), id);
            case 2 -> send(port, "check_suite", rerequested(pr), id);
            default -> send(port, "issue_comment",
                    CommentPayload.onPullRequest(pr.number, "/readiness").getBytes(StandardCharsets.UTF_8), id);
        };
    }

    @Test
    @Order(1)
    void aPullRequestEventIsRecordedBeforeTheAppAnswersIt() throws Exception {
        PullRequestFixture pr = pullRequest(301);
        String id = UUID.randomUUID().toString();
        assertThat(send(ports.get(0), "pull_request", pr.payload("opened"), id)).isEqualTo(200);
        // no wait: the delivery, its job and its request were committed before the answer (the request is gone
        // only once a worker settled it, in the same transaction as the delivery's state)
        recordedBeforeTheAnswer(id, pr);
        until(() -> settled(id, pr));
        until(() -> GitHubState.ISSUE_COMMENTS.get(pr.number) != null);
        publishedOnce(pr, 1); // both gaps of src/q.py in one grouped comment
    }

    /** The delivery's row, its pull request's job, and its request or its settled state: all there at once. */
    static void recordedBeforeTheAnswer(String id, PullRequestFixture pr) {
        String key = id + "/" + PullRequestFixture.REPO + "#" + pr.number;
        assertThat(one("select count(*) from delivery where delivery_key = ?", key)).isEqualTo(1L);
        assertThat(one("select count(*) from work_job where repository = ? and number = ?", PullRequestFixture.REPO,
                pr.number)).isEqualTo(1L);
        assertThat(one("select count(*) from work_request where delivery_key = ?", key).equals(1L)
                || settled(id, pr)).as("the request is queued or settled").isTrue();
    }

    @Test
    @Order(5)
    void aReRunIsRecordedBeforeTheAppAnswersIt() throws Exception {
        PullRequestFixture pr = pullRequest(304);
        // the replica that outlived the takeover test
        int port = ports.get(replicas.get(0).isAlive() ? 0 : 1);
        String opened = UUID.randomUUID().toString();
        assertThat(send(port, "pull_request", pr.payload("opened"), opened)).isEqualTo(200);
        until(() -> settled(opened, pr));
        String id = UUID.randomUUID().toString();
        assertThat(send(port, "check_suite", rerequested(pr), id)).isEqualTo(200);
        recordedBeforeTheAnswer(id, pr);
        until(() -> settled(id, pr));
        until(() -> (Long) one("select count(*) from work_job where state in ('queued', 'running')") == 0);
        publishedOnce(pr, 1);
    }

    /** The recovery of failed deliveries runs under the advisory lock of the schema, and releases it. */
    @Test
    @Order(6)
    void theRecoveryOfFailedDeliveriesReleasesItsAdvisoryLock() throws Exception {
        until(() -> GitHubJournal.of(WireMockGitHubResource.server).matching("GET", "/app/hook/deliveries")
                .size() >= 2);
        // between runs nobody holds it: a lock kept by a pooled connection would block every later run for good
        until(() -> (Long) one("""
                select count(*) from pg_locks where locktype = 'advisory' and classid = %d and objsubid = 2
                  and database = (select oid from pg_database where datname = current_database())"""
                .formatted(RedeliverFailedDeliveries.LOCK)) == 0L);
    }

    @Test
    @Order(2)
    void fiftyDeliveriesSpreadOverTwoReplicasPublishOncePerHead() throws Exception {
        PullRequestFixture pr = pullRequest(302);
        List<String> ids = new ArrayList<>();
        List<Callable<Integer>> deliveries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            deliveries.add(delivery(pr, i, id));
        }
        assertThat(all(deliveries)).hasSize(50).containsOnly(200);
        until(() -> ids.stream().allMatch(id -> settled(id, pr)),
                () -> ids.stream().filter(id -> !settled(id, pr)).count() + " deliveries not settled");
        until(() -> (Long) one("select count(*) from work_job where state in ('queued', 'running')") == 0);

        publishedOnce(pr, 1); // one review of the head, no comment twice, one summary comment, every run completed
        assertThat(lastRun(pr).at("/output/title").asText()).startsWith("Ready, 3 new gaps");
        assertThat(one("select count(*) from delivery where state = 'failed'")).isEqualTo(0L);
    }

    @Test
    @Order(3)
    void aReplicaKilledDuringAnEvaluationIsTakenOverWhenItsLeaseExpires() throws Exception {
        PullRequestFixture pr = pullRequest(303);
        CountDownLatch gate = FakeGitHub.GATES.close(pr.baseSha); // README, unchanged, is read from the base
        String id = UUID.randomUUID().toString();
        assertThat(send(ports.get(0), "pull_request", pr.payload("opened"), id)).isEqualTo(200);
        await(FakeGitHub.GATES.reached(pr.baseSha)); // one replica is evaluating, its run in progress
        until(() -> one("select check_run_id from work_job where number = 303") != null);
        String owner = (String) one("select owner from work_job where number = 303");
        long runId = (Long) one("select check_run_id from work_job where number = 303");
        Process victim = replicas.stream().filter(p -> owner.startsWith(p.pid() + "@")).findFirst().orElseThrow();

        victim.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook completes anything
        gate.countDown();
        until(() -> settled(id, pr));

        ObjectNode abandoned = GitHubState.RUNS.get(runId);
        assertThat(abandoned.path("status").asText()).isEqualTo("completed");
        assertThat(abandoned.at("/output/title").asText()).isEqualTo("Could not evaluate");
        assertThat(abandoned.at("/output/summary").asText()).contains("the app stopped during this evaluation");
        until(() -> GitHubState.ISSUE_COMMENTS.get(pr.number) != null);
        publishedOnce(pr, 1); // both gaps of src/q.py in one grouped comment
        JsonNode last = lastRun(pr);
        assertThat(last.path("id").asLong()).isNotEqualTo(runId);
        assertThat(last.at("/output/title").asText()).startsWith("Ready, 3 new gaps");
        assertThat((String) one("select owner from work_job where number = 303")).isNull();
    }
}
