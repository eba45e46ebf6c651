package dev.mlreadiness.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

/**
 * GitHub's write endpoints with memory, for the pull requests a test {@linkplain #track tracks}: check runs
 * (created, completed, annotations appended on every PATCH as GitHub does, listed per commit), reviews and their
 * comments, issue comments. A write can be made to {@linkplain #LOSE lose its answer}: it is applied, then answered
 * 502, as when GitHub's front end drops the answer of a write that went through. Tests then count what GitHub
 * holds, not what was sent.
 */
public final class FakeGitHubWrites implements ResponseDefinitionTransformerV2 {

    static final String NAME = "fake-github-writes";
    static final String BOT = "{\"login\":\"ml-readiness[bot]\",\"id\":9000009,\"type\":\"Bot\"}";

    /** Check runs by id. */
    static final Map<Long, ObjectNode> RUNS = new ConcurrentHashMap<>();
    /** Reviews, review comments and issue comments, by pull request number. */
    static final Map<Integer, List<ObjectNode>> REVIEWS = new ConcurrentHashMap<>();
    static final Map<Integer, List<ObjectNode>> REVIEW_COMMENTS = new ConcurrentHashMap<>();
    static final Map<Integer, List<ObjectNode>> ISSUE_COMMENTS = new ConcurrentHashMap<>();
    /** Kinds of write ({@link #CREATE_RUN}, ...) whose n-th answer from now is lost after the write is applied. */
    private static final Map<String, Integer> LOSE = new ConcurrentHashMap<>();

    static final String CREATE_RUN = "create-run";
    static final String UPDATE_RUN = "update-run";
    static final String CREATE_REVIEW = "create-review";
    static final String CREATE_COMMENT = "create-comment";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(8_000_000);
    private static final Pattern RUN = Pattern.compile(".*/check-runs/(\\d+)");
    private static final Pattern COMMIT_RUNS = Pattern.compile(".*/commits/([0-9a-f]+)/check-runs");
    private static final Pattern PR_PART = Pattern.compile(".*/(pulls|issues)/(\\d+)/(reviews|comments)");
    private static final Pattern COMMENT = Pattern.compile(".*/issues/comments/(\\d+)");

    /** The {@code nth} write of that kind from now on is applied, and its answer lost (a 502 instead). */
    static void lose(String kind, int nth) {
        LOSE.put(kind, nth);
    }

    static void reset() {
        RUNS.clear();
        REVIEWS.clear();
        REVIEW_COMMENTS.clear();
        ISSUE_COMMENTS.clear();
        LOSE.clear();
    }

    /** Routes the fixture's write endpoints (and the listings the app reads them back with) to this fake. */
    static void track(WireMockServer s, PullRequestFixture pr) {
        String api = pr.api();
        var fake = aResponse().withTransformers(NAME);
        s.stubFor(post(urlPathEqualTo(api + "/check-runs")).atPriority(2)
                .withRequestBody(matchingJsonPath("$.head_sha", equalTo(pr.headSha))).willReturn(fake));
        s.stubFor(any(urlPathMatching(api + "/check-runs/8\\d{6}")).atPriority(2).willReturn(fake));
        s.stubFor(any(urlPathEqualTo(api + "/commits/" + pr.headSha + "/check-runs")).atPriority(2)
                .willReturn(fake));
        s.stubFor(any(urlPathMatching(api + "/(pulls|issues)/" + pr.number + "/(reviews|comments)")).atPriority(2)
                .willReturn(fake));
        s.stubFor(any(urlPathMatching(api + "/issues/comments/\\d+")).atPriority(2).willReturn(fake));
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        try {
            return answer(event.getRequest().getMethod().getName(), event.getRequest().getUrl().split("\\?")[0],
                    event.getRequest().getBodyAsString());
        } catch (Exception e) {
            return new ResponseDefinitionBuilder().withStatus(400).withBody(e.toString()).build();
        }
    }

    private static synchronized ResponseDefinition answer(String method, String path, String body) throws Exception {
        JsonNode in = body == null || body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        Matcher m;
        if (method.equals("POST") && path.endsWith("/check-runs")) {
            ObjectNode run = JSON.createObjectNode();
            long id = IDS.incrementAndGet();
            run.put("id", id).put("name", in.path("name").asText()).put("head_sha", in.path("head_sha").asText())
                    .put("status", in.path("status").asText("queued")).putNull("conclusion")
                    .put("external_id", in.path("external_id").asText(""))
                    .put("url", "https://api.github.com" + path + "/" + id)
                    .put("html_url", "https://github.com/runs/" + id);
            run.putObject("output").put("annotations_count", 0).putNull("title").putNull("summary");
            RUNS.put(id, run);
            return reply(CREATE_RUN, 201, run);
        }
        if ((m = RUN.matcher(path)).matches() && method.equals("PATCH")) {
            ObjectNode run = RUNS.get(Long.parseLong(m.group(1)));
            if (run == null) {
                return new ResponseDefinitionBuilder().withStatus(404).build();
            }
            if (in.has("status")) {
                run.put("status", in.path("status").asText());
            }
            if (in.has("conclusion")) {
                run.put("conclusion", in.path("conclusion").asText());
            }
            if (in.has("output")) {
                ObjectNode out = (ObjectNode) run.get("output");
                out.put("title", in.at("/output/title").asText()).put("summary", in.at("/output/summary").asText());
                out.put("annotations_count", out.path("annotations_count").asInt()
                        + in.at("/output/annotations").size()); // GitHub appends
            }
            return reply(UPDATE_RUN, 200, run);
        }
        if ((m = COMMIT_RUNS.matcher(path)).matches()) {
            ArrayNode runs = JSON.createArrayNode();
            String sha = m.group(1);
            RUNS.values().stream().filter(r -> r.path("head_sha").asText().equals(sha))
                    .sorted((a, b) -> Long.compare(b.path("id").asLong(), a.path("id").asLong())).forEach(runs::add);
            ObjectNode page = JSON.createObjectNode().put("total_count", runs.size());
            page.set("check_runs", runs);
            return ok(200, page);
        }
        if ((m = PR_PART.matcher(path)).matches()) {
            int number = Integer.parseInt(m.group(2));
            if (m.group(1).equals("pulls") && m.group(3).equals("reviews") && method.equals("POST")) {
                long reviewId = IDS.incrementAndGet();
                ObjectNode review = JSON.createObjectNode().put("id", reviewId).put("state", "COMMENTED")
                        .put("body", in.path("body").asText()).put("commit_id", in.path("commit_id").asText());
                review.set("user", JSON.readTree(BOT));
                REVIEWS.computeIfAbsent(number, k -> new ArrayList<>()).add(review);
                for (JsonNode c : in.path("comments")) {
                    long id = IDS.incrementAndGet();
                    ObjectNode comment = JSON.createObjectNode().put("id", id).put("path", c.path("path").asText())
                            .put("line", c.path("line").asInt()).put("original_line", c.path("line").asInt())
                            .put("side", "RIGHT").put("body", c.path("body").asText())
                            .put("commit_id", in.path("commit_id").asText())
                            .put("original_commit_id", in.path("commit_id").asText())
                            .put("pull_request_review_id", reviewId).put("created_at", "2026-01-01T00:00:00Z")
                            .put("updated_at", "2026-01-01T00:00:00Z")
                            .put("url", "https://api.github.com/pulls/comments/" + id)
                            .put("html_url", "https://github.com/pull/" + number + "#discussion_r" + id);
                    comment.set("user", JSON.readTree(BOT));
                    REVIEW_COMMENTS.computeIfAbsent(number, k -> new ArrayList<>()).add(comment);
                }
                return reply(CREATE_REVIEW, 200, review);
            }
            if (m.group(1).equals("pulls") && m.group(3).equals("comments")) {
                return ok(200, list(REVIEW_COMMENTS.get(number)));
            }
            if (m.group(1).equals("issues") && m.group(3).equals("comments") && method.equals("POST")) {
                long id = IDS.incrementAndGet();
                ObjectNode comment = JSON.createObjectNode().put("id", id).put("body", in.path("body").asText())
                        .put("created_at", "2026-01-01T00:00:00Z").put("updated_at", "2026-01-01T00:00:00Z")
                        .put("url", "https://api.github.com/issues/comments/" + id)
                        .put("html_url", "https://github.com/pull/" + number + "#issuecomment-" + id);
                comment.set("user", JSON.readTree(BOT));
                ISSUE_COMMENTS.computeIfAbsent(number, k -> new ArrayList<>()).add(comment);
                return reply(CREATE_COMMENT, 201, comment);
            }
            if (m.group(1).equals("issues") && m.group(3).equals("comments")) {
                return ok(200, list(ISSUE_COMMENTS.get(number)));
            }
        }
        if ((m = COMMENT.matcher(path)).matches() && method.equals("PATCH")) {
            long id = Long.parseLong(m.group(1));
            for (List<ObjectNode> comments : ISSUE_COMMENTS.values()) {
                for (ObjectNode c : comments) {
                    if (c.path("id").asLong() == id) {
                        c.put("body", in.path("body").asText());
                        return ok(200, c);
                    }
                }
            }
        }
        return new ResponseDefinitionBuilder().withStatus(404).withBody("{\"message\":\"Not Found\"}").build();
    }

    private static ArrayNode list(List<ObjectNode> items) {
        ArrayNode out = JSON.createArrayNode();
        if (items != null) {
            items.forEach(out::add);
        }
        return out;
    }

    /** The answer of an applied write, or a 502 in its place when the test asked to lose it. */
    private static ResponseDefinition reply(String kind, int status, JsonNode body) throws Exception {
        Integer nth = LOSE.get(kind);
        if (nth != null && nth > 1) {
            LOSE.put(kind, nth - 1);
        } else if (nth != null && LOSE.remove(kind) != null) {
            return new ResponseDefinitionBuilder().withStatus(502).withBody("{\"message\":\"Server Error\"}").build();
        }
        return ok(status, body);
    }

    private static ResponseDefinition ok(int status, JsonNode body) throws Exception {
        return new ResponseDefinitionBuilder().withStatus(status)
                .withHeader("Content-Type", WireMockGitHubResource.JSON)
                .withBody(JSON.writeValueAsString(body)).build();
    }
}
