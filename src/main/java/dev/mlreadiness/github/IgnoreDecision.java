package dev.mlreadiness.github;

/**
 * One {@code /readiness ignore} or {@code /readiness unignore} accepted on a pull request, as the app's reply
 * comment records it in a hidden marker: the pull request itself remembers what was decided, the server does not.
 *
 * @param rule the rule id
 * @param ignore true for ignore, false for unignore
 * @param by the login of the person who asked
 * @param reason why, as they wrote it; empty when none was given (always empty for unignore)
 * @param at when the app accepted it, ISO-8601 UTC
 */
public record IgnoreDecision(String rule, boolean ignore, String by, String reason, String at) {

    public IgnoreDecision {
        reason = reason == null ? "" : reason.strip();
    }
}
