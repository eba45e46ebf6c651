package dev.mlreadiness.github;

import java.io.IOException;

import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;
import org.kohsuke.github.extras.HttpClientGitHubConnector;

import io.quarkiverse.githubapp.GitHubCustomizer;
import jakarta.inject.Singleton;

/** Counts every REST request of the GitHub clients by method and status, by wrapping their connector. */
@Singleton
public class CountingConnector implements GitHubCustomizer {

    private final ReadinessMetrics metrics;

    public CountingConnector(ReadinessMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void customize(org.kohsuke.github.GitHubBuilder builder) {
        builder.withConnector(new Counting(new HttpClientGitHubConnector(), metrics));
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
