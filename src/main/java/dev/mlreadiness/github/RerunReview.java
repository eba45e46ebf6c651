package dev.mlreadiness.github;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

import io.quarkiverse.githubapp.GitHubEvent;
import io.quarkiverse.githubapp.event.CheckRun;
import io.quarkiverse.githubapp.event.CheckSuite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jboss.logging.Logger;
import org.kohsuke.github.GHEventPayload;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;

import dev.mlreadiness.github.publish.CheckRunPublisher;
import dev.mlreadiness.github.queue.WorkRequest;

/**
 * Makes GitHub's "Re-run" buttons work: a re-requested check suite or check run reviews again the open pull
 * requests whose head is that commit. Whether the commit is still the head is decided when the evaluation runs
 * (the pull request is read then anyway).
 *
 * <p>
 * A <em>requested</em> check suite (GitHub sends one for every push) is received and deliberately left alone:
 * a push to a pull request also sends {@code pull_request.synchronize}, which {@link ReviewPullRequest} already
 * reviews, so acting on both would review the same commit twice, with two evaluations racing to post the same
 * review comments; and a push to a branch without a pull request has nothing to review, yet finding that out
 * would cost two API requests on every push of every repository of an organization-wide installation.
 */
class RerunReview {

    private static final Logger LOG = Logger.getLogger(RerunReview.class);

    private final ReviewRequests requests;
    private final ReadinessMetrics metrics;

    RerunReview(ReviewRequests requests, ReadinessMetrics metrics) {
        this.requests = requests;
        this.metrics = metrics;
    }

    void onCheckSuiteRequested(@CheckSuite.Requested GHEventPayload.CheckSuite payload) {
        metrics.eventReceived("check_suite", payload.getAction());
        LOG.debugf("%s: check suite requested for %s; its pull requests are reviewed on their pull_request event",
                payload.getRepository().getFullName(), payload.getCheckSuite().getHeadSha());
    }

    void onCheckSuite(@CheckSuite.Rerequested GHEventPayload.CheckSuite payload, GitHubEvent event)
            throws IOException {
        metrics.eventReceived("check_suite", payload.getAction());
        rerun(payload.getRepository(), payload.getCheckSuite().getHeadSha(),
                numbers(event.getParsedPayload().getJsonObject("check_suite")), event);
    }

    void onCheckRun(@CheckRun.Rerequested GHEventPayload.CheckRun payload, GitHubEvent event) throws IOException {
        metrics.eventReceived("check_run", payload.getAction());
        if (!CheckRunPublisher.NAME.equals(payload.getCheckRun().getName())) {
            return;
        }
        rerun(payload.getRepository(), payload.getCheckRun().getHeadSha(),
                numbers(event.getParsedPayload().getJsonObject("check_run")), event);
    }

    private void rerun(GHRepository repo, String headSha, Set<Integer> numbers, GitHubEvent event)
            throws IOException {
        if (numbers.isEmpty()) {
            // pushes from forks, and some re-runs, come without pull requests: ask which ones hold the commit
            for (GHPullRequest pr : repo.getCommit(headSha).listPullRequests()) {
                numbers.add(pr.getNumber());
            }
        }
        for (int number : numbers) {
            requests.submit(event, WorkRequest.Kind.RERUN, number, headSha);
        }
    }

    /**
     * The numbers of the payload's {@code pull_requests}, read from the raw payload: github-api's getter fetches
     * each pull request again, a request per number that the evaluation makes anyway.
     */
    private static Set<Integer> numbers(JsonObject checkObject) {
        Set<Integer> out = new LinkedHashSet<>();
        JsonArray prs = checkObject == null ? null : checkObject.getJsonArray("pull_requests");
        if (prs != null) {
            for (int i = 0; i < prs.size(); i++) {
                out.add(prs.getJsonObject(i).getInteger("number"));
            }
        }
        return out;
    }
}
