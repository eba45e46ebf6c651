package dev.mlreadiness.report;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.config.ConfigLoader;
import dev.mlreadiness.engine.deps.ManifestFiles;
import dev.mlreadiness.engine.rule.Category;

/**
 * Where a finding about the repository as a whole is shown in code scanning, which rejects a SARIF file when one
 * result has no file location: line 1 of a file the repository has. Reproducibility findings (Python version,
 * dependencies) go to the root dependency manifest, others to the root README; either falls back to the other, then
 * to the configuration file, then to the first file of the tree in path order, so the choice is the same on every
 * run of the same tree (alerts stay the same alert).
 *
 * @param readme the root README, or null
 * @param manifest the root dependency manifest, or null
 * @param config {@code .github/ml-readiness.yml} when the repository has it, or null
 * @param first the first path of the tree in order, or null for an empty tree
 */
public record RepositoryAnchor(String readme, String manifest, String config, String first) {

    /** When nothing is known about the tree: the conventional README path. */
    public static final String DEFAULT = "README.md";

    public static final RepositoryAnchor NONE = new RepositoryAnchor(null, null, null, null);

    private static final List<String> README_ORDER = List.of("readme.md", "readme.markdown", "readme.rst",
            "readme.txt", "readme");

    private static final List<String> MANIFEST_ORDER = List.of("pyproject.toml", "requirements.txt",
            "environment.yml", "environment.yaml", "setup.py", "setup.cfg", "Pipfile");

    /** @param paths the repository-relative paths of the tree the findings are about */
    public static RepositoryAnchor of(Collection<String> paths) {
        List<String> root = paths.stream().filter(p -> p.indexOf('/') < 0).sorted().toList();
        String readme = root.stream().filter(p -> README_ORDER.contains(p.toLowerCase(Locale.ROOT)))
                .min(Comparator.comparingInt(p -> README_ORDER.indexOf(p.toLowerCase(Locale.ROOT)))).orElse(null);
        String manifest = root.stream().filter(ManifestFiles::isManifest)
                .min(Comparator.comparingInt((String p) -> {
                    int i = MANIFEST_ORDER.indexOf(p);
                    return i < 0 ? MANIFEST_ORDER.size() : i;
                }).thenComparing(Comparator.naturalOrder())).orElse(null);
        String config = paths.contains(ConfigLoader.PATH) ? ConfigLoader.PATH : null;
        String first = paths.stream().min(Comparator.naturalOrder()).orElse(null);
        return new RepositoryAnchor(readme, manifest, config, first);
    }

    /** The file a finding without a path is shown on. */
    public String pathFor(Finding f) {
        List<String> order = f.category() == Category.REPRODUCIBILITY ? java.util.Arrays.asList(manifest, readme)
                : java.util.Arrays.asList(readme, manifest);
        return order.stream().filter(p -> p != null).findFirst()
                .or(() -> Optional.ofNullable(config)).or(() -> Optional.ofNullable(first)).orElse(DEFAULT);
    }
}
