package dev.mlreadiness.engine.code;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.mlreadiness.engine.repo.TestFiles;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.FileEntry;

/**
 * What the repository's Python code and notebooks show: classifier training, model training, metrics, held-out
 * splits, data loading, experiment trackers and monitoring libraries. Computed once per evaluation (a shared
 * fact) from every {@code .py} and {@code .ipynb} file that is not a test file, within the size limits of
 * {@link CodeFiles}, at most {@link #MAX_FILES} files in path order. Only code counts: strings, comments and
 * docstrings never do, and names are resolved through import aliases (see {@link EvidenceReader} for what each
 * list holds).
 *
 * <p>
 * Held-out evaluation and scoring on the training data are read by {@link HeldOutReader}, from the same files
 * and from the stages of {@code dvc.yaml} files; there file and split names in string literals count
 * ({@code pd.read_csv("data/test.csv")}, {@code split="validation"}).
 */
public final class CodeEvidence {

    /** At most this many code files are read; the rest are not looked at ({@link #capped()}). */
    public static final int MAX_FILES = 2_000;

    final List<Evidence> classifierTraining = new ArrayList<>();
    final List<Evidence> modelTraining = new ArrayList<>();
    final List<Evidence> metrics = new ArrayList<>();
    final List<Evidence> heldOutSplits = new ArrayList<>();
    final List<Evidence> heldOutEvaluation = new ArrayList<>();
    final List<Evidence> trainingDataScoring = new ArrayList<>();
    final List<Evidence> dataLoading = new ArrayList<>();
    final List<Evidence> experimentTrackers = new ArrayList<>();
    final List<Evidence> monitoring = new ArrayList<>();
    final List<Evidence> estimators = new ArrayList<>();
    final List<Seed> seeds = new ArrayList<>();
    private final ServingEvidence.CodeReader serving = new ServingEvidence.CodeReader();
    private int filesRead;
    private boolean capped;

    private CodeEvidence() {
    }

    /** The evidence of the context's tree, computed on first use and shared by every rule. */
    public static CodeEvidence of(RuleContext ctx) {
        return ctx.fact(CodeEvidence.class, CodeEvidence::compute);
    }

    /** The files the evidence reads (code files, then {@code dvc.yaml} files), for rules' {@code reads}. */
    public static Collection<String> files(RuleContext ctx) {
        List<String> files = new ArrayList<>(selected(ctx).stream().map(FileEntry::path).toList());
        files.addAll(HeldOutReader.dvcFiles(ctx));
        return files;
    }

    private static List<FileEntry> selected(RuleContext ctx) {
        return ctx.snapshot().stream()
                .filter(f -> CodeFiles.isCode(f.path()) && !TestFiles.isTestFile(f.path()))
                .limit(MAX_FILES + 1L).toList();
    }

    private static CodeEvidence compute(RuleContext ctx) {
        CodeEvidence evidence = new CodeEvidence();
        for (CodeFile code : CodeFiles.readAll(ctx, evidence.limit(selected(ctx)))) {
            evidence.read(code);
        }
        HeldOutReader.readDvc(ctx, evidence);
        return evidence;
    }

    /** The first {@link #MAX_FILES} of the selected files; {@link #capped} when there were more. */
    private List<FileEntry> limit(List<FileEntry> files) {
        if (files.size() > MAX_FILES) {
            capped = true;
            return files.subList(0, MAX_FILES);
        }
        return files;
    }

    private void read(CodeFile code) {
        add(code, part(code));
    }

    /**
     * What one file shows, read apart from every other file (the readers keep nothing between files) so that files
     * can be read on several threads; {@link #add} joins it in the files' order. {@link ServingEvidence}'s reader
     * keeps its state between files and reads in {@code add}.
     */
    private static CodeEvidence part(CodeFile code) {
        CodeEvidence part = new CodeEvidence();
        EvidenceReader.read(code, part);
        HeldOutReader.read(code, part);
        TrainingReader.read(code, part);
        return part;
    }

    /** The next file's evidence ({@link #part}) after the files read so far: the same as reading it here. */
    private void add(CodeFile code, CodeEvidence part) {
        filesRead++;
        List<List<?>> mine = lists();
        List<List<?>> its = part.lists();
        for (int i = 0; i < mine.size(); i++) {
            addAll(mine.get(i), its.get(i));
        }
        serving.read(code);
    }

    @SuppressWarnings("unchecked")
    private static <T> void addAll(List<T> to, List<?> from) {
        to.addAll((List<T>) from);
    }

    /** Every list the readers of {@link #part} fill. */
    private List<List<?>> lists() {
        return List.of(classifierTraining, modelTraining, metrics, heldOutSplits, heldOutEvaluation,
                trainingDataScoring, dataLoading, experimentTrackers, monitoring, estimators, seeds);
    }

    /**
     * The evidence computed along a pass over every code file of a full scan that the caller makes anyway (the
     * checklist's pass of the code file rules), so that the files are parsed once for both: a large repository's
     * code does not fit the parse cache, and the evidence parsed its first 2,000 files a second time. Empty when
     * the evidence is known already, on the base side or in a pull request (the pass reads the changed files only),
     * or when a {@code dvc.yaml} the evidence reads was not prefetched (no rule declared it: reading it would be a
     * read no rule asked for).
     */
    public static Optional<AlongPass> alongPass(RuleContext ctx) {
        if (ctx.side() != RuleContext.Side.HEAD || !ctx.changes().isFullScan()
                || !HeldOutReader.dvcFiles(ctx).stream().allMatch(ctx.snapshot()::isLoaded)) {
            return Optional.empty();
        }
        return Optional.of(new AlongPass(ctx));
    }

    /**
     * See {@link #alongPass}: hand it every code file of the pass ({@link CodeFiles#readAll} of the readable code
     * files in tree order, as the pass reads them), each first to {@link #read} (on any thread) and then what that
     * answered to {@link #add} in the files' order, then {@link #finish()}. The evidence reads the same files in the
     * same order as when it reads them itself, so it is the same.
     */
    public static final class AlongPass {

        private final RuleContext ctx;
        private final CodeEvidence evidence = new CodeEvidence();
        private final Set<String> paths = new HashSet<>();

        private AlongPass(RuleContext ctx) {
            this.ctx = ctx;
            for (FileEntry f : evidence.limit(selected(ctx))) {
                paths.add(f.path());
            }
        }

        /**
         * What the file shows, read on the calling thread (files may be read on several at once): null when the file
         * is not one of the evidence's.
         */
        public Part read(CodeFile file) {
            return paths.contains(file.path()) ? new Part(part(file)) : null;
        }

        /** Adds what {@link #read} answered for {@code file} (null: nothing), in the order of the pass's files. */
        public void add(CodeFile file, Part part) {
            if (part != null) {
                evidence.add(file, part.evidence);
            }
        }

        /** Once the pass is over: the evidence becomes the context's (see {@link #of}). */
        public void finish() {
            HeldOutReader.readDvc(ctx, evidence);
            ctx.fact(CodeEvidence.class, c -> evidence);
        }
    }

    /** What one file of a pass shows, until it is added to the evidence in the files' order. */
    public static final class Part {
        private final CodeEvidence evidence;

        private Part(CodeEvidence evidence) {
            this.evidence = evidence;
        }
    }

    /**
     * Code that trains a classifier: sklearn {@code *Classifier}, {@code LogisticRegression}, SVMs, naive Bayes,
     * xgboost/lightgbm/catboost classifiers, torch classification losses, keras cross-entropy losses.
     */
    public List<Evidence> classifierTraining() {
        return List.copyOf(classifierTraining);
    }

    /** Code that trains a model: {@code .fit(}, {@code train(}, {@code trainer.train(}. */
    public List<Evidence> modelTraining() {
        return List.copyOf(modelTraining);
    }

    /** Metrics in use: {@code sklearn.metrics}, {@code evaluate}, {@code torchmetrics}, keras {@code metrics=}. */
    public List<Evidence> metrics() {
        return List.copyOf(metrics);
    }

    /** Held-out data: {@code train_test_split}, CV splitters, {@code cross_val_*}, validation sets. */
    public List<Evidence> heldOutSplits() {
        return List.copyOf(heldOutSplits);
    }

    /**
     * Evaluation on held-out data, recognised by what the code does: a metric, a loss or a score that a split or a
     * file named val/valid/validation/test/holdout reaches, a validation set handed to training, scoring
     * cross-validation, a {@code dvc.yaml} stage evaluating a held-out file (see {@link HeldOutReader}).
     */
    public List<Evidence> heldOutEvaluation() {
        return List.copyOf(heldOutEvaluation);
    }

    /**
     * Scoring on the training data: a metric or {@code score} on the arguments of a {@code .fit(} of the same file or
     * on data named for training ({@code model.score(X_train, y_train)}), where no held-out data reaches it.
     */
    public List<Evidence> trainingDataScoring() {
        return List.copyOf(trainingDataScoring);
    }

    /** Data loading: {@code pd.read_*}, {@code np.load*}, {@code datasets.load_dataset}, {@code open("x.csv")}. */
    public List<Evidence> dataLoading() {
        return List.copyOf(dataLoading);
    }

    /** Imports of experiment trackers: mlflow, wandb, neptune, comet_ml. */
    public List<Evidence> experimentTrackers() {
        return List.copyOf(experimentTrackers);
    }

    /** Imports of monitoring libraries: prometheus_client, evidently, whylogs, alibi_detect, nannyml. */
    public List<Evidence> monitoring() {
        return List.copyOf(monitoring);
    }

    /**
     * The models the code trains: scikit-learn, XGBoost, LightGBM and CatBoost estimators constructed, each by its
     * real class name whatever alias it was imported under ({@code RandomForestClassifier}), and
     * {@code xgboost.train}/{@code lightgbm.train} (as {@code XGBoost}/{@code LightGBM}); see {@link TrainingReader}.
     */
    public List<Evidence> estimators() {
        return List.copyOf(estimators);
    }

    /**
     * The random seeds the code fixes to a value it holds: integers given as a seed, directly or through a constant
     * or an option's default, in the Python files and notebooks that train a model (not in a script generating demo
     * data); see {@link TrainingReader}.
     */
    public List<Seed> seeds() {
        return List.copyOf(seeds);
    }

    /**
     * What in the code shows that the repository serves a model (see {@link ServingEvidence}), read in the same
     * pass so that the files are parsed once for both.
     */
    Optional<String> serving() {
        return serving.answer();
    }

    /** How many code files were read (skipped and unreadable files not counted). */
    public int filesRead() {
        return filesRead;
    }

    /** True when the repository has more than {@link #MAX_FILES} code files and only the first were read. */
    public boolean capped() {
        return capped;
    }
}
