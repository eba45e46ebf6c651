package dev.mlreadiness.engine.deps;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses pip requirements files ({@code requirements*.txt}, {@code constraints*.txt}) the way pip
 * reads them: lines ending in {@code \} are joined first (the result reported on the first physical
 * line), then comments are cut ({@code #} at line start or after whitespace, so {@code #egg=} and
 * {@code #sha256=} in URLs survive), then each line is an options line or a requirement with
 * per-requirement options. Environment variables ({@code ${VAR}}) are kept as written.
 * Never throws on bad input: unreadable lines become {@link Problem}s.
 */
public final class RequirementsParser {

    private static final Pattern COMMENT = Pattern.compile("(^|\\s+)#.*$");
    private static final Pattern COMMENT_LINE = Pattern.compile("^\\s*#.*");
    private static final Pattern HASH_VALUE = Pattern.compile("(sha256|sha384|sha512):[0-9a-fA-F]+");
    private static final Set<String> VALUE_OPTIONS = Set.of("-r", "--requirement", "-c", "--constraint",
            "-e", "--editable", "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--trusted-host",
            "--no-binary", "--only-binary", "--use-feature");
    private static final Set<String> FLAG_OPTIONS = Set.of("--pre", "--prefer-binary", "--require-hashes",
            "--no-index");
    private static final Set<String> REQUIREMENT_OPTIONS = Set.of("--hash", "--config-settings",
            "--global-option", "--install-option");

    /** Parses a whole requirements file. */
    public RequirementsFile parse(String path, String text) {
        Entries entries = new Entries();
        for (LogicalLine line : logicalLines(text)) {
            parseLine(line.text(), line.number(), entries);
        }
        return entries.toFile(path);
    }

    /** What a file, or a list of single entries (environment.yml's pip list), adds up to. */
    static final class Entries {
        final List<Requirement> requirements = new ArrayList<>();
        final List<RequirementsFile.Include> includes = new ArrayList<>();
        final List<RequirementsFile.Option> options = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();

        RequirementsFile toFile(String path) {
            return new RequirementsFile(path, requirements, includes, options, problems);
        }
    }

    private record LogicalLine(int number, String text) {
    }

    /** pip's join-lines then strip-comments, keeping the first physical line number of each logical line. */
    private static List<LogicalLine> logicalLines(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] physical = body.split("\\r\\n|\\r|\\n", -1);
        List<LogicalLine> joined = new ArrayList<>();
        StringBuilder pending = null;
        int pendingStart = 0;
        for (int i = 0; i < physical.length; i++) {
            String line = physical[i];
            boolean comment = COMMENT_LINE.matcher(line).matches();
            if (line.endsWith("\\") && !comment) {
                if (pending == null) {
                    pending = new StringBuilder();
                    pendingStart = i + 1;
                }
                pending.append(line, 0, line.length() - 1);
            } else if (pending != null) {
                // a comment line ends the continuation; the leading space lets the comment cut find it
                pending.append(comment ? " " : "").append(line);
                joined.add(new LogicalLine(pendingStart, pending.toString()));
                pending = null;
            } else {
                joined.add(new LogicalLine(i + 1, line));
            }
        }
        if (pending != null) {
            joined.add(new LogicalLine(pendingStart, pending.toString()));
        }
        List<LogicalLine> meaningful = new ArrayList<>();
        for (LogicalLine line : joined) {
            String stripped = withoutComment(line.text());
            if (!stripped.isEmpty()) {
                meaningful.add(new LogicalLine(line.number(), stripped));
            }
        }
        return meaningful;
    }

    /** The line without its comment, stripped; empty for a comment line. */
    static String withoutComment(String line) {
        return COMMENT.matcher(line).replaceFirst("").strip();
    }

    /** Parses one logical line (comment already removed) into the entries. */
    void parseLine(String text, int line, Entries into) {
        String[] tokens = text.strip().split("\\s+");
        if (tokens[0].startsWith("-")) {
            parseOptions(tokens, line, into);
            return;
        }
        int firstOption = 0;
        while (firstOption < tokens.length && !tokens[firstOption].startsWith("-")) {
            firstOption++;
        }
        String requirementText = String.join(" ", List.of(tokens).subList(0, firstOption));
        addRequirement(requirementText, tokens, firstOption, line, text, into);
    }

    private void parseOptions(String[] tokens, int line, Entries into) {
        int i = 0;
        while (i < tokens.length) {
            String token = tokens[i++];
            String name;
            String value = null;
            if (token.startsWith("--")) {
                int eq = token.indexOf('=');
                name = eq >= 0 ? token.substring(0, eq) : token;
                value = eq >= 0 ? token.substring(eq + 1) : null;
            } else if (token.startsWith("-") && token.length() > 2) {
                name = token.substring(0, 2);
                value = token.substring(2);
            } else {
                name = token;
            }
            if (!VALUE_OPTIONS.contains(name) && !FLAG_OPTIONS.contains(name)) {
                // unknown arity: keep the rest of the line as its value rather than guess a requirement
                String rest = String.join(" ", List.of(tokens).subList(i, tokens.length));
                String all = value == null ? rest : (value + (rest.isEmpty() ? "" : " " + rest));
                into.options.add(new RequirementsFile.Option(name, all.isEmpty() ? null : all, line));
                return;
            }
            if (VALUE_OPTIONS.contains(name) && value == null) {
                if (i >= tokens.length) {
                    into.problems.add(new Problem(line, "`" + name + "` needs a value"));
                    return;
                }
                value = tokens[i++];
            }
            switch (name) {
                case "-r", "--requirement" -> into.includes.add(new RequirementsFile.Include(value, false, line));
                case "-c", "--constraint" -> into.includes.add(new RequirementsFile.Include(value, true, line));
                case "-e", "--editable" -> {
                    addRequirement(value, tokens, i, line, String.join(" ", tokens), into);
                    return;
                }
                default -> into.options.add(new RequirementsFile.Option(name, value, line));
            }
        }
    }

    /** Adds the requirement and reads the per-requirement options from {@code tokens[from..]}. */
    private void addRequirement(String requirementText, String[] tokens, int from, int line, String rawText,
            Entries into) {
        Requirement requirement;
        try {
            requirement = requirement(requirementText, line, rawText);
        } catch (InvalidRequirementException e) {
            into.problems.add(new Problem(line, e.getMessage()));
            return;
        }
        boolean hashed = false;
        int i = from;
        while (i < tokens.length) {
            String token = tokens[i++];
            int eq = token.indexOf('=');
            String name = eq >= 0 ? token.substring(0, eq) : token;
            String value = eq >= 0 ? token.substring(eq + 1) : null;
            if (!REQUIREMENT_OPTIONS.contains(name)) {
                into.problems.add(new Problem(line, "unknown option `" + name + "` after a requirement"));
                continue;
            }
            if (value == null && i < tokens.length && !tokens[i].startsWith("-")) {
                value = tokens[i++];
            }
            if (name.equals("--hash")) {
                if (value != null && HASH_VALUE.matcher(value).matches()) {
                    hashed = true;
                } else {
                    into.problems.add(new Problem(line,
                            "`--hash` needs `sha256:`, `sha384:` or `sha512:` and a hex digest"));
                }
            }
        }
        into.requirements.add(hashed ? requirement.withHash() : requirement);
    }

    /**
     * Reads a requirement as pip does: {@code name @ url} is PEP 508; a bare URL, VCS URL or path is a
     * direct reference (named by {@code #egg=} or its file name); anything else is PEP 508.
     */
    static Requirement requirement(String text, int line, String rawText) throws InvalidRequirementException {
        if (Pep508Parser.hasDirectUrl(text)) {
            return Pep508Parser.parse(text, line, rawText);
        }
        String head = text.split("[\\s;]", 2)[0];
        if (DirectReference.isUrl(head) || DirectReference.looksLikePath(head)) {
            int semicolon = text.indexOf(';', head.length());
            String marker = semicolon >= 0 ? text.substring(semicolon + 1).strip() : null;
            DirectReference ref = DirectReference.of(head);
            return new Requirement(ref.name(), "", marker == null || marker.isEmpty() ? null : marker, ref.kind(),
                    line, ref.hasHash(), ref.vcsRef(), rawText, List.of(), head);
        }
        return Pep508Parser.parse(text, line, rawText);
    }
}
