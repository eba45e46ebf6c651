package dev.mlreadiness.github.publish;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestReviewBuilder;
import org.kohsuke.github.GHPullRequestReviewComment;
import org.kohsuke.github.GHPullRequestReviewEvent;
import org.kohsuke.github.GHReaction;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.ReactionContent;

import dev.mlreadiness.github.ReadinessSettings;
import dev.mlreadiness.github.client.RetryBudget;
import dev.mlreadiness.github.client.RetryPolicy;
import dev.mlreadiness.github.snapshot.Concurrently.IoSupplier;

/**
 * The one place that writes to GitHub. With {@code ml-readiness.dry-run=true} it logs each write it would make
 * and makes none, so the app can be tried on real repositories without a trace.
 *
 * <p>
 * Writes that GitHub does not apply idempotently (creating a check run, a review or a comment, adding
 * annotations) are made {@linkplain #once once}: when such a write fails in a way that may hide its success (a
 * 5xx, no answer), GitHub is asked whether it landed before it is tried again. The other writes (edits) are tried
 * again by the GitHub client itself.
 */
@ApplicationScoped
public class GitHubWriter {

    private static final Logger LOG = Logger.getLogger(GitHubWriter.class);
    /** GitHub takes at most this many annotations per check-run request. */
    static final int ANNOTATIONS_PER_REQUEST = 50;

    private final boolean dryRun;
    private final RetryPolicy policy;

    public GitHubWriter(ReadinessSettings settings) {
        this.dryRun = settings.dryRun();
        this.policy = RetryPolicy.of(settings.retry());
    }

    /** An inline comment of a review, on a line of the new file. */
    public record InlineComment(String path, int line, String body) {
    }

    /**
     * Creates the check run in progress; null in dry-run. Its {@code external_id} is new for each call, so a run
     * whose creation answer was lost is found again instead of created twice.
     */
    public GHCheckRun startCheckRun(GHRepository repo, String name, String headSha) throws IOException {
        if (dryRun) {
            LOG.infof("[dry-run] would create check run '%s' in progress on %s@%s", name, repo.getFullName(), headSha);
            return null;
        }
        String externalId = UUID.randomUUID().toString();
        return once("create check run on " + headSha,
                () -> repo.createCheckRun(name, headSha).withStatus(GHCheckRun.Status.IN_PROGRESS)
                        .withExternalID(externalId).create(),
                () -> checkRuns(repo, name, headSha).stream().filter(r -> externalId.equals(r.getExternalId()))
                        .findFirst());
    }

    /**
     * Completes the check run, its annotations {@value #ANNOTATIONS_PER_REQUEST} a request. GitHub appends the
     * annotations of every request, so a batch whose answer was lost is sent again only when the run's annotation
     * count says it did not land.
     *
     * @throws AnnotationsIncomplete when the run was completed but a later batch of annotations could not be added
     */
    public void completeCheckRun(GHRepository repo, GHCheckRun run, CheckRunOutput output) throws IOException {
        if (dryRun || run == null) {
            LOG.infof("[dry-run] would complete check run on %s as %s: %s (%d annotations)", repo.getFullName(),
                    output.conclusion(), output.title(), output.annotations().size());
            return;
        }
        int total = output.annotations().size();
        int from = 0;
        do {
            int to = Math.min(total, from + ANNOTATIONS_PER_REQUEST);
            int batchFrom = from;
            try {
                once("complete check run " + run.getId() + " (annotations " + from + "-" + to + ")",
                        () -> run.update().withStatus(GHCheckRun.Status.COMPLETED)
                                .withConclusion(output.conclusion()).add(output.toGitHub(batchFrom, to)).create(),
                        () -> landed(repo, run, output, to));
            } catch (IOException e) {
                if (from == 0) {
                    throw e;
                }
                throw new AnnotationsIncomplete(from, total, e);
            }
            from = to;
        } while (from < total);
    }

    /** The run as GitHub lists it, when it is completed and holds at least {@code annotations} annotations. */
    private Optional<GHCheckRun> landed(GHRepository repo, GHCheckRun run, CheckRunOutput output, int annotations)
            throws IOException {
        return checkRuns(repo, run.getName(), run.getHeadSha()).stream()
                .filter(r -> r.getId() == run.getId() && r.getStatus() == GHCheckRun.Status.COMPLETED
                        && r.getOutput() != null && r.getOutput().getAnnotationsCount() >= annotations
                        && output.title().equals(r.getOutput().getTitle()))
                .findFirst();
    }

    /** Every run of that name on the commit, not only the latest (GitHub's default filter). */
    private static List<GHCheckRun> checkRuns(GHRepository repo, String name, String headSha) throws IOException {
        return repo.getCheckRuns(headSha, Map.of("check_name", name, "filter", "all")).toList();
    }

    /** The run is completed with its conclusion, title and summary, but not every annotation could be added. */
    public static final class AnnotationsIncomplete extends IOException {

        AnnotationsIncomplete(int added, int total, IOException cause) {
            super(added + " of " + total + " annotations were added: " + firstLine(cause), cause);
        }
    }

    public void createReview(GHPullRequest pr, String commitSha, String body, List<InlineComment> comments)
            throws IOException {
        createReview(pr, commitSha, body, comments, () -> false);
    }

    /**
     * Posts a review; {@code landed} says whether an earlier try got through although its answer was lost.
     */
    public void createReview(GHPullRequest pr, String commitSha, String body, List<InlineComment> comments,
            IoSupplier<Boolean> landed) throws IOException {
        if (dryRun) {
            LOG.infof("[dry-run] would post a review with %d comments on %s#%d", comments.size(),
                    pr.getRepository().getFullName(), pr.getNumber());
            return;
        }
        once("post review on #" + pr.getNumber(), () -> {
            GHPullRequestReviewBuilder review = pr.createReview().commitId(commitSha).body(body)
                    .event(GHPullRequestReviewEvent.COMMENT);
            for (InlineComment c : comments) {
                review.singleLineComment(c.body(), c.path(), c.line());
            }
            return review.create();
        }, () -> landed.get() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    public void editReviewComment(GHPullRequestReviewComment comment, String body) throws IOException {
        if (dryRun) {
            LOG.infof("[dry-run] would edit review comment %d on %s", comment.getId(), comment.getPath());
            return;
        }
        comment.update(body);
    }

    /**
     * A comment on an issue or pull request (a pull request is an issue to this endpoint), such as a command's
     * reply. After a lost answer it counts as landed when the issue's newest comment is this very text: a reply is
     * posted right after the command it answers, so an identical older reply (the same {@code help} asked twice)
     * is never mistaken for it.
     */
    public void createComment(GHIssue issue, String body) throws IOException {
        createComment(issue, body, () -> newestCommentIs(issue, body));
    }

    private static boolean newestCommentIs(GHIssue issue, String body) throws IOException {
        List<GHIssueComment> comments = issue.getComments();
        return !comments.isEmpty() && body.strip().equals(String.valueOf(comments.get(comments.size() - 1).getBody())
                .strip());
    }

    /** As {@link #createComment(GHIssue, String)}; {@code landed} says whether a lost try got through. */
    public void createComment(GHIssue issue, String body, IoSupplier<Boolean> landed) throws IOException {
        if (dryRun) {
            LOG.infof("[dry-run] would comment on %s#%d (%d characters)", issue.getRepository().getFullName(),
                    issue.getNumber(), body.length());
            return;
        }
        once("comment on #" + issue.getNumber(), () -> issue.comment(body),
                () -> landed.get() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /** Reacts to a comment; null in dry-run. */
    public GHReaction react(GHIssueComment comment, ReactionContent content) throws IOException {
        if (dryRun) {
            LOG.infof("[dry-run] would react %s to comment %d", content.getContent(), comment.getId());
            return null;
        }
        return comment.createReaction(content);
    }

    public void removeReaction(GHIssueComment comment, GHReaction reaction) throws IOException {
        if (dryRun || reaction == null) {
            return;
        }
        comment.deleteReaction(reaction);
    }

    public void editComment(GHIssueComment comment, String body) throws IOException {
        if (dryRun) {
            LOG.infof("[dry-run] would edit comment %d (%d characters)", comment.getId(), body.length());
            return;
        }
        comment.update(body);
    }

    /**
     * Makes a write that must not land twice: after a failure that may hide a success, {@code landed} looks at
     * GitHub; the write is made again only when it did not land, within the retry policy and budget. A refusal
     * (4xx: invalid, not found, not allowed, rate limited after the client's own retries) is final at once.
     */
    <T> T once(String what, IoSupplier<T> write, IoSupplier<Optional<T>> landed) throws IOException {
        long deadline = RetryBudget.deadline(policy.budget());
        for (int failed = 1;; failed++) {
            IOException failure;
            try {
                return write.get();
            } catch (IOException e) {
                failure = e;
            }
            if (refused(failure)) {
                throw failure;
            }
            Optional<T> there;
            try {
                there = landed.get();
            } catch (IOException e) {
                failure.addSuppressed(e);
                throw failure; // cannot tell: better one missing write than a duplicate
            }
            if (there.isPresent()) {
                LOG.infof("%s: the answer was lost (%s) but the write landed", what, firstLine(failure));
                return there.get();
            }
            Optional<Duration> pause = policy.pause(failed, null, deadline);
            if (pause.isEmpty()) {
                throw failure;
            }
            LOG.infof("%s: %s; try %d in %d ms", what, firstLine(failure), failed + 1, pause.get().toMillis());
            RetryPolicy.sleep(pause.get());
        }
    }

    private static boolean refused(IOException e) {
        if (e instanceof GHFileNotFoundException) {
            return true;
        }
        return e instanceof HttpException h && h.getResponseCode() >= 400 && h.getResponseCode() < 500;
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        return m.lines().findFirst().orElse("").strip();
    }
}
