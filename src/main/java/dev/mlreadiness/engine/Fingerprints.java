package dev.mlreadiness.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Map;

import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.snapshot.InputLimits;

/**
 * The stable fingerprints of one evaluation's findings: rule, path and the line's text (not its number, which
 * shifts when lines are added above), with an occurrence count for identical lines; the message for findings
 * without a line. Hashed with SHA-256, the first 8 bytes in hex. Occurrences are counted per rule, path and subject,
 * so the checklist uses one instance per rule and file (an evaluation with 172,000 findings kept a digest for each
 * when one instance counted them all).
 */
final class Fingerprints {

    private final Map<Key, Integer> seen = new HashMap<>();
    /** Per rule, path and subject: the digest of their text, so each occurrence hashes only its own count. */
    private final Map<Key, MessageDigest> prefixes = new HashMap<>();
    /**
     * Per line text (the instance {@link FindingLines} keeps for each line): its subject, so the thousands of
     * findings of one long line strip and compare it once, not each.
     */
    private final Map<String, String> subjects = new IdentityHashMap<>();

    /** What an occurrence count runs over; the subject is one instance per line, so hashing it is cached. */
    private record Key(String ruleId, String path, String subject) {
    }

    /** @param lineText the finding's line (see {@link FindingLines}), or null when it has none */
    String of(String ruleId, Findings.Raw raw, String lineText) {
        String subject = lineText != null ? subjects.computeIfAbsent(lineText, t -> capped(t.strip()))
                : capped(raw.message());
        Key key = new Key(ruleId, raw.path() == null ? "" : raw.path(), subject);
        int n = seen.merge(key, 1, Integer::sum);
        try {
            MessageDigest prefix = prefixes.get(key);
            if (prefix == null) {
                prefix = MessageDigest.getInstance("SHA-256");
                prefix.update((ruleId + "\n" + key.path() + "\n" + subject).getBytes(StandardCharsets.UTF_8));
                prefixes.put(key, prefix);
            }
            // the digest of "rule \n path \n subject \n n", as it always was, without hashing the subject again
            byte[] d = ((MessageDigest) prefix.clone()).digest(("\n" + n).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE, and clones", e);
        }
    }

    /**
     * The subject as hashed: itself up to {@link InputLimits#MAX_HASHED_LINE_BYTES} characters (every line within
     * that many bytes keeps the fingerprint it always had, so comments on open pull requests keep matching), else
     * its start and its length. {@link FindingLines} already cuts long lines; this bounds messages too.
     */
    static String capped(String subject) {
        int max = InputLimits.MAX_HASHED_LINE_BYTES;
        return subject.length() <= max ? subject
                : subject.substring(0, max) + " \u2026 (" + subject.length() + " characters)";
    }
}
