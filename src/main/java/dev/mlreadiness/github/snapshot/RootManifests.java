package dev.mlreadiness.github.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The usual dependency manifests at the root of the head, read speculatively in the first GraphQL request (the
 * config's): a repository that is an ML project only by its manifest (no notebook, no config file) is then known to
 * be one without a request of its own before anything is written, and the rules that read these files find them
 * read. A path the head does not have answers null and costs nothing; a manifest elsewhere in the tree is read as
 * before, with the detection's other files.
 */
final class RootManifests {

    /** Root files that {@code ManifestFiles} takes for dependency manifests, the most common first. */
    static final List<String> PATHS = List.of("requirements.txt", "pyproject.toml", "setup.py", "setup.cfg",
            "environment.yml", "Pipfile");
    private static final String ALIAS = "manifest";

    private RootManifests() {
    }

    /** The fields to put in the {@code repository} block of the request. */
    static String fields(String headSha) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < PATHS.size(); i++) {
            out.append(i == 0 ? "" : " ").append(ALIAS).append(i).append(": object(expression: ")
                    .append(GraphQLQuery.quote(headSha + ":" + PATHS.get(i)))
                    .append(") { ... on Blob { text isBinary isTruncated } }");
        }
        return out.toString();
    }

    /**
     * Makes the manifests the answer holds known to the snapshot's contents, by the blob id the head tree gives them
     * (both are of the head commit); binary and truncated ones are left to the usual reads.
     */
    static void keep(JsonObject repository, PullRequestSnapshot snapshot) {
        if (repository == null) {
            return;
        }
        for (int i = 0; i < PATHS.size(); i++) {
            String path = PATHS.get(i);
            if (!(repository.get(ALIAS + i) instanceof JsonObject blob) || blob.getBoolean("isBinary", true)
                    || blob.getBoolean("isTruncated", true) || blob.get("text") == null
                    || blob.get("text").getValueType() != JsonValue.ValueType.STRING) {
                continue;
            }
            snapshot.head().file(path).filter(f -> f.blobId() != null)
                    .ifPresent(f -> snapshot.contents().known(new BlobKey(snapshot.headSha(), path, f.blobId()),
                            blob.getString("text").getBytes(StandardCharsets.UTF_8)));
        }
    }
}
