package dev.mlreadiness.engine.repo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mlreadiness.engine.code.CodeEvidence;
import dev.mlreadiness.engine.docs.DocsOutline;
import dev.mlreadiness.engine.markdown.MarkdownDocument;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * Hugging Face model repositories: a model file (weights {@code .pt .pth .ckpt .onnx .safetensors .h5 .bin}, or a
 * pickle {@code .pkl .pickle .joblib}) plus a root {@code README.md} that opens with YAML front matter holding
 * model-card metadata ({@link #CARD_KEYS}). Such a repository is an ML project even without a notebook or a
 * manifest. When it also has no training code (no {@code .fit(}, {@code train(} in its Python files and
 * notebooks) it is <em>model-only</em>: it publishes a trained model, and the rules about how a project that
 * trains one is organised (folders, dependency manifest, tests, CI) do not apply to it.
 */
public final class ModelRepository {

    /** Keys of Hugging Face model-card metadata; a README front matter with one of them is a model card. */
    public static final List<String> CARD_KEYS = List.of("license", "tags", "datasets", "metrics", "model-index",
            "library_name", "pipeline_tag", "base_model", "language");

    private ModelRepository() {
    }

    /** Whether a front matter (of a README) is Hugging Face model-card metadata. */
    public static boolean isCardMetadata(JsonNode frontMatter) {
        return cardKey(frontMatter).isPresent();
    }

    /**
     * Why the tree is a Hugging Face model repository ("README.md carries model-card metadata (license) beside
     * model.safetensors"), or empty. Reads the root README only, and only when the tree has a model file.
     */
    public static Optional<String> huggingFace(RuleContext ctx) {
        Optional<String> model = modelFile(ctx.snapshot());
        Optional<String> readme = readme(ctx.snapshot());
        if (model.isEmpty() || readme.isEmpty()) {
            return Optional.empty();
        }
        return ctx.parse(readme.get(), DocsOutline.PARSER).map(MarkdownDocument::frontMatter)
                .flatMap(ModelRepository::cardKey)
                .map(key -> readme.get() + " carries model-card metadata (" + key + ") beside " + model.get());
    }

    /** The files {@link #huggingFace} reads: the root README, when the tree has a model file. */
    public static List<String> reads(Snapshot tree) {
        return modelFile(tree).isPresent() ? readme(tree).map(List::of).orElse(List.of()) : List.of();
    }

    /**
     * True for a Hugging Face model repository without training code. Computed once per evaluation and side; the
     * rules that do not apply to such a repository ask this first.
     */
    public static boolean isModelOnly(RuleContext ctx) {
        return ctx.fact(ModelOnly.class, c -> new ModelOnly(huggingFace(c).isPresent()
                && CodeEvidence.of(c).modelTraining().isEmpty())).value();
    }

    /** The files {@link #isModelOnly} reads (none unless the tree has a model file), for rules' {@code reads}. */
    public static Collection<String> modelOnlyReads(RuleContext ctx) {
        List<String> files = new ArrayList<>(reads(ctx.snapshot()));
        if (!files.isEmpty()) {
            files.addAll(CodeEvidence.files(ctx));
        }
        return files;
    }

    private record ModelOnly(boolean value) {
    }

    private static Optional<String> cardKey(JsonNode frontMatter) {
        return CARD_KEYS.stream().filter(frontMatter::has).findFirst();
    }

    private static Optional<String> modelFile(Snapshot tree) {
        return tree.stream().map(FileEntry::path).filter(p -> ArtifactKinds.isWeights(p)
                || ArtifactKinds.extension(p).filter(ArtifactKinds.PICKLE_EXTENSIONS::contains).isPresent())
                .findFirst();
    }

    /** The Hub reads {@code README.md} at the root (any letter case here, as GitHub does). */
    private static Optional<String> readme(Snapshot tree) {
        return tree.stream().map(FileEntry::path)
                .filter(p -> p.indexOf('/') < 0 && p.toLowerCase(Locale.ROOT).equals("readme.md")).findFirst();
    }
}
