package dev.mlreadiness.github.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestReviewComment;
import org.kohsuke.github.GHRepository;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.config.ConfigException;
import dev.mlreadiness.engine.snapshot.ChangeSet;
import dev.mlreadiness.github.ReadinessSettings;
import dev.mlreadiness.github.client.RetryBudget;
import dev.mlreadiness.github.client.RetryPolicy;
import dev.mlreadiness.github.snapshot.Concurrently;
import dev.mlreadiness.github.snapshot.Concurrently.IoSupplier;

/**
 * Everything the app writes about one evaluation, in one order and with one way of handling failure, so the
 * reviewer's publish step is a single call that never throws.
 *
 * <p>
 * The review (with the edits of fixed comments) and the summary comment go first, side by side; then the check
 * run is completed with every finding, and its summary says which of the two could not be written. A failure of
 * the review or the summary comment never keeps the findings from the check run; a check run that GitHub keeps
 * refusing is completed with a {@linkplain CheckRunPublisher#minimal minimal} body as a last, bounded try, so no
 * run of the app stays in progress.
 */
@ApplicationScoped
public class Publication {

    private static final Logger LOG = Logger.getLogger(Publication.class);
    /** Tries of the last, minimal completion of a check run. */
    static final int LAST_RESORT_ATTEMPTS = 25;

    private final CheckRunPublisher checkRuns;
    private final ReviewCommentPublisher reviews;
    private final SummaryCommentPublisher summaries;
    private final RetryPolicy policy;

    public Publication(CheckRunPublisher checkRuns, ReviewCommentPublisher reviews,
            SummaryCommentPublisher summaries, ReadinessSettings settings) {
        this.checkRuns = checkRuns;
        this.reviews = reviews;
        this.summaries = summaries;
        this.policy = RetryPolicy.of(settings.retry());
    }

    /**
     * What to publish for one evaluated report.
     *
     * @param inline post the inline review (comments: review, not a draft)
     * @param summary write the summary comment (comments: review or summary)
     * @param reviewComments the review comments listed before the evaluation (for inline)
     * @param issueComments the issue comments listed before the evaluation (for summary)
     * @param executor runs the independent writes side by side
     */
    public record Request(GHRepository repo, GHPullRequest pr, String headSha, GHCheckRun run, Report report,
            Map<String, String> ignoreNotes, ChangeSet changes, boolean inline, boolean summary,
            List<GHPullRequestReviewComment> reviewComments, List<GHIssueComment> issueComments, Executor executor) {
    }

    /**
     * What got written.
     *
     * @param checkRunCompleted whether the check run was completed (with the findings, or at least minimally)
     * @param reviewFailure why the review could not be posted, if it could not
     * @param summaryFailure why the summary comment could not be written, if it could not
     */
    public record Published(boolean checkRunCompleted, Optional<String> reviewFailure,
            Optional<String> summaryFailure) {
    }

    /** Creates the check run in progress on the head commit (null in dry-run). */
    public GHCheckRun start(GHRepository repo, String headSha) throws IOException {
        return checkRuns.start(repo, headSha);
    }

    /** Publishes the evaluated report; never throws. */
    public Published publish(Request r) {
        String where = r.repo().getFullName() + "#" + r.pr().getNumber();
        Optional<String> reviewFailure = Optional.empty();
        Optional<String> summaryFailure = Optional.empty();
        // each new line finding is shown once in the diff: by a review comment, else by an annotation
        List<Finding> notCommented = r.report().newFindings().stream().filter(Finding::hasLine).toList();
        List<Finding> commented = List.of();
        List<IoSupplier<Void>> reviewWrites = List.of();
        if (r.inline()) {
            try {
                ReviewCommentPublisher.Outcome plan = reviews.plan(r.report(), r.reviewComments(), r.changes(),
                        r.headSha());
                notCommented = plan.notCommented();
                commented = plan.commented();
                reviewWrites = reviews.writes(r.pr(), r.headSha(), plan, r.report(), htmlUrl(r.run()));
            } catch (IOException | RuntimeException e) {
                reviewFailure = Optional.of(failed(where, "plan the review", e));
            }
        }
        Optional<IoSupplier<Void>> summaryWrite = Optional.empty();
        if (r.summary()) {
            try {
                summaryWrite = summaries.write(r.repo(), r.pr(), r.run(), r.headSha(), r.report(), r.issueComments());
            } catch (RuntimeException | StackOverflowError e) {
                summaryFailure = Optional.of(failed(where, "write the summary comment", e));
            }
        }

        List<IoSupplier<Void>> writes = new ArrayList<>(reviewWrites);
        summaryWrite.ifPresent(writes::add);
        Map<IoSupplier<Void>, Optional<String>> results = sideBySide(writes, r.executor());
        for (IoSupplier<Void> w : reviewWrites) {
            if (reviewFailure.isEmpty() && results.get(w).isPresent()) {
                reviewFailure = Optional.of(failed(where, "post the review", results.get(w).get()));
            }
        }
        if (!commented.isEmpty() && results.get(reviewWrites.get(0)).isPresent()) {
            // the review (the first write when there are comments) did not land: its findings are annotated
            List<Finding> all = new ArrayList<>(notCommented);
            all.addAll(commented);
            notCommented = all;
        }
        if (summaryWrite.isPresent() && results.get(summaryWrite.get()).isPresent()) {
            summaryFailure = Optional.of(failed(where, "write the summary comment",
                    results.get(summaryWrite.get()).get()));
        }

        List<String> failedParts = new ArrayList<>();
        reviewFailure.ifPresent(why -> failedParts.add("The inline review could not be posted: " + why + "."));
        summaryFailure.ifPresent(why -> failedParts.add("The summary comment could not be written: " + why + "."));
        CheckRunOutput output;
        try {
            output = checkRuns.output(r.report(), r.ignoreNotes(), failedParts,
                    checkRuns.annotations(r.report(), r.changes(), notCommented));
        } catch (RuntimeException | StackOverflowError e) {
            // the caller has claimed the run: it must be completed here, whatever rendering it did
            LOG.errorf(e, "%s: could not render the check run", where);
            output = checkRuns.couldNotEvaluateOutput(reason(e));
        }
        boolean completed = complete(where, r.repo(), r.run(), output);
        return new Published(completed, reviewFailure, summaryFailure);
    }

    /** The check run's page on GitHub, for links; null when there is no run (dry-run) or GitHub gave none. */
    private static String htmlUrl(GHCheckRun run) {
        return run == null || run.getHtmlUrl() == null ? null : run.getHtmlUrl().toString();
    }

    /** Completes the run as failure "Invalid configuration" with the message; never throws. */
    public boolean configError(GHRepository repo, GHCheckRun run, ConfigException e) {
        return complete(repo.getFullName(), repo, run, checkRuns.configErrorOutput(e));
    }

    /**
     * Completes a run whose evaluation failed as "Could not evaluate" with the reason and a re-run hint (failure,
     * or neutral with {@code ml-readiness.on-error=neutral}); never throws. A run that is null (not started, or
     * dry-run) is left alone.
     */
    public boolean couldNotEvaluate(GHRepository repo, GHCheckRun run, Throwable cause) {
        if (run == null) {
            return false;
        }
        return couldNotEvaluate(repo, run, reason(cause));
    }

    /** The same with a reason of the app's own (a shutdown, a run a stopped process left in progress). */
    public boolean couldNotEvaluate(GHRepository repo, GHCheckRun run, String reason) {
        if (run == null) {
            return false;
        }
        return complete(repo.getFullName(), repo, run, checkRuns.couldNotEvaluateOutput(reason));
    }

    /** Completes a run whose commit a newer push replaced, as skipped; never throws. */
    public boolean superseded(GHRepository repo, GHCheckRun run, String newerHeadSha) {
        if (run == null) {
            return false;
        }
        return complete(repo.getFullName(), repo, run, checkRuns.supersededOutput(newerHeadSha));
    }

    /**
     * Completes a run whose evaluation another instance of the app took over, as a run without a result (never
     * skipped), unless it is completed
     * already (the new owner may have taken it for a run left in progress); never throws.
     */
    public boolean takenOver(GHRepository repo, GHCheckRun run) {
        if (run == null) {
            return false;
        }
        try {
            for (GHCheckRun listed : repo.getCheckRuns(run.getHeadSha(),
                    Map.of("check_name", CheckRunPublisher.NAME, "filter", "all"))) {
                if (listed.getId() == run.getId() && listed.getStatus() == GHCheckRun.Status.COMPLETED) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            failed(repo.getFullName(), "read the check run, completing it", e); // in doubt: never left in progress
        }
        return complete(repo.getFullName(), repo, run, checkRuns.takenOverOutput());
    }

    private boolean complete(String where, GHRepository repo, GHCheckRun run, CheckRunOutput output) {
        try {
            checkRuns.complete(repo, run, output);
            return true;
        } catch (GitHubWriter.AnnotationsIncomplete e) {
            LOG.warnf("%s: check run completed, but %s", where, e.getMessage());
            return true; // conclusion, title and summary with every finding are there
        } catch (IOException | RuntimeException e) {
            failed(where, "complete the check run", e);
            return completeMinimal(where, repo, run, output);
        }
    }

    /**
     * The last try: the least GitHub must take, with a budget of its own (the evaluation's may be spent) and
     * {@value #LAST_RESORT_ATTEMPTS} tries, so a run is left in progress only when GitHub refuses it that long.
     */
    private boolean completeMinimal(String where, GHRepository repo, GHCheckRun run, CheckRunOutput full) {
        try (RetryBudget.Scope last = RetryBudget.lastResort(policy.budget(), LAST_RESORT_ATTEMPTS)) {
            return attempt(where, "complete the check run with a minimal body", () -> {
                checkRuns.complete(repo, run, CheckRunPublisher.minimal(full));
                return null;
            });
        }
    }

    private static boolean attempt(String where, String what, IoSupplier<Void> write) {
        try {
            write.get();
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.errorf("%s: could not %s: %s", where, what, reason(e));
            return false;
        }
    }

    /** Runs the writes side by side; for each, its failure if it failed. */
    private static Map<IoSupplier<Void>, Optional<String>> sideBySide(List<IoSupplier<Void>> writes,
            Executor executor) {
        try {
            return Concurrently.each(writes, w -> {
                try {
                    w.get();
                    return Optional.<String> empty();
                } catch (IOException | RuntimeException e) {
                    return Optional.of(reason(e));
                }
            }, executor);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // each write catches its own: cannot happen
        }
    }

    private static String failed(String where, String what, Throwable e) {
        return failed(where, what, reason(e));
    }

    private static String failed(String where, String what, String why) {
        LOG.warnf("%s: could not %s: %s", where, what, why);
        return why;
    }

    /** One line people can read in the check run: what failed, not how (never a stack trace). */
    public static String reason(Throwable e) {
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
}
