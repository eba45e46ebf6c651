package dev.mlreadiness.github.publish;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHRepository;

import dev.mlreadiness.engine.Conclusion;
import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.config.ConfigException;
import dev.mlreadiness.github.ShortSha;
import dev.mlreadiness.report.MarkdownReport;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The "ML readiness" check run on the head commit: started in progress, then completed with the conclusion of
 * {@code fail-on}, the scorecard summary and one annotation per new line finding; or completed as failure for a
 * bad config, or neutral when the evaluation could not finish.
 */
@ApplicationScoped
public class CheckRunPublisher {

    public static final String NAME = "ML readiness";

    private final GitHubWriter writer;
    private final MarkdownReport markdown;

    public CheckRunPublisher(GitHubWriter writer, MarkdownReport markdown) {
        this.writer = writer;
        this.markdown = markdown;
    }

    public GHCheckRun start(GHRepository repo, String headSha) throws IOException {
        return writer.startCheckRun(repo, NAME, headSha);
    }

    /** @param ignoreNotes who ignored each ignored rule and why, shown beside it */
    public void complete(GHRepository repo, GHCheckRun run, Report report, Map<String, String> ignoreNotes)
            throws IOException {
        writer.completeCheckRun(repo, run, output(report, ignoreNotes));
    }

    public void configError(GHRepository repo, GHCheckRun run, ConfigException e) throws IOException {
        String summary = "The configuration cannot be used, so nothing was checked.\n\n"
                + "**" + MarkdownReport.escape(e.getMessage()) + "**\n\n"
                + "Fix `.github/ml-readiness.yml` on the default branch (or in the organization's `.github` "
                + "repository), then re-run this check.";
        writer.completeCheckRun(repo, run, new CheckRunOutput(GHCheckRun.Conclusion.FAILURE,
                "Invalid configuration", MarkdownReport.truncate(summary, MarkdownReport.GITHUB_MAX_LENGTH),
                List.of()));
    }

    /** Completes a run that could not finish, with a short reason people can act on (never a stack trace). */
    public void neutral(GHRepository repo, GHCheckRun run, String reason) throws IOException {
        String summary = "ML readiness could not finish this evaluation: " + MarkdownReport.escape(reason)
                + "\n\nNothing was decided about this change. Use **Re-run** on this check, or push again.";
        writer.completeCheckRun(repo, run, new CheckRunOutput(GHCheckRun.Conclusion.NEUTRAL,
                "Could not evaluate", summary, List.of()));
    }

    /** Completes a run whose head was pushed over before it could publish: the newer head's run has the result. */
    public void superseded(GHRepository repo, GHCheckRun run, String newerHeadSha) throws IOException {
        String summary = "A newer commit (" + ShortSha.of(newerHeadSha) + ") was pushed while this one was being "
                + "evaluated; the check run of that commit has the result.";
        writer.completeCheckRun(repo, run, new CheckRunOutput(GHCheckRun.Conclusion.SKIPPED,
                "Superseded by " + ShortSha.of(newerHeadSha), summary, List.of()));
    }

    /** The completed run's content for a report: the conclusion, title, summary and annotations. */
    public CheckRunOutput output(Report report, Map<String, String> ignoreNotes) {
        List<Finding> lines = report.newFindings().stream().filter(Finding::hasLine).toList();
        List<CheckRunOutput.Annotation> annotations = lines.stream()
                .map(f -> new CheckRunOutput.Annotation(f.path(), f.line(), annotationLevel(f.severity()),
                        f.ruleId(), f.message() + "\n\nHow to fix: " + markdown.ruleUrl(f.ruleId())))
                .toList();
        GHCheckRun.Conclusion conclusion = report.conclusion() == Conclusion.FAILURE ? GHCheckRun.Conclusion.FAILURE
                : GHCheckRun.Conclusion.SUCCESS;
        return new CheckRunOutput(conclusion, title(report),
                markdown.render(report, MarkdownReport.GITHUB_MAX_LENGTH, ignoreNotes), annotations);
    }

    /** GitHub's annotation level for a severity: {@code failure}, {@code warning} or {@code notice}. */
    static String annotationLevel(Severity severity) {
        return switch (severity) {
            case ERROR -> "failure";
            case WARNING -> "warning";
            case NOTICE -> "notice";
        };
    }

    /** "Ready" when nothing is new (existing debt is in the summary), else "N new gaps (M existing)". */
    public static String title(Report report) {
        int fresh = report.newFindings().size();
        int existing = report.existingFindings().size();
        if (fresh == 0) {
            return "Ready";
        }
        return fresh + " new " + gaps(fresh) + " (" + existing + " existing)";
    }

    private static String gaps(int n) {
        return n == 1 ? "gap" : "gaps";
    }
}
