package dev.mlreadiness.engine.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class ProjectStructureRuleTest {

    private final ProjectStructureRule rule = new ProjectStructureRule();

    private static TestRepo repo(String readme) {
        return TestRepo.create().file("README.md", readme)
                .file("data/raw/customers.csv", "a,b\n1,2\n")
                .file("models/churn.joblib", "weights")
                .file("notebooks/eda.ipynb", "{}")
                .file("references/.gitkeep", "")
                .file("src/churn/train.py", "print(1)\n");
    }

    @Test
    void aReadmeWithoutALayoutListsEveryFolder() {
        Report r = repo("# Churn\n\nPredicts churn. The data is private.\n").scan(rule);
        assertThat(r.findings()).extracting(Finding::path, Finding::message).containsExactly(tuple("README.md",
                "Describe the project layout in README.md: a tree or a list saying what the top-level folders "
                        + "`data/`, `models/`, `notebooks/`, `src/` hold."));
    }

    @Test
    void aLayoutThatLeavesAFolderOutNamesThatFolder() {
        Report r = repo("""
                # Churn

                ## Project layout

                - **data/**: raw exports
                - `models`: trained weights
                - notebooks - exploration
                """).scan(rule);
        assertThat(r.findings()).extracting(Finding::message).containsExactly("Add `src/` to the project layout in "
                + "the docs: say what this top-level folder holds, as for the others.");
    }

    @Test
    void drawnTreesListsTablesAndPathsName() {
        String tree = """
                # Churn

                ```
                .
                ├── README.md
                ├── data
                │   ├── raw
                │   └── processed
                |-- models/         <- trained models
                ```

                | Folder | Holds |
                |---|---|
                | notebooks | exploration |

                Run `python ./src/churn/train.py`.
                """;
        assertThat(repo(tree).scan(rule).findings()).isEmpty();
        // a layout in docs/ counts as well as one in the README
        assertThat(repo("# Churn\n\nSee the docs.\n").file("docs/layout.md", """
                # Layout

                1. [data](data/) raw files
                2. [models/](models/) weights
                3. `notebooks/` and `src/`
                """).scan(rule).findings()).isEmpty();
    }

    @Test
    void trapsNamesInsideOtherPathsUrlsAndProseDoNotCount() {
        Report r = repo("""
                # Churn

                The data and the models are described on
                https://wiki.example.com/data/models/ and the code lives in lib/src/.
                The notebooks are old.
                """).scan(rule);
        assertThat(r.findings()).extracting(Finding::message).containsExactly("Describe the project layout in "
                + "README.md: a tree or a list saying what the top-level folders `data/`, `models/`, "
                + "`notebooks/`, `src/` hold.");
    }

    @Test
    void hiddenBuildAndConventionalFoldersNeedNoDescription() {
        Report r = TestRepo.create().file("README.md", "# X\n\n- `src/`: the code\n")
                .file("src/x.py", "").file(".github/workflows/ci.yml", "on: push\n").file("tests/test_x.py", "")
                .file("docs/index.md", "# Docs\n").file("build/lib/x.py", "").file("x.egg-info/PKG-INFO", "")
                .file("__pycache__/x.pyc", "").file(".dvc/config", "").file("reports/figures/.gitkeep", "")
                .scan(rule);
        assertThat(r.findings()).isEmpty();
        // one folder or none: nothing to map, and the scorecard does not count the rule
        Report small = TestRepo.create().file("README.md", "# X\n").file("src/x.py", "").file("tests/t.py", "")
                .scan(rule);
        assertThat(small.findings()).isEmpty();
        assertThat(small.scores()).allSatisfy(s -> assertThat(s.checked()).isZero());
    }

    @Test
    void foldersOfSlidesAndPicturesNeedNoDescriptionButAFolderWithDataDoes() {
        // slides/ and figures/ hold what the README shows or links; results/ holds a CSV a reader may look for
        Report r = TestRepo.create().file("README.md", "# X\n\n- `src/`: the code\n")
                .file("src/x.py", "").file("slides/Solution talk.pdf", "%PDF").file("slides/cover.PNG", "")
                .file("figures/roc.svg", "<svg/>").file("results/scores.csv", "a\n").file("results/roc.png", "")
                .scan(rule);
        assertThat(r.findings()).extracting(Finding::message).containsExactly(
                "Add `results/` to the project layout in the docs: say what this top-level folder holds, as for the "
                        + "others.");
    }

    @Test
    void withoutAReadmeStructureReadmeSpeaks() {
        Report r = TestRepo.create().file("data/a.csv", "a\n1\n").file("src/x.py", "").scan(rule);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void inAPullRequestOnlyAFolderItAddsIsNew() {
        TestRepo base = repo("# Churn\n\n- `data/`: raw\n- `models/`: weights\n- `notebooks/`: eda\n");
        Report r = base.change().add("scripts/export.sql", "select 1;\n").evaluate(rule);
        assertThat(r.findings()).extracting(Finding::message, Finding::isNew).containsExactly(tuple(
                "Add `scripts/`, `src/` to the project layout in the docs: say what each of these top-level folders "
                        + "holds, as for the others.",
                true));
        // the old gap stays old when the pull request touches something else
        Report old = base.change().add("src/churn/predict.py", "print(2)\n").evaluate(rule);
        assertThat(old.findings()).extracting(Finding::isNew).containsExactly(false);
        // describing the new folder clears it
        Report fixed = base.change().add("scripts/export.sql", "select 1;\n").modify("README.md",
                "# Churn\n\n- `data/`: raw\n- `models/`: weights\n- `notebooks/`: eda\n- `scripts/`: SQL\n"
                        + "- `src/`: code\n")
                .evaluate(rule);
        assertThat(fixed.findings()).isEmpty();
    }
}
