package dev.mlreadiness.github.push;

import java.time.Instant;

/**
 * A push to a repository's default branch, as plain data: what a scan of the pushed commit needs.
 *
 * @param installationId the app's installation whose token reads the repository
 * @param repository {@code owner/name}
 * @param commitSha the pushed head ({@code after})
 * @param pushedAt when GitHub received the push ({@code repository.pushed_at}); orders pushes delivered out of order
 * @param deliveryId the webhook's {@code X-GitHub-Delivery}
 * @param payload the webhook's JSON body: the scan reads the repository from it instead of asking GitHub
 */
public record PushedCommit(long installationId, String repository, String commitSha, Instant pushedAt,
        String deliveryId, String payload) {
}
