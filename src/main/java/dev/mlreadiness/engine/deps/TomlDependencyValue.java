package dev.mlreadiness.engine.deps;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns a Poetry or Pipfile dependency value ({@code numpy = "^1.2"}, {@code {version = "==1.2"}},
 * {@code {git = "...", rev = "..."}}, {@code {path = "."}}) into requirements. Both tools read a bare
 * version as exact and {@code "*"} as any version; their constraints become PEP 440-like specifiers so
 * {@link Pin} judges them like pip's ({@code ^}, {@code ~}, {@code >=} stay ranges).
 */
final class TomlDependencyValue {

    private static final List<String> VCS_KEYS = List.of("git", "hg", "svn", "bzr");
    private static final List<String> REF_KEYS = List.of("rev", "ref", "tag", "branch");

    private TomlDependencyValue() {
    }

    /**
     * @param key the dependency's key as written
     * @param line the key's line
     * @param rawText the entry's source text
     * @return one requirement, or one per alternative of a Poetry multiple-constraints array
     */
    static List<Requirement> requirements(String key, JsonNode value, int line, String rawText,
            List<Problem> problems) {
        String name = PackageName.normalise(key);
        List<Requirement> result = new ArrayList<>();
        if (value.isTextual()) {
            result.add(named(name, value.asText(), null, List.of(), line, rawText));
        } else if (value.isObject()) {
            result.add(fromTable(name, value, line, rawText));
        } else if (value.isArray()) {
            for (JsonNode alternative : value) {
                result.addAll(requirements(key, alternative, line, rawText, problems));
            }
        } else {
            problems.add(new Problem(line, "`" + key + "` has an unsupported dependency value `" + value + "`"));
        }
        return result;
    }

    private static Requirement fromTable(String name, JsonNode table, int line, String rawText) {
        List<String> extras = new ArrayList<>();
        table.path("extras").forEach(extra -> extras.add(PackageName.normalise(extra.asText())));
        String marker = table.hasNonNull("markers") ? table.get("markers").asText() : null;
        for (String vcs : VCS_KEYS) {
            if (table.hasNonNull(vcs)) {
                String ref = REF_KEYS.stream().filter(table::hasNonNull).map(k -> table.get(k).asText())
                        .findFirst().orElse(null);
                return new Requirement(name, "", marker, Requirement.Kind.VCS, line, false, ref, rawText, extras,
                        vcs + "+" + table.get(vcs).asText());
            }
        }
        if (table.hasNonNull("path")) {
            return new Requirement(name, "", marker, Requirement.Kind.LOCAL, line, false, null, rawText, extras,
                    table.get("path").asText());
        }
        for (String urlKey : List.of("url", "file")) {
            if (table.hasNonNull(urlKey)) {
                DirectReference ref = DirectReference.of(table.get(urlKey).asText());
                return new Requirement(name, "", marker, ref.kind(), line, ref.hasHash(), null, rawText, extras,
                        table.get(urlKey).asText());
            }
        }
        String version = table.hasNonNull("version") ? table.get("version").asText() : "";
        return named(name, version, marker, extras, line, rawText);
    }

    private static Requirement named(String name, String constraint, String marker, List<String> extras, int line,
            String rawText) {
        return new Requirement(name, specifier(constraint), marker, Requirement.Kind.NAMED, line, false, null,
                rawText, extras, null);
    }

    /** {@code "*"} is no version; a bare version is {@code ==}; clauses are joined by {@code ,}. */
    static String specifier(String constraint) {
        String c = constraint.strip();
        if (c.isEmpty() || c.equals("*")) {
            return "";
        }
        if (c.contains("||") || c.contains("|")) {
            return c;
        }
        String joined = c.replaceAll("([<>=!~^]+)\\s+", "$1").replaceAll("\\s*,\\s*", ",").replaceAll("\\s+", ",");
        List<String> clauses = new ArrayList<>();
        for (String clause : joined.split(",")) {
            if (!clause.isEmpty()) {
                clauses.add(Character.isDigit(clause.charAt(0)) ? "==" + clause : clause);
            }
        }
        return String.join(",", clauses);
    }
}
