package dev.mlreadiness.github;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestReviewComment;

import dev.mlreadiness.engine.Checklist;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.snapshot.EvaluationInput;
import dev.mlreadiness.github.snapshot.Concurrently;
import dev.mlreadiness.github.snapshot.PullRequestSnapshot;

/**
 * Evaluates the checklist for a review, with the independent requests side by side: starting the check run,
 * fetching the contents the rules read, listing the app's earlier comments (they hold the ignore decisions), and
 * completing runs of the head that a stopped app left in progress.
 */
final class ReviewEvaluation {

    /** The report, and the comments listed for it, which publishing compares with. */
    record Evaluated(Report report, Map<String, String> ignoreNotes, List<GHPullRequestReviewComment> reviewComments,
            List<GHIssueComment> comments) {
    }

    private final Executor executor;
    private final String botLogin;

    ReviewEvaluation(Executor executor, String botLogin) {
        this.executor = executor;
        this.botLogin = botLogin;
    }

    /**
     * @param latest decisions applied after those recorded in the pull request's comments: a command that has
     *        just replied cannot count on GitHub listing its reply yet
     * @param startRun starts the check run
     * @param staleRuns completes the runs of the head nobody works on any more
     */
    Evaluated evaluate(GHPullRequest pr, PullRequestSnapshot snapshot, Checklist checklist, ReviewDecision decision,
            List<IgnoreDecision> latest, Concurrently.IoSupplier<?> startRun, Concurrently.IoSupplier<?> staleRuns)
            throws IOException {
        EvaluationInput input = decision.input();
        // ignore decisions live in our comments: listed anyway for the summary, else only when there are any
        boolean listComments = decision.summary() || !latest.isEmpty() || pr.getCommentsCount() > 0;
        CompletableFuture<?> started = async(startRun);
        // the reads are planned before the comments say which rules are ignored: a few more files in the one batch
        // cost nothing, waiting for the comments would cost a round trip
        CompletableFuture<Void> contents = async(() -> {
            Checklist.Reads reads = checklist.reads(input);
            snapshot.prefetch(reads.head(), reads.base());
            return null;
        });
        CompletableFuture<List<GHPullRequestReviewComment>> reviewComments = decision.inline()
                ? async(() -> pr.listReviewComments().toList())
                : CompletableFuture.completedFuture(List.of());
        CompletableFuture<List<GHIssueComment>> comments = listComments ? async(pr::getComments)
                : CompletableFuture.completedFuture(List.of());
        Concurrently.join(started);
        // only once the new run is held: a run in progress that nobody holds counts as left by a stopped app
        CompletableFuture<?> stale = async(staleRuns);
        Concurrently.join(CompletableFuture.allOf(contents, reviewComments, comments, stale));

        IgnoredRules ignored = IgnoredRules.of(comments.join(), botLogin, latest);
        Report report = checklist.evaluate(input.withIgnoredRules(new TreeSet<>(ignored.ids())));
        return new Evaluated(report, ignored.notes(), reviewComments.join(), comments.join());
    }

    private <T> CompletableFuture<T> async(Concurrently.IoSupplier<T> s) {
        return Concurrently.supply(s, executor);
    }
}
