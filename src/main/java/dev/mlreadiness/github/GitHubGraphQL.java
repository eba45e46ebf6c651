package dev.mlreadiness.github;

import java.io.IOException;
import java.util.concurrent.ExecutionException;

import dev.mlreadiness.github.snapshot.GraphQLQuery;
import io.smallrye.graphql.client.Response;
import io.smallrye.graphql.client.dynamic.api.DynamicGraphQLClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/** Runs GraphQL queries for the snapshot, counted in the request metrics like the REST calls. */
@ApplicationScoped
public class GitHubGraphQL {

    private final ReadinessMetrics metrics;

    public GitHubGraphQL(ReadinessMetrics metrics) {
        this.metrics = metrics;
    }

    /** A query runner bound to one installation's client. */
    public GraphQLQuery on(DynamicGraphQLClient client) {
        return query -> run(client, query);
    }

    JsonObject run(DynamicGraphQLClient client, String query) throws IOException {
        Response response;
        try {
            response = client.executeSync(query);
        } catch (ExecutionException e) {
            metrics.githubRequest("graphql", "POST", "error");
            throw new IOException("GitHub GraphQL request failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for GitHub", e);
        } catch (RuntimeException e) {
            metrics.githubRequest("graphql", "POST", "error");
            throw new IOException("GitHub GraphQL request failed: " + e.getMessage(), e);
        }
        JsonObject data = response.getData();
        metrics.githubRequest("graphql", "POST", data == null ? "error" : "200");
        if (data == null) {
            throw new IOException("GitHub GraphQL answered no data: " + response.getErrors());
        }
        return data;
    }
}
