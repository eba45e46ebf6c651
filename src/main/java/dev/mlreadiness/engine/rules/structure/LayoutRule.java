package dev.mlreadiness.engine.rules.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.mlreadiness.engine.code.CodeFiles;
import dev.mlreadiness.engine.config.ProjectPaths;
import dev.mlreadiness.engine.config.ProjectPaths.Folder;
import dev.mlreadiness.engine.repo.ArtifactKinds;
import dev.mlreadiness.engine.repo.DvcTracking;
import dev.mlreadiness.engine.repo.GitIgnore;
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
 * {@code structure/layout}: the data folder exists, the models and notebooks folders too where there are model
 * files or notebooks, each under its default name or a common equivalent ({@link RuleContext#paths()}), and data
 * has raw, processed and interim stages once it holds data files. Missing folders are listed in one finding.
 */
public final class LayoutRule extends AbstractRule {

    /**
     * Kaggle's {@code input/} is the competition's data as the platform mounts it, read-only: the raw data itself,
     * so it is not asked for {@code raw/ processed/ interim/} stages inside it (an amendment's letter would ask).
     */
    private static final String KAGGLE_INPUT = "input";

    /** The stages a data folder is split into once it holds data (the course's sample structure). */
    static final List<String> DATA_STAGES = List.of("raw", "processed", "interim");

    /** Code and docs, which a data folder may hold without holding data. */
    private static final List<String> NOT_DATA = List.of(".py", ".ipynb", ".r", ".sh", ".sql", ".md", ".rst");

    public static final RuleInfo INFO = new RuleInfo("structure/layout", "Data, models and notebooks folders",
            Severity.NOTICE, Scope.REPOSITORY, new RuleDoc("""
                    Checks that the data folder exists, and the models and notebooks folders where the repository
                    has something to put in them: model files (weights `.pt .pth .ckpt .onnx .safetensors .h5
                    .bin` anywhere, pickles `.pkl .pickle .joblib` outside the data folder) for `models/`,
                    notebooks for `notebooks/`. Common equivalents count: `datasets/` or `input/` for `data/`,
                    `weights/` or `checkpoints/` for `models/`, `notebook/` for `notebooks/`, when they hold more
                    than Python code (a `datasets/` package of loader classes is code); the report's notes say
                    which one was taken, and every rule that speaks of these folders uses the same one. A name
                    set under `paths:` in the config is the only one looked for. Once the data folder holds data
                    files (anything but `.gitkeep`, `.gitignore`, READMEs, Markdown and code), its `raw/`,
                    `processed/` and `interim/` are asked for too, except in Kaggle's `input/`, which is the
                    competition's raw data as Kaggle mounts it, read-only (a departure from the amendment's letter:
                    no Kaggle author would split it). All missing folders are listed in one finding. The `.bin` and
                    `.h5` model files count outside the models folder only above `max-file-size` or when named as
                    a model (`pytorch_model.bin`; a 5 kB `training_args.bin` is no model). Git keeps no empty folders and data is often kept out of git, so a folder also counts as
                    present when it holds only `.gitkeep`, when a `.gitignore` (at the root or in any folder above
                    it) names it or what is inside it (`data/`, `/data`, `data`, `data/*`, `data/**`; a later
                    `!data/` takes it back), or when DVC tracks it (`data.dvc` beside it, or a `dvc.yaml` or
                    `.dvc` file whose outputs are the folder or lie inside it). The rule does not apply to a
                    model-only Hugging Face repository (a model file and a README with model-card front matter,
                    no training code), whose files sit at the root as the Hub expects.
                    """, """
                    A predictable layout tells everyone where raw data, derived data, trained models and
                    exploration notebooks live. Without it, raw data is overwritten by processed data, models are
                    saved next to code, and nobody can rebuild the pipeline from the raw inputs.
                    """, """
                    Create the missing folders. Keep empty ones in git with a `.gitkeep` file, or list them in
                    `.gitignore` when their content must stay out of git, or track them with DVC
                    (`dvc add data/raw`). If your project uses other names than the ones recognised, name its
                    folders in `.github/ml-readiness.yml` under `paths:` (`paths: { data: corpus }`).
                    """, """
                    ```text
                    ├── train.py
                    ├── customers.csv
                    ├── model.pkl
                    └── EDA.ipynb
                    ```
                    """, """
                    ```text
                    ├── data/
                    │   ├── raw/customers.csv
                    │   ├── interim/
                    │   └── processed/
                    ├── models/
                    ├── notebooks/eda.ipynb
                    └── train.py
                    ```
                    """).withKnownProblems("""
                    `.gitignore` files are ignored when deciding whether the data folder holds data: a `.gitignore`
                    alone does not make the rule ask for `raw/`, `processed/` and `interim/`.
                    """));

    /** Where folders kept out of git are named, and what tells a model-only repository. */
    private static final FileSelector READS = FileSelector.allOf(ctx -> GitIgnore.files(ctx.snapshot()),
            ctx -> DvcTracking.files(ctx.snapshot()), ModelRepository::modelOnlyReads);

    public LayoutRule() {
        super(INFO, READS);
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        if (ModelRepository.isModelOnly(ctx)) {
            out.notApplicable();
            return;
        }
        ProjectPaths paths = ctx.paths();
        List<String> missing = new ArrayList<>();
        Optional<String> data = located(ctx, Folder.DATA);
        if (data.isEmpty()) {
            missing.add(paths.data());
        } else if (!data.get().equals(KAGGLE_INPUT) && holdsData(ctx, data.get())) {
            for (String stage : DATA_STAGES) {
                String folder = data.get() + "/" + stage;
                if (!present(ctx, folder)) {
                    missing.add(folder);
                }
            }
        }
        if (hasModelFiles(ctx, data.orElse(paths.data())) && located(ctx, Folder.MODELS).isEmpty()) {
            missing.add(paths.models());
        }
        if (ctx.snapshot().stream().anyMatch(f -> CodeFiles.isNotebook(f.path()))
                && located(ctx, Folder.NOTEBOOKS).isEmpty()) {
            missing.add(paths.notebooks());
        }
        if (!missing.isEmpty()) {
            out.repository(null, "Create the missing folder" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing.stream().map(f -> f + "/").toList())
                    + " (keep an empty one with a `.gitkeep`) so each kind of file has a place of its own.",
                    missing);
        }
    }

    /**
     * Where the repository keeps the folder: the one {@link RuleContext#paths()} found in the tree, else the first
     * of its names that a {@code .gitignore} names or DVC tracks; empty when it has none.
     */
    private static Optional<String> located(RuleContext ctx, Folder folder) {
        ProjectPaths paths = ctx.paths();
        if (ctx.snapshot().isFolder(paths.folder(folder))) {
            return Optional.of(paths.folder(folder));
        }
        return paths.candidates(folder).stream().filter(name -> keptOutOfGit(ctx, name)).findFirst();
    }

    private static boolean present(RuleContext ctx, String folder) {
        return ctx.snapshot().isFolder(folder) || keptOutOfGit(ctx, folder);
    }

    private static boolean keptOutOfGit(RuleContext ctx, String folder) {
        return GitIgnore.in(ctx).namesFolder(folder) || DvcTracking.in(ctx).tracksFolder(folder);
    }

    /** Files other than placeholders, READMEs, docs and code: the data itself (DVC files included). */
    private static boolean holdsData(RuleContext ctx, String folder) {
        return ctx.snapshot().under(folder).map(FileEntry::name).map(n -> n.toLowerCase(Locale.ROOT))
                .anyMatch(n -> !n.equals(".gitkeep") && !n.equals(".gitignore") && !n.startsWith("readme")
                        && NOT_DATA.stream().noneMatch(n::endsWith));
    }

    /** Model weights anywhere, or pickles outside the data folder (where they are data). */
    private static boolean hasModelFiles(RuleContext ctx, String dataFolder) {
        return ctx.snapshot().stream().filter(f -> !ProjectPaths.isUnder(f.path(), dataFolder))
                .anyMatch(f -> ArtifactKinds.isModelWeights(f, ctx.paths(), ctx.config().maxFileSize())
                        || ArtifactKinds.extension(f.path()).filter(ArtifactKinds.PICKLE_EXTENSIONS::contains)
                                .isPresent());
    }
}
