package dev.mlreadiness.github.publish;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestReviewComment;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.snapshot.ChangeSet;
import dev.mlreadiness.github.ReadinessSettings;
import dev.mlreadiness.github.ShortSha;
import dev.mlreadiness.github.snapshot.Concurrently.IoSupplier;
import dev.mlreadiness.report.MarkdownReport;
import dev.mlreadiness.report.MarkdownText;

/**
 * Inline review comments on new line findings: at most one review per pushed commit, at most
 * {@link #MAX_PER_REVIEW} comments, never twice for the same finding (each comment carries the finding's
 * fingerprint) nor twice at the same anchor (each carries its {@linkplain Markers#commentKey key}: rule, file,
 * line), and a comment whose finding a later push fixed is edited once to say so.
 */
@ApplicationScoped
public class ReviewCommentPublisher {

    public static final int MAX_PER_REVIEW = 30;

    private final GitHubWriter writer;
    private final MarkdownReport markdown;
    private final String botLogin;

    public ReviewCommentPublisher(GitHubWriter writer, MarkdownReport markdown, ReadinessSettings settings) {
        this.writer = writer;
        this.markdown = markdown;
        this.botLogin = settings.botLogin();
    }

    /** What a push's review did. */
    public record Outcome(List<Finding> commented, List<Finding> notCommented, List<GHPullRequestReviewComment> fixed) {
    }

    /**
     * The findings to comment on, and which earlier comments are now fixed, without writing anything.
     *
     * @param changes the pull request's files: GitHub rejects a whole review when one comment's line is not in the
     *        diff, so findings of files without a patch go to the summary comment; and only a comment
     *        whose file this push evaluated can be said to be fixed
     * @param headSha the commit the review would be on: at most one review per commit, so when one of ours is
     *        there already (an earlier evaluation of the same push), what is new goes to the summary
     */
    public Outcome plan(Report report, List<GHPullRequestReviewComment> existing, ChangeSet changes, String headSha)
            throws IOException {
        Predicate<String> inDiff = path -> changes.get(path).map(c -> c.addedLines() != null).orElse(false);
        List<GHPullRequestReviewComment> ours = ours(existing);
        Set<String> alreadyCommented = new HashSet<>();
        Set<String> keys = new HashSet<>();
        boolean reviewed = false;
        for (GHPullRequestReviewComment c : ours) {
            Markers.fingerprintOf(c.getBody()).ifPresent(alreadyCommented::add);
            Markers.commentKeyOf(c.getBody()).ifPresent(keys::add);
            reviewed |= headSha != null && headSha.equals(c.getOriginalCommitId());
        }
        List<Finding> toComment = new ArrayList<>();
        List<Finding> overflow = new ArrayList<>();
        Set<String> planned = new HashSet<>();
        for (Finding f : report.newFindings()) {
            String key = f.hasLine() ? key(f) : null;
            if (!f.hasLine() || alreadyCommented.contains(f.fingerprint()) || keys.contains(key)) {
                continue;
            }
            // a second finding at an anchor planned already goes to the summary: one comment per key
            boolean fits = !reviewed && toComment.size() < MAX_PER_REVIEW && inDiff.test(f.path())
                    && planned.add(key);
            (fits ? toComment : overflow).add(f);
        }
        Set<String> current = new HashSet<>();
        Set<String> currentKeys = new HashSet<>();
        report.findings().forEach(f -> current.add(f.fingerprint()));
        report.findings().stream().filter(Finding::hasLine).forEach(f -> currentKeys.add(key(f)));
        // a comment is fixed when nothing it speaks of is left: neither its finding nor any finding at its anchor
        List<GHPullRequestReviewComment> fixed = ours.stream()
                .filter(c -> Markers.fingerprintOf(c.getBody()).filter(fp -> !current.contains(fp)).isPresent())
                .filter(c -> Markers.commentKeyOf(c.getBody()).filter(currentKeys::contains).isEmpty())
                .filter(c -> !Markers.isFixed(c.getBody()))
                .filter(c -> ruleRan(report, c.getBody()) && fileEvaluated(report, changes, c.getPath()))
                .toList();
        return new Outcome(toComment, overflow, fixed);
    }

    /** The comment key of a finding's inline comment (see {@link Markers#commentKey}). */
    static String key(Finding f) {
        return Markers.keyOf(f.ruleId(), f.path(), f.line());
    }

    /**
     * A finding is also gone when its rule did not run this time (ignored with {@code /readiness ignore}, turned
     * off in config): that is no fix. A comment whose rule cannot be read is never called fixed.
     */
    private static boolean ruleRan(Report report, String body) {
        return Markers.ruleOf(body)
                .filter(id -> !report.ignoredRules().contains(id)
                        && report.rules().stream().anyMatch(r -> r.id().equals(id)))
                .isPresent();
    }

    /**
     * Whether line rules judged the comment's file this push: it is in the change with known added lines and was
     * read, or it is not in the change at all (the push took it out of the pull request, and with it the gap the
     * pull request added) and the listing of the change is complete. A file without a patch, a file beyond
     * GitHub's 3,000 listed files, a skipped file or a deleted one (the tree may just not list it) says nothing.
     */
    private static boolean fileEvaluated(Report report, ChangeSet changes, String path) {
        if (path == null || report.skipped().stream().anyMatch(s -> path.equals(s.path()))) {
            return false;
        }
        return changes.get(path).map(c -> c.status().exists() && c.linesKnown()).orElse(!changes.partial());
    }

    /**
     * The app's own comments: a person quoting one carries its fingerprint too, and must neither stop the app
     * from commenting nor get an edit GitHub would refuse.
     */
    private List<GHPullRequestReviewComment> ours(List<GHPullRequestReviewComment> existing) throws IOException {
        List<GHPullRequestReviewComment> ours = new ArrayList<>();
        for (GHPullRequestReviewComment c : existing) {
            if (Markers.fingerprintOf(c.getBody()).isPresent() && botLogin.equals(ReviewCommentAuthor.login(c))) {
                ours.add(c);
            }
        }
        return ours;
    }

    /**
     * The writes of the plan, independent of each other: the review (made once, see
     * {@link GitHubWriter#createReview(GHPullRequest, String, String, List, IoSupplier)}) and the edits of fixed
     * comments.
     */
    public List<IoSupplier<Void>> writes(GHPullRequest pr, String headSha, Outcome plan) {
        List<IoSupplier<Void>> writes = new ArrayList<>();
        if (!plan.commented().isEmpty()) {
            List<GitHubWriter.InlineComment> comments = plan.commented().stream()
                    .map(f -> new GitHubWriter.InlineComment(f.path(), f.line(), body(f))).toList();
            String body = "ML readiness found " + comments.size() + " new gap(s) on lines of this push."
                    + (plan.notCommented().isEmpty() ? ""
                            : " " + plan.notCommented().size() + " more are listed in the summary comment.");
            String firstKey = key(plan.commented().get(0));
            writes.add(() -> {
                writer.createReview(pr, headSha, body, comments, () -> posted(pr, firstKey));
                return null;
            });
        }
        String sha = ShortSha.of(headSha);
        for (GHPullRequestReviewComment c : plan.fixed()) {
            writes.add(() -> {
                writer.editReviewComment(c, ":white_check_mark: **Fixed** in " + sha
                        + ": this gap is gone.\n\n~~" + firstLine(c.getBody()) + "~~\n\n" + c.getBody() + "\n"
                        + Markers.FIXED);
                return null;
            });
        }
        return writes;
    }

    /**
     * Whether a review whose answer was lost got through: a review lands whole, so one of its comments (by key,
     * which no earlier comment of ours had) tells.
     */
    private boolean posted(GHPullRequest pr, String key) throws IOException {
        for (GHPullRequestReviewComment c : pr.listReviewComments()) {
            if (Markers.commentKeyOf(c.getBody()).filter(key::equals).isPresent()
                    && botLogin.equals(ReviewCommentAuthor.login(c))) {
                return true;
            }
        }
        return false;
    }

    /** A comment names the rule, says what to do and links the rule's page. */
    String body(Finding f) {
        return MarkdownReport.icon(f.severity()) + " **`" + f.ruleId() + "`** (" + f.severity().id() + "): "
                + MarkdownText.message(f.message()) + "\n\n[How to fix](" + markdown.ruleUrl(f.ruleId())
                + ") · silence this line with `readiness: ignore[" + f.ruleId() + "]`\n\n"
                + Markers.fingerprint(f.fingerprint()) + "\n" + Markers.commentKey(f.ruleId(), f.path(), f.line());
    }

    private static String firstLine(String body) {
        int nl = body.indexOf('\n');
        return (nl < 0 ? body : body.substring(0, nl)).strip();
    }
}
