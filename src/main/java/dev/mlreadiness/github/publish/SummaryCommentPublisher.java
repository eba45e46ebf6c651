package dev.mlreadiness.github.publish;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHPullRequest;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.github.ReadinessSettings;
import dev.mlreadiness.github.ShortSha;
import dev.mlreadiness.github.snapshot.Concurrently.IoSupplier;
import dev.mlreadiness.report.MarkdownReport;

/**
 * One summary comment per pull request, found again by its hidden marker and edited in place: created only when
 * there is something to say, never a new one per push, left alone when its text would not change.
 */
@ApplicationScoped
public class SummaryCommentPublisher {

    private final GitHubWriter writer;
    private final MarkdownReport markdown;
    private final String botLogin;

    public SummaryCommentPublisher(GitHubWriter writer, MarkdownReport markdown, ReadinessSettings settings) {
        this.writer = writer;
        this.markdown = markdown;
        this.botLogin = settings.botLogin();
    }

    /** The write to make, if any: a new comment made {@linkplain GitHubWriter#once once}, or an edit of ours. */
    public Optional<IoSupplier<Void>> write(GHPullRequest pr, String headSha, Report report,
            List<GHIssueComment> comments, List<Finding> notCommentedInline, Map<String, String> ignoreNotes) {
        Optional<GHIssueComment> mine = mine(comments);
        if (mine.isEmpty() && report.newFindings().isEmpty()) {
            return Optional.empty(); // nothing to say, and nothing said before
        }
        String body = body(headSha, report, notCommentedInline, ignoreNotes);
        if (mine.isPresent()) {
            if (body.equals(mine.get().getBody())) {
                return Optional.empty();
            }
            return Optional.of(() -> {
                writer.editComment(mine.get(), body);
                return null;
            });
        }
        // a comment whose answer was lost is found again by its marker: a pull request has one summary comment
        return Optional.of(() -> {
            writer.createComment(pr, body, () -> mine(pr.getComments()).isPresent());
            return null;
        });
    }

    /** Our summary comment: anyone can paste the marker, and GitHub refuses the app's edit of another's comment. */
    private Optional<GHIssueComment> mine(List<GHIssueComment> comments) {
        return comments.stream().filter(c -> botLogin.equals(c.getUserName()) && Markers.isSummary(c.getBody()))
                .findFirst();
    }

    String body(String headSha, Report report, List<Finding> notCommentedInline, Map<String, String> ignoreNotes) {
        StringBuilder md = new StringBuilder(Markers.SUMMARY).append("\n## ML readiness: ")
                .append(CheckRunPublisher.title(report)).append("\n\nLast evaluated commit: ")
                .append(ShortSha.of(headSha)).append("\n\n");
        if (!notCommentedInline.isEmpty()) {
            md.append("### Not commented inline (").append(notCommentedInline.size())
                    .append(", over the limit of ").append(ReviewCommentPublisher.MAX_PER_REVIEW)
                    .append(" comments per push)\n\n");
            notCommentedInline.forEach(f -> md.append("- ").append(markdown.findingLine(f)).append('\n'));
            md.append('\n');
        }
        md.append(markdown.render(report, MarkdownReport.GITHUB_MAX_LENGTH, ignoreNotes));
        return MarkdownReport.truncate(md.toString(), MarkdownReport.GITHUB_MAX_LENGTH);
    }
}
