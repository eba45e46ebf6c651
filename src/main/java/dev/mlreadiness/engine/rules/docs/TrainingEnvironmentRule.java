package dev.mlreadiness.engine.rules.docs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.code.CodeEvidence;
import dev.mlreadiness.engine.code.Seed;
import dev.mlreadiness.engine.deps.LockFiles;
import dev.mlreadiness.engine.deps.ManifestFiles;
import dev.mlreadiness.engine.docs.DocMentions;
import dev.mlreadiness.engine.docs.DocSection;
import dev.mlreadiness.engine.docs.DocsOutline;
import dev.mlreadiness.engine.docs.SectionCheck;
import dev.mlreadiness.engine.docs.SectionSearch;
import dev.mlreadiness.engine.markdown.InlineCode;
import dev.mlreadiness.engine.repo.TestFiles;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;

/** {@code docs/training-environment}: the docs say where the pinned versions and the random seeds are. */
public final class TrainingEnvironmentRule extends SectionRule {

    private static final SectionCheck SECTION = new SectionCheck(
            List.of("environment", "reproducibility", "reproducible", "reproduce", "reproducing", "training",
                    "requirement", "seed", "dependency",
                    "prerequisite", "hardware", "conda", "virtualenv"),
            "Training environment",
            "where the pinned package versions are and which random seeds training uses");

    public static final RuleInfo INFO = new RuleInfo("docs/training-environment",
            "Document the training environment", Severity.WARNING, Scope.REPOSITORY, new RuleDoc(
                    """
                    Looks in the documentation set for a heading containing environment, reproducibility, \
                    reproducible, reproduce, reproducing, training, requirement, seed, dependency, prerequisite, hardware, conda or \
                    virtualenv (add words under `sections: docs/training-environment:`) with content under it, and \
                    checks what it says against the code:

                    - where package versions are pinned, when the repository trains a model and has a dependency \
                    manifest or lock file: the docs name one of them (`requirements.txt`, `poetry.lock`, ...) or \
                    link it, anywhere in the documentation set (the install instructions are where people look), \
                    or the section lists pinned versions (`scikit-learn==1.1.3`, `Transformers 4.44.2`), or the \
                    docs install from a lock file (`poetry install`, `uv sync`, `pipenv sync`, `conda env create`);
                    - every seed the code fixes to a value (`random_state=42`, `np.random.seed(SEED)` after \
                    `SEED = 42`, `torch.manual_seed(7)`, the default of a `--seed` option; in Python files and in \
                    notebooks that train a model) is named in a matching section, or on any line of the docs that \
                    speaks of seeds (`seed`, `random_state`): by its value (`42`) or by the constant or option \
                    that holds it (`SEED`, `--seed`). Seeds read from a config file or arguments have no value in \
                    the code and are not asked for.

                    The finding names what is missing: the manifest to point at, and each undocumented seed with \
                    where the code sets it. Whether the pins are exact is `reproducibility/unpinned-dependency`'s \
                    job, and whether every random call is seeded `reproducibility/random-seed`'s.

                    """ + SectionCheck.HOW_SECTIONS_MATCH,
                    """
                    Reproducing a model needs the same packages at the same versions (e.g. \
                    `scikit-learn==1.1.3`) and the same random seeds for every non-deterministic step (splits, \
                    initialisation, dimensionality reduction). Written down, they keep training and production \
                    consistent; missing, a retrain months later gives a different model and nobody knows why.""",
                    "Add a `## Training environment` section that names the lock or requirements file, the "
                            + "Python version, the hardware if it matters, and the seeds used.",
                    """
                    ```markdown
                    ## Usage
                    pip install scikit-learn pandas && python train.py
                    ```""",
                    """
                    ```markdown
                    ## Training environment
                    - Python 3.11, packages pinned in `requirements.txt` (`scikit-learn==1.1.3`, `pandas==2.2.2`).
                    - Seeds: `random_state=42` for the split and the forest, `np.random.seed(42)` in `train.py`.
                    - Trained on CPU; about 4 minutes on 8 cores.
                    ```"""));

    /** A pinned version written out: {@code scikit-learn==1.1.3}, {@code Transformers 4.44.2}, {@code numpy 1.26}. */
    private static final Pattern PINNED = Pattern.compile(
            "[A-Za-z][\\w.-]{0,60}(==| )v?\\d{1,4}\\.\\d{1,4}");
    /** Installing from a lock file or a locked environment. */
    private static final List<String> LOCKED_INSTALLS = List.of("poetry install", "uv sync", "pipenv sync",
            "pipenv install", "pdm install", "pdm sync", "conda env create", "mamba env create", "conda create --file",
            "pip install -r", "pip-sync", "conda-lock install");
    /** What a doc line says when it speaks of seeds. */
    private static final List<String> SEED_WORDS = List.of("seed", "random_state", "random state", "random_seed");
    private static final int MAX_SEEDS_NAMED = 5;
    private static final int MAX_TEXT = 200_000;

    public TrainingEnvironmentRule() {
        super(INFO, SECTION, FileSelector.allOf(CodeEvidence::files));
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        Optional<SectionSearch> found = SECTION.found(ctx, INFO.id(), out);
        if (found.isEmpty()) {
            return;
        }
        SectionSearch search = found.get();
        CodeEvidence code = CodeEvidence.of(ctx);
        List<String> subjects = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        String sectionText = sectionText(search);
        List<String> manifests = manifests(ctx);
        if (!manifests.isEmpty() && !code.modelTraining().isEmpty() && !pointsAtPins(ctx, sectionText, manifests)) {
            subjects.add("pins");
            missing.add("where package versions are pinned (" + InlineCode.span(manifests.get(0)) + ")");
        }
        Map<String, Seed> undocumented = undocumentedSeeds(ctx, code.seeds(), sectionText);
        if (!undocumented.isEmpty()) {
            undocumented.keySet().forEach(v -> subjects.add("seed " + v));
            missing.add(seedsPart(undocumented));
        }
        if (!missing.isEmpty()) {
            DocSection first = search.found().get(0);
            out.repository(first.path(), "The " + first.label() + " does not name " + String.join(" nor ", missing)
                    + ": add " + (missing.size() > 1 ? "them" : "it") + " so that a retrain gets the same packages "
                    + "and the same random draws.", subjects);
        }
    }

    /** The matching sections' headings and text, in one string (capped). */
    private static String sectionText(SectionSearch search) {
        StringBuilder b = new StringBuilder();
        for (DocSection s : search.found()) {
            if (b.length() > MAX_TEXT) {
                break;
            }
            b.append(s.section().text()).append('\n').append(s.section().plainText()).append('\n');
            s.section().links().forEach(l -> b.append(l).append('\n'));
        }
        return b.length() > MAX_TEXT ? b.substring(0, MAX_TEXT) : b.toString();
    }

    /** The repository's lock files, then its manifests, shallowest first; tests' own manifests left out. */
    private static List<String> manifests(RuleContext ctx) {
        return ctx.snapshot().stream().map(f -> f.path())
                .filter(p -> (ManifestFiles.isManifest(p) || LockFiles.isLockFile(p)) && !TestFiles.isTestFile(p))
                .sorted(Comparator.comparing((String p) -> !LockFiles.isLockFile(p))
                        .thenComparing(p -> p.chars().filter(c -> c == '/').count())
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    private static boolean pointsAtPins(RuleContext ctx, String sectionText, List<String> manifests) {
        DocMentions mentions = DocMentions.of(ctx);
        if (manifests.stream().anyMatch(mentions::path) || PINNED.matcher(sectionText).find()) {
            return true;
        }
        for (DocsOutline.Doc doc : DocsOutline.of(ctx).docs()) {
            String text = doc.document().plainText().toLowerCase(Locale.ROOT);
            if (LOCKED_INSTALLS.stream().anyMatch(text::contains)) {
                return true;
            }
        }
        return false;
    }

    /** The seeds the docs do not name, one per value, in the code's order. */
    private static Map<String, Seed> undocumentedSeeds(RuleContext ctx, List<Seed> seeds, String sectionText) {
        Map<String, Seed> missing = new LinkedHashMap<>();
        if (seeds.isEmpty()) {
            return missing;
        }
        String seedLines = seedLines(ctx);
        for (Seed seed : seeds) {
            if (missing.containsKey(seed.value())) {
                continue;
            }
            if (!names(sectionText, seed) && !names(seedLines, seed)) {
                missing.put(seed.value(), seed);
            }
        }
        // a value named once is documented wherever else the code uses it
        return missing;
    }

    /** The lines of every doc that speak of seeds. */
    private static String seedLines(RuleContext ctx) {
        StringBuilder b = new StringBuilder();
        for (DocsOutline.Doc doc : DocsOutline.of(ctx).docs()) {
            for (String line : doc.document().plainText().split("\n")) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (b.length() < MAX_TEXT && SEED_WORDS.stream().anyMatch(lower::contains)) {
                    b.append(line).append('\n');
                }
            }
        }
        return b.toString();
    }

    /** Whether the text names the seed's value as a whole number, or the constant or option holding it. */
    static boolean names(String text, Seed seed) {
        String value = seed.value().startsWith("+") ? seed.value().substring(1) : seed.value();
        if (containsNumber(text, value)) {
            return true;
        }
        String constant = seed.constant();
        if (constant == null) {
            return false;
        }
        if (constant.startsWith("-")) {
            return text.contains(constant);
        }
        return Pattern.compile("(?<![\\w])" + Pattern.quote(constant) + "(?![\\w])").matcher(text).find();
    }

    /** {@code 42} in {@code seed=42} or {@code seed 42.}, not in {@code 142}, {@code 4.42} or {@code 42.5}. */
    static boolean containsNumber(String text, String number) {
        Matcher m = Pattern.compile("(?<![\\w.])" + Pattern.quote(number) + "(?![\\w]|\\.\\d)").matcher(text);
        return m.find();
    }

    private static String seedsPart(Map<String, Seed> seeds) {
        List<String> named = new ArrayList<>();
        for (Seed s : seeds.values()) {
            if (named.size() == MAX_SEEDS_NAMED) {
                break;
            }
            named.add(InlineCode.span(s.value()) + " (" + s.path() + ":" + s.line() + ", " + InlineCode.span(s.code())
                    + ")");
        }
        int more = seeds.size() - named.size();
        String list = String.join(", ", named) + (more > 0 ? " and " + more + " more" : "");
        return (seeds.size() == 1 ? "the seed the code uses: " : "the seeds the code uses: ") + list;
    }
}
