package dev.mlreadiness.engine.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.config.ProjectPaths;
import dev.mlreadiness.engine.docs.DataPresence;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.FileEntry;

/**
 * Which raw data files the documentation of the data sources leaves without a source ({@code docs/data-sources}).
 * Lenient by design: the docs cover every file when they name no file in particular (a general statement, "the
 * Titanic data from Kaggle", or folders only) or speak of all of them ("all files", "each table", "the others"); when
 * they name some files, a file counts as covered when its file name, its name without extension (four letters or more,
 * not a split name
 * such as {@code train}), or a folder it lies in (below the data folder) is named, when a split sibling in its folder
 * is ({@code test.csv} beside a named {@code train.csv}), or when a README of its own folder names a source. Raw data
 * is every data file of the data folder (DVC files count for what they track) outside processed, interim and output
 * folders; with more than {@link #MAX_FILES} of them nothing is asked.
 */
public final class SourceCoverage {

    /** Raw data files looked at: more, and the docs are taken to speak of them in general. */
    public static final int MAX_FILES = 200;

    private static final Pattern GENERAL = Pattern.compile("(?i)\\b(all|every|each|other|others|remaining|rest)\\b"
            + "[^.\\n]{0,40}\\b(files?|data|tables?|csvs?|datasets?|sources?|splits?|ones)\\b"
            + "|\\b(the others|the rest|all of them|each of them|both)\\b");
    private static final Set<String> SPLITS = Set.of("train", "training", "test", "testing", "val", "valid",
            "validation", "dev", "holdout", "eval", "sample_submission", "submission", "train_labels", "test_labels");
    private static final Set<String> GENERIC_FOLDERS = Set.of("raw", "external", "data", "datasets", "input",
            "source", "sources", "original");

    private SourceCoverage() {
    }

    /** The raw data files the text gives no source for, in path order. */
    public static List<String> uncovered(RuleContext ctx, String text, List<String> docsWithSource) {
        List<String> files = rawDataFiles(ctx);
        if (files.size() < 2 || files.size() > MAX_FILES || GENERAL.matcher(text).find()) {
            return List.of();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String dataFolder = ctx.paths().data();
        List<String> named = files.stream().filter(f -> namedByFile(lower, f)).toList();
        if (named.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String f : files) {
            boolean covered = named.contains(f) || namedByFolder(lower, f, dataFolder)
                    || docsWithSource.stream().anyMatch(d -> !folderOf(d).equals(dataFolder)
                            && ProjectPaths.isUnder(f, folderOf(d)))
                    || isSplit(f) && named.stream().anyMatch(n -> isSplit(n) && folderOf(n).equals(folderOf(f)));
            if (!covered) {
                out.add(f);
            }
        }
        return out;
    }

    /** Data files under the data folder, outside derived folders; a {@code .dvc} file stands for what it tracks. */
    static List<String> rawDataFiles(RuleContext ctx) {
        String dataFolder = ctx.paths().data();
        Set<String> out = new LinkedHashSet<>();
        ctx.snapshot().under(dataFolder).map(FileEntry::path).filter(p -> !DataFiles.isDerived(p, dataFolder))
                .forEach(p -> {
                    String data = p.endsWith(".dvc") ? p.substring(0, p.length() - ".dvc".length()) : p;
                    if (DataPresence.isDataFile(data)) {
                        out.add(data);
                    }
                });
        return List.copyOf(out);
    }

    /** Named by its file name, or by its name without extension. */
    private static boolean namedByFile(String lowerText, String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String stem = stem(name);
        return hasWord(lowerText, name) || stem.length() >= 4 && !SPLITS.contains(stem) && hasWord(lowerText, stem);
    }

    /** A folder it lies in, below the data folder, is named. */
    private static boolean namedByFolder(String lowerText, String path, String dataFolder) {
        String folder = folderOf(path);
        while (folder.length() > dataFolder.length() && ProjectPaths.isUnder(folder, dataFolder)) {
            String last = folder.substring(folder.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (last.length() >= 3 && !GENERIC_FOLDERS.contains(last) && hasWord(lowerText, last)
                    || lowerText.contains(folder.toLowerCase(Locale.ROOT) + "/")) {
                return true;
            }
            folder = folderOf(folder);
        }
        return false;
    }

    private static boolean isSplit(String path) {
        String stem = stem(path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT));
        return SPLITS.contains(stem) || SPLITS.stream().anyMatch(s -> stem.startsWith(s + "_")
                || stem.endsWith("_" + s) || stem.endsWith("-" + s) || stem.startsWith(s + "-"));
    }

    private static String stem(String name) {
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Whether the text holds the word, not inside a longer name. */
    private static boolean hasWord(String text, String word) {
        int at = text.indexOf(word);
        while (at >= 0) {
            int end = at + word.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)) && text.charAt(at - 1) != '_';
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end))
                    && text.charAt(end) != '_';
            if (startOk && endOk) {
                return true;
            }
            at = text.indexOf(word, at + 1);
        }
        return false;
    }

    private static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
