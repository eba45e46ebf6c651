package dev.mlreadiness.github.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Which pushes count, on GitHub's own example payloads. */
class EvaluateDefaultBranchTest {

    static JsonObject example(String name) throws Exception {
        try (InputStream in = EvaluateDefaultBranchTest.class.getResourceAsStream("/webhooks/" + name)) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aPushToTheDefaultBranchIsScannedAtItsHead() throws Exception {
        PushedCommit push = EvaluateDefaultBranch.toDefaultBranch(example("push.with-new-branch.json"), "d1", "{}");
        assertThat(push).isNotNull();
        assertThat(push.repository()).isEqualTo("Codertocat/Hello-World");
        assertThat(push.commitSha()).isEqualTo("6113728f27ae82c7b1a177c8d03f9e96e0adf246");
        assertThat(push.installationId()).isEqualTo(1);
        assertThat(push.pushedAt()).isEqualTo(Instant.ofEpochSecond(1557933657));
    }

    @Test
    void otherBranchesTagsDeletedRefsAndPushesWithoutAnInstallationAreNot() throws Exception {
        assertThat(EvaluateDefaultBranch.toDefaultBranch(example("push.with-installation.json"), "d", "{}"))
                .as("a deleted tag").isNull();
        JsonObject branch = example("push.with-new-branch.json").put("ref", "refs/heads/master-2");
        assertThat(EvaluateDefaultBranch.toDefaultBranch(branch, "d", "{}")).isNull();
        JsonObject tag = example("push.with-new-branch.json").put("ref", "refs/tags/master");
        assertThat(EvaluateDefaultBranch.toDefaultBranch(tag, "d", "{}")).isNull();
        JsonObject deleted = example("push.with-new-branch.json").put("deleted", true);
        assertThat(EvaluateDefaultBranch.toDefaultBranch(deleted, "d", "{}")).isNull();
        JsonObject noInstallation = example("push.with-new-branch.json");
        noInstallation.remove("installation");
        assertThat(EvaluateDefaultBranch.toDefaultBranch(noInstallation, "d", "{}")).isNull();
    }

    @Test
    void thePushTimeIsReadInEitherOfGitHubsFormats() {
        assertThat(EvaluateDefaultBranch.pushedAt(1557933657)).isEqualTo(Instant.ofEpochSecond(1557933657));
        assertThat(EvaluateDefaultBranch.pushedAt("2019-05-15T15:20:57Z"))
                .isEqualTo(Instant.parse("2019-05-15T15:20:57Z"));
        assertThat(EvaluateDefaultBranch.pushedAt("not a time")).isNotNull();
    }
}
