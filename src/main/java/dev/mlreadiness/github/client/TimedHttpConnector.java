package dev.mlreadiness.github.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * github-api's {@code HttpClientGitHubConnector} with a time limit per request: the library's own waits for an
 * answer forever, so one request GitHub never answers would hold an evaluation, and its check run, for good.
 */
public final class TimedHttpConnector implements GitHubConnector {

    private final HttpClient client;
    private final Duration timeout;

    public TimedHttpConnector(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(timeout);
        try {
            builder.uri(request.url().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("Invalid URL", e);
        }
        for (Map.Entry<String, List<String>> e : request.allHeaders().entrySet()) {
            if (e.getValue() != null) {
                builder.header(e.getKey(), String.join(", ", e.getValue()));
            }
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (request.hasBody()) {
            try (InputStream in = request.body()) {
                body = HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes());
            }
        }
        builder.method(request.method(), body);
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(request, response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw (InterruptedIOException) new InterruptedIOException(e.getMessage()).initCause(e);
        }
    }

    private static final class Response extends GitHubConnectorResponse.ByteArrayResponse {

        private final byte[] body;

        Response(GitHubConnectorRequest request, int status, Map<String, List<String>> headers, byte[] body) {
            super(request, status, headers);
            this.body = body;
        }

        @Override
        protected InputStream rawBodyStream() {
            return body == null ? null : new ByteArrayInputStream(body);
        }
    }
}
