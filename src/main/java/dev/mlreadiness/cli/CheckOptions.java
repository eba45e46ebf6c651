package dev.mlreadiness.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.mlreadiness.engine.config.ReadinessConfig.FailOn;

/**
 * The arguments of {@code readiness check DIR [--base REF | --staged] [--format F] [--config FILE]
 * [--fail-on LEVEL] [--output FILE] [--color WHEN]}. Options take their value as the next argument or after
 * {@code =}; {@code --staged} takes none.
 *
 * @param base null for a full scan or a staged review
 * @param staged review the staged change (the index against HEAD) like a pull request
 * @param config null for the repository's own file
 * @param failOn null to keep the config's
 * @param output null for standard output
 */
record CheckOptions(Path dir, String base, boolean staged, OutputFormat format, Path config, FailOn failOn,
        Path output, Color color) {

    /** {@code --color}: colour in the text report always, never, or when writing to a terminal without NO_COLOR. */
    enum Color {
        AUTO,
        ALWAYS,
        NEVER
    }

    static CheckOptions parse(List<String> args) throws InputException {
        Path dir = null;
        String base = null;
        OutputFormat format = OutputFormat.TEXT;
        Path config = null;
        FailOn failOn = null;
        Path output = null;
        boolean staged = false;
        Color color = Color.AUTO;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                if (dir != null) {
                    throw new InputException("check takes one folder, got " + dir + " and " + arg);
                }
                dir = Path.of(arg);
                continue;
            }
            if (arg.equals("--staged")) {
                staged = true;
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new InputException(name + " needs a value");
            }
            switch (name) {
                case "--base" -> base = value;
                case "--format" -> format = OutputFormat.parse(value).orElseThrow(() -> new InputException(
                        "unknown --format " + value + "; use one of " + OutputFormat.choices()));
                case "--config" -> config = Path.of(value);
                case "--fail-on" -> failOn = parseFailOn(value);
                case "--output" -> output = Path.of(value);
                case "--color", "--colour" -> color = parseColor(value);
                default -> throw new InputException("unknown option " + name + " for check");
            }
        }
        if (dir == null) {
            throw new InputException("check needs a folder: readiness check DIR");
        }
        if (base != null && base.isBlank()) {
            throw new InputException("--base needs a git ref such as main or origin/main");
        }
        if (base != null && staged) {
            throw new InputException("--base and --staged are two different reviews: use one of them");
        }
        return new CheckOptions(dir, base, staged, format, config, failOn, output, color);
    }

    private static Color parseColor(String value) throws InputException {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> Color.AUTO;
            case "always" -> Color.ALWAYS;
            case "never" -> Color.NEVER;
            default -> throw new InputException("unknown --color " + value + "; use one of auto, always, never");
        };
    }

    private static FailOn parseFailOn(String value) throws InputException {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (FailOn f : FailOn.values()) {
            if (f.id().equals(v)) {
                return f;
            }
        }
        throw new InputException("unknown --fail-on " + value + "; use one of "
                + Arrays.stream(FailOn.values()).map(FailOn::id).collect(Collectors.joining(", ")));
    }
}
