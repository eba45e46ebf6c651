package dev.mlreadiness.github;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Guards the webhook route before the GitHub App extension reads a delivery: a signature header that is not
 * {@code sha256=} and 64 hex digits gets 400 (the extension cuts the header without looking at its length and
 * answers a short one with a 500, see {@code docs/upstream/quarkus-github-app-short-signature.md}); a body over
 * GitHub's 25 MB limit gets 413 before it is read whole; a body that is not one JSON object (not JSON, an array,
 * nested beyond the parser's limit) gets 400. Each refusal logs one line, no stack trace.
 */
@ApplicationScoped
class WebhookInputFilter {

    private static final Logger LOG = Logger.getLogger(WebhookInputFilter.class);
    /** GitHub caps webhook payloads at 25 MB. */
    static final long MAX_BODY_BYTES = 25L * 1024 * 1024;
    private static final Pattern SIGNATURE = Pattern.compile("sha256=[0-9a-f]{64}");
    private static final Pattern PRINTABLE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String path;

    WebhookInputFilter(@ConfigProperty(name = "quarkus.github-app.webhook-url-path", defaultValue = "/") String path) {
        this.path = path;
    }

    void install(@Observes Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
        // after Quarkus' own upload limit, before the extension's route (registered without an order); the headers
        // are judged before the body is read (Vert.x wants a body handler first on its route, hence the call)
        router.post(path).order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(rc -> {
            if (headersOk(rc)) {
                body.handle(rc);
            }
        }).blockingHandler(this::checkBody, false);
    }

    /** Whether the headers may be followed by reading the body; else the delivery has been refused. */
    private static boolean headersOk(RoutingContext rc) {
        String signature = rc.request().getHeader("X-Hub-Signature-256");
        if (signature != null && !SIGNATURE.matcher(signature).matches()) {
            refuse(rc, 400, "the X-Hub-Signature-256 header is not sha256= and 64 hex digits ("
                    + signature.length() + " characters)", "Malformed signature.");
            return false;
        }
        String length = rc.request().getHeader("Content-Length");
        if (length != null) {
            long bytes;
            try {
                bytes = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                refuse(rc, 400, "the Content-Length header is not a number", "Malformed request.");
                return false;
            }
            if (bytes > MAX_BODY_BYTES) {
                refuse(rc, 413, "the body has " + bytes + " bytes, over GitHub's limit of " + MAX_BODY_BYTES,
                        "Payload too large.");
                return false;
            }
        }
        return true;
    }

    private void checkBody(RoutingContext rc) {
        Buffer body = rc.body().buffer();
        if (body == null || body.length() == 0) {
            rc.next(); // the extension answers an empty delivery itself
            return;
        }
        String problem;
        try (JsonParser parser = JSON.createParser(body.getBytes())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                problem = "the body is not a JSON object";
            } else {
                parser.skipChildren();
                problem = parser.nextToken() == null ? null : "the body holds more than one JSON value";
            }
        } catch (IOException e) {
            problem = "the body is not valid JSON (" + oneLine(e.getMessage()) + ")";
        }
        if (problem != null) {
            refuse(rc, 400, problem, "Malformed payload.");
            return;
        }
        rc.next();
    }

    private static void refuse(RoutingContext rc, int status, String why, String answer) {
        String delivery = rc.request().getHeader("X-GitHub-Delivery");
        LOG.warnf("Delivery %s refused with %d: %s", delivery != null && PRINTABLE_ID.matcher(delivery).matches()
                ? delivery
                : "(no valid id)", status, why);
        rc.response().setStatusCode(status).end(answer);
    }

    /** The parser's message, first line only and cut short: it may quote the sender's bytes. */
    private static String oneLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        line = line.replaceAll("[^\\x20-\\x7e]", "?");
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }
}
