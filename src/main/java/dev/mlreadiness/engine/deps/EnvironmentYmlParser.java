package dev.mlreadiness.engine.deps;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads a conda {@code environment.yml} / {@code environment.yaml} / {@code conda.yml} with Jackson's
 * streaming YAML parser, which gives each entry's line. Conda specs are judged as {@link CondaSpec}
 * documents; entries of the nested {@code - pip:} list are read as requirement lines by
 * {@link RequirementsParser}. {@code python} is reported as the environment's Python version, not as
 * a dependency to pin.
 */
public final class EnvironmentYmlParser {

    private static final YAMLFactory YAML = new YAMLFactory();

    private final RequirementsParser requirementsParser = new RequirementsParser();

    /**
     * @throws ManifestParseException when the file is not valid YAML
     */
    public CondaEnvironment parse(String path, String text) throws ManifestParseException {
        Reading reading = new Reading();
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                readTopLevel(parser, reading);
            } else if (first != null) {
                reading.problems.add(new Problem(line(parser), "the file is not a YAML mapping"));
            }
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            throw new ManifestParseException(path, line, "invalid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new ManifestParseException(path, 0, "invalid YAML: " + e.getMessage(), e);
        }
        return new CondaEnvironment(path, reading.conda, reading.pip.toFile(path), reading.python,
                reading.problems);
    }

    private static final class Reading {
        final List<Requirement> conda = new ArrayList<>();
        final RequirementsParser.Entries pip = new RequirementsParser.Entries();
        final List<Problem> problems = new ArrayList<>();
        PythonVersion python;
    }

    private void readTopLevel(JsonParser parser, Reading reading) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("dependencies".equals(field) && value == JsonToken.START_ARRAY) {
                readDependencies(parser, reading);
            } else {
                parser.skipChildren();
            }
        }
    }

    private void readDependencies(JsonParser parser, Reading reading) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            if (token == JsonToken.START_OBJECT) {
                readPipSection(parser, reading);
            } else if (token.isScalarValue()) {
                readCondaSpec(parser.getText(), line(parser), reading);
            } else {
                reading.problems.add(new Problem(line(parser), "a dependency must be a string"));
                parser.skipChildren();
            }
        }
    }

    private void readCondaSpec(String spec, int line, Reading reading) {
        try {
            CondaSpec.Parsed parsed = CondaSpec.parse(spec);
            if (parsed.name().equals("python")) {
                if (!parsed.version().isEmpty()) {
                    reading.python = new PythonVersion(parsed.version(), line);
                }
                return;
            }
            reading.conda.add(new Requirement(parsed.name(), parsed.specifier(), null, Requirement.Kind.NAMED,
                    line, false, null, spec.strip()));
        } catch (InvalidRequirementException e) {
            reading.problems.add(new Problem(line, e.getMessage()));
        }
    }

    private void readPipSection(JsonParser parser, Reading reading) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!"pip".equals(field) || value != JsonToken.START_ARRAY) {
                parser.skipChildren();
                continue;
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                if (token.isScalarValue()) {
                    String entry = RequirementsParser.withoutComment(parser.getText());
                    if (!entry.isEmpty()) {
                        requirementsParser.parseLine(entry, line(parser), reading.pip);
                    }
                } else {
                    reading.problems.add(new Problem(line(parser), "a pip requirement must be a string"));
                    parser.skipChildren();
                }
            }
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
