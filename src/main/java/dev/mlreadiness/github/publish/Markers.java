package dev.mlreadiness.github.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mlreadiness.github.IgnoreDecision;

/**
 * The hidden HTML comments that let the app recognise its own comments: everything it must remember lives in
 * GitHub, not on the server.
 */
public final class Markers {

    public static final String SUMMARY = "<!-- ml-readiness:summary -->";
    public static final String FIXED = "<!-- ml-readiness:fixed -->";

    private static final Pattern FINGERPRINT = Pattern.compile("<!-- ml-readiness:fp=([0-9a-f]{6,64}) -->");
    private static final Pattern KEY = Pattern.compile("<!-- ml-readiness:key=([0-9a-f]{16}) -->");
    /** A review comment opens with its rule id in bold code: {@code **`category/rule`**}. */
    private static final Pattern RULE = Pattern.compile("\\*\\*`([^`\\s]+)`\\*\\*");
    /** The JSON never holds a '>' (see {@link #ignoreDecision}), so the marker ends at the first "-->". */
    private static final Pattern DECISION = Pattern.compile("<!-- ml-readiness:(ignore|unignore) (\\{[^>]*\\}) -->");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Markers() {
    }

    public static String fingerprint(String fp) {
        return "<!-- ml-readiness:fp=" + fp + " -->";
    }

    /** The finding fingerprint a review comment carries, if it is one of ours. */
    public static Optional<String> fingerprintOf(String body) {
        if (body == null) {
            return Optional.empty();
        }
        Matcher m = FINGERPRINT.matcher(body);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Every finding fingerprint a review comment carries (a grouped comment carries one per finding), in order. */
    public static List<String> fingerprintsOf(String body) {
        return all(FINGERPRINT, body);
    }

    /**
     * Every comment key a review comment carries: the key of its anchor first, then one per other line it lists.
     */
    public static List<String> commentKeysOf(String body) {
        return all(KEY, body);
    }

    private static List<String> all(Pattern p, String body) {
        List<String> out = new ArrayList<>();
        if (body != null) {
            Matcher m = p.matcher(body);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /**
     * The hidden key of an inline comment: the rule, the file and the line the comment is anchored on, hashed (a
     * path may hold anything, "-->" included). The app comments at most once per key, whatever findings the
     * comment speaks of.
     */
    public static String commentKey(String rule, String path, int line) {
        return "<!-- ml-readiness:key=" + keyOf(rule, path, line) + " -->";
    }

    /** The hash {@link #commentKey} writes. */
    public static String keyOf(String rule, String path, int line) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((rule + "\n" + path + "\n" + line).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }

    /** The key of the line a review comment is anchored on (its first key), if it is one of ours. */
    public static Optional<String> commentKeyOf(String body) {
        if (body == null) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(body);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The rule id of one of our review comments, read from its first line. */
    public static Optional<String> ruleOf(String body) {
        if (body == null) {
            return Optional.empty();
        }
        int nl = body.indexOf('\n');
        Matcher m = RULE.matcher(nl < 0 ? body : body.substring(0, nl));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static boolean isSummary(String body) {
        return body != null && body.contains(SUMMARY);
    }

    public static boolean isFixed(String body) {
        return body != null && body.contains(FIXED);
    }

    /**
     * The hidden record of an ignore or unignore decision:
     * {@code <!-- ml-readiness:ignore {"rule":"...","by":"login","reason":"...","at":"..."} -->}. Angle brackets in
     * the values are written as JSON escapes, so a reason containing {@code -->} cannot end the comment early.
     */
    public static String ignoreDecision(IgnoreDecision d) {
        ObjectNode o = JSON.createObjectNode().put("rule", d.rule()).put("by", d.by());
        if (d.ignore()) {
            o.put("reason", d.reason());
        }
        o.put("at", d.at());
        String json;
        try {
            json = JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of strings always serialises
        }
        json = json.replace("<", "\\u003c").replace(">", "\\u003e");
        return "<!-- ml-readiness:" + (d.ignore() ? "ignore " : "unignore ") + json + " -->";
    }

    /** The decisions a comment records, in order; markers that do not parse are skipped. */
    public static List<IgnoreDecision> ignoreDecisionsOf(String body) {
        List<IgnoreDecision> out = new ArrayList<>();
        if (body == null) {
            return out;
        }
        Matcher m = DECISION.matcher(body);
        while (m.find()) {
            try {
                JsonNode o = JSON.readTree(m.group(2));
                String rule = o.path("rule").asText("");
                String by = o.path("by").asText("");
                if (rule.isEmpty() || by.isEmpty()) {
                    continue;
                }
                out.add(new IgnoreDecision(rule, m.group(1).equals("ignore"), by, o.path("reason").asText(""),
                        o.path("at").asText("")));
            } catch (JsonProcessingException e) {
                // an edited or damaged marker records nothing
            }
        }
        return out;
    }
}
