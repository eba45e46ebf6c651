package dev.mlreadiness.engine;

import java.util.List;
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
}
