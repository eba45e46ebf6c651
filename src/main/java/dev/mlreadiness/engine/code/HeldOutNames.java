package dev.mlreadiness.engine.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What names and strings say about data sets and evaluation, read word by word: an identifier is split at
 * underscores, at other punctuation and at case changes ({@code X_test}, {@code valLoader}, {@code XTest}), digits
 * stay with their word ({@code f1}, {@code val2017}) and are ignored when matching ({@code val2017} is {@code val}).
 *
 * <p>
 * A word names a held-out set when it is a held-out stem, optionally with a one-letter prefix {@code x},
 * {@code y} or {@code d} and a data suffix ({@code xtest}, {@code dvalid}, {@code testloader}, {@code valset}).
 * {@code test}, {@code validation}, {@code holdout} and {@code heldout} do so alone; {@code val}, {@code valid},
 * {@code dev}, {@code eval}, {@code te} and {@code tst} only with a prefix, a suffix, or another word of the same
 * identifier that names data or an evaluation ({@code val_loader}, {@code X_te}, {@code valid_ds},
 * {@code val_loss}), so that {@code max_val}, {@code valid_mask}, {@code eval_steps} and {@code std_dev} do not. A
 * name with a word for a quantity is a number about a set, not the set: {@code test_size}, {@code n_val}; a name
 * that also names training data holds both: {@code train_valid_data}.
 * Whole words only: {@code latest}, {@code contest}, {@code attestation} and {@code testing_mode} name no test set.
 */
final class HeldOutNames {

    private static final Set<String> ALONE = Set.of("test", "validation", "holdout", "heldout");
    private static final Set<String> WITH_COMPANION = Set.of("val", "valid", "dev", "eval", "te", "tst");
    private static final Set<String> TRAINING_ALONE = Set.of("train", "training");
    private static final Set<String> TRAINING_WITH_COMPANION = Set.of("tr", "trn");
    private static final List<String> PREFIXES = List.of("", "x", "y", "d");
    /** Words that name data, completing a held-out stem: {@code val_loader}, {@code X_val}, {@code testset}. */
    static final Set<String> DATA = Set.of("x", "y", "loader", "loaders", "dl", "ds", "dataset", "datasets", "data",
            "set", "sets", "df", "dfs", "frame", "gen", "generator", "iter", "iterator", "split", "batch", "batches",
            "image", "images", "imgs", "label", "labels", "feature", "features", "feats", "target", "targets", "input",
            "inputs", "sample", "samples", "example", "examples", "file", "files", "path", "paths", "dir", "folder",
            "idx", "indices", "index", "ids", "preds", "predictions", "outputs", "results", "texts", "sentences",
            "encodings", "records", "rows", "matrix");
    /**
     * Words that name a measurement of a model's quality: {@code val_loss}, {@code test_acc}, {@code mAP} (and
     * {@code map50}, see {@link #isEvaluationWord}).
     */
    static final Set<String> EVALUATION = Set.of("loss", "losses", "acc", "accuracy", "score", "scores", "f1",
            "auc", "mse", "rmse", "mae", "mape", "r2", "iou", "miou", "ap", "precision", "recall", "bleu",
            "rouge", "perplexity", "ppl", "correct", "metric", "metrics", "error", "errors");
    /**
     * Words that make a name a number about a set rather than the set: {@code test_size}, {@code n_val},
     * {@code val_ratio}, {@code eval_every}, {@code test_batch_size}.
     */
    private static final Set<String> QUANTITY = Set.of("size", "sizes", "ratio", "frac", "fraction", "pct",
            "percent", "percentage", "prop", "proportion", "share", "len", "length", "count", "num", "n", "steps",
            "step", "freq", "frequency", "every", "interval", "epochs", "iters");
    /** Extensions of files that configure rather than hold data: a {@code test.yaml} is no test set. */
    private static final Set<String> NOT_DATA = Set.of("py", "ipynb", "yaml", "yml", "cfg", "ini", "toml", "sh",
            "md", "rst", "log", "conf", "env", "lock");
    private static final int MAX_STRING = 200;

    private HeldOutNames() {
    }

    /** The lower-case words of an identifier or string. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean alnum = c < 128 && Character.isLetterOrDigit(c);
            if (!alnum) {
                if (start >= 0) {
                    words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                }
                start = -1;
                continue;
            }
            if (start >= 0 && Character.isUpperCase(c)) {
                char previous = text.charAt(i - 1);
                boolean nextLower = i + 1 < text.length() && Character.isLowerCase(text.charAt(i + 1));
                if (Character.isLowerCase(previous) || Character.isDigit(previous)
                        || (Character.isUpperCase(previous) && nextLower)) {
                    words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                    start = i;
                }
            }
            if (start < 0) {
                start = i;
            }
        }
        return words;
    }

    /** {@code X_test}, {@code val_loader}, {@code dvalid}, {@code holdout}; not {@code latest} or {@code max_val}. */
    static boolean isHeldOutName(String identifier) {
        List<String> words = words(identifier);
        // `train_valid_data`, `trainval_loader`: both parts together are no held-out set
        return names(words, ALONE, WITH_COMPANION, false) && !names(words, TRAINING_ALONE, TRAINING_WITH_COMPANION,
                false) && words.stream().noneMatch(w -> w.startsWith("trainval") || w.startsWith("traintest"));
    }

    /** {@code X_train}, {@code train_loader}, {@code trainset}, {@code X_tr}. */
    static boolean isTrainingName(String identifier) {
        return names(words(identifier), TRAINING_ALONE, TRAINING_WITH_COMPANION, false);
    }

    /**
     * {@code val_loss}, {@code accuracy}, {@code f1}, {@code correct}, {@code mAP}, {@code map50}; not {@code map},
     * {@code label_map} or {@code feature_map}, which are no mean average precision.
     */
    static boolean namesEvaluation(String identifier) {
        for (String w : words(identifier)) {
            if (isEvaluationWord(w)) {
                return true;
            }
        }
        return false;
    }

    static boolean isEvaluationWord(String word) {
        String base = stripDigits(word);
        return EVALUATION.contains(word) || EVALUATION.contains(base) || (base.equals("map") && !word.equals("map"));
    }

    /**
     * A string naming a held-out set or file: {@code "val"}, {@code "dev"}, {@code "test[:10%]"},
     * {@code "data/valid/"}, {@code "instances_val2017.json"}, {@code "val_loss"}. Text with spaces is prose, and a
     * file that configures ({@code "configs/test.yaml"}) is no data. In a path any held-out stem counts alone; in a
     * bare word {@code valid} and {@code eval} do not ({@code padding="valid"}, {@code "eval_metric"}).
     */
    static boolean isHeldOutString(String value) {
        if (value.isEmpty() || value.length() > MAX_STRING || value.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        String file = value.substring(Math.max(value.lastIndexOf('/'), value.lastIndexOf('\\')) + 1);
        int dot = file.lastIndexOf('.');
        String extension = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (NOT_DATA.contains(extension)) {
            return false;
        }
        boolean path = value.indexOf('/') >= 0 || value.indexOf('\\') >= 0 || !extension.isEmpty();
        List<String> words = words(value);
        if (path) {
            return names(words, ALONE, WITH_COMPANION, true);
        }
        return names(words, Set.of("test", "validation", "holdout", "heldout", "val", "dev"), WITH_COMPANION, false);
    }

    private static boolean names(List<String> words, Set<String> alone, Set<String> withCompanion,
            boolean companionFree) {
        if (words.stream().anyMatch(QUANTITY::contains)) {
            return false;
        }
        boolean weak = false;
        boolean measured = false;
        for (String w : words) {
            Stem stem = stem(stripDigits(w), alone, withCompanion);
            if (stem != null && (stem.alone() || companionFree)) {
                return true;
            }
            weak |= stem != null;
            // `eval_metric`, `eval_steps`: an `eval` needs data beside it, not a measurement
            measured |= stem != null && !stem.stem().equals("eval");
        }
        if (!weak) {
            return false;
        }
        for (String w : words) {
            String base = stripDigits(w);
            if (DATA.contains(base) || (measured && isEvaluationWord(w))) {
                return true;
            }
        }
        return false;
    }

    /** A stem a word holds, and whether the word names a set by itself (a prefix, a suffix or a strong stem). */
    private record Stem(String stem, boolean alone) {
    }

    /** The stem of the word, preferring one that names a set by itself; {@code null} when it names none. */
    private static Stem stem(String word, Set<String> alone, Set<String> withCompanion) {
        Stem weak = null;
        for (String prefix : PREFIXES) {
            if (!word.startsWith(prefix)) {
                continue;
            }
            String rest = word.substring(prefix.length());
            for (Set<String> stems : List.of(alone, withCompanion)) {
                for (String stem : stems) {
                    if (!rest.startsWith(stem)) {
                        continue;
                    }
                    String suffix = rest.substring(stem.length());
                    if (!suffix.isEmpty() && !DATA.contains(suffix)) {
                        continue;
                    }
                    if (!prefix.isEmpty() || !suffix.isEmpty() || stems == alone) {
                        return new Stem(stem, true);
                    }
                    weak = new Stem(stem, false);
                }
            }
        }
        return weak;
    }

    static String stripDigits(String word) {
        int end = word.length();
        while (end > 0 && Character.isDigit(word.charAt(end - 1))) {
            end--;
        }
        return end == 0 ? word : word.substring(0, end);
    }
}
