package dev.mlreadiness.engine.deps;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The package names a manifest declares, for ML-project detection. Uses the real parsers where there
 * is one; {@code setup.py} and {@code setup.cfg} are read best effort (quoted names in
 * {@code install_requires}), R's {@code DESCRIPTION} from {@code Imports:} and {@code Depends:}.
 * Never throws: an unreadable manifest declares nothing.
 */
public final class DeclaredPackages {

    private static final Pattern NAME = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)");
    private static final Pattern QUOTED = Pattern.compile("(['\"])(.*?)\\1");
    private static final Pattern SETUP_PY_REQUIRES = Pattern
            .compile("install_requires\\s*=\\s*(\\[|[A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern DCF_FIELD = Pattern.compile("^([A-Za-z][A-Za-z0-9/@.-]*):(.*)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeclaredPackages() {
    }

    /** Normalised names, each once, in file order; empty for an unknown or unreadable manifest. */
    public static List<String> of(String path, String text) {
        Set<String> names = new LinkedHashSet<>();
        ManifestKind kind = ManifestFiles.kind(path).orElse(null);
        if (kind == null) {
            return List.of();
        }
        try {
            switch (kind) {
                case REQUIREMENTS, CONSTRAINTS ->
                    addNames(names, new RequirementsParser().parse(path, text).requirements());
                case PYPROJECT -> addNames(names, new PyprojectParser().parse(path, text).requirements());
                case PIPFILE -> addNames(names, new PipfileParser().parse(path, text).requirements());
                case CONDA_ENVIRONMENT -> addNames(names, new EnvironmentYmlParser().parse(path, text).requirements());
                case SETUP_PY -> setupPy(text).forEach(entry -> addPep508Name(names, entry));
                case SETUP_CFG -> setupCfg(text).forEach(entry -> addPep508Name(names, entry));
                case R_DESCRIPTION -> rDescription(text).forEach(names::add);
                case RENV_LOCK -> renvLock(text).forEach(names::add);
            }
        } catch (ManifestParseException e) {
            return List.of();
        }
        return List.copyOf(names);
    }

    private static void addNames(Set<String> names, List<Requirement> requirements) {
        requirements.stream().map(Requirement::name).filter(name -> name != null).forEach(names::add);
    }

    /** The names of the requirements, each once, in order; URL and path requirements without a name left out. */
    static List<String> namesOf(List<Requirement> requirements) {
        Set<String> names = new LinkedHashSet<>();
        addNames(names, requirements);
        return List.copyOf(names);
    }

    private static void addPep508Name(Set<String> names, String entry) {
        Matcher m = NAME.matcher(entry);
        if (m.find()) {
            names.add(PackageName.normalise(m.group(1)));
        }
    }

    /** Quoted strings of the {@code install_requires} list, or of the list variable it names. */
    private static List<String> setupPy(String text) {
        Matcher m = SETUP_PY_REQUIRES.matcher(text);
        List<String> entries = new ArrayList<>();
        while (m.find()) {
            int open = m.group(1).equals("[") ? m.end() - 1 : variableList(text, m.group(1));
            if (open >= 0) {
                entries.addAll(quotedStrings(text, open));
            }
        }
        return entries;
    }

    private static int variableList(String text, String variable) {
        Matcher assignment = Pattern.compile("(?m)^\\s*" + Pattern.quote(variable) + "\\s*=\\s*\\[").matcher(text);
        return assignment.find() ? assignment.end() - 1 : -1;
    }

    private static List<String> quotedStrings(String text, int open) {
        int close = text.indexOf(']', open);
        String inside = text.substring(open + 1, close < 0 ? text.length() : close);
        List<String> strings = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(inside);
        while (quoted.find()) {
            strings.add(quoted.group(2));
        }
        return strings;
    }

    /** The value of {@code install_requires =} and its indented continuation lines. */
    private static List<String> setupCfg(String text) {
        List<String> entries = new ArrayList<>();
        boolean inRequires = false;
        for (String line : text.split("\\r\\n|\\r|\\n")) {
            if (inRequires && !line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                inRequires = false;
            }
            String value = line;
            if (!inRequires && line.strip().matches("install_requires\\s*=.*")) {
                inRequires = true;
                value = line.substring(line.indexOf('=') + 1);
            }
            String entry = value.replaceAll("\\s[#;].*$", "").strip();
            if (inRequires && !entry.isEmpty() && !entry.startsWith("#") && !entry.startsWith(";")) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** Packages of the {@code Imports:} and {@code Depends:} fields, without R itself. */
    private static List<String> rDescription(String text) {
        List<String> names = new ArrayList<>();
        String field = null;
        StringBuilder value = new StringBuilder();
        for (String line : (text + "\nEnd:").split("\\r\\n|\\r|\\n")) {
            Matcher m = DCF_FIELD.matcher(line);
            if (m.matches() || line.isBlank()) {
                if ("Imports".equals(field) || "Depends".equals(field)) {
                    for (String item : value.toString().split(",")) {
                        String name = item.replaceAll("\\(.*?\\)", "").strip();
                        if (!name.isEmpty() && !name.equals("R")) {
                            names.add(PackageName.normalise(name));
                        }
                    }
                }
                field = m.matches() ? m.group(1) : null;
                value = new StringBuilder(m.matches() ? m.group(2) : "");
            } else {
                value.append(' ').append(line.strip());
            }
        }
        return names;
    }

    private static List<String> renvLock(String text) {
        List<String> names = new ArrayList<>();
        try {
            JsonNode packages = JSON.readTree(text).path("Packages");
            packages.properties().forEach(entry -> names.add(PackageName.normalise(entry.getKey())));
        } catch (JsonProcessingException e) {
            // an unreadable renv.lock declares nothing; detection must not fail on it
        }
        return names;
    }
}
