package dev.mlreadiness.engine.config;

import java.util.ArrayList;
import java.util.List;

import dev.mlreadiness.engine.Glob;

/**
 * Where the project keeps its data, models and notebooks, and which files form its documentation set. Folder
 * names are repository-relative without trailing slash.
 */
public record ProjectPaths(String data, String models, String notebooks, List<Glob> docs) {

    public static ProjectPaths defaults() {
        return of("data", "models", "notebooks", null);
    }

    /**
     * @param docs the documentation globs, or null for the default set: the root README, everything under
     *             {@code docs/}, MODEL_CARD.md, DATASHEET.md, the models folder's README and the READMEs at any
     *             depth of the data folder ({@code data/raw/README.md} documents the raw data), both of the
     *             configured data folder and of {@code data/}
     */
    public static ProjectPaths of(String data, String models, String notebooks, List<String> docs) {
        List<String> globs = docs;
        if (globs == null) {
            globs = new ArrayList<>(List.of("README.md", "README.markdown", "README.rst", "README.txt", "README",
                    "docs/**", "MODEL_CARD.md", "DATASHEET.md", models + "/README.md", "data/**/README.md"));
            if (!data.equals("data")) {
                globs.add(data + "/**/README.md");
            }
        }
        return new ProjectPaths(data, models, notebooks, globs.stream().map(Glob::compile).toList());
    }

    public boolean isDoc(String path) {
        for (Glob g : docs) {
            if (g.matches(path)) {
                return true;
            }
        }
        return false;
    }

    /** True when the path lies in (any depth below) the given folder. */
    public static boolean isUnder(String path, String folder) {
        return path.startsWith(folder + "/");
    }
}
