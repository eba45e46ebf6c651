package dev.mlreadiness.github;

import java.io.IOException;

import jakarta.inject.Singleton;

import io.quarkiverse.githubapp.GitHubCustomizer;
import io.quarkiverse.githubapp.JavaHttpClientFactory;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

import dev.mlreadiness.github.client.PagesAhead;
import dev.mlreadiness.github.client.RetryPolicy;
import dev.mlreadiness.github.client.RetryingConnector;
import dev.mlreadiness.github.client.TimedHttpConnector;

/**
 * The connector of every GitHub REST client of the app (installation and app clients alike): requests with a time
 * limit, each try counted by method and status, tried again on passing failures by {@link RetryingConnector}, and
 * the pages of a listing whose length is known asked side by side ({@link PagesAhead}). One
 * connector (and one HTTP client) for all clients: the extension builds a client per event.
 */
@Singleton
public class CountingConnector implements GitHubCustomizer {

    private final GitHubConnector connector;

    public CountingConnector(ReadinessMetrics metrics, ReadinessSettings settings, JavaHttpClientFactory http) {
        RetryPolicy policy = RetryPolicy.of(settings.retry());
        this.connector = new PagesAhead(new RetryingConnector(
                new Counting(new TimedHttpConnector(http.create(), policy.requestTimeout()), metrics), policy));
    }

    @Override
    public void customize(GitHubBuilder builder) {
        // the retrying connector handles rate limits within the evaluation's budget; github-api's handlers would
        // wait up to an hour on a reset, or a minute on a secondary limit, on top of it
        builder.withConnector(connector).withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL);
    }

    private record Counting(GitHubConnector delegate, ReadinessMetrics metrics) implements GitHubConnector {
        @Override
        public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
            try {
                GitHubConnectorResponse response = delegate.send(request);
                metrics.githubRequest("rest", request.method(), Integer.toString(response.statusCode()));
                return response;
            } catch (IOException e) {
                metrics.githubRequest("rest", request.method(), "error");
                throw e;
            }
        }
    }
}
