package dev.mlreadiness.engine.deps;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.deps.PinAdvice.Syntax;

/**
 * The suggested fix of an unpinned requirement: its line with the version a {@link KnownVersions} source gives,
 * everything else of the line (extras, markers, options, comments, quotes) kept. Only for a named requirement
 * written on one line, in a place whose layout is plain: a requirements or constraints file, an
 * {@code environment.yml} {@code pip:} entry ({@code - pandas>=2}), a PEP 621 array element alone on its line
 * ({@code "pandas>=2",}), a Poetry or Pipfile entry with a string value; and only when the fixed requirement reads
 * back as the same one pinned to that version. Conda specs get none: a conda build's version need not be pip's.
 */
public final class PinSuggestions {

    private static final Pattern COMMENT = Pattern.compile("(^|\\s)#.*$");
    private static final Pattern YAML_ENTRY = Pattern.compile("^(\\s*-\\s+)([\"']?)([^\"'#]+?)\\2(\\s*(?:#.*)?)$");
    private static final Pattern ARRAY_ELEMENT = Pattern
            .compile("^(\\s*)([\"'])([^\"'#]+)\\2(\\s*,?\\s*(?:#.*)?)$");
    private static final Pattern TABLE_ENTRY = Pattern
            .compile("^(\\s*[\"']?[A-Za-z0-9][A-Za-z0-9._-]*[\"']?\\s*=\\s*)([\"'])([^\"'\\\\]*)\\2(\\s*(?:#.*)?)$");
    private static final Pattern NAME = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(\\[[^\\]]*\\])?");

    /** Longer lines get none (1,000 characters): no hand-written requirement is that long. */
    public static final int MAX_LINE_CHARS = 1_000;

    private PinSuggestions() {
    }

    /**
     * The line with the requirement pinned to {@code version}, or empty when that is not certain.
     *
     * @param line the requirement's line as the file has it, without its line break
     */
    public static Optional<String> fixedLine(String line, Requirement r, Syntax syntax, ManifestKind manifest,
            String version) {
        if (line == null || line.length() > MAX_LINE_CHARS || r.kind() != Requirement.Kind.NAMED || r.name() == null
                || r.hasHash()
                || !KnownVersions.VERSION.matcher(version).matches()) {
            return Optional.empty();
        }
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (text.stripTrailing().endsWith("\\")) {
            return Optional.empty(); // continued over several lines
        }
        return switch (syntax) {
            case PEP508 -> pep508(text, r, manifest, version);
            case POETRY -> tableEntry(text, r, version);
            case PIPFILE -> tableEntry(text, r, "==" + version);
            case CONDA -> Optional.empty();
        };
    }

    private static Optional<String> pep508(String text, Requirement r, ManifestKind manifest, String version) {
        String prefix;
        String requirement;
        String suffix;
        if (manifest == ManifestKind.REQUIREMENTS || manifest == ManifestKind.CONSTRAINTS) {
            Matcher comment = COMMENT.matcher(text);
            int end = comment.find() ? comment.start() : text.length();
            prefix = "";
            requirement = text.substring(0, end);
            suffix = text.substring(end);
        } else {
            Matcher m = (manifest == ManifestKind.CONDA_ENVIRONMENT ? YAML_ENTRY : ARRAY_ELEMENT).matcher(text);
            if (!m.matches()) {
                return Optional.empty();
            }
            prefix = m.group(1) + m.group(2);
            requirement = m.group(3);
            suffix = m.group(2) + m.group(4);
        }
        Matcher name = NAME.matcher(requirement);
        if (!name.find() || !PackageName.normalise(name.group(1)).equals(r.name())) {
            return Optional.empty();
        }
        int from = name.end();
        int to = requirement.length();
        for (String stop : new String[] { ";", " --", "\t--" }) {
            int at = requirement.indexOf(stop, from);
            if (at >= 0) {
                to = Math.min(to, at);
            }
        }
        String specifier = requirement.substring(from, to);
        String kept = specifier.substring(specifier.stripTrailing().length()); // the spaces before `;` or options
        String fixed = requirement.substring(0, from) + "==" + version + kept + requirement.substring(to);
        if (!readsAs(requirement, r, r.specifier()) || !readsAs(fixed, r, "==" + version)) {
            return Optional.empty();
        }
        return Optional.of(prefix + fixed + suffix);
    }

    /** The requirement text reads as one requirement: {@code r}'s name, extras and marker, with this specifier. */
    private static boolean readsAs(String requirement, Requirement r, String specifier) {
        RequirementsFile parsed = new RequirementsParser().parse("line", requirement.strip());
        if (parsed.requirements().size() != 1 || !parsed.problems().isEmpty() || !parsed.includes().isEmpty()) {
            return false;
        }
        Requirement p = parsed.requirements().get(0);
        return p.kind() == Requirement.Kind.NAMED && r.name().equals(p.name()) && r.extras().equals(p.extras())
                && Objects.equals(r.marker(), p.marker()) && p.specifier().equals(specifier)
                && p.hasHash() == r.hasHash();
    }

    /** {@code pandas = "^2.0"} → {@code pandas = "<value>"}; a table value ({@code {version = ...}}) gets none. */
    private static Optional<String> tableEntry(String text, Requirement r, String value) {
        Matcher m = TABLE_ENTRY.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String key = m.group(1).strip();
        key = key.substring(0, key.length() - 1).strip().replace("\"", "").replace("'", "");
        if (!PackageName.normalise(key).equals(r.name())) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) + m.group(2) + value + m.group(2) + m.group(4));
    }
}
