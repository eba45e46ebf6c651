package dev.mlreadiness.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import dev.mlreadiness.engine.rule.Findings;

/**
 * The stable fingerprints of one evaluation's findings: rule, path and the line's text (not its number, which
 * shifts when lines are added above), with an occurrence count for identical lines; the message for findings
 * without a line. Hashed with SHA-256, the first 8 bytes in hex.
 */
final class Fingerprints {

    private final Map<String, Integer> seen = new HashMap<>();

    /** @param lineText the finding's line (see {@link FindingLines}), or null when it has none */
    String of(String ruleId, Findings.Raw raw, String lineText) {
        String subject = lineText != null ? lineText.strip() : raw.message();
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
}
