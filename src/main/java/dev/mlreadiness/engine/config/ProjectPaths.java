package dev.mlreadiness.engine.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import dev.mlreadiness.engine.Glob;

/**
 * Where the project keeps its data, models and notebooks, and which files form its documentation set. Folder
 * names are repository-relative without trailing slash.
 *
 * <p>
 * A folder that {@code paths:} in the config does not name is found under its common names
 * ({@link Folder#equivalents()}: {@code datasets/} or {@code input/} for {@code data/}, and so on) by
 * {@link #resolve}: the rules then see the folder the repository has, whichever of the names it uses. Rules get
 * the resolved paths from {@code RuleContext.paths()}; a folder the config names is never replaced.
 *
 * @param configured the folders {@code paths:} names, which {@link #resolve} leaves alone
 * @param defaultDocs true when {@code paths.docs} is not set: the documentation set then follows the resolved
 *        data and models folders (their READMEs)
 */
public record ProjectPaths(String data, String models, String notebooks, List<Glob> docs, Set<Folder> configured,
        boolean defaultDocs) {

    /** The three project folders, with the default name and the common equivalents of each. */
    public enum Folder {
        DATA("data", List.of("datasets", "input"), "data folder"),
        MODELS("models", List.of("weights", "checkpoints"), "models folder"),
        NOTEBOOKS("notebooks", List.of("notebook"), "notebooks folder");

        private final String defaultName;
        private final List<String> equivalents;
        private final String label;

        Folder(String defaultName, List<String> equivalents, String label) {
            this.defaultName = defaultName;
            this.equivalents = equivalents;
            this.label = label;
        }

        /** The name the spec uses, also the key under {@code paths:}: {@code data}. */
        public String defaultName() {
            return defaultName;
        }

        /** Other names that commonly hold the same thing, in order of preference. */
        public List<String> equivalents() {
            return equivalents;
        }

        /** How messages name it: {@code data folder}. */
        public String label() {
            return label;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static ProjectPaths defaults() {
        return of("data", "models", "notebooks", null, EnumSet.noneOf(Folder.class));
    }

    /**
     * Folders as given, none replaced by an equivalent (as if {@code paths:} named all three).
     *
     * @param docs the documentation globs, or null for the default set: the root README, everything under
     *        {@code docs/}, MODEL_CARD.md, DATASHEET.md, the models folder's README and the READMEs at any
     *        depth of the data folder ({@code data/raw/README.md} documents the raw data), both of the
     *        data folder in use and of {@code data/}
     */
    public static ProjectPaths of(String data, String models, String notebooks, List<String> docs) {
        return of(data, models, notebooks, docs, EnumSet.allOf(Folder.class));
    }

    /** As {@link #of(String, String, String, List)}, with only the {@code configured} folders fixed. */
    public static ProjectPaths of(String data, String models, String notebooks, List<String> docs,
            Set<Folder> configured) {
        List<String> globs = docs;
        if (globs == null) {
            globs = new ArrayList<>(List.of("README.md", "README.markdown", "README.rst", "README.txt", "README",
                    "docs/**", "MODEL_CARD.md", "DATASHEET.md", models + "/README.md", "data/**/README.md"));
            if (!data.equals("data")) {
                globs.add(data + "/**/README.md");
            }
        }
        return new ProjectPaths(data, models, notebooks, globs.stream().map(Glob::compile).toList(),
                Set.copyOf(configured), docs == null);
    }

    /** The folder's name in these paths. */
    public String folder(Folder f) {
        return switch (f) {
            case DATA -> data;
            case MODELS -> models;
            case NOTEBOOKS -> notebooks;
        };
    }

    /**
     * The names the folder may have: the configured one alone, else the current name (the default) and then its
     * equivalents.
     */
    public List<String> candidates(Folder f) {
        if (configured.contains(f)) {
            return List.of(folder(f));
        }
        List<String> names = new ArrayList<>();
        names.add(folder(f));
        for (String e : f.equivalents()) {
            if (!names.contains(e)) {
                names.add(e);
            }
        }
        return names;
    }

    /**
     * These paths with each folder the config does not name replaced by the first of its {@link #candidates}
     * that {@code present} accepts (the default name first); a folder none of whose names is present keeps its
     * default name.
     */
    public ProjectPaths resolve(Predicate<String> present) {
        String[] names = new String[Folder.values().length];
        for (Folder f : Folder.values()) {
            names[f.ordinal()] = candidates(f).stream().filter(present).findFirst().orElse(folder(f));
        }
        String d = names[Folder.DATA.ordinal()];
        String m = names[Folder.MODELS.ordinal()];
        String n = names[Folder.NOTEBOOKS.ordinal()];
        if (d.equals(data) && m.equals(models) && n.equals(notebooks)) {
            return this;
        }
        return of(d, m, n, defaultDocs ? null : docs.stream().map(Glob::pattern).toList(), configured);
    }

    /**
     * What {@link #resolve} took instead of a default name, as a sentence for the report ("`input/` is taken as
     * the data folder ..."), or empty when every folder has its default or configured name.
     */
    public Optional<String> equivalentsNote() {
        List<String> taken = new ArrayList<>();
        for (Folder f : Folder.values()) {
            if (!configured.contains(f) && !folder(f).equals(f.defaultName())) {
                taken.add("`" + folder(f) + "/` as the " + f.label() + " (`" + f.defaultName() + "/`)");
            }
        }
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Folders found under common names: " + String.join(", ", taken)
                + ". Name others under `paths:` in " + ConfigLoader.PATH + " if these are not the right ones.");
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
