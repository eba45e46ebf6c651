package dev.mlreadiness.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.mlreadiness.engine.config.ReadinessConfig.FailOn;

/**
 * The arguments of {@code readiness check DIR [--base REF] [--format F] [--config FILE] [--fail-on LEVEL]
 * [--output FILE]}. Options take their value as the next argument or after {@code =}.
 *
 * @param base null for a full scan
 * @param config null for the repository's own file
 * @param failOn null to keep the config's
 * @param output null for standard output
 */
record CheckOptions(Path dir, String base, OutputFormat format, Path config, FailOn failOn, Path output) {

    static CheckOptions parse(List<String> args) throws InputException {
        Path dir = null;
        String base = null;
        OutputFormat format = OutputFormat.TEXT;
        Path config = null;
        FailOn failOn = null;
        Path output = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                if (dir != null) {
                    throw new InputException("check takes one folder, got " + dir + " and " + arg);
                }
                dir = Path.of(arg);
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
                default -> throw new InputException("unknown option " + name + " for check");
            }
        }
        if (dir == null) {
            throw new InputException("check needs a folder: readiness check DIR");
        }
        if (base != null && base.isBlank()) {
            throw new InputException("--base needs a git ref such as main or origin/main");
        }
        return new CheckOptions(dir, base, format, config, failOn, output);
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
