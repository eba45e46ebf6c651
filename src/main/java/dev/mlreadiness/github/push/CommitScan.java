package dev.mlreadiness.github.push;

import java.util.Optional;

import dev.mlreadiness.engine.Report;

/**
 * How the scan of a pushed commit ended.
 *
 * @param outcome what happened
 * @param commitSha the commit that was scanned (a newer push folded into the scan of a later one gets that one's)
 * @param detail why silent, invalid or failed; empty when scored
 * @param report the full scan's report, when scored
 */
public record CommitScan(Outcome outcome, String commitSha, String detail, Optional<Report> report) {

    public enum Outcome {
        /** Evaluated; its scores are stored (PostgreSQL) or logged. */
        SCORED,
        /** Not an ML project, or the app is switched off for the repository: nothing is evaluated or stored. */
        SILENT,
        /** The repository's config file is invalid: nothing is evaluated (its pull requests say what is wrong). */
        INVALID_CONFIG,
        /** Too many repositories wait for a scan: the push is dropped, the next one is scanned. */
        REFUSED,
        /** Reading or storing failed. */
        FAILED
    }

    static CommitScan of(Outcome outcome, String commitSha, String detail) {
        return new CommitScan(outcome, commitSha, detail, Optional.empty());
    }
}
