package dev.mlreadiness.github;

import java.util.Map;
import java.util.Optional;

import dev.mlreadiness.engine.Report;

/**
 * How a review ended, for callers that answer a person (comment commands); event handlers ignore it.
 *
 * @param status what happened
 * @param detail why the app stayed silent, or what went wrong; empty otherwise
 * @param report the evaluated report, when the review got that far
 * @param ignoreNotes who ignored each ignored rule and why (Markdown), for publishing beside the report
 * @param headSha the head commit that was evaluated; empty when none was
 */
public record ReviewResult(Status status, String detail, Optional<Report> report, Map<String, String> ignoreNotes,
        String headSha) {

    public enum Status {
        /** Evaluated and published. */
        REVIEWED,
        /** The pull request is closed: nothing was done. */
        CLOSED,
        /** Not an ML project, or disabled by config: nothing was written. */
        SILENT,
        /** The config file is invalid: the check run says so. */
        INVALID_CONFIG,
        /** The evaluation could not finish (or the app stopped first): a started check run was completed. */
        FAILED
    }

    public static ReviewResult of(Status status, String detail) {
        return new ReviewResult(status, detail, Optional.empty(), Map.of(), "");
    }
}
