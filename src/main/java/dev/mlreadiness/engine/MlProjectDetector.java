package dev.mlreadiness.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import dev.mlreadiness.engine.deps.ManifestFiles;
import dev.mlreadiness.engine.deps.ManifestParsers;
import dev.mlreadiness.engine.deps.MlLibraries;
import dev.mlreadiness.engine.repo.ModelRepository;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.EvaluationInput;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * The spec's ML-project detection: a tree is an ML project when it holds a notebook ({@code .ipynb}), or a
 * dependency manifest (see {@link ManifestFiles}) that declares a known ML library (see {@link MlLibraries}), or
 * when it is a Hugging Face model repository (a model file and a README with model-card metadata, see
 * {@link ModelRepository}).
 * Names are compared exactly after PEP 503 normalisation, so {@code numpy-financial} is not {@code numpy}. A
 * config file also makes a repository one; the {@link Checklist} decides that from
 * {@link EvaluationInput#configPresent()}. Reads manifests only, through the shared parsers, so the rules that read
 * them later find them parsed.
 */
public final class MlProjectDetector implements ProjectDetector {

    @Override
    public Optional<String> evidence(RuleContext ctx) {
        Snapshot tree = ctx.snapshot();
        Optional<String> notebook = notebook(tree);
        if (notebook.isPresent()) {
            return Optional.of("has the notebook " + notebook.get());
        }
        List<String> manifests = manifests(tree);
        tree.prefetch(manifests);
        for (String path : manifests) {
            Optional<String> library = ManifestParsers.declaredPackages(ctx, path).stream()
                    .filter(MlLibraries::isMlLibrary).findFirst();
            if (library.isPresent()) {
                return Optional.of(path + " declares " + library.get());
            }
        }
        return ModelRepository.huggingFace(ctx).map(why -> "a Hugging Face model repository: " + why);
    }

    /**
     * The manifests (and the root README when the tree has a model file), unless a notebook already decides: lets
     * a remote snapshot fetch them with the rules' files.
     */
    @Override
    public java.util.Collection<String> reads(RuleContext ctx) {
        if (notebook(ctx.snapshot()).isPresent()) {
            return List.of();
        }
        List<String> files = new ArrayList<>(manifests(ctx.snapshot()));
        files.addAll(ModelRepository.reads(ctx.snapshot()));
        return files;
    }

    /** The first notebook of the tree: evidence enough without reading any file. */
    public static Optional<String> notebook(Snapshot tree) {
        // loops rather than streams here and below: detection is all a check of a folder that is not an ML project
        // runs, and a stream pipeline's classes and lambdas are a measurable part of such a short run
        for (FileEntry f : tree.files()) {
            if (f.path().endsWith(".ipynb")) {
                return Optional.of(f.path());
            }
        }
        return Optional.empty();
    }

    /** The dependency manifests of the tree, in path order: all that detection reads, for one batched fetch. */
    public static List<String> manifests(Snapshot tree) {
        List<String> manifests = new ArrayList<>();
        for (FileEntry f : tree.files()) {
            if (ManifestFiles.isManifest(f.path())) {
                manifests.add(f.path());
            }
        }
        return Collections.unmodifiableList(manifests);
    }
}
