package dev.mlreadiness.engine;

import java.util.Comparator;
import java.util.Optional;

import dev.mlreadiness.engine.rule.Category;
import dev.mlreadiness.engine.rule.Severity;

/**
 * One gap: a rule, its severity, a one-sentence message that says what to do, where it is (optional path and
 * 1-based line) and whether the change under review introduced it.
 *
 * @param fingerprint stable across pushes for the same gap (rule, path, the line's text rather than its number),
 *        so publishers can recognise a finding they already commented on
 * @param suggestion the whole text of line {@code line} with the gap fixed (no line break), when the fix is
 *        mechanical and certain; null otherwise. Publishers show it as a GitHub suggested change.
 */
public record Finding(String ruleId, Category category, Severity severity, String message, String path,
        Integer line, boolean isNew, String fingerprint, String suggestion) {

    /** A finding without a suggested change. */
    public Finding(String ruleId, Category category, Severity severity, String message, String path, Integer line,
            boolean isNew, String fingerprint) {
        this(ruleId, category, severity, message, path, line, isNew, fingerprint, null);
    }

    /** Category order, then rule id, path, line and message: the same input always gives the same order. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::category)
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.path() == null ? "" : f.path())
            .thenComparing(f -> f.line() == null ? 0 : f.line())
            .thenComparing(Finding::message);

    public Optional<String> pathOpt() {
        return Optional.ofNullable(path);
    }

    public boolean hasLine() {
        return path != null && line != null;
    }

    /** {@code path:line}, {@code path} or an empty string, for people. */
    public String location() {
        if (path == null) {
            return "";
        }
        return line == null ? path : path + ":" + line;
    }

    /** The suggested replacement of the finding's line, when there is one (see {@link #suggestion()}). */
    public Optional<String> suggestionOpt() {
        return Optional.ofNullable(suggestion);
    }

    public Finding withNew(boolean value) {
        return new Finding(ruleId, category, severity, message, path, line, value, fingerprint, suggestion);
    }

    public Finding withSeverity(Severity value) {
        return new Finding(ruleId, category, value, message, path, line, isNew, fingerprint, suggestion);
    }

    public Finding withFingerprint(String value) {
        return new Finding(ruleId, category, severity, message, path, line, isNew, value, suggestion);
    }

    public Finding withSuggestion(String value) {
        return new Finding(ruleId, category, severity, message, path, line, isNew, fingerprint, value);
    }
}
