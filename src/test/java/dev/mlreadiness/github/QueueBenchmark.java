package dev.mlreadiness.github;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        HttpClient http = HttpClient.newHttpClient();
        try (PackagedApp app = PackagedApp.start(config, options, heap)) {
            app.awaitReady(http);
            System.out.printf("app up, RSS %d MB (log %s)%n", app.rssMb(), app.log);
            for (int round = 0; round < rounds; round++) {
                double seconds = round(http, List.of(app.base()), 1000 + round * PULL_REQUESTS);
                System.out.printf("round %d: %d evaluations in %.1f s = %.0f per minute; RSS %d MB%n", round + 1,
                        PULL_REQUESTS, seconds, PULL_REQUESTS * 60 / seconds, app.rssMb());
            }
        } finally {
            WireMockGitHubResource.server.stop();
        }
    }

    /**
     * One round: {@link #PULL_REQUESTS} pull requests numbered from {@code first}, each with two gaps, stubbed on the
     * fake GitHub; {@code pull_request.opened} of each delivered at once, to the replicas in turn; waits until every
     * check run is completed. The seconds it took.
     */
    static double round(HttpClient http, List<String> replicas, int first) throws Exception {
        List<PullRequestFixture> prs = new ArrayList<>();
        for (int i = 0; i < PULL_REQUESTS; i++) {
            prs.add(pullRequest(first + i));
        }
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
        for (int i = 0; i < prs.size(); i++) {
            byte[] body = prs.get(i).payload("opened");
            sent.add(deliver(http, replicas.get(i % replicas.size()), "pull_request", body,
                    Webhooks.sign(WireMockGitHubResource.WEBHOOK_SECRET, body)));
        }
        sent.forEach(CompletableFuture::join);
        while (!prs.stream().allMatch(QueueBenchmark::completed)) {
            Thread.sleep(50);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** A pull request with a README read from the base, a notebook and a Python file with two gaps, stubbed. */
    static PullRequestFixture pullRequest(int number) throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(number)
                .unchanged("README.md", "# Bench " + number + "\n\n## Usage\n\nrun it\n")
                .add("notebooks/b.ipynb", ReviewOverHttpTest.NOTEBOOK)
                .add("src/b.py", "import numpy\nx = 1  # GAP-HERE\ny = 2  # GAP-HERE\n");
        pr.stub(WireMockGitHubResource.server);
        GitHubState.install(WireMockGitHubResource.server, pr);
        return pr;
    }

    /** A webhook delivery as GitHub sends it (a new delivery id each time), signed beforehand. */
    static CompletableFuture<HttpResponse<Void>> deliver(HttpClient http, String replica, String event, byte[] body,
            String signature) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(replica + "/"))
                .header("Content-Type", "application/json").header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
    }

    static boolean completed(PullRequestFixture pr) {
        return GitHubState.runsOf(pr.headSha).stream()
                .anyMatch(r -> r.path("status").asText().equals("completed"));
    }
}
