package dev.mlreadiness.github;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

import io.smallrye.graphql.client.GraphQLError;
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
        return new GraphQLQuery() {
            @Override
            public JsonObject run(String query) throws IOException {
                return GitHubGraphQL.this.run(client, query, true);
            }

            @Override
            public GraphQLQuery failingFastOnExecutionErrors() {
                return query -> GitHubGraphQL.this.run(client, query, false);
            }
        };
    }

    /** @param retryExecutionErrors whether GitHub's "Something went wrong" answers are tried again */
    JsonObject run(DynamicGraphQLClient client, String query, boolean retryExecutionErrors) throws IOException {
        long deadline = RetryBudget.deadline(policy.budget());
        for (int failed = 1;; failed++) {
            try {
                return once(client, query);
            } catch (Transient e) {
                Optional<Duration> pause = e.execution && !retryExecutionErrors ? Optional.empty()
                        : policy.pause(failed, null, deadline);
                if (pause.isEmpty()) {
                    String message = "GitHub GraphQL request failed after " + failed
                            + (failed == 1 ? " try: " : " tries: ") + e.getMessage();
                    throw e.execution ? new GraphQLQuery.ExecutionFailed(message, e.getCause())
                            : new IOException(message, e.getCause());
                }
                LOG.infof("GitHub GraphQL: %s; try %d in %d ms", e.getMessage(), failed + 1, pause.get().toMillis());
                RetryPolicy.sleep(pause.get());
            }
        }
    }

    /**
     * A failure worth another try: no answer in time, no connection, an HTTP error status, a rate limit, or GitHub's
     * own execution failing ({@link #execution}).
     */
    private static final class Transient extends Exception {
        final boolean execution;

        Transient(String message, Throwable cause) {
            this(message, cause, false);
        }

        Transient(String message, Throwable cause, boolean execution) {
            super(message, cause);
            this.execution = execution;
        }
    }

    /** How GitHub's GraphQL API says that running the query failed on its side (a timeout, a bug): HTTP 200. */
    static final String EXECUTION_FAILED = "Something went wrong while executing your query";

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
        List<GraphQLError> errors = response.getErrors() == null ? List.of() : response.getErrors();
        Optional<GraphQLError> failed = errors.stream().filter(GitHubGraphQL::executionFailed).findFirst();
        metrics.githubRequest("graphql", "POST", data == null || failed.isPresent() ? "error" : "200");
        if (failed.isPresent()) {
            // with data or without: what an execution that failed half-way answers (a field null) is not the truth
            // about the repository, e.g. a file read as missing
            throw new Transient(failed.get().getMessage(), new IOException(failed.get().getMessage()), true);
        }
        if (data == null) {
            if (String.valueOf(errors).contains("RATE_LIMITED")) {
                throw new Transient("rate limited", new IOException(String.valueOf(errors)));
            }
            throw new IOException("GitHub GraphQL answered no data: " + errors);
        }
        return data;
    }

    /**
     * GitHub's "Something went wrong while executing your query" (sometimes "... on DATE. This may be the result of a
     * timeout"): answered with HTTP 200, no data or part of it. Other errors (NOT_FOUND of a repository that does not
     * exist, a schema without a field) are answers, not failures.
     */
    private static boolean executionFailed(GraphQLError error) {
        return error.getMessage() != null && error.getMessage().startsWith(EXECUTION_FAILED);
    }
}
