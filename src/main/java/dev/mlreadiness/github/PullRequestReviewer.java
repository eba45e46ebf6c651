package dev.mlreadiness.github;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.githubapp.GitHubClientProvider;
import org.jboss.logging.Logger;
import org.kohsuke.github.GHIssueState;

import dev.mlreadiness.engine.Checklist;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.Rules;
import dev.mlreadiness.github.ReviewDecision.Verdict;
import dev.mlreadiness.github.ReviewEvaluation.Evaluated;
import dev.mlreadiness.github.client.RetryBudget;
import dev.mlreadiness.github.publish.Publication;
import dev.mlreadiness.github.queue.Batch;
import dev.mlreadiness.github.queue.BatchRunner;
import dev.mlreadiness.github.snapshot.BlobCache;
import dev.mlreadiness.github.snapshot.PullRequestReader;
import dev.mlreadiness.github.snapshot.PullRequestSnapshot;

/**
 * Reviews one pull request for a batch of the work queue: read it, decide whether it is an ML project before
 * writing anything, evaluate the checklist, and publish the check run, the inline review and the summary comment,
 * unless a newer head arrived meanwhile. Every entry point (pull request events, re-run buttons, comment commands)
 * comes here through the queue. Stateless: what it must remember lives in GitHub.
 */
@ApplicationScoped
public class PullRequestReviewer implements BatchRunner {

    private static final Logger LOG = Logger.getLogger(PullRequestReviewer.class);

    private final RuleSource rules;
    private final GitHubGraphQL graphql;
    private final GitHubClientProvider clients;
    private final Publication publication;
    private final RetryBudget retryBudget;
    private final StaleCheckRuns staleRuns;
    private final ReadinessMetrics metrics;
    private final ExecutorService executor;
    private final PullRequestReader reader;
    private final ReviewEvaluation evaluation;

    public PullRequestReviewer(RuleSource rules, GitHubGraphQL graphql, GitHubClientProvider clients,
            Publication publication, RetryBudget retryBudget, StaleCheckRuns staleRuns, ReadinessMetrics metrics,
            ReadinessSettings settings) {
        this.rules = rules;
        this.graphql = graphql;
        this.clients = clients;
        this.publication = publication;
        this.retryBudget = retryBudget;
        this.staleRuns = staleRuns;
        this.metrics = metrics;
        this.executor = Executors.newFixedThreadPool(settings.requestThreads(), r -> {
            Thread t = new Thread(r, "ml-readiness-github");
            t.setDaemon(true);
            return t;
        });
        this.reader = new PullRequestReader(executor, new BlobCache(settings.blobCacheBytes()));
        this.evaluation = new ReviewEvaluation(executor, settings.botLogin());
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** What one review has done so far: its check run once started, and the outcome for the metrics. */
    private static final class Progress {
        RunInProgress run;
        String outcome = "neutral";
    }

    @Override
    public Outcome run(Batch batch) {
        ReviewTarget target;
        try {
            target = ReviewTarget.open(clients, batch);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "%s: could not read the pull request (deliveries %s)", batch.key(),
                    batch.requests().stream().map(r -> r.deliveryId()).toList());
            return Outcome.done(ReviewResult.of(ReviewResult.Status.FAILED, Publication.reason(e)), null);
        }
        try (target) {
            // a job taken over from a replica that died: the run it left in progress is completed first
            batch.abandonedRun().ifPresent(run -> {
                if (staleRuns.completeAbandoned(target.repo(), batch.key(), run.id(), run.headSha())) {
                    batch.abandonedRunCompleted();
                }
            });
            if (target.onlyStaleReruns(batch)) {
                LOG.debugf("%s: not re-run, the commit is no longer its head", target.where());
                return Outcome.done(ReviewResult.of(ReviewResult.Status.SILENT, "the commit is no longer the head"),
                        null);
            }
            // one retry budget for every GitHub request of the evaluation, whichever thread makes it
            try (RetryBudget.Scope budget = retryBudget.forEvaluation()) {
                return review(target, batch);
            }
        }
    }

    /** Read, decide, evaluate, publish; never throws but for errors of the JVM. */
    private Outcome review(ReviewTarget t, Batch batch) {
        long start = System.nanoTime();
        String headSha = t.pr().getHead().getSha();
        Progress progress = new Progress();
        try {
            if (t.pr().getState() == GHIssueState.CLOSED) {
                progress.outcome = "skipped";
                return done(ReviewResult.of(ReviewResult.Status.CLOSED, "the pull request is closed"), headSha);
            }
            Rules ruleSet = rules.rules();
            Checklist checklist = ruleSet.checklist();
            // whether runs are left in progress on the head is asked in the config's request: no round trip of its own
            PullRequestReader.Result read = reader.read(t.repo(), t.pr(), graphql.on(t.graphql()),
                    staleRuns.lookup(batch.key(), headSha));
            ReviewDecision decision = ReviewDecision.decide(ruleSet, checklist, read, t.pr().isDraft());
            if (decision.verdict() != Verdict.REVIEW) {
                return withoutReview(t, batch, decision, read, progress);
            }
            Evaluated evaluated = evaluation.evaluate(t.pr(), read.snapshot(), checklist, decision, t.decisions(),
                    () -> progress.run = start(t, batch), () -> completeStaleRuns(t, batch, read));
            metrics.findings(evaluated.report());
            Optional<String> newer = batch.newerHead(headSha);
            if (newer.isPresent()) {
                progress.outcome = "superseded";
                return superseded(t, progress.run, newer.get());
            }
            if (!batch.stillOwned()) {
                progress.outcome = "superseded";
                LOG.warnf("%s: another replica took the job over, this one publishes nothing", t.where());
                // a run the job recorded is the new owner's to complete; one it could not record nobody else knows
                RunInProgress run = progress.run;
                if (run != null && run.run() != null && !batch.recorded(run.run().getId()) && run.claim()) {
                    publication.takenOver(t.repo(), run.run());
                }
                return Outcome.superseded(headSha);
            }
            return publish(t, decision, read.snapshot(), evaluated, progress);
        } catch (Exception | StackOverflowError e) {
            progress.outcome = "error";
            // hostile input can overflow a parser's stack: the thread unwinds and the app is fine, so the run ends
            // like any other failure instead of staying in progress for good
            failed(t, progress.run, e);
            return done(ReviewResult.of(ReviewResult.Status.FAILED, Publication.reason(e)), headSha);
        } catch (Error e) {
            progress.outcome = "error";
            // the JVM may be in trouble (out of memory, a broken deployment): say so on the run, then let it go up
            failed(t, progress.run, e);
            throw e;
        } finally {
            metrics.evaluated(progress.outcome, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Silent, or a failing check run that says what is wrong with the config. */
    private Outcome withoutReview(ReviewTarget t, Batch batch, ReviewDecision decision,
            PullRequestReader.Result read, Progress progress) throws IOException {
        String headSha = t.pr().getHead().getSha();
        if (decision.verdict() == Verdict.SILENT) {
            progress.outcome = "skipped";
            LOG.debugf("%s: silent, %s", t.where(), decision.detail());
            return done(ReviewResult.of(ReviewResult.Status.SILENT, decision.detail()), headSha);
        }
        progress.run = start(t, batch);
        // a run an earlier process left in progress on this head is completed here too: a broken config must not
        // leave a required check blocked (the evaluation path does the same in ReviewEvaluation)
        completeStaleRuns(t, batch, read);
        if (progress.run.claim()) {
            publication.configError(t.repo(), progress.run.run(), decision.configError());
        }
        progress.outcome = "config_error";
        LOG.infof("%s: invalid config (deliveries %s): %s", t.where(), t.deliveryIds(),
                decision.configError().getMessage());
        return done(ReviewResult.of(ReviewResult.Status.INVALID_CONFIG, decision.configError().getMessage()),
                headSha);
    }

    /** Starts the check run in progress, held by this batch until it ends; shutdown completes it if it must. */
    private RunInProgress start(ReviewTarget t, Batch batch) throws IOException {
        RunInProgress run = new RunInProgress(publication.start(t.repo(), t.pr().getHead().getSha()));
        if (run.run() != null) {
            batch.hold(run.run().getId(), run.run().getHeadSha(), () -> {
                if (run.claim()) {
                    couldNotEvaluate(t, run, "the app was shutting down during this evaluation");
                }
            });
        }
        return run;
    }

    private Void completeStaleRuns(ReviewTarget t, Batch batch, PullRequestReader.Result read) {
        staleRuns.complete(t.repo(), batch.key(), t.pr().getHead().getSha(), batch::isHeld, read.runsInProgress());
        return null;
    }

    /** A newer head arrived: its evaluation publishes; this run says so and nothing else is written. */
    private Outcome superseded(ReviewTarget t, RunInProgress run, String newerSha) throws IOException {
        LOG.infof("%s: %s superseded by %s before publishing", t.where(), ShortSha.of(t.pr().getHead().getSha()),
                ShortSha.of(newerSha));
        if (run != null && run.claim()) {
            publication.superseded(t.repo(), run.run(), newerSha);
        }
        return Outcome.superseded(t.pr().getHead().getSha());
    }

    /**
     * One call: the publish side writes the review and the summary comment, then completes the check run with every
     * finding, saying which part failed if one did (see {@link Publication#publish}).
     */
    private Outcome publish(ReviewTarget t, ReviewDecision decision, PullRequestSnapshot snapshot, Evaluated e,
            Progress progress) {
        String headSha = t.pr().getHead().getSha();
        Report report = e.report();
        if (!progress.run.claim()) {
            return done(ReviewResult.of(ReviewResult.Status.FAILED, "the app was shutting down"), headSha);
        }
        Publication.Published published = publication.publish(new Publication.Request(t.repo(), t.pr(), headSha,
                progress.run.run(), report, e.ignoreNotes(), snapshot.changes(), decision.inline(),
                decision.summary(), e.reviewComments(), e.comments(), executor));
        if (!published.checkRunCompleted()) {
            progress.outcome = "error";
            return done(ReviewResult.of(ReviewResult.Status.FAILED, "the check run could not be completed"), headSha);
        }
        progress.outcome = report.conclusion().name().toLowerCase(Locale.ROOT);
        LOG.infof("%s: %s, %d new and %d existing findings (deliveries %s)", t.where(), progress.outcome,
                report.newFindings().size(), report.existingFindings().size(), t.deliveryIds());
        return done(new ReviewResult(ReviewResult.Status.REVIEWED, "", Optional.of(report), e.ignoreNotes(), headSha),
                headSha);
    }

    /**
     * Logs the failure and completes a started run as "Could not evaluate" (failure, or neutral with
     * {@code ml-readiness.on-error=neutral}), so it never stays in progress. A GitHub failure that outlasted its
     * retries is one line; an internal error keeps its stack trace.
     */
    private void failed(ReviewTarget t, RunInProgress run, Throwable e) {
        String reason = Publication.reason(e);
        if (reason.startsWith("a GitHub request failed")) {
            LOG.errorf("%s: evaluation failed (deliveries %s): %s", t.where(), t.deliveryIds(), reason);
        } else {
            LOG.errorf(e, "%s: evaluation failed (deliveries %s)", t.where(), t.deliveryIds());
        }
        if (run != null && run.claim()) {
            publication.couldNotEvaluate(t.repo(), run.run(), e);
        }
    }

    /** Completes a run this process holds with a note of its own (a shutdown), never throwing. */
    private void couldNotEvaluate(ReviewTarget t, RunInProgress run, String reason) {
        publication.couldNotEvaluate(t.repo(), run.run(), reason);
    }

    private static Outcome done(ReviewResult result, String headSha) {
        return Outcome.done(result, headSha);
    }
}
