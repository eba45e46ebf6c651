package dev.mlreadiness.github.publish;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHRepository;

import dev.mlreadiness.engine.Conclusion;
import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.config.ConfigException;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.ChangeSet;
import dev.mlreadiness.github.ReadinessSettings;
import dev.mlreadiness.github.ShortSha;
import dev.mlreadiness.report.MarkdownReport;
import dev.mlreadiness.report.MarkdownText;

/**
 * The "ML readiness" check run on the head commit: started in progress, then completed with the conclusion of
 * {@code fail-on}, the scorecard summary and the annotations of what the review does not show (see
 * {@link #annotations}); or completed as failure for a
 * bad config, as "Could not evaluate" when the evaluation could not finish (failure, or neutral with
 * {@code ml-readiness.on-error=neutral}), or as skipped when a newer commit took over.
 */
@ApplicationScoped
public class CheckRunPublisher {

    public static final String NAME = "ML readiness";
    static final String COULD_NOT_EVALUATE = "Could not evaluate";

    private final GitHubWriter writer;
    private final MarkdownReport markdown;
    private final GHCheckRun.Conclusion onError;

    public CheckRunPublisher(GitHubWriter writer, MarkdownReport markdown, ReadinessSettings settings) {
        this.writer = writer;
        this.markdown = markdown;
        this.onError = settings.onError() == ReadinessSettings.OnError.NEUTRAL ? GHCheckRun.Conclusion.NEUTRAL
                : GHCheckRun.Conclusion.FAILURE;
    }

    public GHCheckRun start(GHRepository repo, String headSha) throws IOException {
        return writer.startCheckRun(repo, NAME, headSha);
    }

    /** Completes the run with {@code output} (see {@link #output}); annotations go 50 a request. */
    public void complete(GHRepository repo, GHCheckRun run, CheckRunOutput output) throws IOException {
        writer.completeCheckRun(repo, run, output);
    }

    CheckRunOutput configErrorOutput(ConfigException e) {
        String summary = "The configuration cannot be used, so nothing was checked.\n\n"
                + "**" + MarkdownText.message(e.getMessage()) + "**\n\n"
                + "Fix `.github/ml-readiness.yml` on the default branch (or in the organization's `.github` "
                + "repository), then re-run this check.";
        return new CheckRunOutput(GHCheckRun.Conclusion.FAILURE, "Invalid configuration",
                MarkdownReport.truncate(summary, MarkdownReport.GITHUB_MAX_LENGTH), List.of());
    }

    /**
     * A run that could not finish, with a short reason people can act on (never a stack trace): as failure, so a
     * required check does not let the change merge unreviewed, or neutral where the deployment says
     * {@code ml-readiness.on-error=neutral}.
     */
    CheckRunOutput couldNotEvaluateOutput(String reason) {
        String summary = "ML readiness could not finish this evaluation: " + MarkdownText.text(reason)
                + "\n\nNothing was decided about this change. Use **Re-run** on this check, or push again.";
        return new CheckRunOutput(onError, COULD_NOT_EVALUATE,
                MarkdownReport.truncate(summary, MarkdownReport.GITHUB_MAX_LENGTH), List.of());
    }

    /**
     * The least a run can be completed with when GitHub keeps refusing the full output: the conclusion and title
     * already decided, a one-line summary and no annotations.
     */
    static CheckRunOutput minimal(CheckRunOutput full) {
        return new CheckRunOutput(full.conclusion(), full.title(), "GitHub did not accept the full result of this "
                + "evaluation. Use **Re-run** on this check to see it.", List.of());
    }

    /** A run whose commit is no longer the pull request's head: the newer commit's run decides. */
    CheckRunOutput supersededOutput(String newerHeadSha) {
        return new CheckRunOutput(GHCheckRun.Conclusion.SKIPPED, "Superseded by " + ShortSha.of(newerHeadSha),
                "A newer commit (" + ShortSha.of(newerHeadSha) + ") of this pull request is evaluated instead; "
                        + "its check run has the result.",
                List.of());
    }

    /**
     * A run whose evaluation another instance of the app took over (this one's lease on the job expired): that
     * instance's run on the commit has the result. Both runs are on the same commit with the same name, and this one
     * may be completed last, so GitHub may take it for the check's result: it ends as a run without a result does
     * ({@code ml-readiness.on-error}, failure by default), never as {@code skipped}, which passes a required check
     * that the other run may have failed.
     */
    CheckRunOutput takenOverOutput() {
        return new CheckRunOutput(onError, "Evaluated by another instance",
                "Another instance of ML readiness took this evaluation over; its check run on this commit has the "
                        + "result. If GitHub shows this run as the check's result, use **Re-run** on this check.",
                List.of());
    }

    /**
     * The completed run's content for a report, annotating every new finding with a path (no inline review): see
     * {@link #output(Report, Map, List, List)}.
     */
    public CheckRunOutput output(Report report, Map<String, String> ignoreNotes, List<String> failedParts) {
        return output(report, ignoreNotes, failedParts,
                annotations(report, null, report.newFindings().stream().filter(Finding::hasLine).toList()));
    }

    /**
     * The completed run's content for a report: the conclusion, title, summary and the annotations (see
     * {@link #annotations}), with {@code failedParts} (one sentence each, such as "The inline review
     * could not be posted (...)") said first in the summary: the findings are all here even so.
     */
    public CheckRunOutput output(Report report, Map<String, String> ignoreNotes, List<String> failedParts,
            List<CheckRunOutput.Annotation> annotations) {
        GHCheckRun.Conclusion conclusion = report.conclusion() == Conclusion.FAILURE ? GHCheckRun.Conclusion.FAILURE
                : GHCheckRun.Conclusion.SUCCESS;
        StringBuilder note = new StringBuilder();
        for (String part : failedParts) {
            note.append("> :warning: ").append(MarkdownText.message(part)).append('\n');
        }
        if (note.length() > 0) {
            note.append(">\n> The findings below are complete. Use **Re-run** on this check to try again.\n\n");
        }
        String summary = note + markdown.render(report, MarkdownReport.GITHUB_MAX_LENGTH - note.length(),
                ignoreNotes);
        return new CheckRunOutput(conclusion, title(report), summary, annotations);
    }

    /**
     * The annotations of a run: each finding is shown once in the diff, as a review comment or as an annotation.
     * Here, in this order:
     * <ol>
     * <li>the new findings with a path that no review comment shows ({@code notInReview}: off the diff's hunks,
     * over the review's limit, no review at all) and the new findings about a whole file (on its line 1: the review
     * API has no file comments), at their severity's level, those that block ({@code fail-on}) first;
     * <li>existing findings on the lines the change adds (moved or copied code), as notices whatever their
     * severity: existing debt never shows red in a passing check; with {@code fail-on-existing: true} those that
     * fail the check keep their level, so the red check shows why.
     * </ol>
     * Findings about the whole repository stay in the summary.
     *
     * @param changes the changed files, for the added lines; null: no existing finding is annotated
     * @param notInReview the new line findings to annotate
     */
    public List<CheckRunOutput.Annotation> annotations(Report report, ChangeSet changes, List<Finding> notInReview) {
        Set<Finding> annotate = new HashSet<>(notInReview);
        List<Finding> fresh = report.newFindings().stream()
                .filter(f -> f.path() != null && (f.line() == null || annotate.contains(f)))
                .sorted(Comparator.comparing(f -> !report.config().failOn().fails(f.severity())))
                .toList();
        List<CheckRunOutput.Annotation> out = new ArrayList<>();
        for (Finding f : fresh) {
            out.add(new CheckRunOutput.Annotation(f.path(), f.hasLine() ? f.line() : 1, annotationLevel(f.severity()),
                    f.ruleId(),
                    ReviewCommentPublisher.boundedMessage(f.message())
                            + (f.hasLine() ? "" : "\n\n(About the whole file.)") + "\n\nHow to fix: "
                            + markdown.ruleUrl(f.ruleId())));
        }
        if (changes != null) {
            boolean existingBlocks = report.config().failOnExisting();
            for (Finding f : report.existingFindings()) {
                if (f.hasLine() && changes.get(f.path()).map(c -> c.isAddedLine(f.line())).orElse(false)) {
                    Severity level = existingBlocks && report.config().failOn().fails(f.severity()) ? f.severity()
                            : Severity.NOTICE;
                    out.add(new CheckRunOutput.Annotation(f.path(), f.line(), annotationLevel(level),
                            f.ruleId(),
                            ReviewCommentPublisher.boundedMessage(f.message()) + "\n\nExisting gap ("
                                    + f.severity().id()
                                    + "), not added by this pull request: the code was there before.\n\nHow to fix: "
                                    + markdown.ruleUrl(f.ruleId())));
                }
            }
        }
        return out;
    }

    /** GitHub's annotation level for a severity: {@code failure}, {@code warning} or {@code notice}. */
    static String annotationLevel(Severity severity) {
        return switch (severity) {
            case ERROR -> "failure";
            case WARNING -> "warning";
            case NOTICE -> "notice";
        };
    }

    /**
     * Whether the pull request is blocked, in the words of the conclusion: "2 blocking gaps" (failure: findings
     * at or above {@code fail-on} that count), "Ready, 3 new gaps (none blocking)" (success with new findings below
     * {@code fail-on}, whatever their severity: an error under {@code fail-on: never} is no "suggestion") or "Ready";
     * a failure caused only by changed files that could not be checked (a warning under {@code fail-on: warning})
     * reads "Blocked"; a report that does not apply, "Not evaluated". Each adds ", K changed files not checked" when
     * the change touches files that were skipped, so it never looks clean for what was not seen. Existing debt is in
     * the summary, not the title.
     */
    public static String title(Report report) {
        if (!report.applicable()) {
            return "Not evaluated";
        }
        int blocking = report.blockingFindings().size();
        int fresh = report.nonBlockingNewFindings().size();
        int unchecked = report.uncheckedChanges().size();
        String head;
        if (report.conclusion() == Conclusion.FAILURE) {
            head = blocking == 0 ? "Blocked" : blocking + " blocking " + gaps(blocking);
        } else {
            head = "Ready" + (fresh == 0 ? "" : ", " + fresh + " new " + gaps(fresh) + " (none blocking)");
        }
        return head + (unchecked == 0 ? ""
                : ", " + unchecked + " changed " + (unchecked == 1 ? "file" : "files")
                        + " not checked");
    }

    private static String gaps(int n) {
        return n == 1 ? "gap" : "gaps";
    }
}
