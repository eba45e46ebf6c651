package dev.mlreadiness.github;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** The packaged app, in prod mode where signatures are checked, refuses a webhook signed with another secret. */
@QuarkusIntegrationTest
@TestProfile(WireMockProfile.class)
class BadSignatureIT {

    @Test
    void webhookSignedWithAnotherSecretIsRejected() {
        byte[] body = "{\"action\":\"opened\",\"number\":1}".getBytes(StandardCharsets.UTF_8);
        int status = given().contentType("application/json")
                .header("X-GitHub-Event", "pull_request")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", Webhooks.sign("not-the-secret", body))
                .body(body).post("/").then().extract().statusCode();
        assertThat(status).isEqualTo(400);
    }

    @Test
    void healthEndpointAnswersUp() {
        given().get("/q/health/live").then().statusCode(200);
    }
}
