package dev.mlreadiness.github;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * GitHub's GraphQL endpoint for the queries the app sends: {@code repository(owner, name)} blocks with
 * {@code object(expression: "<ref>:<path>")} fields, answered from the files tests register here, and
 * {@code object(oid: "<sha>") { ... on Commit { checkSuites(...) { ... checkRuns(...) } } }} fields, answered from
 * the runs {@link GitHubState} holds (one suite per app; filtered by the suite's {@code appId} and the runs'
 * {@code checkName}, {@code status} and {@code checkType}, whose {@code LATEST} keeps the newest run of each
 * name, as GitHub does). Unknown repositories answer null with a NOT_FOUND error, as GitHub does; a ref listed in
 * {@link #FAILING_REFS} makes a request for that commit's contents fail with 502 (not the config's request,
 * although it reads the head's root manifests too).
 */
public final class FakeGitHub implements ResponseDefinitionTransformerV2 {

    static final String NAME = "fake-github-graphql";
    /** "owner/name@ref:path" to text. */
    static final Map<String, String> FILES = new ConcurrentHashMap<>();
    /** Repositories that exist ("owner/name"). */
    static final Set<String> REPOS = ConcurrentHashMap.newKeySet();
    static final Set<String> FAILING_REFS = ConcurrentHashMap.newKeySet();
    /** Queries naming a ref closed here wait until its gate opens. */
    static final Gates GATES = new Gates();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REPOSITORY = Pattern.compile(
            "(?:(\\w+): )?repository\\(owner: \"((?:[^\"\\\\]|\\\\.)*)\", name: \"((?:[^\"\\\\]|\\\\.)*)\"\\)");
    private static final Pattern OBJECT = Pattern.compile(
            "(?:(\\w+): )?object\\(expression: \"((?:[^\"\\\\]|\\\\.)*)\"\\)");
    private static final Pattern COMMIT = Pattern.compile("(?:(\\w+): )?object\\(oid: \"([0-9a-f]+)\"\\)");
    private static final Pattern SUITES = Pattern
            .compile("checkSuites\\(first: \\d+(?:, filterBy: \\{appId: (\\d+)\\})?\\)");
    private static final Pattern RUNS = Pattern.compile("checkRuns\\(first: \\d+, filterBy: \\{checkName: "
            + "\"((?:[^\"\\\\]|\\\\.)*)\", checkType: (ALL|LATEST), status: ([A-Z_]+)\\}\\)");

    static void put(String repo, String ref, String path, String text) {
        REPOS.add(repo);
        FILES.put(repo + "@" + ref + ":" + path, text);
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
            String query = JSON.readTree(event.getRequest().getBodyAsString()).path("query").asText();
            GATES.pass(ref -> query.contains("\"" + ref + ":"));
            for (String ref : FAILING_REFS) {
                if (query.contains("\"" + ref + ":") && !query.contains("ml-readiness.yml")) {
                    return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(502)
                            .withBody("{\"message\":\"Server Error\"}").build();
                }
            }
            return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(answer(query)))
                    .build();
        } catch (Exception e) {
            return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(400)
                    .withBody(e.toString()).build();
        }
    }

    static JsonNode answer(String query) throws Exception {
        ObjectNode data = JSON.createObjectNode();
        List<JsonNode> errors = new ArrayList<>();
        Matcher repo = REPOSITORY.matcher(query);
        List<int[]> starts = new ArrayList<>();
        List<String[]> repos = new ArrayList<>();
        while (repo.find()) {
            starts.add(new int[] { repo.end() });
            repos.add(new String[] { repo.group(1) == null ? "repository" : repo.group(1), unquote(repo.group(2)),
                    unquote(repo.group(3)) });
        }
        for (int i = 0; i < repos.size(); i++) {
            String alias = repos.get(i)[0];
            String fullName = repos.get(i)[1] + "/" + repos.get(i)[2];
            int from = starts.get(i)[0];
            int to = i + 1 < starts.size() ? starts.get(i + 1)[0] : query.length();
            if (!REPOS.contains(fullName)) {
                data.putNull(alias);
                errors.add(JSON.readTree("{\"type\":\"NOT_FOUND\",\"path\":[\"" + alias
                        + "\"],\"message\":\"Could not resolve to a Repository with the name '" + fullName + "'.\"}"));
                continue;
            }
            ObjectNode r = data.putObject(alias);
            Matcher commit = COMMIT.matcher(query.substring(from, to));
            while (commit.find()) {
                r.set(commit.group(1) == null ? "object" : commit.group(1),
                        checkSuites(commit.group(2), query.substring(from + commit.end(), to)));
            }
            Matcher obj = OBJECT.matcher(query.substring(from, to));
            while (obj.find()) {
                String field = obj.group(1) == null ? "object" : obj.group(1);
                String text = FILES.get(fullName + "@" + unquote(obj.group(2)));
                if (text == null) {
                    r.putNull(field);
                } else {
                    ObjectNode blob = r.putObject(field);
                    blob.put("text", text).put("isBinary", false)
                            .put("byteSize", text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                            .put("isTruncated", false);
                }
            }
        }
        ObjectNode out = JSON.createObjectNode();
        out.set("data", data);
        if (!errors.isEmpty()) {
            out.putArray("errors").addAll(errors);
        }
        return out;
    }

    /** The commit's check suites as GitHub answers the app's question: one per app, with the runs asked for. */
    private static JsonNode checkSuites(String sha, String rest) throws Exception {
        Matcher suites = SUITES.matcher(rest);
        Matcher runs = RUNS.matcher(rest);
        if (!suites.find() || !runs.find()) {
            throw new IllegalArgumentException("unexpected commit fields: " + rest);
        }
        String appId = suites.group(1);
        String name = unquote(runs.group(1));
        boolean latest = runs.group(2).equals("LATEST");
        String status = runs.group(3).toLowerCase(java.util.Locale.ROOT);
        Map<String, List<JsonNode>> byApp = new java.util.TreeMap<>();
        for (JsonNode run : GitHubState.runsOf(sha)) { // oldest first
            byApp.computeIfAbsent(run.at("/app/id").asText(), k -> new ArrayList<>()).add(run);
        }
        ObjectNode commit = JSON.createObjectNode();
        ObjectNode connection = commit.putObject("checkSuites");
        connection.putObject("pageInfo").put("hasNextPage", false);
        var nodes = connection.putArray("nodes");
        for (Map.Entry<String, List<JsonNode>> app : byApp.entrySet()) {
            if (appId != null && !appId.equals(app.getKey())) {
                continue;
            }
            List<JsonNode> named = app.getValue().stream().filter(run -> run.path("name").asText().equals(name))
                    .toList();
            if (latest && !named.isEmpty()) {
                named = List.of(named.get(named.size() - 1));
            }
            ObjectNode suite = nodes.addObject();
            ObjectNode checkRuns = suite.putObject("checkRuns");
            checkRuns.putObject("pageInfo").put("hasNextPage", false);
            var runNodes = checkRuns.putArray("nodes");
            named.stream().filter(run -> status.equals(run.path("status").asText()))
                    .forEach(run -> runNodes.addObject().put("databaseId", run.path("id").asLong()));
        }
        return commit;
    }

    private static String unquote(String s) throws Exception {
        return JSON.readValue("\"" + s + "\"", String.class);
    }
}
