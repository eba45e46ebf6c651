package dev.mlreadiness.engine;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The spec's detection: a tree is an ML project when it has a notebook, or a dependency manifest that names an
 * ML library. (A config file also makes it one; the {@link Checklist} checks that from
 * {@link EvaluationInput#configPresent()}.) Reads manifests only, so a remote snapshot can decide with one batch.
 */
public final class MlProjectDetector implements ProjectDetector {

    /** Distribution names as they appear in manifests; {@code sklearn} for the old alias package. */
    static final List<String> ML_LIBRARIES = List.of("numpy", "pandas", "scikit-learn", "sklearn", "scipy", "torch",
            "torchvision", "pytorch", "tensorflow", "tensorflow-cpu", "tensorflow-gpu", "keras", "jax", "flax",
            "xgboost", "lightgbm", "catboost", "transformers", "datasets", "statsmodels", "mlflow", "lightning",
            "pytorch-lightning", "polars", "optuna", "wandb", "dvc", "onnx", "onnxruntime", "spacy", "nltk",
            "sentence-transformers", "huggingface-hub", "prophet", "evidently");

    private static final Pattern LIBRARY = Pattern.compile("(?<![A-Za-z0-9_.-])("
            + String.join("|", ML_LIBRARIES.stream().map(Pattern::quote).toList()) + ")(?![A-Za-z0-9_-])",
            Pattern.CASE_INSENSITIVE);

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
            Optional<String> text = tree.text(path);
            if (text.isEmpty()) {
                continue;
            }
            var m = LIBRARY.matcher(text.get());
            if (m.find()) {
                return Optional.of(path + " names " + m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    @Override
    public java.util.Collection<String> reads(RuleContext ctx) {
        return notebook(ctx.snapshot()).isPresent() ? List.of() : manifests(ctx.snapshot());
    }

    /** The first notebook of the tree: evidence enough without reading any file. */
    public static Optional<String> notebook(Snapshot tree) {
        return tree.stream().map(FileEntry::path).filter(p -> p.endsWith(".ipynb")).findFirst();
    }

    /** The dependency manifests of the tree that detection reads, so callers can fetch them in one go. */
    public static List<String> manifests(Snapshot tree) {
        return tree.stream().map(FileEntry::path).filter(MlProjectDetector::isManifest).toList();
    }

    static boolean isManifest(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return (name.startsWith("requirements") && name.endsWith(".txt"))
                || (name.startsWith("constraints") && name.endsWith(".txt"))
                || name.equals("pyproject.toml") || name.equals("setup.cfg") || name.equals("setup.py")
                || name.equals("environment.yml") || name.equals("environment.yaml") || name.equals("conda.yml")
                || name.equals("conda.yaml") || name.equals("pipfile");
    }
}
