package dev.mlreadiness.engine.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.mlreadiness.engine.Glob;
import dev.mlreadiness.engine.rule.Severity;

/**
 * The settings of {@code .github/ml-readiness.yml}, already validated. {@link #defaults()} is what applies
 * without a file.
 *
 * @param sections extra heading words per docs rule id, added to the rule's own words
 * @param project what kind of project it is, for the rules about serving a model
 * @param seed the seed value that suggested changes pass to unseeded random calls ({@code seed:})
 */
public record ReadinessConfig(Enabled enabled, FailOn failOn, boolean failOnExisting, CommentMode comments,
        long maxFileSize, ProjectPaths paths, List<Glob> ignore, Map<String, RuleSetting> rules,
        boolean extendsOrganization, Map<String, List<String>> sections, Project project, long seed) {

    /** 5 MiB: the spec's default for {@code max-file-size}. */
    public static final long DEFAULT_MAX_FILE_SIZE = 5L * 1024 * 1024;
    /** The seed suggested changes pass when the config names none. */
    public static final long DEFAULT_SEED = 42;

    /** A config with the default {@code seed}. */
    public ReadinessConfig(Enabled enabled, FailOn failOn, boolean failOnExisting, CommentMode comments,
            long maxFileSize, ProjectPaths paths, List<Glob> ignore, Map<String, RuleSetting> rules,
            boolean extendsOrganization, Map<String, List<String>> sections, Project project) {
        this(enabled, failOn, failOnExisting, comments, maxFileSize, paths, ignore, rules, extendsOrganization,
                sections, project, DEFAULT_SEED);
    }

    public static ReadinessConfig defaults() {
        return new ReadinessConfig(Enabled.AUTO, FailOn.ERROR, false, CommentMode.REVIEW, DEFAULT_MAX_FILE_SIZE,
                ProjectPaths.defaults(), List.of(), Map.of(), true, Map.of(), Project.AUTO, DEFAULT_SEED);
    }

    /** The severity a rule's findings get: the config's choice, else the rule's default; empty when off. */
    public Optional<Severity> severityOf(String ruleId, Severity defaultSeverity) {
        RuleSetting s = rules.get(ruleId);
        if (s == null) {
            return Optional.of(defaultSeverity);
        }
        return s.severity();
    }

    public boolean isIgnored(String path) {
        for (Glob g : ignore) {
            if (g.matches(path)) {
                return true;
            }
        }
        return false;
    }

    public List<String> extraSectionWords(String ruleId) {
        return sections.getOrDefault(ruleId, List.of());
    }

    /** {@code enabled:} auto (ML projects only), true, false. */
    public enum Enabled {
        AUTO,
        TRUE,
        FALSE
    }

    /**
     * {@code project:} whether the repository serves a model, which decides whether {@code docs/deployment} and
     * {@code production/monitoring} apply: AUTO decides from the repository (see {@code ServingEvidence}), SERVICE
     * says it does, RESEARCH says it does not.
     */
    public enum Project {
        AUTO,
        SERVICE,
        RESEARCH;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code comments:} what the app posts besides the check run. */
    public enum CommentMode {
        REVIEW,
        SUMMARY,
        NONE
    }

    /** {@code fail-on:} the lowest severity that fails the check; NEVER never fails. */
    public enum FailOn {
        ERROR(Severity.ERROR),
        WARNING(Severity.WARNING),
        NOTICE(Severity.NOTICE),
        NEVER(null);

        private final Severity threshold;

        FailOn(Severity threshold) {
            this.threshold = threshold;
        }

        public boolean fails(Severity severity) {
            return threshold != null && severity.atLeast(threshold);
        }

        public String id() {
            return name().toLowerCase();
        }
    }

    /** A rule's setting under {@code rules:}: off, or a severity. */
    public record RuleSetting(Severity severityOrNull) {
        public static final RuleSetting OFF = new RuleSetting(null);

        public Optional<Severity> severity() {
            return Optional.ofNullable(severityOrNull);
        }
    }
}
