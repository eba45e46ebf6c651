package dev.mlreadiness.github;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Sends webhooks to the app as GitHub does: JSON body, event and delivery headers, HMAC-SHA256 signature. */
final class Webhooks {

    private Webhooks() {
    }

    /** GitHub's X-Hub-Signature-256 value: "sha256=" + hex(HMAC-SHA256(secret, body)). */
    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            StringBuilder sb = new StringBuilder("sha256=");
            for (byte b : mac.doFinal(body)) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a signed delivery and answers the HTTP status. */
    static int send(String event, byte[] body, String secret) {
        return send(event, body, secret, UUID.randomUUID().toString());
    }

    /** Posts a signed delivery with the given {@code X-GitHub-Delivery} (a redelivery keeps it). */
    static int send(String event, byte[] body, String secret, String deliveryId) {
        return given().contentType("application/json")
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", deliveryId)
                .header("X-Hub-Signature-256", sign(secret, body))
                .body(body)
                .post("/")
                .then().extract().statusCode();
    }
}
