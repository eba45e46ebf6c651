package dev.mlreadiness.github.snapshot;

import java.io.IOException;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.kohsuke.github.GHRepository;

import dev.mlreadiness.engine.config.ConfigLoader;

/**
 * The raw text of {@code .github/ml-readiness.yml} in the repository (default branch) and in the organization's
 * {@code .github} repository, either null when absent. Both come from one GraphQL request; the engine's
 * {@link ConfigLoader} parses and merges them, so errors are its clear messages.
 */
public record ConfigTexts(String orgText, String orgSource, String repoText, String repoSource) {

    /**
     * Whether the files alone make the repository one the app reviews, ML project or not: the repository's own
     * file does. The organization's file does not: it holds defaults for the whole organization, and only its
     * {@code enabled: true}, which the merged config carries, opts every repository in.
     */
    public boolean optsIn() {
        return repoText != null;
    }

    /** Reads both files at once; a missing organization repository or file is simply absent. */
    public static ConfigTexts read(GraphQLQuery graphql, GHRepository repo) throws IOException {
        return of(graphql.run(query(repo, "")), repo);
    }

    /**
     * The query reading both files, with {@code alsoInRepository} (fields of the repository, such as
     * {@link RunsInProgress#field}) in the same request.
     */
    static String query(GHRepository repo, String alsoInRepository) {
        String owner = repo.getOwnerName();
        String branch = repo.getDefaultBranch() == null ? "HEAD" : repo.getDefaultBranch();
        return "query { repo: repository(owner: " + GraphQLQuery.quote(owner) + ", name: "
                + GraphQLQuery.quote(repo.getName()) + ") { object(expression: "
                + GraphQLQuery.quote(branch + ":" + ConfigLoader.PATH) + ") { ... on Blob { text } }"
                + (alsoInRepository.isEmpty() ? "" : " " + alsoInRepository) + " }"
                + " org: repository(owner: " + GraphQLQuery.quote(owner) + ", name: \".github\") {"
                + " object(expression: " + GraphQLQuery.quote("HEAD:" + ConfigLoader.PATH)
                + ") { ... on Blob { text } } } }";
    }

    /** The files from the answer to {@link #query}. */
    static ConfigTexts of(JsonObject data, GHRepository repo) {
        String owner = repo.getOwnerName();
        return new ConfigTexts(text(data, "org"), owner + "/.github:" + ConfigLoader.PATH, text(data, "repo"),
                ConfigLoader.PATH);
    }

    private static String text(JsonObject data, String alias) {
        JsonValue repo = data.get(alias);
        if (repo == null || repo.getValueType() != JsonValue.ValueType.OBJECT) {
            return null;
        }
        JsonValue object = repo.asJsonObject().get("object");
        if (object == null || object.getValueType() != JsonValue.ValueType.OBJECT
                || object.asJsonObject().isNull("text")) {
            return null;
        }
        return object.asJsonObject().getString("text", null);
    }
}
