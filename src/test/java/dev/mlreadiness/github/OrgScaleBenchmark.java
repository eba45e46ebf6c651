package dev.mlreadiness.github;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The app at organization scale on PostgreSQL, packaged and in prod mode as the container image runs it, against
 * WireMock playing GitHub with 100 ms added to every answer. Not a test: {@code bench/org-scale.sh} runs it
 * (docs/performance.md, "Organization scale").
 * <ol>
 * <li><b>Acknowledgements</b>: one replica, with the in-memory queue (the peer: nothing is recorded before the
 * answer) and then with PostgreSQL; signed {@code pull_request} deliveries (opened and synchronize of 100
 * pull requests in turn, each with a new delivery id) sent open-loop at a fixed rate for a fixed time, after a
 * 5-second warm-up at the same rate. Each delivery's acknowledgement time runs from when it was due to be sent to
 * the answer, so a slow answer delays no later measurement (no coordinated omission). At most 512 deliveries are in
 * flight; a delivery due while 512 wait is not sent and counted as shed. Afterwards the benchmark checks that every
 * accepted delivery was recorded in PostgreSQL.</li>
 * <li><b>Evaluations per minute</b>: rounds of 50 pull requests delivered at once ({@link QueueBenchmark#round}),
 * first to one replica, then spread over two replicas on one database.</li>
 * </ol>
 * Arguments: rate per second (200), seconds (30), rounds per replica count (3).
 */
public final class OrgScaleBenchmark {

    static final int PULL_REQUESTS = 100;
    static final int MAX_IN_FLIGHT = 512;

    private OrgScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        TestDatabase.assumeAvailable();
        Map<String, String> github = new WireMockGitHubResource().start();
        WireMockGitHubResource.server.setGlobalFixedDelay(100);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            acknowledgements(http, github, "memory", rate, seconds); // the peer: nothing recorded before the answer
            acknowledgements(http, github, "postgresql", rate, seconds);
            for (int replicas = 1; replicas <= 2; replicas++) {
                evaluations(http, github, replicas, rounds);
            }
        } finally {
            WireMockGitHubResource.server.stop();
        }
    }

    static void acknowledgements(HttpClient http, Map<String, String> github, String queue, int rate, int seconds)
            throws Exception {
        String schema = TestDatabase.newSchema("bench");
        Map<String, String> config = new HashMap<>(github);
        if (queue.equals("postgresql")) {
            config.putAll(PostgresResource.config(schema));
        }
        List<byte[]> bodies = new ArrayList<>();
        List<String> signatures = new ArrayList<>();
        for (int i = 0; i < PULL_REQUESTS; i++) {
            PullRequestFixture pr = QueueBenchmark.pullRequest(5000 + i);
            for (String action : List.of("opened", "synchronize")) {
                byte[] body = pr.payload(action);
                bodies.add(body);
                signatures.add(Webhooks.sign(WireMockGitHubResource.WEBHOOK_SECRET, body));
            }
        }
        try (PackagedApp app = PackagedApp.start(config, PackagedApp.IMAGE_OPTIONS, null)) {
            app.awaitReady(http);
            System.out.printf("%s queue, %s; one replica up, RSS %d MB, deliveries of %d to %d bytes%n", queue, load(),
                    app.rssMb(),
                    bodies.stream().mapToInt(b -> b.length).min().orElse(0),
                    bodies.stream().mapToInt(b -> b.length).max().orElse(0));
            Load warmUp = send(http, app.base(), bodies, signatures, rate, 5);
            System.out.printf("warm-up: %s%n", warmUp);
            Load measured = send(http, app.base(), bodies, signatures, rate, seconds);
            System.out.printf("%d deliveries/s for %d s: %s; RSS %d MB; %s%n", rate, seconds, measured, app.rssMb(),
                    load());
            if (queue.equals("postgresql")) {
                System.out.printf("recorded in PostgreSQL: %d of %d accepted deliveries%n",
                        count(schema, "select count(*) from delivery"), warmUp.accepted + measured.accepted);
            }
        } finally {
            TestDatabase.drop(schema);
        }
    }

    static void evaluations(HttpClient http, Map<String, String> github, int replicas, int rounds) throws Exception {
        String schema = TestDatabase.newSchema("bench");
        Map<String, String> config = new HashMap<>(github);
        config.putAll(PostgresResource.config(schema));
        List<PackagedApp> apps = new ArrayList<>();
        try {
            for (int i = 0; i < replicas; i++) {
                apps.add(PackagedApp.start(config, PackagedApp.IMAGE_OPTIONS, null));
            }
            for (PackagedApp app : apps) {
                app.awaitReady(http);
            }
            List<String> bases = apps.stream().map(PackagedApp::base).toList();
            for (int round = 0; round < rounds; round++) {
                double took = QueueBenchmark.round(http, bases,
                        10_000 * replicas + round * QueueBenchmark.PULL_REQUESTS);
                List<Long> rss = new ArrayList<>();
                for (PackagedApp app : apps) {
                    rss.add(app.rssMb());
                }
                System.out.printf(
                        "%d replica(s), round %d: %d evaluations in %.1f s = %.0f per minute; RSS %s MB; %s%n",
                        replicas, round + 1, QueueBenchmark.PULL_REQUESTS, took,
                        QueueBenchmark.PULL_REQUESTS * 60 / took,
                        rss, load());
            }
        } finally {
            for (PackagedApp app : apps) {
                app.close();
            }
            TestDatabase.drop(schema);
        }
    }

    /** What an open-loop run saw: acknowledgement times of the 2xx answers, in milliseconds. */
    record Load(int due, int accepted, int refused, int shed, double[] millis, double achievedRate) {

        double percentile(double p) {
            if (millis.length == 0) {
                return Double.NaN;
            }
            return millis[Math.min(millis.length - 1, (int) Math.ceil(p / 100 * millis.length) - 1)];
        }

        @Override
        public String toString() {
            return String.format("%d due, %d accepted (%.0f/s), %d refused, %d shed; acknowledgement p50 %.1f ms, "
                    + "p90 %.1f ms, p99 %.1f ms, max %.1f ms", due, accepted, achievedRate, refused, shed,
                    percentile(50), percentile(90), percentile(99), percentile(100));
        }
    }

    static Load send(HttpClient http, String base, List<byte[]> bodies, List<String> signatures, int rate,
            int seconds) {
        int due = rate * seconds;
        long interval = 1_000_000_000L / rate;
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long[] nanos = new long[due];
        Arrays.fill(nanos, -1);
        AtomicInteger refused = new AtomicInteger();
        int shed = 0;
        List<CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < due; i++) {
            long intended = start + i * interval;
            for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                shed++;
                continue;
            }
            int n = i;
            sent.add(QueueBenchmark.deliver(http, base, "pull_request", bodies.get(i % bodies.size()),
                    signatures.get(i % bodies.size())).whenComplete((response, error) -> {
                        if (error == null && response.statusCode() / 100 == 2) {
                            nanos[n] = System.nanoTime() - intended;
                        } else {
                            refused.incrementAndGet();
                        }
                        inFlight.release();
                    }));
        }
        for (CompletableFuture<HttpResponse<Void>> f : sent) {
            f.exceptionally(e -> null).join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double[] millis = Arrays.stream(nanos).filter(t -> t >= 0).mapToDouble(t -> t / 1e6).sorted().toArray();
        return new Load(due, millis.length, refused.get(), shed, millis, millis.length / elapsed);
    }

    static long count(String schema, String sql) throws SQLException {
        try (Connection c = TestDatabase.dataSource(schema).getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The machine's load average (the machine is shared: every figure depends on it). */
    static String load() throws Exception {
        String[] avg = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return "load average " + avg[0] + " " + avg[1] + " " + avg[2];
    }
}
