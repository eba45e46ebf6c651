package dev.mlreadiness.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

/**
 * GitHub with a memory, for the pull requests a test hands it: check runs get their own ids and are listed per
 * commit with their status; reviews add their comments to the pull request's review comments; issue comments are
 * listed as posted and edited. What the app wrote is then what it reads back, as on GitHub, so duplicates show.
 */
public final class GitHubState implements ResponseDefinitionTransformerV2 {

    static final String NAME = "github-state";
    static final long APP_ID = Long.parseLong(WireMockGitHubResource.APP_ID);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOT = "{\"login\":\"ml-readiness[bot]\",\"id\":9000009,\"type\":\"Bot\"}";
    private static final Pattern CHECK_RUN = Pattern.compile(".*/check-runs/(\\d+)");
    private static final Pattern COMMIT_RUNS = Pattern.compile(".*/commits/([0-9a-f]+)/check-runs");
    private static final Pattern PULL = Pattern.compile(".*/(pulls|issues)/(\\d+)/(reviews|comments)");
    private static final Pattern COMMENT = Pattern.compile(".*/issues/comments/(\\d+)");

    static final AtomicLong IDS = new AtomicLong(8_000_000);
    /** Requests to one of these paths wait until the latch opens, after counting down the path's {@link #REACHED}. */
    static final Map<String, CountDownLatch> GATES = new ConcurrentHashMap<>();
    static final Map<String, CountDownLatch> REACHED = new ConcurrentHashMap<>();
    /** Check runs by id. */
    static final Map<Long, ObjectNode> RUNS = new ConcurrentHashMap<>();
    /** Review comments by pull request number. */
    static final Map<Integer, List<ObjectNode>> REVIEW_COMMENTS = new ConcurrentHashMap<>();
    /** Reviews (the POST bodies) by pull request number. */
    static final Map<Integer, List<JsonNode>> REVIEWS = new ConcurrentHashMap<>();
    /** Issue comments by pull request number. */
    static final Map<Integer, List<ObjectNode>> ISSUE_COMMENTS = new ConcurrentHashMap<>();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** Routes the pull request's check runs, reviews and comments here; returns the stubs to remove afterwards. */
    static List<StubMapping> install(WireMockServer server, PullRequestFixture pr) {
        String api = pr.api();
        List<StubMapping> stubs = new ArrayList<>();
        for (String path : List.of(api + "/check-runs", api + "/check-runs/\\d+", api + "/commits/[0-9a-f]+/check-runs",
                api + "/pulls/" + pr.number + "/(reviews|comments)", api + "/issues/" + pr.number + "/comments",
                api + "/issues/comments/\\d+")) {
            stubs.add(server.stubFor(any(urlPathMatching(path)).atPriority(1)
                    .willReturn(aResponse().withTransformers(NAME))));
        }
        return stubs;
    }

    static synchronized ObjectNode seedRun(String headSha, String status, long appId) {
        ObjectNode run = JSON.createObjectNode();
        long id = IDS.incrementAndGet();
        run.put("id", id).put("name", "ML readiness").put("head_sha", headSha).put("status", status)
                .putObject("app").put("id", appId).put("slug", appId == APP_ID ? "ml-readiness" : "other");
        RUNS.put(id, run);
        return run;
    }

    static List<ObjectNode> runsOf(String headSha) {
        return RUNS.values().stream().filter(r -> r.path("head_sha").asText().equals(headSha))
                .sorted((a, b) -> Long.compare(a.path("id").asLong(), b.path("id").asLong())).toList();
    }

    /** Makes requests to {@code path} wait until the returned latch is opened; the test awaits {@link #REACHED}. */
    static CountDownLatch gate(String path) {
        REACHED.put(path, new CountDownLatch(1));
        CountDownLatch gate = new CountDownLatch(1);
        GATES.put(path, gate);
        return gate;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        String path = event.getRequest().getUrl().split("\\?")[0];
        CountDownLatch gate = GATES.get(path);
        if (gate != null) {
            REACHED.get(path).countDown();
            try {
                gate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (GitHubState.class) {
            return answer(event);
        }
    }

    private ResponseDefinition answer(ServeEvent event) {
        try {
            String method = event.getRequest().getMethod().getName();
            String path = event.getRequest().getUrl().split("\\?")[0];
            String body = event.getRequest().getBodyAsString();
            Matcher m;
            if (method.equals("POST") && path.endsWith("/check-runs")) {
                JsonNode in = JSON.readTree(body);
                ObjectNode run = seedRun(in.path("head_sha").asText(), in.path("status").asText("queued"), APP_ID);
                return ok(201, run);
            }
            if ((m = CHECK_RUN.matcher(path)).matches() && method.equals("PATCH")) {
                ObjectNode run = RUNS.get(Long.parseLong(m.group(1)));
                JsonNode in = JSON.readTree(body);
                in.fieldNames().forEachRemaining(f -> run.set(f, in.get(f)));
                return ok(200, run);
            }
            if ((m = COMMIT_RUNS.matcher(path)).matches()) {
                String status = event.getRequest().queryParameter("status").isPresent()
                        ? event.getRequest().queryParameter("status").firstValue()
                        : null;
                ArrayNode runs = JSON.createArrayNode();
                runsOf(m.group(1)).stream().filter(r -> status == null || status.equals(r.path("status").asText()))
                        .forEach(runs::add);
                ObjectNode page = JSON.createObjectNode().put("total_count", runs.size());
                page.set("check_runs", runs);
                return ok(200, page);
            }
            if ((m = PULL.matcher(path)).matches()) {
                int number = Integer.parseInt(m.group(2));
                if (m.group(3).equals("reviews")) {
                    return ok(200, review(number, JSON.readTree(body)));
                }
                Map<Integer, List<ObjectNode>> store = m.group(1).equals("pulls") ? REVIEW_COMMENTS : ISSUE_COMMENTS;
                List<ObjectNode> comments = store.computeIfAbsent(number, n -> new ArrayList<>());
                if (method.equals("GET")) {
                    return ok(200, JSON.createArrayNode().addAll(comments));
                }
                ObjectNode c = comment(JSON.readTree(body).path("body").asText());
                comments.add(c);
                return ok(201, c);
            }
            if ((m = COMMENT.matcher(path)).matches() && method.equals("PATCH")) {
                long id = Long.parseLong(m.group(1));
                for (List<ObjectNode> comments : ISSUE_COMMENTS.values()) {
                    for (ObjectNode c : comments) {
                        if (c.path("id").asLong() == id) {
                            c.put("body", JSON.readTree(body).path("body").asText());
                            return ok(200, c);
                        }
                    }
                }
            }
            return new ResponseDefinitionBuilder().withStatus(404).withBody("{\"message\":\"Not Found\"}").build();
        } catch (Exception e) {
            return new ResponseDefinitionBuilder().withStatus(500).withBody(e.toString()).build();
        }
    }

    private static ObjectNode review(int number, JsonNode in) {
        REVIEWS.computeIfAbsent(number, n -> new ArrayList<>()).add(in);
        long reviewId = IDS.incrementAndGet();
        for (JsonNode c : in.path("comments")) {
            ObjectNode rc = comment(c.path("body").asText());
            rc.put("path", c.path("path").asText()).put("line", c.path("line").asInt()).put("side", "RIGHT")
                    .put("commit_id", in.path("commit_id").asText()).put("pull_request_review_id", reviewId);
            REVIEW_COMMENTS.computeIfAbsent(number, n -> new ArrayList<>()).add(rc);
        }
        ObjectNode review = JSON.createObjectNode();
        review.put("id", reviewId).put("state", "COMMENTED").put("body", in.path("body").asText())
                .put("commit_id", in.path("commit_id").asText());
        review.set("user", user());
        return review;
    }

    private static ObjectNode comment(String body) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", IDS.incrementAndGet()).put("body", body).put("created_at", "2026-01-01T00:00:00Z")
                .put("updated_at", "2026-01-01T00:00:00Z");
        c.set("user", user());
        return c;
    }

    private static JsonNode user() {
        try {
            return JSON.readTree(BOT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResponseDefinition ok(int status, JsonNode body) {
        return new ResponseDefinitionBuilder().withStatus(status)
                .withHeader("Content-Type", WireMockGitHubResource.JSON).withBody(body.toString()).build();
    }
}
