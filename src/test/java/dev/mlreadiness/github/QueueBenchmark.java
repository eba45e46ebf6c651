package dev.mlreadiness.github;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Evaluations per minute of the packaged app ({@code target/quarkus-app/quarkus-run.jar}, prod mode) for 50 pull
 * requests delivered at once, against WireMock playing GitHub with 100 ms added to every answer, and the app's RSS
 * before and after each round. Not a test: run it as {@code docs/performance.md} shows.
 *
 * <p>
 * Arguments: rounds (default 3), heap cap for the app (default 256m).
 */
public final class QueueBenchmark {

    static final int PULL_REQUESTS = 50;

    private QueueBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        // the container image's JVM options; a second argument overrides its heap cap, a third replaces the options
        // file ("none": the JVM's defaults, as the image ran the app before it had one)
        String heap = args.length > 1 && !args[1].equals("-") ? args[1] : null;
        String options = args.length > 2 ? args[2] : "src/main/jvm/app.options";
        Map<String, String> config = new WireMockGitHubResource().start();
        WireMockGitHubResource.server.setGlobalFixedDelay(100);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dquarkus.http.port=" + port));
        if (!options.equals("none")) {
            command.add(1, "@" + options);
        }
        if (heap != null) {
            command.add("-Xmx" + heap);
        }
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        File log = Files.createTempFile("queue-benchmark", ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        if (!options.equals("none")) {
            builder.environment().put("MALLOC_ARENA_MAX", "2"); // as the container image sets it
        }
        Process app = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        try {
            String base = "http://localhost:" + port;
            while (!ready(http, base)) {
                Thread.sleep(200);
            }
            System.out.printf("app up, RSS %d MB (log %s)%n", rssMb(app.pid()), log);
            for (int round = 0; round < rounds; round++) {
                List<PullRequestFixture> prs = new ArrayList<>();
                for (int i = 0; i < PULL_REQUESTS; i++) {
                    int number = 1000 + round * PULL_REQUESTS + i;
                    PullRequestFixture pr = PullRequestFixture.pr(number)
                            .unchanged("README.md", "# Bench " + number + "\n\n## Usage\n\nrun it\n")
                            .add("notebooks/b.ipynb", ReviewOverHttpTest.NOTEBOOK)
                            .add("src/b.py", "import numpy\nx = 1  # GAP-HERE\ny = 2  # GAP-HERE\n");
                    pr.stub(WireMockGitHubResource.server);
                    GitHubState.install(WireMockGitHubResource.server, pr);
                    prs.add(pr);
                }
                long start = System.nanoTime();
                List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
                for (PullRequestFixture pr : prs) {
                    byte[] body = pr.payload("opened");
                    sent.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/"))
                            .header("Content-Type", "application/json").header("X-GitHub-Event", "pull_request")
                            .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                            .header("X-Hub-Signature-256", Webhooks.sign(WireMockGitHubResource.WEBHOOK_SECRET, body))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.ofString()));
                }
                sent.forEach(CompletableFuture::join);
                while (!prs.stream().allMatch(QueueBenchmark::completed)) {
                    Thread.sleep(50);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("round %d: %d evaluations in %.1f s = %.0f per minute; RSS %d MB%n", round + 1,
                        PULL_REQUESTS, seconds, PULL_REQUESTS * 60 / seconds, rssMb(app.pid()));
            }
        } finally {
            app.destroy();
            app.waitFor();
            WireMockGitHubResource.server.stop();
        }
    }

    private static boolean completed(PullRequestFixture pr) {
        return GitHubState.runsOf(pr.headSha).stream()
                .anyMatch(r -> r.path("status").asText().equals("completed"));
    }

    private static boolean ready(HttpClient http, String base) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** The resident set of a process, from /proc (Linux). */
    private static long rssMb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
