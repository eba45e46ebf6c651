package dev.mlreadiness.github.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Which deliveries are recorded before the app answers, on GitHub's own example payloads. */
class RecordBeforeAnswerTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode example(String name) throws Exception {
        try (InputStream in = RecordBeforeAnswerTest.class.getResourceAsStream("/webhooks/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    @Test
    void aPullRequestThatAsksForAReviewIsOneRequest() throws Exception {
        ObjectNode opened = example("pull_request.opened.json");
        assertThat(RecordBeforeAnswer.requests("pull_request", opened, "d", "{}")).singleElement()
                .satisfies(r -> {
                    assertThat(r.kind()).isEqualTo(WorkRequest.Kind.PULL_REQUEST);
                    assertThat(r.key()).isEqualTo(new PullRequestKey("Codertocat/Hello-World", 2));
                });
        assertThat(RecordBeforeAnswer.requests("pull_request", example("pull_request.closed.json"), "d", "{}"))
                .isEmpty();
    }

    @Test
    void aReRequestedCheckSuiteIsARerunOfEachOfItsPullRequests() throws Exception {
        ObjectNode suite = example("check_suite.rerequested.json");
        JsonNode check = suite.get("check_suite");
        assertThat(RecordBeforeAnswer.requests("check_suite", suite, "d", "{}")).isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.kind()).isEqualTo(WorkRequest.Kind.RERUN);
                    assertThat(r.headSha()).isEqualTo(check.get("head_sha").asText());
                    assertThat(r.deliveryId()).isEqualTo("d");
                })
                .extracting(r -> r.key().number())
                .containsExactly(check.get("pull_requests").get(0).get("number").asInt());
        assertThat(RecordBeforeAnswer.requests("check_suite", example("check_suite.requested.json"), "d", "{}"))
                .as("a requested suite is left to the pull_request event").isEmpty();
    }

    @Test
    void aReRequestedRunIsRecordedOnlyWhenItIsTheAppsAndNamesItsPullRequests() throws Exception {
        ObjectNode run = example("check_run.rerequested.json");
        assertThat(RecordBeforeAnswer.requests("check_run", run, "d", "{}"))
                .as("no pull requests in the payload: the handler asks GitHub").isEmpty();
        ObjectNode ours = run.deepCopy();
        ((ObjectNode) ours.get("check_run")).put("name", "ML readiness").putArray("pull_requests").addObject()
                .put("number", 7);
        assertThat(RecordBeforeAnswer.requests("check_run", ours, "d", "{}")).singleElement()
                .satisfies(r -> assertThat(r.key().number()).isEqualTo(7));
        ObjectNode another = ours.deepCopy();
        ((ObjectNode) another.get("check_run")).put("name", "another app's check");
        assertThat(RecordBeforeAnswer.requests("check_run", another, "d", "{}")).isEmpty();
    }
}
