package dev.mlreadiness.engine.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;
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
            Predicate<String> plausible, BiPredicate<String, String> mayMatch) {

        /** A kind whose pattern runs on every line holding one of its anchors. */
        public Kind(String name, List<String> anchors, boolean ignoreCase, Pattern pattern, int value,
                Predicate<String> plausible) {
            this(name, anchors, ignoreCase, pattern, value, plausible, (line, lower) -> true);
        }

        /**
         * The first plausible match on the line, as its value; never shown to people.
         *
         * @param lower the line in lower case, for the anchors of case-insensitive kinds
         */
        public Optional<String> find(String line, String lower) {
            String haystack = ignoreCase ? lower : line;
            if (!containsAny(haystack, anchors) || !mayMatch.test(line, lower)) {
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
            new Kind("a GitHub token", List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"), false,
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
            new Kind("a password", List.of("passw", "pwd"), true, Pattern.compile(
                    "(?i)(?<![\\w])[\"']?\\w*(?:password|passwd|pwd)\\w*[\"']?\\s*[:=]\\s*([\"'])([^\"'\\s,][^\"'\\n]*)\\1"),
                    2, v -> !PLACEHOLDER.matcher(v).matches(), SecretPatterns::mayAssignQuoted));

    /** Every kind's anchors in lower case: a line holding none of them holds no credential of any kind. */
    private static final List<String> LOWER_ANCHORS = ALL.stream().flatMap(k -> k.anchors().stream())
            .map(a -> a.toLowerCase(Locale.ROOT)).distinct().toList();

    /**
     * {@link #LOWER_ANCHORS} as bytes, by their first byte (every anchor is ASCII), for the filters on bytes
     * ({@link #mayHoldAny(byte[], int, int)}, {@link #kindsAnchoredIn}).
     */
    private static final Anchor[][] ANCHORS_BY_FIRST_BYTE = new Anchor[128][];
    /**
     * {@link #ANCHORS_BY_FIRST_BYTE} by any byte ({@code b & 0xFF}), both ASCII cases of a letter giving the same
     * anchors, and {@link #NOT_ASCII} for the bytes that are not ASCII: one table look-up per byte in the filters.
     */
    private static final Anchor[][] ANCHORS_BY_BYTE = new Anchor[256][];
    private static final Anchor[] NOT_ASCII = new Anchor[0];
    /**
     * Per first byte of an anchor (lower case), the bytes that follow it in some anchor (lower case), as bits: 128
     * bits in two longs from index {@code 2 * first}. Most bytes that may start an anchor (common letters) are let
     * go on the next byte, before any anchor is compared.
     */
    private static final long[] SECOND_BYTES = new long[256];
    /** Per kind of {@link #ALL}, the bits (indexes in {@link #LOWER_ANCHORS}) of its anchors in lower case. */
    private static final long[] KIND_ANCHOR_BITS = new long[ALL.size()];

    static {
        if (LOWER_ANCHORS.size() > Long.SIZE) {
            throw new IllegalStateException("more secret anchors than bits in a long");
        }
        for (int a = 0; a < LOWER_ANCHORS.size(); a++) {
            String anchor = LOWER_ANCHORS.get(a);
            byte[] bytes = anchor.getBytes(StandardCharsets.US_ASCII);
            if (!anchor.chars().allMatch(c -> c < 128) || bytes.length == 0) {
                throw new IllegalStateException("secret anchors must be ASCII: " + anchor);
            }
            Anchor[] same = ANCHORS_BY_FIRST_BYTE[bytes[0]];
            Anchor[] grown = same == null ? new Anchor[1] : Arrays.copyOf(same, same.length + 1);
            grown[grown.length - 1] = new Anchor(bytes, 1L << a);
            ANCHORS_BY_FIRST_BYTE[bytes[0]] = grown;
            if (bytes.length < 2) {
                throw new IllegalStateException("secret anchors have two bytes at least: " + anchor);
            }
            SECOND_BYTES[2 * bytes[0] + (bytes[1] >> 6)] |= 1L << (bytes[1] & 63);
        }
        for (int b = 0; b < 256; b++) {
            ANCHORS_BY_BYTE[b] = b >= 128 ? NOT_ASCII : ANCHORS_BY_FIRST_BYTE[lowerAscii(b)];
        }
        for (int k = 0; k < ALL.size(); k++) {
            for (String anchor : ALL.get(k).anchors()) {
                KIND_ANCHOR_BITS[k] |= 1L << LOWER_ANCHORS.indexOf(anchor.toLowerCase(Locale.ROOT));
            }
        }
    }

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

    /**
     * {@link #mayHoldAny(String)} on UTF-8 bytes ({@code content} from {@code from} to {@code to}), without decoding
     * them, in one pass: true when they hold an anchor in any ASCII case, or any byte that is not ASCII. An ASCII
     * line decodes to the same characters and its lower case is the ASCII one, so the answer is the same as on the
     * decoded line; a line with other bytes is let through for the decoded line to decide (the lower case of a
     * non-ASCII character can be ASCII: the Kelvin sign's is {@code k}).
     */
    public static boolean mayHoldAny(byte[] content, int from, int to) {
        return anchorBits(content, from, to, true) != 0;
    }

    /**
     * The kinds of {@link #ALL} (in that order) that may match on a line of UTF-8 bytes ({@code content} from
     * {@code from} to {@code to}), found in one pass without decoding: for a line of ASCII, those with an anchor
     * there in some ASCII case (a kind without one cannot match: {@link Kind#find} looks for them first); for a line
     * with any other byte, every kind (the decoded line decides, see {@link #mayHoldAny(byte[], int, int)}). Empty
     * for most lines.
     */
    public static List<Kind> kindsAnchoredIn(byte[] content, int from, int to) {
        long bits = anchorBits(content, from, to, false);
        if (bits == 0) {
            return List.of();
        }
        if (bits == -1L) {
            return ALL;
        }
        List<Kind> kinds = new ArrayList<>(2);
        for (int k = 0; k < ALL.size(); k++) {
            if ((KIND_ANCHOR_BITS[k] & bits) != 0) {
                kinds.add(ALL.get(k));
            }
        }
        return kinds;
    }

    /**
     * The {@link #LOWER_ANCHORS} the bytes hold in some ASCII case, as bits by index; all bits when a byte is not
     * ASCII.
     *
     * @param firstOnly stop at the first anchor found
     */
    private static long anchorBits(byte[] content, int from, int to, boolean firstOnly) {
        long bits = 0;
        for (int i = from; i < to; i++) {
            Anchor[] anchors = ANCHORS_BY_BYTE[content[i] & 0xFF];
            if (anchors == null) {
                continue;
            }
            if (anchors == NOT_ASCII) {
                return -1L;
            }
            if (i + 1 >= to || !followsInAnchor(content[i], content[i + 1])) {
                continue; // a byte that is not ASCII next is found by the next round
            }
            for (Anchor anchor : anchors) {
                if (startsWithIgnoringAsciiCase(content, i, to, anchor.lower())) {
                    bits |= anchor.bit();
                    if (firstOnly) {
                        return bits;
                    }
                }
            }
        }
        return bits;
    }

    /** Whether {@code second} follows {@code first} (an ASCII byte starting some anchor) in some anchor. */
    private static boolean followsInAnchor(byte first, byte second) {
        if (second < 0) {
            return false;
        }
        int b = lowerAscii(second);
        return (SECOND_BYTES[2 * lowerAscii(first) + (b >> 6)] & (1L << (b & 63))) != 0;
    }

    /** An anchor in lower case, as bytes, and its bit (its index in {@link #LOWER_ANCHORS}). */
    private record Anchor(byte[] lower, long bit) {
    }

    /**
     * {@code line.toLowerCase(Locale.ROOT)}, cheaper for a line of ASCII (most lines, and a notebook's image lines
     * of hundreds of kilobytes): only {@code A}-{@code Z} change there.
     */
    public static String lowerCase(String line) {
        byte[] lower = new byte[line.length()];
        for (int i = 0; i < lower.length; i++) {
            char c = line.charAt(i);
            if (c >= 128) {
                return line.toLowerCase(Locale.ROOT);
            }
            lower[i] = (byte) lowerAscii(c);
        }
        return new String(lower, StandardCharsets.ISO_8859_1);
    }

    private static boolean startsWithIgnoringAsciiCase(byte[] content, int at, int to, byte[] lowerAnchor) {
        if (to - at < lowerAnchor.length) {
            return false;
        }
        for (int j = 1; j < lowerAnchor.length; j++) {
            int b = content[at + j];
            if (b < 0 || lowerAscii(b) != lowerAnchor[j]) {
                return false;
            }
        }
        return true;
    }

    private static int lowerAscii(int b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    private static boolean containsAny(String haystack, List<String> needles) {
        for (String n : needles) {
            if (haystack.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What every match of the password pattern holds: {@code pwd} or {@code passw} (any case), the rest of that
     * word, maybe a quote, blanks, a {@code :} or {@code =}, blanks, a quote and a character that may start a value
     * (not a quote, a blank or a comma). Checked in one pass before the pattern, whose leading {@code \\w*} makes it
     * slow on long lines of letters and digits (a notebook's base64 images, where {@code pwd} turns up by chance).
     */
    static boolean mayAssignQuoted(String line, String lower) {
        if (lower.length() != line.length()) { // lower case changed the length: find the words in the line itself
            for (int i = 0; i + 3 <= line.length(); i++) {
                if ((line.regionMatches(true, i, "pwd", 0, 3) && assignsQuoted(line, i + 3))
                        || (line.regionMatches(true, i, "passw", 0, 5) && assignsQuoted(line, i + 5))) {
                    return true;
                }
            }
            return false;
        }
        for (int i = lower.indexOf("pwd"); i >= 0; i = lower.indexOf("pwd", i + 1)) {
            if (assignsQuoted(line, i + 3)) {
                return true;
            }
        }
        for (int i = lower.indexOf("passw"); i >= 0; i = lower.indexOf("passw", i + 1)) {
            if (assignsQuoted(line, i + 5)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the rest of the word at {@code k}, a quote, blanks and {@code :} or {@code =} assign a quoted value. */
    private static boolean assignsQuoted(String line, int k) {
        int n = line.length();
        while (k < n && isWordChar(line.charAt(k))) {
            k++;
        }
        if (k < n && (line.charAt(k) == '"' || line.charAt(k) == '\'')) {
            k++;
        }
        while (k < n && isRegexSpace(line.charAt(k))) {
            k++;
        }
        if (k >= n || (line.charAt(k) != ':' && line.charAt(k) != '=')) {
            return false;
        }
        k++;
        while (k < n && isRegexSpace(line.charAt(k))) {
            k++;
        }
        if (k + 1 < n && (line.charAt(k) == '"' || line.charAt(k) == '\'')) {
            char v = line.charAt(k + 1);
            return v != '"' && v != '\'' && v != ',' && !isRegexSpace(v);
        }
        return false;
    }

    /** {@code \\w} of {@link Pattern}: ASCII letters, digits and the underscore. */
    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** {@code \\s} of {@link Pattern}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
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
