package dev.mlreadiness.engine.deps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The packages whose presence in a manifest makes a repository an ML project. The names are data,
 * kept in {@code ml-libraries.txt} beside this class.
 */
public final class MlLibraries {

    private static final Set<String> NAMES = load();

    private MlLibraries() {
    }

    /** True when the package (any spelling; it is normalised) is a known ML library. */
    public static boolean isMlLibrary(String name) {
        return NAMES.contains(PackageName.normalise(name));
    }

    /** The known ML libraries a manifest declares, normalised, in file order. */
    public static List<String> declaredIn(String manifestPath, String text) {
        return DeclaredPackages.of(manifestPath, text).stream().filter(MlLibraries::isMlLibrary).toList();
    }

    /** True when the manifest declares at least one known ML library. */
    public static boolean namesMlLibrary(String manifestPath, String text) {
        return !declaredIn(manifestPath, text).isEmpty();
    }

    private static Set<String> load() {
        try (InputStream in = MlLibraries.class.getResourceAsStream("ml-libraries.txt")) {
            if (in == null) {
                throw new IllegalStateException("ml-libraries.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(PackageName::normalise).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
