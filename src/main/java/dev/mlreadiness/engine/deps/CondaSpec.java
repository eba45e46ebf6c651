package dev.mlreadiness.engine.deps;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one conda match spec ({@code numpy}, {@code numpy=1.21}, {@code numpy==1.21.0},
 * {@code numpy=1.21.0=py39_0}, {@code conda-forge::numpy=1.2}, {@code numpy>=1.2},
 * {@code numpy 1.21.0 py39_0}, {@code numpy[version='>=1.2']}).
 *
 * <p>
 * When it is exact: conda reads {@code =1.21} as {@code 1.21.*}, so a single {@code =} pins only a
 * full version of at least three parts without {@code *} ({@code =1.21.0}; conda would still accept a
 * {@code 1.21.0.x} build, which does not happen in practice). {@code ==v}, a bare version
 * ({@code numpy 1.21.0}) and a version followed by a build string ({@code =1.21=py39_0}) are exact,
 * as conda matches those versions exactly. The translated specifier follows conda's reading:
 * {@code =1.21} becomes {@code ==1.21.*}, so the pin reason says "wildcard".
 */
final class CondaSpec {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern BRACKET_VERSION = Pattern.compile("version\\s*=\\s*['\"]?([^'\",\\]]+)['\"]?");
    private static final Pattern PLAIN_VERSION = Pattern.compile("[0-9A-Za-z_.+!]+");

    /** The package name and its version part (operator kept, build string dropped). */
    record Parsed(String name, String version, String specifier) {
    }

    private CondaSpec() {
    }

    static Parsed parse(String spec) throws InvalidRequirementException {
        String s = spec.strip();
        int channel = s.lastIndexOf("::");
        if (channel >= 0) {
            s = s.substring(channel + 2);
        }
        Matcher name = NAME.matcher(s);
        if (!name.lookingAt()) {
            throw new InvalidRequirementException("`" + spec.strip() + "` is not a conda package spec");
        }
        String rest = s.substring(name.end());
        String version;
        String build = null;
        if (rest.startsWith("[")) {
            Matcher v = BRACKET_VERSION.matcher(rest);
            version = v.find() ? v.group(1).strip() : "";
        } else if (!rest.isEmpty() && Character.isWhitespace(rest.charAt(0)) && !rest.strip().matches("^[<>=!~].*")) {
            // "numpy 1.21.0 py39_0": version then build, separated by spaces
            String[] parts = rest.strip().split("\\s+");
            version = parts[0];
            build = parts.length > 1 ? parts[1] : null;
        } else {
            String compact = rest.replaceAll("\\s+", "");
            if (compact.startsWith("=") && !compact.startsWith("==")) {
                String[] parts = compact.substring(1).split("=", 2);
                version = "=" + parts[0];
                build = parts.length > 1 ? parts[1] : null;
            } else {
                version = compact;
            }
        }
        return new Parsed(PackageName.normalise(name.group()), version, specifier(version, build));
    }

    private static String specifier(String version, String build) {
        if (version.isEmpty() || version.equals("*") || version.equals("=")) {
            return "";
        }
        if (version.startsWith("==")) {
            return version;
        }
        boolean fuzzy = version.startsWith("=");
        String bare = fuzzy ? version.substring(1) : version;
        if (!PLAIN_VERSION.matcher(bare).matches()) {
            // a wildcard version reads as ==v.*; operators and alternatives stay as written
            boolean wildcard = bare.contains("*") && PLAIN_VERSION.matcher(bare.replace("*", "")).matches();
            return wildcard ? "==" + bare : version;
        }
        if (!fuzzy || build != null || releaseParts(bare) >= 3) {
            return "==" + bare;
        }
        return "==" + bare + ".*";
    }

    private static int releaseParts(String version) {
        return (int) List.of(version.split("\\.")).stream().takeWhile(p -> p.matches("[0-9]+")).count();
    }
}
