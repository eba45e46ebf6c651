package dev.mlreadiness.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Supplier;

import dev.mlreadiness.engine.config.ConfigException;
import dev.mlreadiness.engine.config.ConfigLoader;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.config.ReadinessConfig.FailOn;

/** Finds and reads the configuration the CLI runs with: {@code --config FILE} or the repository's own file. */
public final class ConfigFiles {

    /**
     * @param present true when a file was found: that alone makes the repository an ML project for detection
     */
    public record Loaded(ReadinessConfig config, boolean present) {
    }

    private ConfigFiles() {
    }

    /**
     * @param explicit the {@code --config} file, or null for {@code DIR/.github/ml-readiness.yml} when it exists
     * @param ruleIds the rule ids the checklist knows, so misspelt ids under {@code rules:} are errors: asked only
     *        when there is a file to read
     */
    public static Loaded load(Path dir, Path explicit, Supplier<Set<String>> ruleIds) throws InputException {
        Path file = explicit != null ? explicit : dir.resolve(ConfigLoader.PATH);
        String source = explicit != null ? explicit.toString() : ConfigLoader.PATH;
        if (!Files.isRegularFile(file)) {
            if (explicit != null) {
                throw new InputException("config file " + explicit + " not found");
            }
            return new Loaded(ReadinessConfig.defaults(), false);
        }
        String text;
        try {
            ConfigLoader.checkSize(Files.size(file), source);
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException("could not read " + source + ": " + e.getMessage(), e);
        } catch (ConfigException e) {
            throw new InputException(e.getMessage(), e);
        }
        try {
            return new Loaded(new ConfigLoader(ruleIds.get()).load(text, source), true);
        } catch (ConfigException e) {
            throw new InputException(e.getMessage(), e);
        }
    }

    /** The config with {@code fail-on} replaced, for the command line's {@code --fail-on}, which wins. */
    static ReadinessConfig withFailOn(ReadinessConfig c, FailOn failOn) {
        return new ReadinessConfig(c.enabled(), failOn, c.failOnExisting(), c.comments(), c.maxFileSize(), c.paths(),
                c.ignore(), c.rules(), c.extendsOrganization(), c.sections(), c.project(), c.seed());
    }
}
