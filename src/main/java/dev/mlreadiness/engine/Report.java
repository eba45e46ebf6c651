package dev.mlreadiness.engine;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.snapshot.Mode;
import dev.mlreadiness.engine.snapshot.SkippedFile;

/**
 * The outcome of an evaluation, ready for any renderer or publisher.
 *
 * @param applicable false when the repository is not an ML project (or config disables the app): publishers
 *        then stay silent
 * @param skipReason why it is not applicable, for logs and the CLI
 * @param findings sorted by {@link Finding#ORDER}
 * @param rules the rules that ran, in catalog order (for titles, docs links and SARIF)
 * @param skipped files that could not be checked, with the reason
 * @param notes things the reader should know about coverage (truncated trees, files without patches)
 * @param ignoredRules rules left out for this evaluation by request
 * @param suppressed findings dropped by inline {@code readiness: ignore[...]} comments
 */
public record Report(Mode mode, boolean applicable, String skipReason, List<Finding> findings,
        Conclusion conclusion, List<CategoryScore> scores, List<RuleInfo> rules, List<SkippedFile> skipped,
        List<String> notes, Set<String> ignoredRules, int suppressed, ReadinessConfig config) {

    public static Report notApplicable(Mode mode, String reason, ReadinessConfig config) {
        return new Report(mode, false, reason, List.of(), Conclusion.SUCCESS, List.of(), List.of(), List.of(),
                List.of(), Set.of(), 0, config);
    }

    public List<Finding> newFindings() {
        return findings.stream().filter(Finding::isNew).toList();
    }

    /** The skipped files the pull request changes: not checked, so the change can hide a gap in them. */
    public List<SkippedFile> uncheckedChanges() {
        return skipped.stream().filter(SkippedFile::changed).toList();
    }

    public List<Finding> existingFindings() {
        return findings.stream().filter(f -> !f.isNew()).toList();
    }

    /**
     * The findings that fail the check on their own, in report order: those that count (the new ones; all of them
     * with {@code fail-on-existing} or in a full scan) at or above {@code fail-on}. Empty exactly when the
     * conclusion is success, except for changed files that could not be checked (see {@link #uncheckedChanges}).
     */
    public List<Finding> blockingFindings() {
        if (config == null) {
            return List.of();
        }
        return findings.stream().filter(f -> Scores.blocks(f, mode, config)).toList();
    }

    /** The new findings below {@code fail-on}: what the change should fix, not what blocks it. */
    public List<Finding> nonBlockingNewFindings() {
        return findings.stream().filter(f -> f.isNew() && (config == null || !Scores.blocks(f, mode, config)))
                .toList();
    }

    /**
     * Whether the readiness score describes the repository: only a full scan reads every file. In a pull request
     * line and file rules read only the files the change touches, so the score would describe the change and jump
     * from one pull request to the next; it is not shown there.
     */
    public boolean readinessTracked() {
        return applicable && mode == Mode.FULL_SCAN;
    }

    /** The rules that ran and applied, all categories together: the readiness score's denominator. */
    public int rulesApplicable() {
        return scores.stream().mapToInt(CategoryScore::checked).sum();
    }

    /** Of {@link #rulesApplicable()}, the rules without any finding. */
    public int rulesPassed() {
        return scores.stream().mapToInt(CategoryScore::passed).sum();
    }

    /**
     * The readiness score, the share of applicable rules passed in whole percent, rounded down so that 100 means
     * every rule passed; empty when no rule applied.
     */
    public OptionalInt readinessPercent() {
        int applicable = rulesApplicable();
        return applicable == 0 ? OptionalInt.empty() : OptionalInt.of(rulesPassed() * 100 / applicable);
    }
}
