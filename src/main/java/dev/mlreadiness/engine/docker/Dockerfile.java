package dev.mlreadiness.engine.docker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.rule.FileParser;

/**
 * A Dockerfile as a list of instructions, each with the line it starts on. Follows Docker's reading: instruction
 * keywords in any case, {@code \} line continuations (or the escape character set by a {@code # escape=} parser
 * directive), comment lines dropped even inside continued instructions, and heredoc bodies ({@code RUN <<EOF})
 * kept inside their instruction so their lines are never read as instructions.
 */
public record Dockerfile(List<Instruction> instructions) {

    /** Parses Dockerfiles for rules; shared so each file is parsed once per evaluation. Never fails. */
    /**
     * Whether a path names a Dockerfile: {@code Dockerfile}, {@code Dockerfile.*}, {@code *.Dockerfile} or
     * {@code Containerfile}, in any case.
     */
    public static boolean isDockerfile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.equals("dockerfile") || name.startsWith("dockerfile.") || name.endsWith(".dockerfile")
                || name.equals("containerfile");
    }

    public static final FileParser<Dockerfile> PARSER = (path, content) -> parse(
            new String(content, StandardCharsets.UTF_8));

    private static final Pattern DIRECTIVE = Pattern.compile("#\\s*([a-zA-Z]+)\\s*=\\s*(\\S+)\\s*");
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?");

    /**
     * One instruction.
     *
     * @param keyword upper case: {@code FROM}, {@code USER}, ...
     * @param arguments the rest, continuations joined with a space, trimmed
     * @param line 1-based line of the keyword
     */
    public record Instruction(String keyword, String arguments, int line) {
    }

    /** Reads the text; malformed content yields fewer instructions, never an exception. */
    public static Dockerfile parse(String text) {
        String[] lines = text.split("\r?\n", -1);
        char escape = '\\';
        int i = 0;
        // parser directives: only comment lines of the form "# name=value" at the very top
        while (i < lines.length) {
            Matcher d = DIRECTIVE.matcher(lines[i].strip());
            if (!d.matches()) {
                break;
            }
            if (d.group(1).equalsIgnoreCase("escape") && d.group(2).equals("`")) {
                escape = '`';
            }
            i++;
        }
        List<Instruction> out = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        for (; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.strip();
            if (current == null) {
                if (stripped.isEmpty() || stripped.startsWith("#")) {
                    continue;
                }
                current = new StringBuilder();
                start = i + 1;
            } else if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue; // comments and blank lines inside a continued instruction are dropped
            }
            String body = line.stripTrailing();
            if (!body.isEmpty() && body.charAt(body.length() - 1) == escape) {
                current.append(body, 0, body.length() - 1).append(' ');
                continue;
            }
            current.append(body);
            i = skipHeredocs(lines, i, current);
            out.add(instruction(current.toString(), start));
            current = null;
        }
        if (current != null) {
            out.add(instruction(current.toString(), start));
        }
        return new Dockerfile(List.copyOf(out));
    }

    /** Skips the bodies of heredocs the instruction opens; returns the index of the last line consumed. */
    private static int skipHeredocs(String[] lines, int i, StringBuilder instruction) {
        Matcher m = HEREDOC.matcher(instruction);
        while (m.find()) {
            boolean stripTabs = !m.group(1).isEmpty();
            String end = m.group(2);
            while (i + 1 < lines.length) {
                i++;
                String l = stripTabs ? lines[i].replaceFirst("^\t+", "") : lines[i];
                if (l.equals(end)) {
                    break;
                }
            }
        }
        return i;
    }

    private static Instruction instruction(String logical, int line) {
        String s = logical.strip();
        int space = indexOfWhitespace(s);
        String keyword = (space < 0 ? s : s.substring(0, space)).toUpperCase(Locale.ROOT);
        String args = space < 0 ? "" : s.substring(space).strip();
        return new Instruction(keyword, args, line);
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The instructions with this keyword (upper case), in order. */
    public List<Instruction> all(String keyword) {
        return instructions.stream().filter(in -> in.keyword().equals(keyword)).toList();
    }
}
