package dev.mlreadiness.engine.deps;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.markdown.InlineCode;

/**
 * Reads one PEP 508 requirement: {@code name[extras] specifiers ; markers} or
 * {@code name[extras] @ url ; markers}. Shared by every manifest whose entries are PEP 508 strings.
 */
final class Pep508Parser {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern CLAUSE = Pattern.compile("(===|~=|==|!=|<=|>=|<|>)\\s*(\\S+)");
    /**
     * Possessive, so that {@code java.util.regex} does not recurse once per character (a 3 KB version overflowed the
     * stack); a dot before the trailing {@code *} is left to the wildcard, as backtracking would have done.
     */
    private static final Pattern VERSION = Pattern
            .compile("(?:[A-Za-z0-9_+!-]|\\.(?!\\*)|\\$\\{[A-Za-z0-9_]+\\})++(?:\\.\\*)?");

    private Pep508Parser() {
    }

    /** True when the text starts like {@code name @ ...} or {@code name[extra] @ ...}. */
    static boolean hasDirectUrl(String text) {
        return text.matches("(?s)[A-Za-z0-9][A-Za-z0-9._-]*\\s*(\\[[^\\]]*\\])?\\s*@.*");
    }

    static Requirement parse(String text, int line, String rawText) throws InvalidRequirementException {
        String s = text.strip();
        Matcher name = NAME.matcher(s);
        if (!name.lookingAt()) {
            throw new InvalidRequirementException(InlineCode.span(s) + " is not a valid requirement");
        }
        int pos = skipSpaces(s, name.end());
        List<String> extras = List.of();
        if (pos < s.length() && s.charAt(pos) == '[') {
            int close = s.indexOf(']', pos);
            if (close < 0) {
                throw new InvalidRequirementException("unclosed `[` in " + InlineCode.span(s));
            }
            extras = extras(s.substring(pos + 1, close), s);
            pos = skipSpaces(s, close + 1);
        }
        String normalisedName = PackageName.normalise(name.group());
        String rest = s.substring(pos);
        if (rest.startsWith("@")) {
            return withUrl(normalisedName, extras, rest.substring(1).strip(), line, rawText);
        }
        int semicolon = rest.indexOf(';');
        String marker = semicolon >= 0 ? marker(rest.substring(semicolon + 1), s) : null;
        String specifier = specifier(semicolon >= 0 ? rest.substring(0, semicolon) : rest, s);
        return new Requirement(normalisedName, specifier, marker, Requirement.Kind.NAMED, line, false, null,
                rawText, extras, null);
    }

    private static Requirement withUrl(String name, List<String> extras, String afterAt, int line, String rawText)
            throws InvalidRequirementException {
        // PEP 508: the URL ends at whitespace; a marker must be separated from it by a space
        String[] parts = afterAt.split("\\s+", 2);
        String url = parts[0];
        if (url.isEmpty()) {
            throw new InvalidRequirementException("missing URL after `@` for " + InlineCode.span(name));
        }
        String marker = null;
        if (parts.length > 1) {
            String tail = parts[1].strip();
            if (!tail.startsWith(";")) {
                throw new InvalidRequirementException("unexpected " + InlineCode.span(tail) + " after the URL of "
                        + InlineCode.span(name));
            }
            marker = marker(tail.substring(1), name);
        }
        DirectReference ref = DirectReference.of(url);
        return new Requirement(name, "", marker, ref.kind(), line, ref.hasHash(), ref.vcsRef(), rawText, extras, url);
    }

    private static List<String> extras(String inside, String whole) throws InvalidRequirementException {
        List<String> extras = new ArrayList<>();
        for (String extra : inside.split(",")) {
            String e = extra.strip();
            if (e.isEmpty()) {
                continue;
            }
            if (!NAME.matcher(e).matches()) {
                throw new InvalidRequirementException("invalid extra " + InlineCode.span(e) + " in "
                        + InlineCode.span(whole));
            }
            extras.add(PackageName.normalise(e));
        }
        return extras;
    }

    private static String marker(String text, String whole) throws InvalidRequirementException {
        String marker = text.strip();
        if (marker.isEmpty()) {
            throw new InvalidRequirementException("empty marker after `;` in " + InlineCode.span(whole));
        }
        return marker;
    }

    /** Checks each clause and returns them joined by {@code ,} without spaces. */
    private static String specifier(String text, String whole) throws InvalidRequirementException {
        String spec = text.strip();
        if (spec.startsWith("(")) {
            if (!spec.endsWith(")")) {
                throw new InvalidRequirementException("unclosed `(` in " + InlineCode.span(whole));
            }
            spec = spec.substring(1, spec.length() - 1).strip();
        }
        if (spec.isEmpty()) {
            return "";
        }
        List<String> clauses = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            clauses.add(clause(part.strip(), whole));
        }
        return String.join(",", clauses);
    }

    private static String clause(String part, String whole) throws InvalidRequirementException {
        Matcher clause = CLAUSE.matcher(part);
        if (!clause.matches()) {
            String hint = VERSION.matcher(part).matches() ? " (did you mean " + InlineCode.span("==" + part) + "?)"
                    : "";
            throw new InvalidRequirementException(
                    InlineCode.span(part) + " is not a version specifier in " + InlineCode.span(whole) + hint);
        }
        String op = clause.group(1);
        String version = clause.group(2);
        boolean arbitrary = op.equals("===");
        if (!arbitrary && !VERSION.matcher(version).matches()) {
            throw new InvalidRequirementException("invalid version " + InlineCode.span(version) + " in "
                    + InlineCode.span(whole));
        }
        if (version.contains("*") && !(op.equals("==") || op.equals("!="))) {
            throw new InvalidRequirementException(InlineCode.span(op) + " cannot take a wildcard in "
                    + InlineCode.span(whole));
        }
        return op + version;
    }

    private static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
