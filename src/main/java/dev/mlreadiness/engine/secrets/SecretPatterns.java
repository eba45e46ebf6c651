package dev.mlreadiness.engine.secrets;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kinds of credential {@code versioning/secret} recognises, each a pattern with a cheap anchor (a substring
 * every match contains, so most lines cost one {@code contains} per kind) and a check on the matched value that
 * rules out known look-alikes. Extend by adding a line to {@link #ALL}.
 */
public final class SecretPatterns {

    /** One kind of credential. {@code value} is the group checked by {@code plausible} (0 for the whole match). */
    public record Kind(String name, List<String> anchors, boolean ignoreCase, Pattern pattern, int value,
            Predicate<String> plausible) {

        /**
         * The first plausible match on the line, as its value; never shown to people.
         *
         * @param lower the line in lower case, for the anchors of case-insensitive kinds
         */
        public Optional<String> find(String line, String lower) {
            String haystack = ignoreCase ? lower : line;
            if (anchors.stream().noneMatch(haystack::contains)) {
                return Optional.empty();
            }
            Matcher m = pattern.matcher(line);
            while (m.find()) {
                if (plausible.test(m.group(value))) {
                    return Optional.of(m.group(value));
                }
            }
            return Optional.empty();
        }
    }

    /** Values of {@code password = "..."} that are placeholders, not passwords. */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)\\*+|x+|\\.+|-+|changeme|change_me|change-me|secret|example|placeholder|dummy|test|none|null|todo"
                    + "|redacted|hidden|your[_ -]?\\w*|<[^>]*>|\\$.*|%.*|.*\\{.*|.*password.*|.*\\s.*");

    public static final List<Kind> ALL = List.of(
            new Kind("an AWS access key id", List.of("AKIA", "ASIA"), false,
                    Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), 0,
                    v -> !v.endsWith("EXAMPLE")),
            new Kind("a GitHub token", List.of("gh"), false,
                    Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,255}\\b"), 0, SecretPatterns::mixed),
            new Kind("a GitHub token", List.of("github_pat_"), false,
                    Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{22,255}\\b"), 0, SecretPatterns::mixed),
            new Kind("a Hugging Face token", List.of("hf_"), false, Pattern.compile("\\bhf_[A-Za-z0-9]{30,}\\b"), 0,
                    SecretPatterns::mixed),
            new Kind("an OpenAI API key", List.of("sk-"), false,
                    Pattern.compile("\\bsk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{32,}|[A-Za-z0-9]{32,})\\b"), 0,
                    SecretPatterns::mixed),
            new Kind("a Weights & Biases API key", List.of("wandb"), true, Pattern.compile(
                    "(?i)(?:WANDB_API_KEY[\"']?\\s*[:=]\\s*|wandb\\.login\\([^)]*\\bkey\\s*=\\s*)[\"']?([0-9a-f]{40})\\b"),
                    1, v -> true),
            new Kind("a private key", List.of("private key"), true,
                    Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY(?: BLOCK)?-----"), 0, v -> true),
            new Kind("a password", List.of("pass", "pwd"), true, Pattern.compile(
                    "(?i)(?<![\\w])[\"']?\\w*(?:password|passwd|pwd)\\w*[\"']?\\s*[:=]\\s*([\"'])([^\"'\\s,][^\"'\\n]*)\\1"),
                    2, v -> !PLACEHOLDER.matcher(v).matches()));

    /** Every kind's anchors in lower case: a line holding none of them holds no credential of any kind. */
    private static final List<String> LOWER_ANCHORS = ALL.stream().flatMap(k -> k.anchors().stream())
            .map(a -> a.toLowerCase(Locale.ROOT)).distinct().toList();

    private SecretPatterns() {
    }

    /**
     * The cheap test before any pattern (what gitleaks and detect-secrets do with keywords): false when the line,
     * in lower case, holds no kind's anchor, so that no {@link Kind#find} can match.
     *
     * @param lower the line in lower case
     */
    public static boolean mayHoldAny(String lower) {
        for (String anchor : LOWER_ANCHORS) {
            if (lower.contains(anchor)) {
                return true;
            }
        }
        return false;
    }

    /** Real tokens are random: digits and letters of both cases. Rules out {@code sk-toggleable__label-arrow}. */
    private static boolean mixed(String token) {
        boolean digit = false;
        boolean upper = false;
        boolean lower = false;
        for (int i = token.indexOf('_') < 0 ? 3 : 0; i < token.length(); i++) {
            char c = token.charAt(i);
            digit |= Character.isDigit(c);
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
        }
        return digit && upper && lower;
    }
}
