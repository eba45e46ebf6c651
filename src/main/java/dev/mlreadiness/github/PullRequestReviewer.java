package dev.mlreadiness.github;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.Rules;
import dev.mlreadiness.engine.config.ConfigException;
import dev.mlreadiness.engine.config.ConfigLoader;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.config.ReadinessConfig.CommentMode;
import dev.mlreadiness.github.publish.CheckRunPublisher;
import dev.mlreadiness.github.publish.ReviewCommentPublisher;
import dev.mlreadiness.github.publish.SummaryCommentPublisher;
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
    private final CheckRunPublisher checkRuns;
    private final ReviewCommentPublisher reviews;
    private final SummaryCommentPublisher summaries;
    private final ReadinessMetrics metrics;
    private final ExecutorService executor;
    private final PullRequestReader reader;
    private final String botLogin;

    public PullRequestReviewer(RuleSource rules, GitHubGraphQL graphql, CheckRunPublisher checkRuns,
            ReviewCommentPublisher reviews, SummaryCommentPublisher summaries, ReadinessMetrics metrics,
            ReadinessSettings settings) {
        this.rules = rules;
        this.graphql = graphql;
        this.checkRuns = checkRuns;
        this.reviews = reviews;
        this.summaries = summaries;
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
                run = checkRuns.start(repo, snapshot.headSha());
                checkRuns.configError(repo, run, e);
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
            CompletableFuture<GHCheckRun> started = async(() -> checkRuns.start(repo, snapshot.headSha()));
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

            List<Runnable> writes = new ArrayList<>();
            GHCheckRun checkRun = run;
            writes.add(() -> {
                try {
                    checkRuns.complete(repo, checkRun, report, ignoreNotes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            ReviewCommentPublisher.Outcome plan = inline
                    ? reviews.plan(report, join(reviewComments), snapshot.changes())
                    : new ReviewCommentPublisher.Outcome(List.of(), report.newFindings().stream()
                            .filter(Finding::hasLine).toList(), List.of());
            if (inline) {
                writes.addAll(reviews.writes(pr, snapshot.headSha(), plan));
            }
            if (summary) {
                summaries.write(pr, snapshot.headSha(), report, join(comments), plan.notCommented(), ignoreNotes)
                        .ifPresent(writes::add);
            }
            CompletableFuture<Void> completion = CompletableFuture.runAsync(writes.get(0), executor);
            List<CompletableFuture<Void>> rest = writes.subList(1, writes.size()).stream()
                    .map(w -> CompletableFuture.runAsync(w, executor)).toList();
            join(completion);
            completed = true;
            join(CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new)));
            outcome = report.conclusion().name().toLowerCase(java.util.Locale.ROOT);
            LOG.infof("%s: %s, %d new and %d existing findings (delivery %s)", where, outcome,
                    report.newFindings().size(), report.existingFindings().size(), deliveryId);
            return new ReviewResult(ReviewResult.Status.REVIEWED, "", Optional.of(report), ignoreNotes);
        } catch (Exception | StackOverflowError e) {
            // hostile input can overflow a parser's stack: the thread unwinds and the app is fine, so the run ends
            // neutral like any other failure instead of staying in progress for good
            failed(repo, run, completed, where, deliveryId, e);
            return ReviewResult.of(ReviewResult.Status.FAILED, shortReason(e));
        } catch (Error e) {
            // the JVM may be in trouble (out of memory, a broken deployment): say so on the run, then let it go up
            failed(repo, run, completed, where, deliveryId, e);
            throw e;
        } finally {
            metrics.evaluated(outcome, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Logs the failure and completes a started run as neutral, so it never stays in progress. */
    private void failed(GHRepository repo, GHCheckRun run, boolean completed, String where, String deliveryId,
            Throwable e) {
        LOG.errorf(e, "%s: evaluation failed (delivery %s)", where, deliveryId);
        if (run != null && !completed) {
            try {
                checkRuns.neutral(repo, run, shortReason(e));
            } catch (Exception | Error again) {
                LOG.errorf(again, "%s: could not complete the check run as neutral (delivery %s)", where,
                        deliveryId);
            }
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

    /** One line people can read in the check run: what failed, not how. */
    static String shortReason(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof UncheckedIOException) && t.getCause() != null) {
            t = t.getCause();
        }
        String kind = t instanceof IOException ? "a GitHub request failed" : "an internal error occurred";
        String msg = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
        if (msg.length() > 200) {
            msg = msg.substring(0, 200) + "...";
        }
        return kind + (msg.isBlank() ? "" : " (" + msg + ")");
    }

    private <T> CompletableFuture<T> async(Concurrently.IoSupplier<T> s) {
        return Concurrently.supply(s, executor);
    }

    private static <T> T join(CompletableFuture<T> f) throws IOException {
        return Concurrently.join(f);
    }
}
