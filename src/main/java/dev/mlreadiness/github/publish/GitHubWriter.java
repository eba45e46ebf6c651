package dev.mlreadiness.github.publish;

import java.io.IOException;
import java.util.List;

import org.jboss.logging.Logger;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestReviewBuilder;
import org.kohsuke.github.GHPullRequestReviewComment;
import org.kohsuke.github.GHPullRequestReviewEvent;
import org.kohsuke.github.GHReaction;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.ReactionContent;

import dev.mlreadiness.github.ReadinessSettings;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place that writes to GitHub. With {@code ml-readiness.dry-run=true} it logs each write it would make
 * and makes none, so the app can be tried on real repositories without a trace.
 */
@ApplicationScoped
public class GitHubWriter {

    private static final Logger LOG = Logger.getLogger(GitHubWriter.class);

    private final boolean dryRun;

    public GitHubWriter(ReadinessSettings settings) {
        this.dryRun = settings.dryRun();
    }

    /** An inline comment of a review, on a line of the new file. */
    public record InlineComment(String path, int line, String body) {
    }

    /** Creates the check run in progress; null in dry-run. */
    public GHCheckRun startCheckRun(GHRepository repo, String name, String headSha) throws IOException {
        if (dryRun) {
            LOG.infof("[dry-run] would create check run '%s' in progress on %s@%s", name, repo.getFullName(), headSha);
            return null;
        }
        return repo.createCheckRun(name, headSha).withStatus(GHCheckRun.Status.IN_PROGRESS).create();
    }

    /** Completes the check run; annotations beyond 50 go out in further updates (the client pages them). */
    public void completeCheckRun(GHRepository repo, GHCheckRun run, CheckRunOutput output) throws IOException {
        if (dryRun || run == null) {
            LOG.infof("[dry-run] would complete check run on %s as %s: %s (%d annotations)", repo.getFullName(),
                    output.conclusion(), output.title(), output.annotations().size());
            return;
        }
        run.update().withStatus(GHCheckRun.Status.COMPLETED).withConclusion(output.conclusion())
                .add(output.toGitHub()).create();
    }

    public void createReview(GHPullRequest pr, String commitSha, String body, List<InlineComment> comments)
            throws IOException {
        if (dryRun) {
            LOG.infof("[dry-run] would post a review with %d comments on %s#%d", comments.size(),
                    pr.getRepository().getFullName(), pr.getNumber());
            return;
        }
        GHPullRequestReviewBuilder review = pr.createReview().commitId(commitSha).body(body)
                .event(GHPullRequestReviewEvent.COMMENT);
        for (InlineComment c : comments) {
            review.singleLineComment(c.body(), c.path(), c.line());
        }
        review.create();
    }

    public void editReviewComment(GHPullRequestReviewComment comment, String body) throws IOException {
        if (dryRun) {
            LOG.infof("[dry-run] would edit review comment %d on %s", comment.getId(), comment.getPath());
            return;
        }
        comment.update(body);
    }

    /** A comment on an issue or pull request (a pull request is an issue to this endpoint). */
    public void createComment(GHIssue issue, String body) throws IOException {
        if (dryRun) {
            LOG.infof("[dry-run] would comment on %s#%d (%d characters)", issue.getRepository().getFullName(),
                    issue.getNumber(), body.length());
            return;
        }
        issue.comment(body);
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
}
