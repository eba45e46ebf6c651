package dev.mlreadiness.engine.deps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which distribution an import needs, and which imports need none: the data files {@code import-distributions.txt}
 * (import name to the distributions providing it, pip and conda names) and {@code stdlib-modules.txt} (the standard
 * library of CPython 3.8 to 3.13, with the version each removed module is gone from).
 */
public final class ImportDistributions {

    /**
     * The distributions that provide an import.
     *
     * @param module the module as the table names it ({@code cv2}, {@code google.protobuf})
     * @param distributions the distribution to declare first, then the others that also provide it, as written;
     *        empty when the environment provides the module ({@code google.colab}) or when it is a namespace
     *        whose packages the table does not list ({@code google}, written {@code *} in the data)
     */
    public record Entry(String module, List<String> distributions) {

        /** The distribution to declare, as written ({@code opencv-python}). */
        public String suggested() {
            return distributions.get(0);
        }

        /** Whether a manifest declaring {@code normalisedName} declares this import. */
        public boolean providedBy(String normalisedName) {
            return distributions.stream().anyMatch(d -> PackageName.normalise(d).equals(normalisedName));
        }
    }

    private static final Map<String, Entry> TABLE = loadTable();
    /** Normalised distribution to the normalised distributions whose install brings it ({@code brought-by.txt}). */
    private static final Map<String, List<String>> BROUGHT_BY = loadBroughtBy();
    /** Module to the minor version (of 3.x) it is gone from, or {@link Integer#MAX_VALUE}. */
    private static final Map<String, Integer> STDLIB = loadStdlib();

    private ImportDistributions() {
    }

    /**
     * The distributions an absolute import needs: the longest table entry the dotted module starts with, or the
     * top-level name as its own distribution.
     */
    public static Entry of(String module) {
        String name = module;
        while (true) {
            Entry e = TABLE.get(name);
            if (e != null) {
                return e;
            }
            int dot = name.lastIndexOf('.');
            if (dot < 0) {
                break;
            }
            name = name.substring(0, dot);
        }
        String top = topLevel(module);
        return new Entry(top, List.of(top));
    }

    /** Every entry of the table, in its order: for the rule's page. */
    public static List<Entry> table() {
        return List.copyOf(TABLE.values());
    }

    /**
     * Whether the top-level module is in the standard library of CPython 3.{@code minor}; with an empty minor,
     * of any version from 3.8 to 3.13.
     */
    public static boolean isStandardLibrary(String module, Optional<Integer> minor) {
        Integer goneFrom = STDLIB.get(topLevel(module));
        return goneFrom != null && (minor.isEmpty() || minor.get() < goneFrom);
    }

    /**
     * The distributions whose own requirements install {@code distribution} ({@code numpy}: pandas, scikit-learn,
     * ...), normalised; empty when the table lists none.
     */
    public static List<String> broughtBy(String distribution) {
        return BROUGHT_BY.getOrDefault(PackageName.normalise(distribution), List.of());
    }

    /** The brought-by table as written, for the rule's page: distribution to the ones bringing it. */
    public static Map<String, List<String>> broughtByTable() {
        return BROUGHT_BY;
    }

    private static String topLevel(String module) {
        int dot = module.indexOf('.');
        return dot < 0 ? module : module.substring(0, dot);
    }

    private static Map<String, Entry> loadTable() {
        Map<String, Entry> table = new LinkedHashMap<>();
        for (String line : lines("import-distributions.txt")) {
            String[] words = line.split("\\s+");
            List<String> dists = words.length == 2 && (words[1].equals("-") || words[1].equals("*")) ? List.of()
                    : List.copyOf(Arrays.asList(words).subList(1, words.length));
            table.putIfAbsent(words[0], new Entry(words[0], dists));
        }
        return table;
    }

    private static Map<String, List<String>> loadBroughtBy() {
        Map<String, List<String>> table = new LinkedHashMap<>();
        for (String line : lines("brought-by.txt")) {
            List<String> words = Arrays.stream(line.split("\\s+")).map(PackageName::normalise).toList();
            table.putIfAbsent(words.get(0), words.subList(1, words.size()));
        }
        return table;
    }

    private static Map<String, Integer> loadStdlib() {
        Map<String, Integer> stdlib = new HashMap<>();
        for (String line : lines("stdlib-modules.txt")) {
            String[] words = line.split("\\s+");
            stdlib.put(words[0], words.length > 1 ? Integer.parseInt(words[1].substring("<3.".length()))
                    : Integer.MAX_VALUE);
        }
        return stdlib;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = ImportDistributions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            List<String> out = new ArrayList<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
