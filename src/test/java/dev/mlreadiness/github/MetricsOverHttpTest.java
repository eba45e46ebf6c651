package dev.mlreadiness.github;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus endpoint counts what operators watch: events received, evaluations by outcome and their
 * duration, GitHub requests by status, findings by rule. Counters are cumulative over the test run, so the test
 * compares them before and after one review.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class MetricsOverHttpTest {

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one sample line, 0 when the series does not exist yet. */
    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void oneReviewIsCountedInEveryFamily() throws Exception {
        PullRequestFixture pr = PullRequestFixture.pr(131)
                .add("notebooks/eda.ipynb", ReviewOverHttpTest.NOTEBOOK)
                .add("src/train.py", ReviewOverHttpTest.lines("import numpy", "x = 1  # GAP-HERE"));
        String before = metrics();
        ReviewOverHttpTest.deliver(pr, "opened");
        String after = metrics();

        assertThat(value(after, "mlreadiness_events_total{action=\"opened\",event=\"pull_request\"}")
                - value(before, "mlreadiness_events_total{action=\"opened\",event=\"pull_request\"}")).isEqualTo(1);
        assertThat(value(after, "mlreadiness_evaluations_total{outcome=\"success\"}")
                - value(before, "mlreadiness_evaluations_total{outcome=\"success\"}")).isEqualTo(1);
        assertThat(value(after, "mlreadiness_evaluation_duration_seconds_count{outcome=\"success\"}")
                - value(before, "mlreadiness_evaluation_duration_seconds_count{outcome=\"success\"}")).isEqualTo(1);
        String marker = "mlreadiness_findings_total{new=\"true\",rule=\"" + TestRules.MARKER_RULE + "\"}";
        assertThat(value(after, marker) - value(before, marker)).isEqualTo(1);
        // the check run was created (201) and completed (200) over REST; the reads went out as GraphQL
        String created = "mlreadiness_github_requests_total{api=\"rest\",method=\"POST\",status=\"201\"}";
        assertThat(value(after, created) - value(before, created)).isGreaterThanOrEqualTo(1);
        String graphql = "mlreadiness_github_requests_total{api=\"graphql\",method=\"POST\",status=\"200\"}";
        assertThat(value(after, graphql) - value(before, graphql)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void healthIsUp() {
        assertThat(given().get("/q/health/ready").then().statusCode(200).extract().asString()).contains("\"UP\"");
    }
}
