package dev.mlreadiness.github.publish;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden HTML comments that let the app recognise its own comments: everything it must remember lives in
 * GitHub, not on the server.
 */
public final class Markers {

    public static final String SUMMARY = "<!-- ml-readiness:summary -->";
    public static final String FIXED = "<!-- ml-readiness:fixed -->";

    private static final Pattern FINGERPRINT = Pattern.compile("<!-- ml-readiness:fp=([0-9a-f]{6,64}) -->");

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

    public static boolean isSummary(String body) {
        return body != null && body.contains(SUMMARY);
    }

    public static boolean isFixed(String body) {
        return body != null && body.contains(FIXED);
    }
}
