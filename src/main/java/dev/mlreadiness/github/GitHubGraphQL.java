package dev.mlreadiness.github;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

import io.smallrye.graphql.client.Response;
import io.smallrye.graphql.client.dynamic.api.DynamicGraphQLClient;
import io.smallrye.mutiny.TimeoutException;
import org.jboss.logging.Logger;

import dev.mlreadiness.github.client.RetryBudget;
import dev.mlreadiness.github.client.RetryPolicy;
import dev.mlreadiness.github.snapshot.GraphQLQuery;

/**
 * Runs GraphQL queries for the snapshot, counted in the request metrics like the REST calls, each within the
 * request timeout and tried again on a failure of the transport or of GitHub (the queries only read), as the REST
 * connector does ({@link RetryPolicy}, {@link RetryBudget}).
 */
@ApplicationScoped
public class GitHubGraphQL {

    private static final Logger LOG = Logger.getLogger(GitHubGraphQL.class);

    private final ReadinessMetrics metrics;
    private final RetryPolicy policy;

    public GitHubGraphQL(ReadinessMetrics metrics, ReadinessSettings settings) {
        this.metrics = metrics;
        this.policy = RetryPolicy.of(settings.retry());
    }

    /** A query runner bound to one installation's client. */
    public GraphQLQuery on(DynamicGraphQLClient client) {
        return query -> run(client, query);
    }

    JsonObject run(DynamicGraphQLClient client, String query) throws IOException {
        long deadline = RetryBudget.deadline(policy.budget());
        for (int failed = 1;; failed++) {
            try {
                return once(client, query);
            } catch (Transient e) {
                Optional<Duration> pause = policy.pause(failed, null, deadline);
                if (pause.isEmpty()) {
                    throw new IOException("GitHub GraphQL request failed after " + failed + " tries: "
                            + e.getMessage(), e.getCause());
                }
                LOG.infof("GitHub GraphQL: %s; try %d in %d ms", e.getMessage(), failed + 1, pause.get().toMillis());
                RetryPolicy.sleep(pause.get());
            }
        }
    }

    /** A failure worth another try: no answer in time, no connection, an HTTP error status, a rate limit. */
    private static final class Transient extends Exception {
        Transient(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private JsonObject once(DynamicGraphQLClient client, String query) throws Transient, IOException {
        Response response;
        try {
            response = client.executeAsync(query).await().atMost(policy.requestTimeout());
        } catch (TimeoutException e) {
            metrics.githubRequest("graphql", "POST", "error");
            throw new Transient("no answer within " + policy.requestTimeout().toMillis() + " ms", e);
        } catch (RuntimeException e) {
            // the client reports an HTTP error status (5xx, 429, 403 limits) and a lost connection this way
            metrics.githubRequest("graphql", "POST", "error");
            Throwable cause = e instanceof CompletionException && e.getCause() != null
                    ? e.getCause()
                    : e;
            throw new Transient(String.valueOf(cause.getMessage()).lines().findFirst().orElse(""), cause);
        }
        JsonObject data = response.getData();
        metrics.githubRequest("graphql", "POST", data == null ? "error" : "200");
        if (data == null) {
            if (String.valueOf(response.getErrors()).contains("RATE_LIMITED")) {
                throw new Transient("rate limited", new IOException(String.valueOf(response.getErrors())));
            }
            throw new IOException("GitHub GraphQL answered no data: " + response.getErrors());
        }
        return data;
    }
}
