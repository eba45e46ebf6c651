package dev.mlreadiness.engine.deps;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one install resolves together, and so what pins each of its requirements: for a pip requirements file, the
 * file and every file it includes with {@code -r} (pip installs them as one set) with the constraints files
 * referenced anywhere in that tree; for a pyproject.toml or Pipfile, the manifest's own entries. pip merges the
 * entries of one package, so {@code torch[cuda]>=2.1} beside {@code torch==2.3.1} installs exactly 2.3.1.
 *
 * @param files the requirements files of the set, the root first (just the root for other manifests)
 * @param constraints exact pins of the {@code -c} files, by normalised name
 * @param pinned requirements of the set that fix their package by themselves, by normalised name
 */
public record InstallSet(List<RequirementsFile> files, Map<String, Requirement> constraints,
        Map<String, List<Requirement>> pinned) {

    public InstallSet {
        files = List.copyOf(files);
        constraints = Map.copyOf(constraints);
        pinned = Map.copyOf(pinned);
    }

    /**
     * The install that {@code pip install -r root} performs.
     *
     * @param files loads a parsed requirements file by repo-relative path, empty when it does not exist
     */
    public static InstallSet of(RequirementsFile root, Function<String, Optional<RequirementsFile>> files) {
        List<RequirementsFile> tree = RequirementsIncludes.requirementTree(root, files);
        return new InstallSet(tree, RequirementsIncludes.constraints(root, files),
                pinnedByName(tree.stream().flatMap(f -> f.requirements().stream()).toList()));
    }

    /** The entries of a manifest that installs as one (pyproject.toml, Pipfile), without includes. */
    public static InstallSet of(Collection<Requirement> requirements) {
        return new InstallSet(List.of(), Map.of(), pinnedByName(requirements));
    }

    /**
     * True when the requirement fixes one version by itself, through a constraints file, or because another entry
     * of the set pins the same package exactly (with no environment marker, or the same one): an extra or a range
     * beside an exact pin installs the pinned version.
     */
    public boolean pins(Requirement r) {
        if (r.isPinnedBy(constraints)) {
            return true;
        }
        if (r.kind() != Requirement.Kind.NAMED || r.name() == null) {
            return false;
        }
        return pinned.getOrDefault(r.name(), List.of()).stream()
                .anyMatch(p -> p.marker() == null || Objects.equals(p.marker(), r.marker()));
    }

    private static Map<String, List<Requirement>> pinnedByName(Collection<Requirement> requirements) {
        Map<String, List<Requirement>> byName = new LinkedHashMap<>();
        for (Requirement r : requirements) {
            if (r.name() != null && r.pin().isPinned()) {
                byName.computeIfAbsent(r.name(), n -> new ArrayList<>()).add(r);
            }
        }
        return byName;
    }
}
