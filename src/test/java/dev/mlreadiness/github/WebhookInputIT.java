package dev.mlreadiness.github;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deliveries that must be refused before the app does anything with them, against the packaged app (prod mode:
 * signatures are checked): a signature header of the wrong shape, a body over GitHub's 25 MB limit, a body that is
 * not one JSON object although its signature is right. Each gets 400 or 413, and GitHub hears nothing.
 */
@QuarkusIntegrationTest
@TestProfile(WireMockProfile.class)
class WebhookInputIT {

    private static final byte[] PING = "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}"
            .getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void clearJournal() {
        WireMockGitHubResource.server.resetRequests();
    }

    @AfterAll
    static void noStackTraceInTheLog() throws IOException {
        Path log = Path.of("target/quarkus.log");
        if (Files.exists(log)) {
            String text = Files.readString(log);
            assertThat(text).contains("refused with 400");
            assertThat(text.lines().filter(l -> l.startsWith("\tat ") || l.contains("Exception:"))).isEmpty();
        }
    }

    private static int send(String signature, byte[] body) {
        var request = given().contentType("application/json").header("X-GitHub-Event", "ping")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString());
        if (signature != null) {
            request = request.header("X-Hub-Signature-256", signature);
        }
        return request.body(body).post("/").then().extract().statusCode();
    }

    private static int signed(byte[] body) {
        return send(Webhooks.sign(WireMockGitHubResource.WEBHOOK_SECRET, body), body);
    }

    @Test
    void aWellFormedSignedDeliveryStillPasses() {
        assertThat(signed(PING)).isEqualTo(200);
    }

    @Test
    void signatureHeadersOfTheWrongShapeGet400() {
        String right = Webhooks.sign(WireMockGitHubResource.WEBHOOK_SECRET, PING);
        for (String header : new String[] { "bad", "sha256=", "sha256=abc", right.replace("sha256=", "sha512="),
                right.replace("sha256=", "sha1="), right.toUpperCase(), right + "00" }) {
            assertThat(send(header, PING)).as("X-Hub-Signature-256: %s", header).isEqualTo(400);
        }
        assertThat(WireMockGitHubResource.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void aSignedBodyThatIsNotOneJsonObjectGets400() {
        byte[] nested = ("{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}")
                .getBytes(StandardCharsets.UTF_8);
        for (byte[] body : new byte[][] { "not json".getBytes(StandardCharsets.UTF_8),
                "[1,2]".getBytes(StandardCharsets.UTF_8), "\"text\"".getBytes(StandardCharsets.UTF_8),
                "{\"a\":1} {\"b\":2}".getBytes(StandardCharsets.UTF_8), "{\"a\":".getBytes(StandardCharsets.UTF_8),
                nested }) {
            assertThat(signed(body)).as("body of %d bytes", body.length).isEqualTo(400);
        }
        assertThat(WireMockGitHubResource.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void aBodyOverGitHubsLimitGets413BeforeItIsRead() throws IOException {
        // the headers announce 25 MB and a byte: the answer comes before a byte of the body is sent
        assertThat(statusOf("Content-Length: " + (25 * 1024 * 1024 + 1), null)).isEqualTo(413);

        // without a length (chunked), the limit holds while the body is read: 26 chunks of 1 MB at most are sent
        byte[] mega = new byte[1024 * 1024];
        Arrays.fill(mega, (byte) ' ');
        mega[0] = '{';
        assertThat(statusOf("Transfer-Encoding: chunked", mega)).isEqualTo(413);
        assertThat(WireMockGitHubResource.server.getAllServeEvents()).isEmpty();
    }

    /**
     * The status a raw request gets: headers with {@code framing}, then (when {@code chunk} is not null) that chunk
     * again and again until 26 MB are sent or the server stops reading.
     */
    private static int statusOf(String framing, byte[] chunk) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-GitHub-Event: ping\r\nX-GitHub-Delivery: " + UUID.randomUUID() + "\r\n"
                    + "X-Hub-Signature-256: sha256=" + "0".repeat(64) + "\r\n" + framing + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (chunk != null) {
                try {
                    for (int i = 0; i < 26; i++) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closedByTheServer) {
                    // it answered and stopped reading: the answer is there to read
                }
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String status = in.readLine();
            assertThat(status).startsWith("HTTP/1.1 ");
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void aBodyJustUnderTheLimitIsReadAndJudgedByItsSignature() {
        byte[] large = new byte[12 * 1024 * 1024]; // over Quarkus' default 10 MB limit, under GitHub's 25 MB
        Arrays.fill(large, (byte) ' ');
        large[0] = '{';
        large[large.length - 1] = '}';
        assertThat(send("sha256=" + "0".repeat(64), large)).isEqualTo(400); // wrong signature, not 413
        assertThat(signed(large)).isEqualTo(200);
    }
}
