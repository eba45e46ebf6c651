package dev.mlreadiness.engine.docs;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.mlreadiness.engine.code.CodeEvidence;
import dev.mlreadiness.engine.config.ProjectPaths;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.FileEntry;

/**
 * Whether the repository has data, which makes {@code docs/data-sources} and {@code docs/data-schema} apply: a
 * data folder with files other than {@code .gitkeep} and READMEs, tracked data files anywhere, or DVC-tracked
 * data, or data-loading code ({@code pd.read_*}, {@code np.load*}, {@code load_dataset}, ...).
 */
public final class DataPresence {

    private static final List<String> DATA_EXTENSIONS = List.of(".csv", ".tsv", ".parquet", ".feather", ".arrow",
            ".h5", ".hdf5", ".npy", ".npz", ".jsonl", ".xlsx", ".xls");

    private DataPresence() {
    }

    /** Whether the path names a data file by its extension ({@code .csv}, {@code .parquet}, {@code .npy} ...). */
    public static boolean isDataFile(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return DATA_EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    /** What shows the repository has data ("data/raw/train.csv"), or empty when nothing does. */
    public static Optional<String> evidence(RuleContext ctx) {
        String dataFolder = ctx.paths().data();
        for (FileEntry f : ctx.snapshot().files()) {
            String lower = f.path().toLowerCase(Locale.ROOT);
            String name = f.name().toLowerCase(Locale.ROOT);
            if (ProjectPaths.isUnder(f.path(), dataFolder) && !name.equals(".gitkeep") && !name.startsWith("readme")) {
                return Optional.of(f.path() + " in the data folder");
            }
            if (DATA_EXTENSIONS.stream().anyMatch(lower::endsWith)) {
                return Optional.of("the data file " + f.path());
            }
            if (lower.endsWith(".dvc") && !lower.startsWith(".dvc/") || name.equals("dvc.yaml")) {
                return Optional.of("DVC-tracked data (" + f.path() + ")");
            }
        }
        return CodeEvidence.of(ctx).dataLoading().stream().findFirst()
                .map(e -> "data-loading code (" + e.what() + " in " + e.path() + ")");
    }
}
