package dev.mlreadiness.engine.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.mlreadiness.engine.config.ProjectPaths;
import dev.mlreadiness.engine.repo.ArtifactKinds;
import dev.mlreadiness.engine.repo.DvcTracking;
import dev.mlreadiness.engine.repo.GitAttributes;
import dev.mlreadiness.engine.rule.FileParser;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.FileEntry;

/**
 * The tabular data files the repository holds under its data folder, with the headers of those it reads. Which
 * are read is decided from names and sizes alone, so they go into the evaluation's one batched read: CSV and TSV
 * files of at most {@link #MAX_BYTES} bytes (GitHub's GraphQL API returns a file's text only up to 512,000 bytes;
 * a larger one would cost a request of its own), at most {@link #MAX_FILES} of them, raw data before derived data
 * (folders {@code processed}, {@code interim}, {@code features}, predictions and outputs), then by path. Files that
 * Git LFS or DVC keep out of git (a pointer, a {@code filter=lfs} path, a DVC output) give no header, nor do Parquet
 * and other binary formats: reading a Parquet footer would need a library of the Hadoop ecosystem or a hand-written
 * Thrift decoder, and a binary blob costs a request of its own in the app.
 */
public final class DataFiles {

    /** Bytes of a data file read at most. */
    public static final long MAX_BYTES = 500_000;
    /** Data files read at most. */
    public static final int MAX_FILES = 10;

    private static final Set<String> DERIVED_FOLDERS = Set.of("processed", "interim", "features", "feature",
            "predictions", "prediction", "output", "outputs", "results", "submissions", "submission", "artifacts");
    private static final List<String> DERIVED_NAMES = List.of("prediction", "submission", "output", "result");

    /** The header reader as a parser, so that each file is read once per evaluation. */
    private static final FileParser<TabularHeader.Result> PARSER = TabularHeader::read;

    /**
     * One tabular file of the data folder.
     *
     * @param path its path
     * @param header what it gave; empty when it was not read (too large, over the count, kept by LFS or DVC)
     * @param why why it gives no columns, when it does not ({@code "is a Git LFS pointer"}); null when it does
     */
    public record DataFile(String path, Optional<TabularHeader.Result> header, String why) {

        public boolean hasColumns() {
            return why == null;
        }

        public List<String> columns() {
            return header.map(TabularHeader.Result::columns).orElse(List.of());
        }

        /** The file name, {@code customers.csv}. */
        public String name() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    private final List<DataFile> tabular;
    private final List<String> otherData;

    private DataFiles(List<DataFile> tabular, List<String> otherData) {
        this.tabular = tabular;
        this.otherData = otherData;
    }

    /** The data files of the context's tree, read once per evaluation and side. */
    public static DataFiles of(RuleContext ctx) {
        return ctx.fact(DataFiles.class, DataFiles::read);
    }

    /** What {@link #of} reads: the chosen data files, the {@code .gitattributes} and the DVC files. */
    public static List<String> files(RuleContext ctx) {
        List<String> out = new ArrayList<>(chosen(ctx).stream().map(FileEntry::path).toList());
        out.addAll(GitAttributes.files(ctx.snapshot()));
        out.addAll(DvcTracking.files(ctx.snapshot()));
        return out;
    }

    /** Tabular files under the data folder, raw first. */
    private static List<FileEntry> tabularEntries(RuleContext ctx) {
        String data = ctx.paths().data();
        return ctx.snapshot().under(data).filter(f -> TabularHeader.isTabular(f.path()))
                .sorted(Comparator.comparing((FileEntry f) -> isDerived(f.path(), data)).thenComparing(FileEntry::path))
                .toList();
    }

    private static List<FileEntry> chosen(RuleContext ctx) {
        return tabularEntries(ctx).stream().filter(f -> f.size() <= MAX_BYTES).limit(MAX_FILES).toList();
    }

    private static DataFiles read(RuleContext ctx) {
        List<FileEntry> chosen = chosen(ctx);
        GitAttributes lfs = GitAttributes.in(ctx);
        DvcTracking dvc = DvcTracking.in(ctx);
        List<DataFile> out = new ArrayList<>();
        for (FileEntry f : tabularEntries(ctx)) {
            String why;
            Optional<TabularHeader.Result> header = Optional.empty();
            if (lfs.isLfs(f.path())) {
                why = "is stored by Git LFS";
            } else if (dvc.tracks(f.path())) {
                why = "is tracked by DVC";
            } else if (f.size() > MAX_BYTES) {
                why = "is larger than " + MAX_BYTES / 1000 + " kB";
            } else if (!chosen.contains(f)) {
                why = "is beyond the first " + MAX_FILES + " data files";
            } else {
                header = ctx.parse(f.path(), PARSER);
                why = header.isEmpty() ? "could not be read" : header.get().unreadable();
            }
            out.add(new DataFile(f.path(), header, why));
        }
        String data = ctx.paths().data();
        List<String> other = ctx.snapshot().under(data).map(FileEntry::path)
                .filter(p -> !TabularHeader.isTabular(p) && ArtifactKinds.isDataOrModelFile(p)).toList();
        return new DataFiles(List.copyOf(out), other);
    }

    /** Every tabular file of the data folder, read or not, raw data first. */
    public List<DataFile> tabular() {
        return tabular;
    }

    /**
     * Data files of the data folder in other formats (Parquet, Feather, NumPy, archives): their columns are unknown.
     */
    public List<String> otherData() {
        return otherData;
    }

    /**
     * Derived data: under a {@code processed}, {@code interim}, {@code features}, predictions or outputs folder
     * inside the data folder, or named like predictions, a submission, an output or results.
     */
    public static boolean isDerived(String path, String dataFolder) {
        String rest = ProjectPaths.isUnder(path, dataFolder) ? path.substring(dataFolder.length() + 1) : path;
        String[] parts = rest.toLowerCase(Locale.ROOT).split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (DERIVED_FOLDERS.contains(parts[i])) {
                return true;
            }
        }
        String name = parts[parts.length - 1];
        return DERIVED_NAMES.stream().anyMatch(name::contains);
    }

    /** The files by path, for lookups. */
    public Map<String, DataFile> byPath() {
        Map<String, DataFile> m = new LinkedHashMap<>();
        tabular.forEach(f -> m.put(f.path(), f));
        return m;
    }
}
