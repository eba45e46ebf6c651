package dev.mlreadiness.engine.docker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One build stage of a Dockerfile: its {@code FROM}, the base image with global {@code ARG} defaults substituted,
 * its name, whether it builds on an earlier stage, and the user its last {@code USER} sets.
 *
 * @param from the {@code FROM} instruction
 * @param image the base image with variables resolved; null when a variable has no default (unknown)
 * @param written the base image as written ({@code ${BASE}}, {@code python:3.11})
 * @param name the {@code AS} name, lower case, or null
 * @param parent the earlier stage this one builds on ({@code FROM builder}), or null
 * @param user the argument of the stage's last {@code USER} instruction, or null when it has none
 */
public record BuildStage(Dockerfile.Instruction from, String image, String written, String name,
        BuildStage parent, String user) {

    private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?}"
            + "|([A-Za-z_][A-Za-z0-9_]*))");

    /** The stages in file order; empty when the file has no {@code FROM}. */
    public static List<BuildStage> of(Dockerfile file) {
        Map<String, String> globalArgs = new HashMap<>();
        Map<String, BuildStage> byName = new HashMap<>();
        List<BuildStage> stages = new ArrayList<>();
        BuildStage current = null;
        String user = null;
        for (Dockerfile.Instruction in : file.instructions()) {
            switch (in.keyword()) {
                case "ARG" -> {
                    if (current == null) {
                        readArgs(in.arguments(), globalArgs);
                    }
                }
                case "FROM" -> {
                    if (current != null) {
                        stages.add(withUser(current, user));
                        if (current.name() != null) {
                            byName.put(current.name(), stages.get(stages.size() - 1));
                        }
                    }
                    current = fromStage(in, globalArgs, byName);
                    user = null;
                }
                case "USER" -> user = in.arguments().isBlank() ? user : in.arguments().split("\\s+")[0];
                default -> {
                }
            }
        }
        if (current != null) {
            stages.add(withUser(current, user));
        }
        return List.copyOf(stages);
    }

    private static BuildStage withUser(BuildStage s, String user) {
        return new BuildStage(s.from, s.image, s.written, s.name, s.parent, user);
    }

    private static BuildStage fromStage(Dockerfile.Instruction in, Map<String, String> args,
            Map<String, BuildStage> earlier) {
        List<String> tokens = new ArrayList<>();
        for (String t : in.arguments().split("\\s+")) {
            if (!t.isEmpty() && !t.startsWith("--")) {
                tokens.add(t); // --platform=... and other flags say nothing about the image
            }
        }
        String written = tokens.isEmpty() ? "" : tokens.get(0);
        String name = tokens.size() >= 3 && tokens.get(1).equalsIgnoreCase("as")
                ? tokens.get(2).toLowerCase(Locale.ROOT)
                : null;
        String image = resolve(written, args).orElse(null);
        BuildStage parent = image == null ? null : earlier.get(image.toLowerCase(Locale.ROOT));
        return new BuildStage(in, image, written, name, parent, null);
    }

    /** {@code ARG A=1 B="2" C}: defaults in quotes are unquoted; an ARG without default is unknown. */
    private static void readArgs(String arguments, Map<String, String> into) {
        for (String t : arguments.split("\\s+")) {
            if (t.isEmpty()) {
                continue;
            }
            int eq = t.indexOf('=');
            if (eq < 0) {
                into.remove(t);
                continue;
            }
            String value = t.substring(eq + 1);
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            into.put(t.substring(0, eq), value);
        }
    }

    /** Substitutes {@code $X}, {@code ${X}}, {@code ${X:-word}}, {@code ${X:+word}}; empty when unknown. */
    static Optional<String> resolve(String written, Map<String, String> args) {
        Matcher m = VARIABLE.matcher(written);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String var = m.group(1) != null ? m.group(1) : m.group(4);
            String value = args.get(var);
            String op = m.group(2);
            String replacement;
            if ("-".equals(op)) {
                replacement = value != null && !value.isEmpty() ? value : m.group(3);
            } else if ("+".equals(op)) {
                if (value == null) {
                    return Optional.empty();
                }
                replacement = value.isEmpty() ? "" : m.group(3);
            } else {
                if (value == null) {
                    return Optional.empty();
                }
                replacement = value;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        String image = out.toString();
        return image.isEmpty() || image.contains("$") ? Optional.empty() : Optional.of(image);
    }

    /** True when the stage builds on an earlier stage of the same file. */
    public boolean buildsOnStage() {
        return parent != null;
    }

    /** The user the stage runs as: its own last {@code USER}, else the one of the stage it builds on, else null. */
    public String effectiveUser() {
        if (user != null) {
            return user;
        }
        return parent != null ? parent.effectiveUser() : null;
    }
}
