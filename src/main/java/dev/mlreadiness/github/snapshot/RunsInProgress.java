package dev.mlreadiness.github.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Whether the app has check runs in progress on a commit, asked as one more field of the GraphQL request that reads
 * the config files (a {@code repository} field, so it costs no request and no round trip of its own): the runs of
 * every name's history ({@code checkType: ALL}; GitHub's default is the latest of each name only), in progress,
 * of the app's check suite when its id is known.
 *
 * @param headSha the commit
 * @param checkName the app's check run name
 * @param appId the app's id, to ask for its check suite only; empty: every suite of the commit
 */
public record RunsInProgress(String headSha, String checkName, Optional<Long> appId) {

    /** Suites and runs asked for; more of either (a page beyond) answers "unknown". */
    static final int FIRST = 50;
    static final String ALIAS = "runs";

    /** The field to put in the {@code repository} block. */
    String field() {
        return ALIAS + ": object(oid: " + GraphQLQuery.quote(headSha) + ") { ... on Commit { checkSuites(first: "
                + FIRST
                + appId.map(id -> ", filterBy: {appId: " + id + "}").orElse("")
                + ") { pageInfo { hasNextPage } nodes { checkRuns(first: " + FIRST + ", filterBy: {checkName: "
                + GraphQLQuery.quote(checkName) + ", checkType: ALL, status: IN_PROGRESS}) {"
                + " pageInfo { hasNextPage } nodes { databaseId } } } } } }";
    }

    /**
     * The ids of the runs in progress, from the {@code repository} block's answer; empty when the answer cannot
     * tell (the field is missing or null, as GitHub answers a field it could not resolve, or a page goes on).
     */
    Optional<List<Long>> of(JsonObject repository) {
        JsonObject commit = object(repository, ALIAS);
        JsonObject suites = object(commit, "checkSuites");
        if (suites == null || !(suites.get("nodes") instanceof JsonArray suiteNodes) || hasNextPage(suites)) {
            return Optional.empty();
        }
        List<Long> ids = new ArrayList<>();
        for (JsonValue suite : suiteNodes) {
            JsonObject runs = suite.getValueType() == JsonValue.ValueType.OBJECT
                    ? object(suite.asJsonObject(), "checkRuns")
                    : null;
            if (runs == null || !(runs.get("nodes") instanceof JsonArray runNodes) || hasNextPage(runs)) {
                return Optional.empty();
            }
            for (JsonValue run : runNodes) {
                if (run.getValueType() != JsonValue.ValueType.OBJECT
                        || !(run.asJsonObject().get("databaseId") instanceof JsonNumber id)) {
                    return Optional.empty();
                }
                ids.add(id.longValue());
            }
        }
        return Optional.of(List.copyOf(ids));
    }

    private static boolean hasNextPage(JsonObject connection) {
        JsonObject page = object(connection, "pageInfo");
        return page == null || page.getBoolean("hasNextPage", true);
    }

    private static JsonObject object(JsonObject parent, String field) {
        if (parent == null) {
            return null;
        }
        JsonValue v = parent.get(field);
        return v != null && v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject() : null;
    }
}
