package dev.mlreadiness.engine.code;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.python.Argument;
import dev.mlreadiness.engine.python.Call;
import dev.mlreadiness.engine.python.Import;
import dev.mlreadiness.engine.python.ValueKind;

/**
 * Reads one code file's calls and imports into {@link CodeEvidence}. What counts, and the choices made where the
 * spec is silent:
 * <ul>
 * <li>classifier training: a call of a class named {@code *Classifier} (sklearn, xgboost, lightgbm, catboost,
 * or the project's own), of {@link #CLASSIFIERS}, of a torch classification loss (also
 * {@code torch.nn.functional.cross_entropy} and friends), of keras {@code *Crossentropy}, or any
 * {@code loss=} argument naming a cross-entropy ({@code loss="binary_crossentropy"});</li>
 * <li>model training: a method call {@code .fit(} or {@code .fit_generator(}, and any call named
 * {@code train(} ({@code xgb.train}, {@code trainer.train}, {@code model.train()});</li>
 * <li>metrics: imports of {@code sklearn.metrics}, {@code torchmetrics}, Hugging Face {@code evaluate},
 * calls into them or into keras {@code metrics}, a {@code metrics=} argument, and method calls
 * {@code .evaluate(} (keras and Hugging Face models report their metrics that way);</li>
 * <li>held-out splits: {@link #SPLITS}, {@code cross_val_*}, {@code *SearchCV}, and the arguments
 * {@code validation_split=}, {@code validation_data=}, {@code eval_set=}, {@code eval_dataset=},
 * {@code valid_sets=} unless they are {@code None} or {@code 0};</li>
 * <li>data loading: {@code pandas.read_*}, {@code polars.read_*}/{@code scan_*}, {@code numpy.load*},
 * {@code numpy.loadtxt}/{@code genfromtxt}, {@code datasets.load_dataset}/{@code load_from_disk}, and
 * {@code open(...)} for reading a path that names a data file ({@link #DATA_FILE}; JSON is left out,
 * being mostly configuration);</li>
 * <li>experiment trackers and monitoring: imports of the libraries only.</li>
 * </ul>
 */
final class EvidenceReader {

    static final Set<String> CLASSIFIERS = Set.of("LogisticRegression", "LogisticRegressionCV", "SVC", "LinearSVC",
            "NuSVC", "GaussianNB", "MultinomialNB", "BernoulliNB", "ComplementNB", "CategoricalNB", "Perceptron",
            "LinearDiscriminantAnalysis", "QuadraticDiscriminantAnalysis", "CrossEntropyLoss", "BCELoss",
            "BCEWithLogitsLoss", "NLLLoss", "MultiLabelSoftMarginLoss", "MultiMarginLoss");
    private static final Set<String> TORCH_FUNCTIONAL_LOSSES = Set.of("cross_entropy", "binary_cross_entropy",
            "binary_cross_entropy_with_logits", "nll_loss");
    static final Set<String> SPLITS = Set.of("train_test_split", "KFold", "StratifiedKFold", "GroupKFold",
            "StratifiedGroupKFold", "RepeatedKFold", "RepeatedStratifiedKFold", "ShuffleSplit",
            "StratifiedShuffleSplit", "GroupShuffleSplit", "TimeSeriesSplit", "LeaveOneOut", "LeavePOut",
            "LeaveOneGroupOut", "LeavePGroupsOut", "PredefinedSplit", "cross_validate", "random_split");
    static final List<String> VALIDATION_ARGUMENTS = List.of("validation_split", "validation_data",
            "eval_set", "eval_dataset", "valid_sets");
    private static final Pattern DATA_LOADER = Pattern.compile(
            "(pandas\\.read_\\w+|polars\\.(read|scan)_\\w+|numpy\\.(load\\w*|genfromtxt)"
                    + "|datasets\\.(load_dataset|load_from_disk))");
    /** A quoted path ending in a data file extension, inside an argument's text. */
    static final Pattern DATA_FILE = Pattern.compile(
            "\\.(csv|tsv|jsonl|parquet|feather|arrow|xlsx|xls|h5|hdf5|npy|npz|pkl|pickle)['\"]",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> TRACKERS = Set.of("mlflow", "wandb", "neptune", "comet_ml");
    private static final Set<String> MONITORING = Set.of("prometheus_client", "evidently", "whylogs", "alibi_detect",
            "nannyml");
    private static final Set<String> METRIC_LIBRARIES = Set.of("torchmetrics", "evaluate");

    private final CodeFile file;
    private final CodeEvidence out;

    private EvidenceReader(CodeFile file, CodeEvidence out) {
        this.file = file;
        this.out = out;
    }

    static void read(CodeFile file, CodeEvidence out) {
        EvidenceReader reader = new EvidenceReader(file, out);
        for (Import i : file.module().imports()) {
            reader.importStatement(i);
        }
        for (Call c : file.module().calls()) {
            reader.call(c);
        }
    }

    private void importStatement(Import i) {
        String root = root(i.module());
        String what = i.name() == null ? "import " + i.module() : "from " + i.module() + " import " + i.name();
        if (TRACKERS.contains(root)) {
            add(out.experimentTrackers, i.line(), what);
        }
        if (MONITORING.contains(root)) {
            add(out.monitoring, i.line(), what);
        }
        String full = i.name() == null ? i.module() : i.module() + "." + i.name();
        if (METRIC_LIBRARIES.contains(root) || full.equals("sklearn.metrics") || i.module().equals("sklearn.metrics")
                || i.module().startsWith("sklearn.metrics.")) {
            add(out.metrics, i.line(), what);
        }
    }

    private void call(Call c) {
        // the imported name, not the alias: `RFC` after `import RandomForestClassifier as RFC`
        String name = lastSegment(c.qualifiedName());
        boolean method = file.isMethodOnValue(c);
        List<String> qualified = file.qualifiedNames(c);
        if (isClassifier(name, qualified)) {
            add(out.classifierTraining, c.line(), c.callee());
        }
        Argument loss = c.keyword("loss");
        if (loss != null && loss.text().toLowerCase(Locale.ROOT).contains("crossentropy")) {
            add(out.classifierTraining, c.line(), "loss=" + loss.text());
        }
        if ((method && (name.equals("fit") || name.equals("fit_generator"))) || name.equals("train")) {
            add(out.modelTraining, c.line(), c.callee() + "(");
        }
        if (isMetric(c, qualified, method)) {
            add(out.metrics, c.line(), c.callee());
        }
        if (c.keyword("metrics") != null) {
            add(out.metrics, c.line(), "metrics=");
        }
        if (SPLITS.contains(name) || name.startsWith("cross_val_") || name.endsWith("SearchCV")) {
            add(out.heldOutSplits, c.line(), c.callee());
        }
        for (String argument : VALIDATION_ARGUMENTS) {
            Argument a = c.keyword(argument);
            if (a != null && a.kind() != ValueKind.NONE && !isZero(a)) {
                add(out.heldOutSplits, c.line(), argument + "=");
            }
        }
        if (qualified.stream().anyMatch(q -> DATA_LOADER.matcher(q).matches()) || isDataFileOpen(c)) {
            add(out.dataLoading, c.line(), c.callee());
        }
    }

    private static boolean isClassifier(String name, List<String> qualified) {
        if (name.endsWith("Classifier") || CLASSIFIERS.contains(name)) {
            return true;
        }
        if (name.endsWith("Crossentropy")) {
            return qualified.stream().anyMatch(q -> q.startsWith("keras.") || q.startsWith("tensorflow."));
        }
        return TORCH_FUNCTIONAL_LOSSES.contains(name) && qualified.stream().anyMatch(q -> q.startsWith("torch."));
    }

    static boolean isMetric(Call c, List<String> qualified, boolean method) {
        if (method && c.simpleName().equals("evaluate")) {
            return true;
        }
        for (String q : qualified) {
            String root = root(q);
            if ((METRIC_LIBRARIES.contains(root) && q.contains("."))
                    || ((root.equals("sklearn") || root.equals("keras") || root.equals("tensorflow"))
                            && q.contains(".metrics."))) {
                return true;
            }
        }
        return false;
    }

    /** {@code open("data/train.csv")} or {@code open(os.path.join(DIR, "x.csv"), "r")}, not for writing. */
    private static boolean isDataFileOpen(Call c) {
        if (!(c.callee().equals("open") || c.qualifiedName().equals("io.open")) || c.positional().isEmpty()) {
            return false;
        }
        if (!DATA_FILE.matcher(c.positional().get(0).text()).find()) {
            return false;
        }
        Argument mode = c.positional().size() > 1 ? c.positional().get(1) : c.keyword("mode");
        return mode == null || mode.kind() != ValueKind.STRING || !mode.text().matches("(?s).*[wax].*");
    }

    static boolean isZero(Argument a) {
        return a.kind() == ValueKind.NUMBER && a.text().matches("[+-]?0*(\\.0*)?");
    }

    private static String lastSegment(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }

    private static String root(String dotted) {
        int dot = dotted.indexOf('.');
        return dot < 0 ? dotted : dotted.substring(0, dot);
    }

    private void add(List<Evidence> list, int moduleLine, String what) {
        list.add(new Evidence(file.path(), file.fileLine(moduleLine), what));
    }
}
