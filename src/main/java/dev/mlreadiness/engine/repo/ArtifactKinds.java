package dev.mlreadiness.engine.repo;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.mlreadiness.engine.config.ProjectPaths;

/**
 * Which files are data or model artifacts, by extension (compared case-insensitively; {@code .tar.gz} is one
 * double extension). The single source of these lists for {@code versioning/large-artifact} (data and model
 * files over the size limit, weights at any size) and {@code docs/model-card} (model artifacts).
 */
public final class ArtifactKinds {

    /** Model weights: committed to git at any size, they need Git LFS or DVC. */
    public static final Set<String> WEIGHT_EXTENSIONS = Set.of(".pt", ".pth", ".ckpt", ".onnx", ".safetensors",
            ".h5", ".bin");

    /** Serialized Python objects, which are model artifacts when they lie under the models folder. */
    public static final Set<String> PICKLE_EXTENSIONS = Set.of(".pkl", ".pickle", ".joblib");

    /** Every data or model file extension the spec lists, weights and pickles included. */
    public static final Set<String> DATA_AND_MODEL_EXTENSIONS = Set.of(".csv", ".tsv", ".parquet", ".feather",
            ".arrow", ".h5", ".hdf5", ".npy", ".npz", ".pkl", ".pickle", ".joblib", ".pt", ".pth", ".ckpt", ".onnx",
            ".safetensors", ".bin", ".tflite", ".pb", ".zip", ".tar.gz");

    private static final String TAR_GZ = ".tar.gz";

    private ArtifactKinds() {
    }

    /**
     * The file's listed extension in lower case ({@code .tar.gz} for {@code x.TAR.GZ}), or empty when its
     * extension is not a data or model one ({@code .gz} alone, {@code .py}, no extension).
     */
    public static Optional<String> extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.endsWith(TAR_GZ) && name.length() > TAR_GZ.length()) {
            return Optional.of(TAR_GZ);
        }
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty(); // no extension, or a dot file such as ".csv"
        }
        String ext = name.substring(dot);
        return DATA_AND_MODEL_EXTENSIONS.contains(ext) ? Optional.of(ext) : Optional.empty();
    }

    /** A data or model file by the spec's list. */
    public static boolean isDataOrModelFile(String path) {
        return extension(path).isPresent();
    }

    /** Model weights ({@link #WEIGHT_EXTENSIONS}). */
    public static boolean isWeights(String path) {
        return extension(path).filter(WEIGHT_EXTENSIONS::contains).isPresent();
    }

    /**
     * A model artifact for {@code docs/model-card}: weights anywhere, plus pickles under the models folder
     * ({@code paths.models}).
     */
    public static boolean isModelArtifact(String path, ProjectPaths paths) {
        return isWeights(path) || (extension(path).filter(PICKLE_EXTENSIONS::contains).isPresent()
                && ProjectPaths.isUnder(path, paths.models()));
    }
}
