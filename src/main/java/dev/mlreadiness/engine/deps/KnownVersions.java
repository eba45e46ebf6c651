package dev.mlreadiness.engine.deps;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import dev.mlreadiness.engine.notebook.Cell;
import dev.mlreadiness.engine.notebook.Notebook;
import dev.mlreadiness.engine.python.PythonModule;
import dev.mlreadiness.engine.rule.FileParser;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * The versions the repository itself says its packages run with, for suggested pins: never a guess. Sources are
 * lock files ({@code poetry.lock}, {@code uv.lock}, {@code Pipfile.lock}), committed {@code pip freeze} output (a
 * requirements file whose every entry is a plain {@code name==version}), and versions a notebook printed. A
 * package two sources (or two entries of one lock file) give different versions is not known: which one the
 * author means is not certain. Local versions ({@code 2.3.1+cu121}) are left out: no index serves them.
 */
public final class KnownVersions {

    /** Lock files over this size (5 MiB) are not read for versions. */
    public static final long MAX_LOCK_BYTES = 5L * 1024 * 1024;

    /** A release version pip can install from an index: {@code 2.2.2}, {@code 1.0rc1}, {@code 2.0.post1}. */
    static final Pattern VERSION = Pattern.compile("\\d+(?:\\.\\d+)*(?:(?:a|b|rc)\\d+)?(?:\\.post\\d+)?"
            + "(?:\\.dev\\d+)?");

    private static final TomlMapper TOML = new TomlMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a lock file into name → version; an unreadable one gives nothing (it is no manifest we judge). */
    public static final FileParser<Map<String, String>> LOCK_FILE = (path, content) -> lockVersions(path, content);

    /** Per normalised name, the versions given, with where each came from. */
    private final Map<String, Set<String>> versions = new HashMap<>();

    /** The lock files whose versions pin others: {@code poetry.lock}, {@code uv.lock}, {@code Pipfile.lock}. */
    public static boolean isVersionLock(String path) {
        String name = ManifestFiles.fileName(path.replace('\\', '/'));
        return name.equals("poetry.lock") || name.equals("uv.lock") || name.equals("Pipfile.lock");
    }

    /** Packages a source gives no installable version of (several, or a local one): never suggested. */
    private final Set<String> unknown = new HashSet<>();

    /**
     * Adds what a source says; the same package at two versions, or at a version no index serves, becomes
     * unknown.
     */
    public void add(String packageName, String version) {
        if (packageName == null) {
            return;
        }
        String name = PackageName.normalise(packageName);
        if (version == null || !VERSION.matcher(version).matches()) {
            unknown.add(name);
        } else {
            versions.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(version);
        }
    }

    public void addAll(Map<String, String> byName) {
        byName.forEach(this::add);
    }

    /**
     * Adds the pins of a requirements file that reads as {@code pip freeze} output: no {@code -r}/{@code -c}, and
     * every package named from an index pinned {@code ==version} without marker or wildcard (at least one; the
     * {@code -e git+...} and {@code name @ file://...} lines freeze writes for other installs are left aside).
     */
    public void addFreeze(RequirementsFile file) {
        if (!file.includes().isEmpty() || !file.problems().isEmpty()) {
            return;
        }
        Map<String, String> pins = new HashMap<>();
        for (Requirement r : file.requirements()) {
            if (r.kind() != Requirement.Kind.NAMED) {
                continue;
            }
            if (r.name() == null || r.marker() != null
                    || !r.specifier().startsWith("==") || r.specifier().startsWith("===")
                    || r.specifier().contains(",") || !VERSION.matcher(r.specifier().substring(2)).matches()) {
                return;
            }
            pins.put(r.name(), r.specifier().substring(2));
        }
        addAll(pins);
    }

    /** The one version the sources give the package, if exactly one. */
    public Optional<String> version(String packageName) {
        String name = PackageName.normalise(packageName);
        Set<String> given = versions.get(name);
        return !unknown.contains(name) && given != null && given.size() == 1 ? Optional.of(given.iterator().next())
                : Optional.empty();
    }

    static Map<String, String> lockVersions(String path, byte[] content) {
        if (content.length > MAX_LOCK_BYTES || Snapshot.isBinary(content)) {
            return Map.of();
        }
        String text = new String(content, StandardCharsets.UTF_8);
        Map<String, Set<String>> found = new HashMap<>();
        try {
            if (ManifestFiles.fileName(path.replace('\\', '/')).equals("Pipfile.lock")) {
                JsonNode root = JSON.readTree(text);
                for (String section : List.of("default", "develop")) {
                    root.path(section).fields().forEachRemaining(e -> {
                        String v = e.getValue().path("version").asText("");
                        if (v.startsWith("==") && !v.startsWith("===")) {
                            found.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>()).add(v.substring(2));
                        }
                    });
                }
            } else {
                for (JsonNode p : TOML.readTree(text).path("package")) {
                    String name = p.path("name").asText(null);
                    String version = p.path("version").asText(null);
                    if (name != null && version != null) {
                        found.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(version);
                    }
                }
            }
        } catch (Exception e) {
            return Map.of(); // a lock file we cannot read pins nothing
        }
        Map<String, String> out = new HashMap<>();
        // a lock file giving one package several versions (per platform or Python) gives none of them
        found.forEach((name, vs) -> out.put(PackageName.normalise(name), vs.size() == 1 ? vs.iterator().next()
                : "several"));
        return out;
    }

    /** {@code name.__version__}, the name dotted. */
    private static final Pattern VERSION_READ = Pattern.compile(
            "(?<![\\w.])([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)\\s*\\.\\s*__version__");

    /**
     * Adds the versions a notebook printed: a cell that reads {@code <module>.__version__} (the module imported
     * in the notebook) and printed as many version numbers as it reads versions gives each module's distribution
     * that version, in order.
     *
     * @param code the notebook's code cells read as one module, for its imports
     */
    public void addNotebook(Notebook notebook, PythonModule code) {
        Set<String> bound = new HashSet<>();
        code.imports().forEach(i -> bound.add(i.alias()));
        for (Cell cell : notebook.codeCells()) {
            if (cell.versionOutputs().isEmpty()) {
                continue;
            }
            List<String> modules = new ArrayList<>();
            var m = VERSION_READ.matcher(cell.source());
            while (m.find()) {
                String dotted = m.group(1);
                String first = dotted.contains(".") ? dotted.substring(0, dotted.indexOf('.')) : dotted;
                modules.add(bound.contains(first) ? distributionOf(code.resolve(dotted)) : null);
            }
            printedVersions(modules, cell.versionOutputs()).forEach(this::add);
        }
    }

    /**
     * Versions printed in a notebook, from a cell reading {@code <module>.__version__}: the printed text's version
     * numbers, in order, one per {@code __version__} the cell reads (a count that differs gives nothing).
     *
     * @param modules for each {@code __version__} the cell reads, in source order, the distribution name of its
     *        module (null when not known)
     * @param printed the cell's printed texts
     */
    public static Map<String, String> printedVersions(List<String> modules, List<String> printed) {
        List<String> numbers = new ArrayList<>();
        Pattern token = Pattern.compile("(?<![\\w.+-])" + VERSION.pattern() + "(?:\\+[\\w.]+)?(?![\\w.+-])");
        for (String text : printed) {
            var m = token.matcher(text);
            while (m.find()) {
                numbers.add(m.group());
            }
        }
        if (modules.isEmpty() || numbers.size() != modules.size()) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < modules.size(); i++) {
            if (modules.get(i) != null) {
                String previous = out.putIfAbsent(modules.get(i), numbers.get(i));
                if (previous != null && !previous.equals(numbers.get(i))) {
                    out.put(modules.get(i), "several");
                }
            }
        }
        return out;
    }

    /**
     * The distribution a top-level module is installed by, for the modules whose names differ
     * ({@code sklearn} → {@code scikit-learn}); the module's own name otherwise. Null for modules several
     * distributions install ({@code cv2}: opencv-python, opencv-python-headless, ...).
     */
    public static String distributionOf(String module) {
        String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
        return switch (top.toLowerCase(Locale.ROOT)) {
            case "sklearn" -> "scikit-learn";
            case "skimage" -> "scikit-image";
            case "pil" -> "pillow";
            case "yaml" -> "pyyaml";
            case "bs4" -> "beautifulsoup4";
            case "cv2", "google", "tf_keras" -> null;
            default -> top;
        };
    }
}
