package dev.mlreadiness.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.snapshot.InputLimits;

/**
 * The stable fingerprints of one evaluation's findings: rule, path and the line's text (not its number, which
 * shifts when lines are added above), with an occurrence count for identical lines; the message for findings
 * without a line. Hashed with SHA-256, the first 8 bytes in hex.
 */
final class Fingerprints {

    private final Map<String, Integer> seen = new HashMap<>();

    /** @param lineText the finding's line (see {@link FindingLines}), or null when it has none */
    String of(String ruleId, Findings.Raw raw, String lineText) {
        String subject = capped(lineText != null ? lineText.strip() : raw.message());
        String base = ruleId + "\n" + (raw.path() == null ? "" : raw.path()) + "\n" + subject;
        int n = seen.merge(base, 1, Integer::sum);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] d = sha.digest((base + "\n" + n).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
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
