package dev.mlreadiness.engine.rules.structure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import dev.mlreadiness.engine.FileEntry;
import dev.mlreadiness.engine.Findings;
import dev.mlreadiness.engine.Rule;
import dev.mlreadiness.engine.RuleContext;
import dev.mlreadiness.engine.RuleDoc;
import dev.mlreadiness.engine.RuleInfo;
import dev.mlreadiness.engine.Scope;
import dev.mlreadiness.engine.Severity;
import dev.mlreadiness.engine.config.ProjectPaths;
import dev.mlreadiness.engine.repo.DvcTracking;
import dev.mlreadiness.engine.repo.GitIgnore;

/**
 * {@code structure/layout}: the data, models and notebooks folders exist, and data has raw, processed and interim
 * stages once it holds data. Missing folders are listed in one finding.
 */
public final class LayoutRule implements Rule {

    /** The stages a data folder is split into once it holds data (the course's sample structure). */
    static final List<String> DATA_STAGES = List.of("raw", "processed", "interim");

    public static final RuleInfo INFO = new RuleInfo("structure/layout", "Data, models and notebooks folders",
            Severity.NOTICE, Scope.REPOSITORY, new RuleDoc("""
                    Checks that the folders `data/`, `models/` and `notebooks/` exist (names from `paths:` in the
                    config), and `data/raw/`, `data/processed/`, `data/interim/` once the data folder holds files
                    other than `.gitkeep`, `.gitignore` or a README. All missing folders are listed in one finding.
                    Git keeps no empty folders and data is often kept out of git, so a folder also counts as
                    present when it holds only `.gitkeep`, when a `.gitignore` (at the root or in any folder above
                    it) names it or what is inside it (`data/`, `/data`, `data`, `data/*`, `data/**`; a later
                    `!data/` takes it back), or when DVC tracks it (`data.dvc` beside it, or a `dvc.yaml` or
                    `.dvc` file whose outputs are the folder or lie inside it). We chose to ignore `.gitignore`
                    files when deciding whether the data folder holds data.
                    """, """
                    A predictable layout tells everyone where raw data, derived data, trained models and
                    exploration notebooks live. Without it, raw data is overwritten by processed data, models are
                    saved next to code, and nobody can rebuild the pipeline from the raw inputs.
                    """, """
                    Create the missing folders. Keep empty ones in git with a `.gitkeep` file, or list them in
                    `.gitignore` when their content must stay out of git, or track them with DVC
                    (`dvc add data/raw`). Rename the expected folders in `.github/ml-readiness.yml` under `paths:`
                    if your project uses other names.
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
                    """));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Collection<String> reads(RuleContext ctx) {
        List<String> files = new ArrayList<>(GitIgnore.files(ctx.snapshot()));
        files.addAll(DvcTracking.files(ctx.snapshot()));
        return files;
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        ProjectPaths paths = ctx.paths();
        List<String> missing = new ArrayList<>();
        if (!present(ctx, paths.data())) {
            missing.add(paths.data());
        } else if (holdsData(ctx, paths.data())) {
            for (String stage : DATA_STAGES) {
                String folder = paths.data() + "/" + stage;
                if (!present(ctx, folder)) {
                    missing.add(folder);
                }
            }
        }
        for (String folder : List.of(paths.models(), paths.notebooks())) {
            if (!present(ctx, folder)) {
                missing.add(folder);
            }
        }
        if (!missing.isEmpty()) {
            out.repository(null, "Create the missing folder" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing.stream().map(f -> f + "/").toList())
                    + " (keep an empty one with a `.gitkeep`) so data, models and notebooks each have their place.",
                    missing);
        }
    }

    private static boolean present(RuleContext ctx, String folder) {
        return ctx.snapshot().isFolder(folder) || GitIgnore.in(ctx).namesFolder(folder)
                || DvcTracking.in(ctx).tracksFolder(folder);
    }

    private static boolean holdsData(RuleContext ctx, String folder) {
        return ctx.snapshot().under(folder).map(FileEntry::name).map(n -> n.toLowerCase(Locale.ROOT))
                .anyMatch(n -> !n.equals(".gitkeep") && !n.equals(".gitignore") && !n.startsWith("readme"));
    }
}
