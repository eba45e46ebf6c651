package dev.mlreadiness.engine.repo;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.mlreadiness.engine.config.ProjectPaths;
import dev.mlreadiness.engine.snapshot.FileEntry;

/**
 * Which files are data or model artifacts, and which are source code, by extension (compared case-insensitively;
 * {@code .tar.gz} is one double extension). The single source of these lists for {@code versioning/large-artifact}
 * (files over the size limit that are not source code, weights at any size) and {@code docs/model-card} (model
 * artifacts).
 */
public final class ArtifactKinds {

    /** Model weights: committed to git at any size, they need Git LFS or DVC. */
    public static final Set<String> WEIGHT_EXTENSIONS = Set.of(".pt", ".pth", ".ckpt", ".onnx", ".safetensors",
            ".h5", ".bin");

    /**
     * Weight extensions that other files share: {@code .h5} is also HDF5 data, {@code .bin} any binary. They are
     * weights at any size only under the models folder.
     */
    public static final Set<String> AMBIGUOUS_WEIGHT_EXTENSIONS = Set.of(".h5", ".bin");

    /**
     * Program code in the languages ML projects use, notebooks included (a heavy notebook is heavy with outputs,
     * which Git LFS or DVC would make unreviewable).
     */
    public static final Set<String> CODE_EXTENSIONS = Set.of(".py", ".pyi", ".pyx", ".pxd", ".ipynb", ".r",
            ".rmd", ".qmd", ".jl", ".sql", ".sh", ".bash", ".zsh", ".ps1", ".bat", ".java", ".kt", ".kts", ".scala",
            ".groovy", ".gradle", ".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".vue", ".svelte", ".css", ".scss",
            ".c", ".h", ".cc", ".cpp", ".cxx", ".hpp", ".cu", ".cuh", ".go", ".rs", ".rb", ".php", ".swift", ".m",
            ".cs", ".lua", ".pl", ".hs", ".dart", ".proto");

    /** Documentation markup people write. */
    public static final Set<String> MARKUP_EXTENSIONS = Set.of(".md", ".markdown", ".rst", ".tex", ".adoc");

    /** Lock files, generated but meant to be committed and diffed: never artifacts, whatever their size. */
    private static final Set<String> LOCK_FILES = Set.of("poetry.lock", "uv.lock", "pdm.lock", "pipfile.lock",
            "conda-lock.yml", "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "cargo.lock", "gemfile.lock",
            "composer.lock", "renv.lock");

    /** Serialized Python objects, which are model artifacts when they lie under the models folder. */
    public static final Set<String> PICKLE_EXTENSIONS = Set.of(".pkl", ".pickle", ".joblib");

    /** Every data or model file extension the spec lists, weights and pickles included. */
    public static final Set<String> DATA_AND_MODEL_EXTENSIONS = Set.of(".csv", ".tsv", ".parquet", ".feather",
            ".arrow", ".h5", ".hdf5", ".npy", ".npz", ".pkl", ".pickle", ".joblib", ".pt", ".pth", ".ckpt", ".onnx",
            ".safetensors", ".bin", ".tflite", ".pb", ".zip", ".tar.gz");

    /** Words of a pickle's name that say it holds a model. */
    private static final Set<String> MODEL_WORDS = Set.of("model", "models", "clf", "classifier", "regressor",
            "estimator");

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
     * Weights that need Git LFS or DVC at any size: {@code .pt .pth .ckpt .onnx .safetensors} anywhere, and the
     * {@link #AMBIGUOUS_WEIGHT_EXTENSIONS} under the models folder ({@code paths.models}).
     */
    public static boolean isWeightsAtAnySize(String path, ProjectPaths paths) {
        return extension(path).filter(WEIGHT_EXTENSIONS::contains)
                .filter(e -> !AMBIGUOUS_WEIGHT_EXTENSIONS.contains(e) || isUnderModels(path, paths)).isPresent();
    }

    /**
     * Source code: files people write and review as text, {@link #CODE_EXTENSIONS} and {@link #MARKUP_EXTENSIONS},
     * and lock files. Everything else (data of any format, JSON, YAML, plain text, images, PDFs, archives,
     * binaries) is an artifact when it is large.
     */
    public static boolean isSourceCode(String path) {
        String ext = lastExtension(path);
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return CODE_EXTENSIONS.contains(ext) || MARKUP_EXTENSIONS.contains(ext) || LOCK_FILES.contains(name)
                || name.endsWith(".conda-lock.yml");
    }

    /** The last extension of the file name in lower case ({@code .gz} for {@code x.tar.gz}), or {@code ""}. */
    public static String lastExtension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
    }

    /** True when the path lies under the models folder. */
    public static boolean isUnderModels(String path, ProjectPaths paths) {
        return ProjectPaths.isUnder(path, paths.models());
    }

    /**
     * A model artifact for {@code docs/model-card}: weights anywhere, plus pickles under the models folder
     * ({@code paths.models}) or named as a model anywhere ({@code model.pkl} beside a serving app,
     * {@code churn_classifier.joblib}); other pickles are often cached data.
     */
    public static boolean isModelArtifact(String path, ProjectPaths paths) {
        return isWeights(path) || (extension(path).filter(PICKLE_EXTENSIONS::contains).isPresent()
                && (isUnderModels(path, paths) || NameWords.of(path).stream().anyMatch(MODEL_WORDS::contains)));
    }

    /**
     * As {@link #isModelArtifact(String, ProjectPaths)}, but a {@code .bin} or {@code .h5} outside the models folder
     * counts only above {@code maxFileSize} or when named as a model ({@code pytorch_model.bin}): a 5 kB
     * {@code training_args.bin} beside the results, or a small HDF5 table, is no model that needs a card or a
     * {@code models/} folder.
     */
    public static boolean isModelArtifact(FileEntry file, ProjectPaths paths, long maxFileSize) {
        return isModelArtifact(file.path(), paths) && !isSmallAmbiguousWeights(file, paths, maxFileSize);
    }

    /** Model weights as {@link #isWeights}, with {@code .bin}/{@code .h5} outside the models folder only when large. */
    public static boolean isModelWeights(FileEntry file, ProjectPaths paths, long maxFileSize) {
        return isWeights(file.path()) && !isSmallAmbiguousWeights(file, paths, maxFileSize);
    }

    private static boolean isSmallAmbiguousWeights(FileEntry file, ProjectPaths paths, long maxFileSize) {
        return extension(file.path()).filter(AMBIGUOUS_WEIGHT_EXTENSIONS::contains).isPresent()
                && !isUnderModels(file.path(), paths) && file.size() <= maxFileSize && !isNamedAsModel(file.path());
    }

    /** A word of the file name says model: {@code pytorch_model.bin}, {@code churn_classifier.joblib}. */
    private static boolean isNamedAsModel(String path) {
        return NameWords.of(path).stream().anyMatch(MODEL_WORDS::contains);
    }
}
