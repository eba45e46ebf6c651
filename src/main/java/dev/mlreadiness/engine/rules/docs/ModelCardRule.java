package dev.mlreadiness.engine.rules.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.docs.DocsOutline;
import dev.mlreadiness.engine.markdown.HeadingMatcher;
import dev.mlreadiness.engine.markdown.MarkdownDocument;
import dev.mlreadiness.engine.repo.ArtifactKinds;
import dev.mlreadiness.engine.repo.ModelRepository;
import dev.mlreadiness.engine.rule.AbstractRule;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.FileEntry;

/**
 * {@code docs/model-card}: a repository that ships model artifacts has a model card with intended use, training
 * data, evaluation and limitations.
 */
public final class ModelCardRule extends AbstractRule {

    /** Compiled once: tried on every path of the tree. */
    private static final Pattern MODEL_CARD = Pattern.compile("(.*/)?model_card\\.md");
    private static final Pattern README = Pattern.compile("(.*/)?readme\\.md");

    /** The card's required parts, by the name messages use, with the heading words that find each. */
    private static final Map<String, List<String>> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("intended use", List.of("intended use", "intended uses", "uses", "use cases", "direct use",
                "intended purpose"));
        PARTS.put("training data", List.of("training data", "training dataset", "training details", "data",
                "dataset", "datasets"));
        PARTS.put("evaluation", List.of("evaluation", "metrics", "results", "performance"));
        PARTS.put("limitations", List.of("limitations", "limitation", "bias", "risks", "caveats", "out of scope"));
    }

    public static final RuleInfo INFO = new RuleInfo("docs/model-card", "Ship a model card with the model",
            Severity.NOTICE, Scope.REPOSITORY, new RuleDoc(
                    """
                    Applies when the repository holds model artifacts: weights (`.pt .pth .ckpt .onnx \
                    .safetensors .h5 .bin`) anywhere, or pickles (`.pkl .pickle .joblib`) under the models \
                    folder or named as a model anywhere (`model.pkl` beside a serving app, \
                    `churn_classifier.joblib`; a word model, clf, classifier, regressor or estimator). A model \
                    card is a `MODEL_CARD.md` (any case, any folder; the root one first) or a \
                    `README.md` of the documentation set with Hugging Face model-card YAML front matter (a \
                    `license`, `tags`, `datasets`, `metrics`, `model-index`, `library_name`, `pipeline_tag`, \
                    `base_model` or `language` key). The card needs sections, with content, for intended use \
                    (intended use, uses, use cases, direct use), training data (training data, training details, \
                    data, dataset), evaluation (evaluation, metrics, results, performance; or `model-index` \
                    results in the front matter) and limitations (limitations, bias, risks, caveats, out of \
                    scope), matched as whole words in any inflected form (`Limitation` and `Evaluating` count). The \
                    missing ones are listed in one finding.""",
                    """
                    A model file says nothing about what it is for, what it was trained on, how well it does \
                    and where it fails. Without a card, the model gets used outside the conditions it was \
                    evaluated in, and nobody can tell a regression from a known limitation.""",
                    "Add MODEL_CARD.md next to the code (or Hugging Face metadata at the top of README.md) with "
                            + "the four sections: intended use, training data, evaluation, limitations.",
                    """
                    ```text
                    models/churn.joblib
                    README.md          (no card)
                    ```""",
                    """
                    ```markdown
                    # Model card: churn classifier
                    ## Intended use
                    Ranking subscribers for retention calls. Not for pricing decisions.
                    ## Training data
                    CRM export 2023-01..2023-12, 48k subscribers, see DATASHEET.md.
                    ## Evaluation
                    F1 0.68, ROC AUC 0.84 on a 20 % stratified hold-out.
                    ## Limitations
                    Under-predicts churn for accounts younger than 1 month.
                    ```""").withKnownProblems("""
                    A pickle outside the models folder counts as a model only when its name says so (`model.pkl`,
                    `churn_classifier.joblib`): `features.pkl` does not. These heading words are fixed: `sections:` in
                    the config does not change them.
                    """));

    private static final FileSelector MODEL_CARDS = ModelCardRule::modelCardFiles;
    /** The model cards, and the docs, where a README may carry Hugging Face card metadata. */
    private static final FileSelector READS = FileSelector.allOf(DocsOutline::files, MODEL_CARDS);

    public ModelCardRule() {
        super(INFO, READS);
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        if (!shipsModelArtifacts(ctx)) {
            out.notApplicable();
            return;
        }
        Optional<DocsOutline.Doc> card = card(ctx);
        if (card.isEmpty()) {
            out.repository(null, "This repository ships model artifacts but no model card: add MODEL_CARD.md with "
                    + "sections for intended use, training data, evaluation and limitations.", PARTS.keySet());
            return;
        }
        MarkdownDocument doc = card.get().document();
        List<String> missing = new ArrayList<>();
        PARTS.forEach((part, words) -> {
            boolean evaluationInMetadata = part.equals("evaluation") && doc.frontMatter().has("model-index");
            if (!evaluationInMetadata && HeadingMatcher.findSection(doc, words).isEmpty()) {
                missing.add(part);
            }
        });
        if (!missing.isEmpty()) {
            out.repository(card.get().path(), "Add " + joined(missing) + " section" + (missing.size() > 1 ? "s" : "")
                    + " to the model card " + card.get().path() + ".", missing);
        }
    }

    private static boolean shipsModelArtifacts(RuleContext ctx) {
        return ctx.snapshot().stream()
                .anyMatch(f -> ArtifactKinds.isModelArtifact(f, ctx.paths(), ctx.config().maxFileSize()));
    }

    /** The MODEL_CARD.md files, the one at the root first. */
    private static List<String> modelCardFiles(RuleContext ctx) {
        return ctx.snapshot().stream().map(FileEntry::path)
                .filter(p -> MODEL_CARD.matcher(p.toLowerCase(Locale.ROOT)).matches())
                .sorted((a, b) -> Integer.compare(a.indexOf('/') < 0 ? 0 : 1, b.indexOf('/') < 0 ? 0 : 1))
                .toList();
    }

    /** The MODEL_CARD.md (root first), else a README with Hugging Face card metadata. */
    private static Optional<DocsOutline.Doc> card(RuleContext ctx) {
        for (String path : MODEL_CARDS.select(ctx)) {
            Optional<MarkdownDocument> doc = ctx.parse(path, DocsOutline.PARSER);
            if (doc.isPresent()) {
                return Optional.of(new DocsOutline.Doc(path, doc.get()));
            }
        }
        return DocsOutline.of(ctx).docs().stream()
                .filter(d -> README.matcher(d.path().toLowerCase(Locale.ROOT)).matches())
                .filter(d -> ModelRepository.isCardMetadata(d.document().frontMatter()))
                .findFirst();
    }

    private static String joined(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
