package dev.mlreadiness.engine.deps;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Follows {@code -r} and {@code -c} includes across a repository's requirements files, as pip does:
 * a constraints file referenced anywhere in the {@code -r} tree constrains every requirement of it.
 * Files are fetched through a loader so the engine never touches the file system; missing files and
 * include cycles are skipped, chains deeper than {@link #MAX_DEPTH} are cut and a tree stops at
 * {@link #MAX_FILES} files (each file is read once), so a hostile tree costs no more than a large one.
 */
public final class RequirementsIncludes {

    /** How many include levels are followed below a file; real projects use two or three. */
    public static final int MAX_DEPTH = 10;

    /** How many files one tree takes in; real projects use a handful. */
    public static final int MAX_FILES = 100;

    private RequirementsIncludes() {
    }

    /**
     * The file and every file reachable from it through {@code -r}, each once, the file first.
     *
     * @param files loads a parsed requirements file by repo-relative path, empty when it does not exist
     */
    public static List<RequirementsFile> requirementTree(RequirementsFile root,
            Function<String, Optional<RequirementsFile>> files) {
        List<RequirementsFile> tree = new ArrayList<>();
        collect(root, files, false, 0, new HashSet<>(), tree);
        return tree;
    }

    /**
     * The requirements of every constraints file ({@code -c}) referenced from the file's {@code -r}
     * tree, by normalised name; where a name appears twice a pinned entry wins. Pass the result to
     * {@link Requirement#isPinnedBy(Map)}.
     */
    public static Map<String, Requirement> constraints(RequirementsFile root,
            Function<String, Optional<RequirementsFile>> files) {
        List<RequirementsFile> constraintFiles = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RequirementsFile file : requirementTree(root, files)) {
            for (RequirementsFile.Include include : file.includes()) {
                if (include.constraint()) {
                    file.resolve(include).flatMap(files).ifPresent(
                            constraintsFile -> collect(constraintsFile, files, true, 0, seen, constraintFiles));
                }
            }
        }
        Map<String, Requirement> byName = new LinkedHashMap<>();
        for (RequirementsFile file : constraintFiles) {
            for (Requirement requirement : file.requirements()) {
                if (requirement.name() != null) {
                    byName.merge(requirement.name(), requirement,
                            (kept, other) -> kept.pin().isPinned() || !other.pin().isPinned() ? kept : other);
                }
            }
        }
        return byName;
    }

    /** Depth-first over includes; {@code allIncludes} also follows {@code -c} (inside constraints files). */
    private static void collect(RequirementsFile file, Function<String, Optional<RequirementsFile>> files,
            boolean allIncludes, int depth, Set<String> seen, List<RequirementsFile> into) {
        if (into.size() >= MAX_FILES || !seen.add(file.path())) {
            return;
        }
        into.add(file);
        if (depth >= MAX_DEPTH) {
            return;
        }
        for (RequirementsFile.Include include : file.includes()) {
            if (allIncludes || !include.constraint()) {
                file.resolve(include).flatMap(files)
                        .ifPresent(next -> collect(next, files, allIncludes, depth + 1, seen, into));
            }
        }
    }
}
