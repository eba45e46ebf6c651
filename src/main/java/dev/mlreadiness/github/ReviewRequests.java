package dev.mlreadiness.github;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.githubapp.GitHubEvent;
import org.jboss.logging.Logger;

import dev.mlreadiness.github.queue.PullRequestKey;
import dev.mlreadiness.github.queue.QueueSettings;
import dev.mlreadiness.github.queue.RecentDeliveries;
import dev.mlreadiness.github.queue.WorkQueue;
import dev.mlreadiness.github.queue.WorkRequest;

/**
 * How webhook handlers hand an evaluation to the work queue: once per delivery (a redelivery of a delivery that was
 * processed is dropped), returning at once, unless {@code ml-readiness.queue.await-evaluation} asks the handler to
 * wait for it (tests, whose assertions follow the delivery, as the extension's test-mode dispatch does).
 */
@ApplicationScoped
public class ReviewRequests {

    private static final Logger LOG = Logger.getLogger(ReviewRequests.class);

    private final WorkQueue queue;
    private final RecentDeliveries deliveries;
    private final boolean await;

    public ReviewRequests(WorkQueue queue, RecentDeliveries deliveries, QueueSettings settings) {
        this.queue = queue;
        this.deliveries = deliveries;
        this.await = settings.awaitEvaluation();
    }

    /** The request for pull request {@code number} of the event's repository, as data. */
    public static WorkRequest request(GitHubEvent event, WorkRequest.Kind kind, int number, String headSha,
            List<IgnoreDecision> decisions) {
        PullRequestKey key = new PullRequestKey(event.getRepositoryOrThrow(), number);
        return new WorkRequest(event.getInstallationId(), key, kind, headSha, event.getDeliveryId(), event.getEvent(),
                event.getPayload(), decisions);
    }

    /** Queues an evaluation of pull request {@code number}, unless this delivery asked for it already. */
    public void submit(GitHubEvent event, WorkRequest.Kind kind, int number, String headSha) {
        WorkRequest request = request(event, kind, number, headSha, List.of());
        String id = request.deliveryId() + "/" + request.key();
        if (!deliveries.claim(id)) {
            LOG.infof("%s: delivery %s was processed already, ignored", request.key(), request.deliveryId());
            return;
        }
        await(queue.submit(request).whenComplete((result, error) -> {
            if (error == null && result.status() != ReviewResult.Status.FAILED) {
                deliveries.done(id);
            } else {
                deliveries.release(id);
            }
        }));
    }

    /** Queues the evaluation a command asked for; the caller answers when it completes. */
    public CompletionStage<ReviewResult> submit(WorkRequest request) {
        return queue.submit(request);
    }

    /** Waits for {@code stage} where the settings say so. */
    public void await(CompletionStage<?> stage) {
        if (await) {
            stage.toCompletableFuture().join();
        }
    }
}
