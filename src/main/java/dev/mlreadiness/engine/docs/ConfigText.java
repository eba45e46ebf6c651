package dev.mlreadiness.engine.docs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.mlreadiness.engine.deps.ManifestFiles;
import dev.mlreadiness.engine.repo.TestFiles;

/**
 * Line-by-line reading of configuration text for {@code docs/stale}: the keys of a config file (YAML, TOML, INI,
 * JSON) and the console-script entry points of a {@code pyproject.toml}, {@code setup.cfg} or {@code setup.py}.
 * Deliberately shallow (one pass per line, no nesting): what matters is which names a change adds.
 */
final class ConfigText {

    private static final Set<String> EXTENSIONS = Set.of(".yaml", ".yml", ".toml", ".json", ".cfg", ".ini",
            ".conf");
    private static final Set<String> FOLDERS = Set.of("config", "configs", "conf", "cfg", "params");
    private static final List<String> NAME_PREFIXES = List.of("config", "params", "hparams", "hyperparams",
            "hyperparameters", "settings");

    record Key(String name, int line) {
    }

    private ConfigText() {
    }

    /**
     * A configuration file of the project: a YAML, TOML, INI or JSON file named {@code config*}, {@code params*},
     * {@code hparams*}, {@code settings*} or under a {@code config/}, {@code configs/}, {@code conf/} folder;
     * never a dependency manifest, a test file or a dot-file ({@code .github/}, {@code .pre-commit-config.yaml}).
     */
    static boolean isConfig(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        String[] segments = lower.split("/");
        String name = segments[segments.length - 1];
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || !EXTENSIONS.contains(name.substring(dot)) || ManifestFiles.isManifest(path)
                || TestFiles.isTestFile(path)) {
            return false;
        }
        boolean inConfigFolder = false;
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].startsWith(".")) {
                return false;
            }
            inConfigFolder |= i < segments.length - 1 && FOLDERS.contains(segments[i]);
        }
        return inConfigFolder || NAME_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /**
     * The keys the text sets, with their 1-based lines: {@code key:}, {@code key =}, {@code "key":},
     * {@code [section]}.
     */
    static List<Key> keys(String text) {
        List<Key> keys = new ArrayList<>();
        int n = 0;
        for (String raw : text.split("\n", -1)) {
            n++;
            String key = key(raw.strip());
            if (key != null) {
                keys.add(new Key(key, n));
            }
        }
        return keys;
    }

    private static String key(String line) {
        if (line.isEmpty() || line.startsWith("#") || line.startsWith(";") || line.startsWith("//")) {
            return null;
        }
        String s = line.startsWith("- ") ? line.substring(2).strip() : line;
        if (s.startsWith("[") && s.endsWith("]")) {
            String section = s.replace("[", "").replace("]", "").replace("\"", "").strip();
            return isKey(section) ? section : null;
        }
        int i;
        String key;
        if (s.startsWith("\"")) {
            int close = s.indexOf('"', 1);
            if (close < 0) {
                return null;
            }
            key = s.substring(1, close);
            i = close + 1;
        } else {
            i = 0;
            while (i < s.length() && isKeyChar(s.charAt(i))) {
                i++;
            }
            key = s.substring(0, i);
        }
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        if (!isKey(key) || i >= s.length()) {
            return null;
        }
        char sep = s.charAt(i);
        boolean yamlColon = sep == ':' && (i + 1 == s.length() || s.charAt(i + 1) == ' ');
        return yamlColon || sep == '=' ? key : null;
    }

    /**
     * The names of console scripts and plugin entry points declared in the text: {@code serve = "pkg.cli:main"}
     * (pyproject.toml), {@code serve = pkg.cli:main} (setup.cfg), {@code "serve=pkg.cli:main"} (setup.py).
     */
    static Set<String> entryPoints(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (String raw : text.split("\n", -1)) {
            String s = raw.strip();
            int eq = s.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = unquote(s.substring(0, eq));
            String target = unquote(s.substring(eq + 1));
            int extras = target.indexOf('[');
            if (extras > 0) {
                target = target.substring(0, extras).strip();
            }
            int colon = target.indexOf(':');
            if (isKey(name) && colon > 0 && colon == target.lastIndexOf(':') && isDotted(target.substring(0, colon))
                    && isDotted(target.substring(colon + 1))) {
                names.add(name);
            }
        }
        return names;
    }

    private static String unquote(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && "[(\"' ".indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && "])\"', ".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isKey(String s) {
        if (s.isEmpty() || s.length() > 100) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isKeyChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDotted(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
}
