package dev.mlreadiness.github;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jboss.logging.Logger;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestReviewComment;
import org.kohsuke.github.GHRepository;

import dev.mlreadiness.engine.Checklist;
import dev.mlreadiness.engine.snapshot.EvaluationInput;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.Rules;
import dev.mlreadiness.engine.config.ConfigException;
import dev.mlreadiness.engine.config.ConfigLoader;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.config.ReadinessConfig.CommentMode;
import dev.mlreadiness.github.publish.Publication;
import dev.mlreadiness.github.client.RetryBudget;
import dev.mlreadiness.github.snapshot.BlobCache;
import dev.mlreadiness.github.snapshot.Concurrently;
import dev.mlreadiness.github.snapshot.PullRequestReader;
import dev.mlreadiness.github.snapshot.PullRequestSnapshot;
import io.smallrye.graphql.client.dynamic.api.DynamicGraphQLClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reviews one pull request: reads it, decides whether it is an ML project before writing anything, evaluates
 * the checklist, and publishes the check run, the inline review and the summary comment. Every entry point (pull
 * request events, re-run buttons, comment commands) comes here. Stateless: what it must remember lives in GitHub.
 */
@ApplicationScoped
public class PullRequestReviewer {

    private static final Logger LOG = Logger.getLogger(PullRequestReviewer.class);

    private final RuleSource rules;
    private final GitHubGraphQL graphql;
    private final Publication publication;
    private final RetryBudget retryBudget;
    private final ReadinessMetrics metrics;
    private final ExecutorService executor;
    private final PullRequestReader reader;
    private final String botLogin;

    public PullRequestReviewer(RuleSource rules, GitHubGraphQL graphql, Publication publication,
            RetryBudget retryBudget, ReadinessMetrics metrics, ReadinessSettings settings) {
        this.rules = rules;
        this.graphql = graphql;
        this.publication = publication;
        this.retryBudget = retryBudget;
        this.metrics = metrics;
        this.executor = Executors.newFixedThreadPool(settings.requestThreads(), r -> {
            Thread t = new Thread(r, "ml-readiness-github");
            t.setDaemon(true);
            return t;
        });
        this.reader = new PullRequestReader(executor, new BlobCache(settings.blobCacheBytes()));
        this.botLogin = settings.botLogin();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /**
     * Evaluates the pull request and publishes the result; never throws. {@code ignoredRules} are rules switched
     * off for this pull request only, besides those its {@code /readiness ignore} decisions switch off.
     */
    public ReviewResult review(GHRepository repo, GHPullRequest pr, DynamicGraphQLClient client, String deliveryId,
            Set<String> ignoredRules) {
        return review(repo, pr, client, deliveryId, ignoredRules, List.of());
    }

    /**
     * As {@link #review(GHRepository, GHPullRequest, DynamicGraphQLClient, String, Set)}, with {@code latest}
     * decisions applied after those recorded in the pull request's comments: a command that has just replied
     * cannot count on GitHub listing its reply yet.
     */
    public ReviewResult review(GHRepository repo, GHPullRequest pr, DynamicGraphQLClient client, String deliveryId,
            Set<String> ignoredRules, List<IgnoreDecision> latest) {
        // one retry budget for every GitHub request of the evaluation, whichever thread makes it
        try (RetryBudget.Scope budget = retryBudget.forEvaluation()) {
            return evaluate(repo, pr, client, deliveryId, ignoredRules, latest);
        }
    }

    private ReviewResult evaluate(GHRepository repo, GHPullRequest pr, DynamicGraphQLClient client,
            String deliveryId, Set<String> ignoredRules, List<IgnoreDecision> latest) {
        long start = System.nanoTime();
        String outcome = "neutral";
        GHCheckRun run = null;
        boolean completed = false;
        String where = repo.getFullName() + "#" + pr.getNumber();
        try {
            if (pr.getState() == GHIssueState.CLOSED) {
                outcome = "skipped";
                return ReviewResult.of(ReviewResult.Status.CLOSED, "the pull request is closed");
            }
            Rules ruleSet = rules.rules();
            Checklist checklist = ruleSet.checklist();
            PullRequestReader.Result read = reader.read(repo, pr, graphql.on(client));
            PullRequestSnapshot snapshot = read.snapshot();
            ReadinessConfig config;
            try {
                config = new ConfigLoader(ruleSet.ids()).load(read.config().orgText(), read.config().orgSource(),
                        read.config().repoText(), read.config().repoSource());
            } catch (ConfigException e) {
                // the repository's own file asked for the app: say what is wrong. A broken organization file must
                // not give every repository of the organization a failing check: only ML projects hear of it
                Optional<String> silent = read.config().optsIn() ? Optional.empty()
                        : skipReason(checklist, snapshot, EvaluationInput.change(snapshot.base(), snapshot.head(),
                                snapshot.changes(), ReadinessConfig.defaults(), false));
                if (silent.isPresent()) {
                    outcome = "skipped";
                    LOG.debugf("%s: silent despite the invalid organization config, %s", where, silent.get());
                    return ReviewResult.of(ReviewResult.Status.SILENT, silent.get());
                }
                run = publication.start(repo, snapshot.headSha());
                publication.configError(repo, run, e);
                completed = true;
                outcome = "config_error";
                LOG.infof("%s: invalid config (delivery %s): %s", where, deliveryId, e.getMessage());
                return ReviewResult.of(ReviewResult.Status.INVALID_CONFIG, e.getMessage());
            }
            // decided before any write (see skipReason)
            EvaluationInput input = EvaluationInput.change(snapshot.base(), snapshot.head(), snapshot.changes(),
                    config, read.config().optsIn()).withIgnoredRules(ignoredRules);
            Optional<String> skip = skipReason(checklist, snapshot, input);
            if (skip.isPresent()) {
                outcome = "skipped";
                LOG.debugf("%s: silent, %s", where, skip.get());
                return ReviewResult.of(ReviewResult.Status.SILENT, skip.get());
            }
            boolean draft = pr.isDraft();
            boolean inline = config.comments() == CommentMode.REVIEW && !draft;
            boolean summary = config.comments() != CommentMode.NONE;
            // ignore decisions live in our comments: listed anyway for the summary, else only when there are any
            boolean listComments = summary || !latest.isEmpty() || pr.getCommentsCount() > 0;

            // independent requests side by side: the check run, the contents rules read, our earlier comments
            CompletableFuture<GHCheckRun> started = async(() -> publication.start(repo, snapshot.headSha()));
            // the reads are planned before the comments say which rules are ignored: a few more files in the one
            // batch cost nothing, waiting for the comments would cost a round trip
            CompletableFuture<Void> contents = async(() -> {
                Checklist.Reads reads = checklist.reads(input);
                snapshot.prefetch(reads.head(), reads.base());
                return null;
            });
            CompletableFuture<List<GHPullRequestReviewComment>> reviewComments = inline
                    ? async(() -> pr.listReviewComments().toList())
                    : CompletableFuture.completedFuture(List.of());
            CompletableFuture<List<GHIssueComment>> comments = listComments ? async(pr::getComments)
                    : CompletableFuture.completedFuture(List.of());
            run = join(started);
            join(CompletableFuture.allOf(contents, reviewComments, comments));

            IgnoredRules ignored = IgnoredRules.of(join(comments), botLogin, latest);
            Set<String> allIgnored = new TreeSet<>(ignoredRules);
            allIgnored.addAll(ignored.ids());
            Report report = checklist.evaluate(input.withIgnoredRules(allIgnored));
            Map<String, String> ignoreNotes = ignored.notes();
            metrics.findings(report);

            Publication.Published published = publication.publish(new Publication.Request(repo, pr,
                    snapshot.headSha(), run, report, ignoreNotes, snapshot.changes(), inline, summary,
                    join(reviewComments), join(comments), executor));
            completed = true; // publish completes the run itself, whatever else failed
            if (!published.checkRunCompleted()) {
                outcome = "neutral";
                return ReviewResult.of(ReviewResult.Status.FAILED, "the check run could not be completed");
            }
            outcome = report.conclusion().name().toLowerCase(java.util.Locale.ROOT);
            LOG.infof("%s: %s, %d new and %d existing findings (delivery %s)", where, outcome,
                    report.newFindings().size(), report.existingFindings().size(), deliveryId);
            return new ReviewResult(ReviewResult.Status.REVIEWED, "", Optional.of(report), ignoreNotes);
        } catch (Exception | StackOverflowError e) {
            // hostile input can overflow a parser's stack: the thread unwinds and the app is fine, so the run ends
            // neutral like any other failure instead of staying in progress for good
            failed(repo, run, completed, where, deliveryId, e);
            return ReviewResult.of(ReviewResult.Status.FAILED, Publication.reason(e));
        } catch (Error e) {
            // the JVM may be in trouble (out of memory, a broken deployment): say so on the run, then let it go up
            failed(repo, run, completed, where, deliveryId, e);
            throw e;
        } finally {
            metrics.evaluated(outcome, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /**
     * Logs the failure and completes a started run as "Could not evaluate" (failure, or neutral with
     * {@code ml-readiness.on-error=neutral}), so it never stays in progress. A GitHub failure that outlasted its
     * retries is one line; an internal error keeps its stack trace.
     */
    private void failed(GHRepository repo, GHCheckRun run, boolean completed, String where, String deliveryId,
            Throwable e) {
        if (Publication.reason(e).startsWith("a GitHub request failed")) {
            LOG.errorf("%s: evaluation failed (delivery %s): %s", where, deliveryId, Publication.reason(e));
        } else {
            LOG.errorf(e, "%s: evaluation failed (delivery %s)", where, deliveryId);
        }
        if (!completed) {
            publication.couldNotEvaluate(repo, run, e);
        }
    }

    /**
     * Why the app stays silent on this input, decided before any write by the engine's own rule, with the
     * detector's few files fetched in one batch first; empty when it reviews.
     */
    private static Optional<String> skipReason(Checklist checklist, PullRequestSnapshot snapshot,
            EvaluationInput input) throws IOException {
        Checklist.Reads detection = checklist.detectionReads(input);
        snapshot.prefetch(detection.head(), detection.base());
        return checklist.skipReason(input);
    }

    private <T> CompletableFuture<T> async(Concurrently.IoSupplier<T> s) {
        return Concurrently.supply(s, executor);
    }

    private static <T> T join(CompletableFuture<T> f) throws IOException {
        return Concurrently.join(f);
    }
}
