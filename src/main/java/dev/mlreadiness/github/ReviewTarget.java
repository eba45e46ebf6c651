package dev.mlreadiness.github;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import io.quarkiverse.githubapp.GitHubClientProvider;
import io.smallrye.graphql.client.dynamic.api.DynamicGraphQLClient;
import org.jboss.logging.Logger;
import org.kohsuke.github.GHEventPayload;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;

import dev.mlreadiness.github.queue.Batch;
import dev.mlreadiness.github.queue.WorkRequest;
import dev.mlreadiness.github.queue.WorkRequest.Kind;

/**
 * The GitHub objects a batch works on, rebuilt from its requests' data with the installation's clients: the
 * repository from a payload, the pull request from the newest {@code pull_request} payload, or fetched when only
 * re-runs and commands asked (their payloads do not carry it whole).
 *
 * @param decisions the ignore decisions the batch's commands just recorded, in arrival order
 */
record ReviewTarget(GHRepository repo, GHPullRequest pr, DynamicGraphQLClient graphql, List<IgnoreDecision> decisions,
        List<String> deliveryIds) implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReviewTarget.class);

    static ReviewTarget open(GitHubClientProvider clients, Batch batch) throws IOException {
        List<WorkRequest> requests = batch.requests();
        long installation = requests.get(requests.size() - 1).installationId();
        GitHub gh = clients.getInstallationClient(installation);
        WorkRequest push = requests.stream().filter(r -> r.kind() == Kind.PULL_REQUEST).reduce((a, b) -> b)
                .orElse(null);
        GHRepository repo;
        GHPullRequest pr;
        if (push != null) {
            GHEventPayload.PullRequest payload = gh.parseEventPayload(new StringReader(push.payload()),
                    GHEventPayload.PullRequest.class);
            repo = payload.getRepository();
            pr = payload.getPullRequest();
        } else {
            repo = repository(gh, requests.get(requests.size() - 1));
            pr = repo.getPullRequest(batch.key().number()); // the payload's copies lack draft and state
        }
        List<IgnoreDecision> decisions = requests.stream().flatMap(r -> r.decisions().stream()).toList();
        List<String> deliveries = requests.stream().map(WorkRequest::deliveryId).toList();
        return new ReviewTarget(repo, pr, clients.getInstallationGraphQLClient(installation), decisions, deliveries);
    }

    private static GHRepository repository(GitHub gh, WorkRequest request) throws IOException {
        Class<? extends GHEventPayload> type = switch (request.event()) {
            case "issue_comment" -> GHEventPayload.IssueComment.class;
            case "check_suite" -> GHEventPayload.CheckSuite.class;
            case "check_run" -> GHEventPayload.CheckRun.class;
            default -> GHEventPayload.PullRequest.class;
        };
        return gh.parseEventPayload(new StringReader(request.payload()), type).getRepository();
    }

    /**
     * True when only re-runs asked, each of a commit that is no longer the head: GitHub shows that commit's run
     * on no open pull request, so there is nothing to do.
     */
    boolean onlyStaleReruns(Batch batch) {
        String head = pr.getHead().getSha();
        return batch.requests().stream().allMatch(r -> r.kind() == Kind.RERUN && !head.equals(r.headSha()));
    }

    String where() {
        return repo.getFullName() + "#" + pr.getNumber();
    }

    @Override
    public void close() {
        try {
            graphql.close();
        } catch (Exception e) {
            LOG.debugf(e, "%s: closing the GraphQL client failed", where());
        }
    }
}
