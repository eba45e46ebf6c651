package dev.mlreadiness.github.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.deps.ManifestFiles;
import dev.mlreadiness.engine.snapshot.ChangeSet;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Snapshot;

class RootManifestsTest {

    @Test
    void everyPathIsARootManifestTheDetectorReads() {
        assertThat(RootManifests.PATHS).allSatisfy(p -> {
            assertThat(ManifestFiles.isManifest(p)).as(p).isTrue();
            assertThat(p).doesNotContain("/");
        });
    }

    @Test
    void oneAliasedFieldPerPathAtTheHead() {
        assertThat(RootManifests.fields("abc")).startsWith(
                "manifest0: object(expression: \"abc:requirements.txt\") { ... on Blob { text isBinary isTruncated } }"
                        + " manifest1: object(expression: \"abc:pyproject.toml\")");
    }

    /**
     * Known: a text the head tree has, by its blob id. Not known: binary or truncated blobs, a path the tree lacks
     * (a stale answer is never taken), and anything when the repository block is missing.
     */
    @Test
    void onlyTextsOfTheHeadTreeBecomeKnownContents() throws Exception {
        List<Collection<BlobKey>> asked = new ArrayList<>();
        PullRequestContents contents = new PullRequestContents(keys -> {
            asked.add(List.copyOf(keys));
            return Map.of();
        }, new BlobCache(1 << 20));
        Snapshot head = Snapshot.of(List.of(new FileEntry("requirements.txt", 20, "b1"),
                new FileEntry("setup.py", 10, "b3"), new FileEntry("Pipfile", 10, "b6")),
                contents.loader("head"));
        PullRequestSnapshot snapshot = new PullRequestSnapshot("head", "base", ChangeSet.of(List.of(), false), head,
                Snapshot.of(List.of(), contents.loader("base")), contents);
        JsonObject answer = Json.createObjectBuilder()
                .add("manifest0", Json.createObjectBuilder().add("text", "scikit-learn==1.5.0\n")
                        .add("isBinary", false).add("isTruncated", false))
                .add("manifest1", Json.createObjectBuilder().add("text", "[project]\n").add("isBinary", false)
                        .add("isTruncated", false)) // pyproject.toml: not in the head tree
                .add("manifest2", Json.createObjectBuilder().addNull("text").add("isBinary", true)
                        .add("isTruncated", false))
                .addNull("manifest4")
                .add("manifest5", Json.createObjectBuilder().add("text", "[packages]").add("isBinary", false)
                        .add("isTruncated", true))
                .build();

        RootManifests.keep(null, snapshot);
        RootManifests.keep(answer, snapshot);

        assertThat(snapshot.knownInHead(List.of("requirements.txt", "pyproject.toml"))).isTrue();
        assertThat(snapshot.knownInHead(List.of("setup.py"))).isFalse();
        assertThat(snapshot.knownInHead(List.of("Pipfile"))).isFalse();
        assertThat(head.bytes("requirements.txt").map(b -> new String(b, StandardCharsets.UTF_8)))
                .contains("scikit-learn==1.5.0\n");
        assertThat(asked).isEmpty();
    }
}
