package dev.mlreadiness.engine.docker;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suggested fix of an unpinned official Python base image ({@code FROM python}, {@code FROM python:latest}):
 * the tag of the one Python version the repository itself fixes, never a guess. The version comes from
 * {@code .python-version} ({@code 3.11.9}), {@code runtime.txt} ({@code python-3.11.9}) and an exact
 * {@code requires-python = "==3.11.9"}; sources that disagree give none. The {@code FROM} line must name the image
 * literally (no {@code ARG}) on one line, and the fixed line must read back as that image with the tag.
 */
public final class PythonImageSuggestions {

    /** {@code 3.11} or {@code 3.11.9}: Docker Hub tags every CPython minor and release. */
    private static final Pattern VERSION = Pattern.compile("3\\.\\d{1,2}(?:\\.\\d{1,2})?");
    private static final Pattern RUNTIME = Pattern.compile("(?i)python-(3\\.\\d{1,2}(?:\\.\\d{1,2})?)");
    private static final Pattern EXACT_REQUIREMENT = Pattern.compile("==\\s*(3\\.\\d{1,2}\\.\\d{1,2})");

    private PythonImageSuggestions() {
    }

    /** Whether the file can name the repository's Python version: {@code .python-version}, {@code runtime.txt}. */
    public static boolean isVersionFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.equals(".python-version") || name.equals("runtime.txt");
    }

    /** The version a {@code .python-version} or {@code runtime.txt} names, when it names exactly one. */
    public static Optional<String> versionInFile(String path, String text) {
        List<String> values = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        if (values.size() != 1) {
            return Optional.empty(); // pyenv takes several versions; which one serves is not certain
        }
        String value = values.get(0);
        boolean runtime = path.toLowerCase(Locale.ROOT).endsWith("runtime.txt");
        Matcher m = runtime ? RUNTIME.matcher(value) : VERSION.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(runtime ? m.group(1) : value);
    }

    /** The version of {@code requires-python} when it is one exact release ({@code ==3.11.9}). */
    public static Optional<String> versionInRequiresPython(String constraint) {
        Matcher m = EXACT_REQUIREMENT.matcher(constraint == null ? "" : constraint.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The one version all sources agree on, if they give any. */
    public static Optional<String> agreed(Collection<String> versions) {
        Set<String> distinct = new LinkedHashSet<>(versions);
        return distinct.size() == 1 ? Optional.of(distinct.iterator().next()) : Optional.empty();
    }

    /**
     * The {@code FROM} line with the official Python image tagged {@code version}, or empty when the stage's image
     * is no untagged or {@code latest} official Python image written literally on the line.
     *
     * @param line the stage's {@code FROM} line as the file has it, without its line break
     */
    public static Optional<String> fixedLine(String line, BuildStage stage, String version) {
        if (line == null || line.length() > 1_000 || stage.image() == null || !stage.image().equals(stage.written())
                || !VERSION.matcher(version).matches() || !isOfficialPython(stage.image())) {
            return Optional.empty();
        }
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        String image = stage.image();
        String untagged = image.endsWith(":latest") || image.endsWith(":LATEST")
                ? image.substring(0, image.length() - ":latest".length())
                : image;
        Matcher m = Pattern.compile("(?<=\\s)" + Pattern.quote(image) + "(?=\\s|$)").matcher(text);
        if (!m.find() || m.find(m.end())) {
            return Optional.empty();
        }
        m.reset().find();
        String fixed = text.substring(0, m.start()) + untagged + ":" + version + text.substring(m.end());
        List<BuildStage> reread = BuildStage.of(Dockerfile.parse(fixed));
        if (reread.size() != 1 || !(untagged + ":" + version).equals(reread.get(0).image())
                || reread.get(0).from().line() != 1) {
            return Optional.empty();
        }
        return Optional.of(fixed);
    }

    /** {@code python}, {@code library/python}, {@code docker.io/library/python}, untagged or {@code latest}. */
    private static boolean isOfficialPython(String image) {
        String reference = image.toLowerCase(Locale.ROOT);
        if (reference.endsWith(":latest")) {
            reference = reference.substring(0, reference.length() - ":latest".length());
        }
        return reference.equals("python") || reference.equals("library/python")
                || reference.equals("docker.io/library/python") || reference.equals("index.docker.io/library/python");
    }
}
