package dev.mlreadiness.github;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import dev.mlreadiness.github.queue.WorkQueues;

/**
 * A push to the default branch with the in-memory queue: the pushed commit is scanned (its scores are logged and
 * counted), nothing is stored (there is no database) and nothing is written to GitHub.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class PushInMemoryOverHttpTest extends DeliveryScenarios {

    @Inject
    MeterRegistry metrics;

    @Inject
    WorkQueues queues;

    @Test
    void aPushToTheDefaultBranchIsScannedAndNothingIsWritten() throws Exception {
        assertThat(queues.postgres()).isFalse();
        PullRequestFixture pr = pullRequest(175);
        double scored = metrics.counter("mlreadiness.push.scans", "outcome", "scored").count();

        assertThat(Webhooks.send("push", PushOverHttpTest.pushOf(pr.headSha, PushOverHttpTest.PUSHED_AT), SECRET))
                .isEqualTo(200);

        assertThat(metrics.counter("mlreadiness.push.scans", "outcome", "scored").count()).isEqualTo(scored + 1);
        assertThat(GitHubJournal.of(server).matching("GET", ".*/git/trees/" + pr.headSha)).hasSize(1);
        assertThat(GitHubJournal.of(server).writes().stream().filter(r -> !r.getUrl().startsWith("/app")))
                .isEmpty();
        assertThat(GitHubState.runsOf(pr.headSha)).isEmpty();
    }
}
