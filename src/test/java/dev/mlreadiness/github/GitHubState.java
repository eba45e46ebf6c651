package dev.mlreadiness.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.util.ArrayList;
import java.util.Comparator;
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
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

/**
 * GitHub with a memory, for the pull requests a test {@linkplain #install installs}: check runs (created with their
 * {@code external_id}, completed, annotations appended on every PATCH as GitHub does, listed per commit and filtered
 * by {@code status}, {@code check_name} and {@code app_id}), reviews and their comments, issue comments (posted and
 * edited). What the app wrote is then what it reads back, as on GitHub, so duplicates show and tests count what
 * GitHub holds, not what was sent. A write can be made to {@linkplain #lose lose its answer}: it is applied, then
 * answered 502, as when GitHub's front end drops the answer of a write that went through. A path can be
 * {@linkplain #GATES gated} to hold its requests.
 */
public final class GitHubState implements ResponseDefinitionTransformerV2 {

    static final String NAME = "github-state";
    static final long APP_ID = Long.parseLong(WireMockGitHubResource.APP_ID);

    /** Check runs by id. */
    static final Map<Long, ObjectNode> RUNS = new ConcurrentHashMap<>();
    /** Annotations by check run id, in the order the PATCHes added them. */
    static final Map<Long, List<JsonNode>> ANNOTATIONS = new ConcurrentHashMap<>();
    /** Reviews, review comments and issue comments, by pull request number. */
    static final Map<Integer, List<ObjectNode>> REVIEWS = new ConcurrentHashMap<>();
    static final Map<Integer, List<ObjectNode>> REVIEW_COMMENTS = new ConcurrentHashMap<>();
    static final Map<Integer, List<ObjectNode>> ISSUE_COMMENTS = new ConcurrentHashMap<>();
    /**
     * The lines of the new file each pull request's diff shows, by number and path, read from the hunk headers of
     * the patches GitHub lists: a review with a comment elsewhere is refused whole, as GitHub does.
     */
    static final Map<Integer, Map<String, java.util.BitSet>> DIFF_LINES = new ConcurrentHashMap<>();
    /** Requests to a path closed here wait until its gate opens. */
    static final Gates GATES = new Gates();

    /** Kinds of write whose answer can be {@linkplain #lose lost}. */
    static final String CREATE_RUN = "create-run";
    static final String UPDATE_RUN = "update-run";
    static final String CREATE_REVIEW = "create-review";
    static final String CREATE_COMMENT = "create-comment";
    /** Kinds of write whose n-th answer from now is lost after the write is applied. */
    private static final Map<String, Integer> LOSE = new ConcurrentHashMap<>();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOT = "{\"login\":\"ml-readiness[bot]\",\"id\":9000009,\"type\":\"Bot\"}";
    private static final String CREATED = "2026-01-01T00:00:00Z";
    private static final AtomicLong IDS = new AtomicLong(8_000_000);
    private static final Pattern RUN = Pattern.compile(".*/check-runs/(\\d+)");
    private static final Pattern COMMIT_RUNS = Pattern.compile(".*/commits/([0-9a-f]+)/check-runs");
    private static final Pattern PR_PART = Pattern.compile(".*/(pulls|issues)/(\\d+)/(reviews|comments)");
    private static final Pattern COMMENT = Pattern.compile(".*/issues/comments/(\\d+)");
    private static final Pattern REVIEW_COMMENT = Pattern.compile(".*/pulls/comments/(\\d+)");

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    /**
     * Routes the pull request's check runs (those of its current head), reviews and comments here, below the
     * priority-1 stubs tests use for faults; returns the stubs to remove afterwards.
     */
    static List<StubMapping> install(WireMockServer s, PullRequestFixture pr) {
        String api = pr.api();
        var fake = aResponse().withTransformers(NAME);
        DIFF_LINES.put(pr.number, diffLines(pr.files()));
        return List.of(
                s.stubFor(post(urlPathEqualTo(api + "/check-runs")).atPriority(2)
                        .withRequestBody(matchingJsonPath("$.head_sha", equalTo(pr.headSha))).willReturn(fake)),
                s.stubFor(any(urlPathMatching(api + "/check-runs/8\\d{6}")).atPriority(2).willReturn(fake)),
                s.stubFor(any(urlPathEqualTo(api + "/commits/" + pr.headSha + "/check-runs")).atPriority(2)
                        .willReturn(fake)),
                s.stubFor(any(urlPathMatching(api + "/(pulls|issues)/" + pr.number + "/(reviews|comments)"))
                        .atPriority(2).willReturn(fake)),
                s.stubFor(any(urlPathMatching(api + "/(issues|pulls)/comments/\\d+")).atPriority(2).willReturn(fake)));
    }

    /**
     * For each listed file with a patch, the new-file lines of its hunks: {@code @@ -a,b +c,d @@} shows lines c to
     * c+d-1 (d is 1 when left out), read from the headers alone.
     */
    private static Map<String, java.util.BitSet> diffLines(String files) {
        Map<String, java.util.BitSet> out = new ConcurrentHashMap<>();
        Pattern header = Pattern.compile("(?m)^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@");
        try {
            for (JsonNode f : JSON.readTree(files)) {
                java.util.BitSet lines = new java.util.BitSet();
                if (f.has("patch")) {
                    Matcher h = header.matcher(f.path("patch").asText());
                    while (h.find()) {
                        int start = Integer.parseInt(h.group(1));
                        int count = h.group(2) == null ? 1 : Integer.parseInt(h.group(2));
                        lines.set(start, start + count);
                    }
                }
                out.put(f.path("filename").asText(), lines);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The {@code nth} write of that kind from now on is applied, and its answer lost (a 502 instead). */
    static void lose(String kind, int nth) {
        LOSE.put(kind, nth);
    }

    /** Forgets everything GitHub holds, and the answers to lose. */
    static void reset() {
        RUNS.clear();
        ANNOTATIONS.clear();
        REVIEWS.clear();
        REVIEW_COMMENTS.clear();
        ISSUE_COMMENTS.clear();
        LOSE.clear();
    }

    /** A run as another process (or another app, by {@code appId}) would have left it on the commit. */
    static synchronized ObjectNode seedRun(String headSha, String status, long appId) {
        return newRun("ML readiness", headSha, status, "", appId);
    }

    /** The commit's runs, oldest first. */
    static List<ObjectNode> runsOf(String headSha) {
        return RUNS.values().stream().filter(r -> r.path("head_sha").asText().equals(headSha))
                .sorted(Comparator.comparingLong(r -> r.path("id").asLong())).toList();
    }

    /** The annotations the run holds. */
    static List<JsonNode> annotationsOf(JsonNode run) {
        return ANNOTATIONS.getOrDefault(run.path("id").asLong(), List.of());
    }

    /** The comments of the review. */
    static List<ObjectNode> commentsOf(int number, JsonNode review) {
        return REVIEW_COMMENTS.getOrDefault(number, List.of()).stream()
                .filter(c -> c.path("pull_request_review_id").asLong() == review.path("id").asLong()).toList();
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String path = request.getUrl().split("\\?")[0];
        GATES.pass(path::equals);
        try {
            return answer(request, path);
        } catch (Exception e) {
            return new ResponseDefinitionBuilder().withStatus(400).withBody(e.toString()).build();
        }
    }

    private static synchronized ResponseDefinition answer(Request request, String path) throws Exception {
        String method = request.getMethod().getName();
        String body = request.getBodyAsString();
        JsonNode in = body == null || body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        Matcher m;
        if (method.equals("POST") && path.endsWith("/check-runs")) {
            ObjectNode run = newRun(in.path("name").asText(), in.path("head_sha").asText(),
                    in.path("status").asText("queued"), in.path("external_id").asText(""), APP_ID);
            return reply(CREATE_RUN, 201, run);
        }
        if ((m = RUN.matcher(path)).matches() && method.equals("PATCH")) {
            long id = Long.parseLong(m.group(1));
            ObjectNode run = RUNS.get(id);
            if (run == null) {
                return notFound();
            }
            if (in.has("status")) {
                run.put("status", in.path("status").asText());
            }
            if (in.has("conclusion")) {
                run.put("conclusion", in.path("conclusion").asText());
            }
            for (JsonNode a : in.at("/output/annotations")) {
                if (a.path("message").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 65_536) {
                    return unprocessable("annotation message is too long (maximum is 64 KB)");
                }
            }
            if (in.has("output")) {
                ObjectNode out = (ObjectNode) run.get("output");
                out.put("title", in.at("/output/title").asText()).put("summary", in.at("/output/summary").asText());
                List<JsonNode> annotations = ANNOTATIONS.computeIfAbsent(id, k -> new ArrayList<>());
                in.at("/output/annotations").forEach(annotations::add); // GitHub appends
                out.put("annotations_count", annotations.size());
            }
            return reply(UPDATE_RUN, 200, run);
        }
        if ((m = RUN.matcher(path)).matches() && method.equals("GET")) {
            ObjectNode run = RUNS.get(Long.parseLong(m.group(1)));
            return run == null ? notFound() : ok(200, run);
        }
        if ((m = COMMIT_RUNS.matcher(path)).matches()) {
            String status = query(request, "status");
            String name = query(request, "check_name");
            String app = query(request, "app_id");
            ArrayNode runs = JSON.createArrayNode();
            runsOf(m.group(1)).stream().sorted(Comparator.comparingLong(r -> -r.path("id").asLong())) // newest first
                    .filter(r -> status == null || status.equals(r.path("status").asText()))
                    .filter(r -> name == null || name.equals(r.path("name").asText()))
                    .filter(r -> app == null || app.equals(r.at("/app/id").asText())).forEach(runs::add);
            ObjectNode page = JSON.createObjectNode().put("total_count", runs.size());
            page.set("check_runs", runs);
            return ok(200, page);
        }
        if ((m = PR_PART.matcher(path)).matches()) {
            int number = Integer.parseInt(m.group(2));
            String part = m.group(1) + "/" + m.group(3);
            if (part.equals("pulls/reviews") && method.equals("POST")) {
                Map<String, java.util.BitSet> diff = DIFF_LINES.getOrDefault(number, Map.of());
                for (JsonNode c : in.path("comments")) {
                    if (c.path("body").asText().length() > 65_536) {
                        return unprocessable("body is too long (maximum is 65536 characters)");
                    }
                    java.util.BitSet lines = diff.get(c.path("path").asText());
                    if (lines == null || !lines.get(c.path("line").asInt())) {
                        // GitHub's answer to a review with a comment off the diff: nothing of it is created
                        return new ResponseDefinitionBuilder().withStatus(422)
                                .withHeader("Content-Type", WireMockGitHubResource.JSON)
                                .withBody("{\"message\":\"Unprocessable Entity\",\"errors\":[\"Line could not be "
                                        + "resolved\"],\"status\":\"422\"}")
                                .build();
                    }
                }
                return reply(CREATE_REVIEW, 200, review(number, in));
            }
            if (part.equals("pulls/reviews") && method.equals("GET")) {
                return ok(200, list(REVIEWS.get(number)));
            }
            if (part.equals("pulls/comments") && method.equals("GET")) {
                return ok(200, list(REVIEW_COMMENTS.get(number)));
            }
            if (part.equals("issues/comments") && method.equals("POST")) {
                long id = IDS.incrementAndGet();
                ObjectNode comment = JSON.createObjectNode().put("id", id).put("body", in.path("body").asText())
                        .put("created_at", CREATED).put("updated_at", CREATED)
                        .put("url", "https://api.github.com/issues/comments/" + id)
                        .put("html_url", "https://github.com/pull/" + number + "#issuecomment-" + id);
                comment.set("user", JSON.readTree(BOT));
                ISSUE_COMMENTS.computeIfAbsent(number, k -> new ArrayList<>()).add(comment);
                return reply(CREATE_COMMENT, 201, comment);
            }
            if (part.equals("issues/comments") && method.equals("GET")) {
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
        if ((m = REVIEW_COMMENT.matcher(path)).matches() && method.equals("PATCH")) {
            long id = Long.parseLong(m.group(1));
            for (List<ObjectNode> comments : REVIEW_COMMENTS.values()) {
                for (ObjectNode c : comments) {
                    if (c.path("id").asLong() == id) {
                        c.put("body", in.path("body").asText());
                        return ok(200, c);
                    }
                }
            }
        }
        return notFound();
    }

    private static ObjectNode newRun(String name, String headSha, String status, String externalId, long appId) {
        long id = IDS.incrementAndGet();
        ObjectNode run = JSON.createObjectNode();
        run.put("id", id).put("name", name).put("head_sha", headSha).put("status", status).putNull("conclusion")
                .put("external_id", externalId)
                .put("url", "https://api.github.com/repos/" + PullRequestFixture.REPO + "/check-runs/" + id)
                .put("html_url", "https://github.com/" + PullRequestFixture.REPO + "/runs/" + id);
        run.putObject("output").put("annotations_count", 0).putNull("title").putNull("summary");
        run.putObject("app").put("id", appId).put("slug", appId == APP_ID ? "ml-readiness" : "other");
        RUNS.put(id, run);
        return run;
    }

    /** Stores the review and its comments; answers the review as GitHub does, without its comments. */
    private static ObjectNode review(int number, JsonNode in) throws Exception {
        long reviewId = IDS.incrementAndGet();
        String commit = in.path("commit_id").asText();
        ObjectNode review = JSON.createObjectNode().put("id", reviewId).put("state", "COMMENTED")
                .put("body", in.path("body").asText()).put("commit_id", commit);
        review.set("user", JSON.readTree(BOT));
        REVIEWS.computeIfAbsent(number, k -> new ArrayList<>()).add(review);
        for (JsonNode c : in.path("comments")) {
            long id = IDS.incrementAndGet();
            ObjectNode comment = JSON.createObjectNode().put("id", id).put("path", c.path("path").asText())
                    .put("line", c.path("line").asInt()).put("original_line", c.path("line").asInt())
                    .put("side", "RIGHT").put("body", c.path("body").asText()).put("commit_id", commit)
                    .put("original_commit_id", commit).put("pull_request_review_id", reviewId)
                    .put("created_at", CREATED).put("updated_at", CREATED)
                    .put("url", "https://api.github.com/pulls/comments/" + id)
                    .put("html_url", "https://github.com/pull/" + number + "#discussion_r" + id);
            comment.set("user", JSON.readTree(BOT));
            REVIEW_COMMENTS.computeIfAbsent(number, k -> new ArrayList<>()).add(comment);
        }
        return review;
    }

    private static String query(Request request, String name) {
        QueryParameter p = request.queryParameter(name);
        return p.isPresent() ? p.firstValue() : null;
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

    /** GitHub's refusal of a write over one of its documented limits: nothing of it is applied. */
    private static ResponseDefinition unprocessable(String error) {
        return new ResponseDefinitionBuilder().withStatus(422).withHeader("Content-Type", WireMockGitHubResource.JSON)
                .withBody("{\"message\":\"Unprocessable Entity\",\"errors\":[\"" + error + "\"],\"status\":\"422\"}")
                .build();
    }

    private static ResponseDefinition notFound() {
        return new ResponseDefinitionBuilder().withStatus(404).withBody("{\"message\":\"Not Found\"}").build();
    }

    private static ResponseDefinition ok(int status, JsonNode body) throws Exception {
        return new ResponseDefinitionBuilder().withStatus(status)
                .withHeader("Content-Type", WireMockGitHubResource.JSON).withBody(JSON.writeValueAsString(body))
                .build();
    }
}
