package dev.mlreadiness.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * One pull request of {@code Codertocat/Hello-World} as GitHub would serve it: base and head files, the changed
 * files with real unified-diff patches, the recursive tree with git blob ids and sizes, the contents for
 * GraphQL, the config files, the check run and comment endpoints, and the webhook payload (the real
 * {@code pull_request.opened} example with number, SHAs, draft and action adapted).
 */
final class PullRequestFixture {

    static final String REPO = "Codertocat/Hello-World";
    static final String ORG_CONFIG_REPO = "Codertocat/.github";
    /** GitHub lists at most this many files of a pull request, whatever its {@code changed_files} says. */
    static final int LISTED_FILES = 3000;
    /** The page size the app asks for, GitHub's maximum. */
    static final int PAGE_SIZE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    final int number;
    String baseSha;
    String headSha;
    final Map<String, String> base = new TreeMap<>();
    final Map<String, String> head = new TreeMap<>();
    String repoConfig;
    String orgConfig;
    boolean draft;
    boolean truncatedTree;
    /** Paths left out of a truncated tree. */
    final Set<String> missingFromTree = new TreeSet<>();
    /** The payload's {@code changed_files} when it is not the count of changed files (a stale count); else null. */
    Integer payloadChangedFiles;
    /** Changed files GitHub lists without a {@code patch} (too large a diff). */
    final Set<String> withoutPatch = new TreeSet<>();

    private PullRequestFixture(int number) {
        this.number = number;
        this.baseSha = sha("base-" + number);
        this.headSha = sha("head-" + number);
    }

    static PullRequestFixture pr(int number) {
        return new PullRequestFixture(number);
    }

    /** A file in the base that the pull request does not change. */
    PullRequestFixture unchanged(String path, String text) {
        base.put(path, text);
        head.put(path, text);
        return this;
    }

    PullRequestFixture add(String path, String text) {
        head.put(path, text);
        return this;
    }

    PullRequestFixture modify(String path, String before, String after) {
        base.put(path, before);
        head.put(path, after);
        return this;
    }

    PullRequestFixture delete(String path, String before) {
        base.put(path, before);
        return this;
    }

    PullRequestFixture config(String yaml) {
        this.repoConfig = yaml;
        return this;
    }

    PullRequestFixture orgConfig(String yaml) {
        this.orgConfig = yaml;
        return this;
    }

    PullRequestFixture draft() {
        this.draft = true;
        return this;
    }

    /** GitHub omits the file's {@code patch} from the listing, as it does for large diffs. */
    PullRequestFixture withoutPatch(String path) {
        withoutPatch.add(path);
        return this;
    }

    /** The recursive tree says {@code truncated: true} and leaves out the given paths. */
    PullRequestFixture truncatedTree(String... missing) {
        this.truncatedTree = true;
        missingFromTree.addAll(List.of(missing));
        return this;
    }

    /** A new push: the head moves to a new commit whose files the caller then changes. */
    PullRequestFixture push(String name) {
        this.headSha = sha("head-" + number + "-" + name);
        return this;
    }

    long checkRunId() {
        return 7_000_000L + number;
    }

    String api() {
        return "/repos/" + REPO;
    }

    /** Registers everything the app may ask about this pull request. */
    PullRequestFixture stub(WireMockServer s) {
        String json = WireMockGitHubResource.JSON;
        stubFiles(s);
        s.stubFor(get(urlPathEqualTo(api() + "/git/trees/" + headSha))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", json).withBody(tree())));
        s.stubFor(post(urlPathEqualTo(api() + "/check-runs"))
                .withRequestBody(matchingJsonPath("$.head_sha", equalTo(headSha)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", json).withBody(checkRun())));
        s.stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .patch(urlPathEqualTo(api() + "/check-runs/" + checkRunId()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", json).withBody(checkRun())));
        reviewComments(s, "[]");
        issueComments(s, "[]");
        // no run of the app left in progress on this head
        s.stubFor(get(urlPathEqualTo(api() + "/commits/" + headSha + "/check-runs"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", json)
                        .withBody("{\"total_count\":0,\"check_runs\":[]}")));
        s.stubFor(post(urlPathEqualTo(api() + "/pulls/" + number + "/reviews"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", json)
                        .withBody("{\"id\":80" + number + ",\"state\":\"COMMENTED\",\"body\":\"\",\"commit_id\":\""
                                + headSha + "\",\"user\":" + bot() + "}")));
        s.stubFor(post(urlPathEqualTo(api() + "/issues/" + number + "/comments"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", json)
                        .withBody(issueComment(90_000 + number, "created"))));
        s.stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .patch(urlPathMatching(api() + "/(issues|pulls)/comments/\\d+"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", json)
                        .withBody(issueComment(90_000 + number, "edited"))));
        base.forEach((p, t) -> FakeGitHub.put(REPO, baseSha, p, t));
        head.forEach((p, t) -> FakeGitHub.put(REPO, headSha, p, t));
        FakeGitHub.REPOS.add(REPO);
        if (repoConfig != null) {
            FakeGitHub.put(REPO, "master", ".github/ml-readiness.yml", repoConfig);
        } else {
            FakeGitHub.FILES.remove(REPO + "@master:.github/ml-readiness.yml");
        }
        if (orgConfig != null) {
            FakeGitHub.put(ORG_CONFIG_REPO, "HEAD", ".github/ml-readiness.yml", orgConfig);
        } else {
            FakeGitHub.REPOS.remove(ORG_CONFIG_REPO);
        }
        return this;
    }

    /**
     * The changed files as GitHub pages them: {@value #PAGE_SIZE} a page, a {@code Link} header to the next page,
     * and nothing beyond {@value #LISTED_FILES} files. The first page is the URL without a {@code page} parameter;
     * registered first, so the page-specific stubs (registered later) win where both match.
     */
    private void stubFiles(WireMockServer s) {
        List<ObjectNode> listed = listed();
        int pages = Math.max(1, (listed.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        String path = api() + "/pulls/" + number + "/files";
        for (int page = 1; page <= pages; page++) {
            ArrayNode body = JSON.createArrayNode();
            body.addAll(listed.subList((page - 1) * PAGE_SIZE, Math.min(listed.size(), page * PAGE_SIZE)));
            var response = aResponse().withStatus(200).withHeader("Content-Type", WireMockGitHubResource.JSON)
                    .withBody(body.toString());
            if (page < pages) {
                String url = s.baseUrl() + path + "?per_page=" + PAGE_SIZE + "&page=";
                response = response.withHeader("Link", "<" + url + (page + 1) + ">; rel=\"next\", <" + url + pages
                        + ">; rel=\"last\"");
            }
            var request = get(urlPathEqualTo(path));
            if (page > 1) {
                request = request.withQueryParam("page", equalTo(Integer.toString(page)));
            }
            s.stubFor(request.willReturn(response));
            if (page == 1) {
                // past the last page GitHub answers an empty page (registered before the pages, which win)
                s.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", matching("\\d+")).willReturn(aResponse()
                        .withStatus(200).withHeader("Content-Type", WireMockGitHubResource.JSON).withBody("[]")));
            }
        }
    }

    void reviewComments(WireMockServer s, String body) {
        s.stubFor(get(urlPathEqualTo(api() + "/pulls/" + number + "/comments"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", WireMockGitHubResource.JSON)
                        .withBody(body)));
    }

    void issueComments(WireMockServer s, String body) {
        s.stubFor(get(urlPathEqualTo(api() + "/issues/" + number + "/comments"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", WireMockGitHubResource.JSON)
                        .withBody(body)));
    }

    /** A review comment of the bot as GitHub lists it. */
    String reviewComment(long id, String path, int line, String body) throws IOException {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id).put("path", path).put("line", line).put("side", "RIGHT").put("body", body)
                .put("commit_id", headSha).put("created_at", "2026-01-01T00:00:00Z")
                .put("updated_at", "2026-01-01T00:00:00Z").put("pull_request_review_id", 80 + number)
                .put("url", "https://api.github.com/repos/" + REPO + "/pulls/comments/" + id)
                .put("html_url", "https://github.com/" + REPO + "/pull/" + number + "#discussion_r" + id);
        c.set("user", JSON.readTree(bot()));
        return JSON.writeValueAsString(c);
    }

    String issueComment(long id, String body) {
        return issueComment(id, "ml-readiness[bot]", body);
    }

    /** An issue comment written by {@code login}: a person, or the bot when it is {@code ml-readiness[bot]}. */
    String issueComment(long id, String login, String body) {
        try {
            ObjectNode c = JSON.createObjectNode();
            c.put("id", id).put("body", body).put("created_at", "2026-01-01T00:00:00Z")
                    .put("updated_at", "2026-01-01T00:00:00Z")
                    .put("url", "https://api.github.com/repos/" + REPO + "/issues/comments/" + id)
                    .put("html_url", "https://github.com/" + REPO + "/pull/" + number + "#issuecomment-" + id);
            c.set("user", login.equals("ml-readiness[bot]") ? JSON.readTree(bot()) : user(login));
            return JSON.writeValueAsString(c);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode user(String login) {
        ObjectNode u = JSON.createObjectNode();
        u.put("login", login).put("id", Math.abs(login.hashCode())).put("type", "User");
        return u;
    }

    private static String bot() {
        return "{\"login\":\"ml-readiness[bot]\",\"id\":9000009,\"type\":\"Bot\"}";
    }

    private String checkRun() {
        return "{\"id\":" + checkRunId() + ",\"name\":\"ML readiness\",\"head_sha\":\"" + headSha + "\","
                + "\"status\":\"in_progress\",\"url\":\"https://api.github.com" + api() + "/check-runs/"
                + checkRunId() + "\",\"html_url\":\"https://github.com/" + REPO + "/runs/" + checkRunId() + "\"}";
    }

    /** The files GitHub lists: the first {@value #LISTED_FILES} changed files, as one JSON array. */
    String files() {
        return JSON.createArrayNode().addAll(listed()).toString();
    }

    private List<ObjectNode> listed() {
        List<ObjectNode> all = changedFiles();
        return all.subList(0, Math.min(all.size(), LISTED_FILES));
    }

    /** Every changed file, as the pull request's {@code changed_files} counts them. */
    private List<ObjectNode> changedFiles() {
        List<ObjectNode> out = new ArrayList<>();
        for (String path : new TreeSet<>(union())) {
            String before = base.get(path);
            String after = head.get(path);
            if (before != null && before.equals(after)) {
                continue;
            }
            ObjectNode f = JSON.createObjectNode();
            out.add(f);
            String status = before == null ? "added" : after == null ? "removed" : "modified";
            String patch = patch(before == null ? "" : before, after == null ? "" : after, before == null);
            int additions = (int) patch.lines().filter(l -> l.startsWith("+")).count();
            int deletions = (int) patch.lines().filter(l -> l.startsWith("-")).count();
            f.put("sha", after == null ? blobSha(before) : blobSha(after)).put("filename", path).put("status", status)
                    .put("additions", additions).put("deletions", deletions).put("changes", additions + deletions)
                    .put("blob_url", "https://github.com/" + REPO + "/blob/" + headSha + "/" + path)
                    .put("raw_url", "https://github.com/" + REPO + "/raw/" + headSha + "/" + path)
                    .put("contents_url", "https://api.github.com" + api() + "/contents/" + path + "?ref=" + headSha);
            if (!withoutPatch.contains(path)) {
                f.put("patch", patch);
            }
        }
        return out;
    }

    private List<String> union() {
        List<String> all = new ArrayList<>(base.keySet());
        head.keySet().stream().filter(p -> !base.containsKey(p)).forEach(all::add);
        return all;
    }

    String tree() {
        ObjectNode t = JSON.createObjectNode();
        t.put("sha", headSha).put("url", "https://api.github.com" + api() + "/git/trees/" + headSha);
        ArrayNode entries = t.putArray("tree");
        head.entrySet().stream().filter(e -> !missingFromTree.contains(e.getKey()))
                .forEach(e -> entries.addObject().put("path", e.getKey()).put("mode", "100644")
                        .put("type", "blob").put("sha", blobSha(e.getValue()))
                        .put("size", e.getValue().getBytes(StandardCharsets.UTF_8).length)
                        .put("url", "https://api.github.com" + api() + "/git/blobs/" + blobSha(e.getValue())));
        t.put("truncated", truncatedTree);
        return t.toString();
    }

    /** A unified diff of one changed region with three lines of context, as GitHub's {@code patch}. */
    static String patch(String before, String after, boolean added) {
        List<String> a = before.isEmpty() ? List.of() : List.of(before.split("\n", -1)).subList(0, count(before));
        List<String> b = after.isEmpty() ? List.of() : List.of(after.split("\n", -1)).subList(0, count(after));
        if (added) {
            StringBuilder p = new StringBuilder("@@ -0,0 +1," + b.size() + " @@");
            b.forEach(l -> p.append("\n+").append(l));
            if (!after.endsWith("\n")) {
                p.append("\n\\ No newline at end of file");
            }
            return p.toString();
        }
        int pre = 0;
        while (pre < a.size() && pre < b.size() && a.get(pre).equals(b.get(pre))) {
            pre++;
        }
        int suf = 0;
        while (suf < a.size() - pre && suf < b.size() - pre
                && a.get(a.size() - 1 - suf).equals(b.get(b.size() - 1 - suf))) {
            suf++;
        }
        int ctxBefore = Math.min(3, pre);
        int ctxAfter = Math.min(3, suf);
        int oldStart = pre - ctxBefore + 1;
        int oldCount = ctxBefore + (a.size() - pre - suf) + ctxAfter;
        int newCount = ctxBefore + (b.size() - pre - suf) + ctxAfter;
        StringBuilder p = new StringBuilder(
                "@@ -" + oldStart + "," + oldCount + " +" + oldStart + "," + newCount + " @@");
        a.subList(pre - ctxBefore, pre).forEach(l -> p.append("\n ").append(l));
        a.subList(pre, a.size() - suf).forEach(l -> p.append("\n-").append(l));
        b.subList(pre, b.size() - suf).forEach(l -> p.append("\n+").append(l));
        a.subList(a.size() - suf, a.size() - suf + ctxAfter).forEach(l -> p.append("\n ").append(l));
        return p.toString();
    }

    /** Lines of a text; a trailing newline ends the last line rather than starting an empty one. */
    private static int count(String text) {
        int n = text.split("\n", -1).length;
        return text.endsWith("\n") ? n - 1 : n;
    }

    /** The webhook body: GitHub's example payload with this pull request's number, SHAs and state. */
    byte[] payload(String action) throws IOException {
        ObjectNode root;
        try (InputStream in = PullRequestFixture.class.getResourceAsStream("/webhooks/pull_request.opened.json")) {
            root = (ObjectNode) JSON.readTree(in);
        }
        root.put("action", action).put("number", number);
        ObjectNode pr = (ObjectNode) root.get("pull_request");
        pr.put("number", number).put("draft", draft).put("state", action.equals("closed") ? "closed" : "open")
                .put("changed_files", payloadChangedFiles != null ? payloadChangedFiles : changedFiles().size());
        ((ObjectNode) pr.get("head")).put("sha", headSha);
        ((ObjectNode) pr.get("base")).put("sha", baseSha);
        return JSON.writeValueAsBytes(root);
    }

    static String blobSha(String text) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        return digest(("blob " + content.length + "\0").getBytes(StandardCharsets.UTF_8), content);
    }

    static String sha(String seed) {
        return digest(seed.getBytes(StandardCharsets.UTF_8), new byte[0]);
    }

    private static String digest(byte[] a, byte[] b) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(a);
            sha1.update(b);
            return HexFormat.of().formatHex(sha1.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
