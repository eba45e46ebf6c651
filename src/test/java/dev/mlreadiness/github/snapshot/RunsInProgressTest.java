package dev.mlreadiness.github.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class RunsInProgressTest {

    private static final RunsInProgress ASK = new RunsInProgress("abc123", "ML readiness", Optional.of(42L));

    private static JsonObject repository(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void asksForEveryRunOfTheNameInProgressOfTheAppsSuite() {
        assertThat(ASK.field()).isEqualTo("runs: object(oid: \"abc123\") { ... on Commit { checkSuites(first: 50,"
                + " filterBy: {appId: 42}) { pageInfo { hasNextPage } nodes { checkRuns(first: 50, filterBy: {checkName:"
                + " \"ML readiness\", checkType: ALL, status: IN_PROGRESS}) { pageInfo { hasNextPage } nodes {"
                + " databaseId } } } } } }");
        assertThat(new RunsInProgress("abc", "ML readiness", Optional.empty()).field())
                .contains("checkSuites(first: 50) {");
    }

    @Test
    void theIdsOfTheRunsFound() {
        assertThat(ASK.of(repository("""
                {"runs": {"checkSuites": {"pageInfo": {"hasNextPage": false}, "nodes": [
                  {"checkRuns": {"pageInfo": {"hasNextPage": false}, "nodes": [{"databaseId": 7}, {"databaseId": 9}]}},
                  {"checkRuns": {"pageInfo": {"hasNextPage": false}, "nodes": []}}]}}}
                """))).contains(List.of(7L, 9L));
        assertThat(ASK.of(repository("""
                {"runs": {"checkSuites": {"pageInfo": {"hasNextPage": false}, "nodes": []}}}
                """))).contains(List.of());
    }

    /** Whatever does not say "none" for sure is unknown: the runs are then listed over REST. */
    @Test
    void anAnswerThatCannotTellIsUnknown() {
        assertThat(ASK.of(null)).isEmpty();
        assertThat(ASK.of(repository("{}"))).isEmpty();
        assertThat(ASK.of(repository("{\"runs\": null}"))).isEmpty(); // a field GitHub could not resolve
        assertThat(ASK.of(repository("{\"runs\": {}}"))).isEmpty(); // not a commit
        assertThat(ASK.of(repository("""
                {"runs": {"checkSuites": {"pageInfo": {"hasNextPage": true}, "nodes": []}}}
                """))).isEmpty();
        assertThat(ASK.of(repository("""
                {"runs": {"checkSuites": {"pageInfo": {"hasNextPage": false}, "nodes": [
                  {"checkRuns": {"pageInfo": {"hasNextPage": true}, "nodes": [{"databaseId": 7}]}}]}}}
                """))).isEmpty();
        assertThat(ASK.of(repository("""
                {"runs": {"checkSuites": {"pageInfo": {"hasNextPage": false}, "nodes": [{"checkRuns": null}]}}}
                """))).isEmpty();
    }
}
