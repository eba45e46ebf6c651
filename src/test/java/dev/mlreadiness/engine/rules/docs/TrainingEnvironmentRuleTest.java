package dev.mlreadiness.engine.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class TrainingEnvironmentRuleTest {

    @Test
    void reproducibilitySectionPasses() {
        Report r = TestRepo.create()
                .file("README.md", "# X\n\n## Reproducibility\n\nSeeds: 42. Pins: requirements.txt\n")
                .scan(new TrainingEnvironmentRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void missingSectionSaysWhatToWrite() {
        Report r = TestRepo.create().file("README.md", "# X\n\nIntro.\n\n## Environmental impact\n\nLow.\n")
                .scan(new TrainingEnvironmentRule());
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::message).containsExactly(tuple(
                "docs/training-environment", "Add a `## Training environment` section to README.md (or a page "
                        + "under docs/) that says where the pinned package versions are and which random seeds "
                        + "training uses."));
    }

    @Test
    void modelCardAndDatasheetAreInTheDocSet() {
        Report r = TestRepo.create().file("README.md", "# X\n\nIntro.\n")
                .file("MODEL_CARD.md", "## Training procedure\n\nAdamW, seed 1.\n").scan(new TrainingEnvironmentRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void inflectedAndWiderHeadingsPassButLongerWordsDoNot() {
        for (String heading : List.of("Dependencies", "How it trains", "Seeding", "Prerequisites", "Hardware")) {
            Report r = TestRepo.create().file("README.md", "# X\n\n## " + heading + "\n\nPython 3.11, seed 42.\n")
                    .scan(new TrainingEnvironmentRule());
            assertThat(r.findings()).as(heading).isEmpty();
        }
        for (String heading : List.of("Strainer", "Constraints")) {
            Report r = TestRepo.create().file("README.md", "# X\n\n## " + heading + "\n\nPython 3.11.\n")
                    .scan(new TrainingEnvironmentRule());
            assertThat(r.findings()).as(heading).extracting(Finding::ruleId)
                    .containsExactly("docs/training-environment");
        }
    }

    @Test
    void pullRequestRenamingTheSectionToAnInflectedFormKeepsItPassing() {
        Report r = TestRepo.create().file("README.md", "# X\n\n## Training\n\nSeed 42.\n").change()
                .modify("README.md", "# X\n\n## Trained with\n\nSeed 42.\n").evaluate(new TrainingEnvironmentRule());
        assertThat(r.findings()).isEmpty();
    }

    /** A Python notebook with one code cell. */
    private static String notebook(String code) {
        StringBuilder source = new StringBuilder();
        for (String line : code.split("(?<=\n)")) {
            source.append(source.length() == 0 ? "" : ", ").append('"').append(line.replace("\"", "\\\"")
                    .replace("\n", "\\n")).append('"');
        }
        return "{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {}, \"outputs\": [], "
                + "\"source\": [" + source + "]}], \"metadata\": {\"kernelspec\": {\"name\": \"python3\"}}, "
                + "\"nbformat\": 4, \"nbformat_minor\": 5}";
    }

    private static final String TRAIN = """
            from sklearn.ensemble import RandomForestClassifier as RFC
            from sklearn.model_selection import train_test_split

            SEED = 7
            X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=SEED)
            RFC(random_state=42).fit(X_train, y_train)
            """;

    private static TestRepo project(String readme) {
        return TestRepo.create().file("README.md", readme).file("requirements.txt", "scikit-learn==1.5.0\n")
                .file("src/train.py", TRAIN);
    }

    @Test
    void aSectionThatNamesNeitherThePinsNorTheSeedsIsReportedWithBoth() {
        Report r = project("# X\n\n## Training\n\nWe train it on a laptop.\n").scan(new TrainingEnvironmentRule());
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::path, Finding::message).containsExactly(tuple(
                "docs/training-environment", "README.md", "The `## Training` section of README.md does not name where "
                        + "package versions are pinned (`requirements.txt`) nor the seeds the code uses: `7` "
                        + "(src/train.py:5, `random_state=SEED`), `42` (src/train.py:6, `random_state=42`): add them "
                        + "so that a retrain gets the same packages and the same random draws."));
    }

    @Test
    void theManifestAndTheSeedsNamedPass() {
        for (String text : List.of(
                "Packages pinned in `requirements.txt`; seeds 42 and 7.",
                "See [the pins](requirements.txt). The split uses `SEED`, the forest `random_state=42`.",
                "- scikit-learn==1.5.0\n- seeds: `SEED` (7) and 42")) {
            Report r = project("# X\n\n## Training environment\n\n" + text + "\n").scan(new TrainingEnvironmentRule());
            assertThat(r.findings()).as(text).isEmpty();
        }
        // the install instructions name the manifest, a line on seeds elsewhere names the values
        Report elsewhere = project("# X\n\n## Setup\n\n`pip install -r requirements.txt`\n\n## Training\n\n"
                + "On a laptop, in 4 minutes.\n\n## Notes\n\nEvery seed is 42, the split's is 7.\n")
                .scan(new TrainingEnvironmentRule());
        assertThat(elsewhere.findings()).isEmpty();
    }

    @Test
    void aSeedTheDocsNeverMentionIsTheFinding() {
        Report r = project("# X\n\n## Training environment\n\nPinned in `requirements.txt`; seed 42.\n")
                .scan(new TrainingEnvironmentRule());
        assertThat(r.findings()).extracting(Finding::message).containsExactly("The `## Training environment` section "
                + "of README.md does not name the seed the code uses: `7` (src/train.py:5, `random_state=SEED`): add it "
                + "so that a retrain gets the same packages and the same random draws.");
        // 142, 4.2 and 7.5 are other numbers
        Report near = project("# X\n\n## Training environment\n\n`requirements.txt`; seed 42, 142 rows, v4.2, 7.5 "
                + "minutes.\n").scan(new TrainingEnvironmentRule());
        assertThat(near.findings()).extracting(Finding::message).singleElement().asString().contains("`7` (");
    }

    @Test
    void seedsFromConfigAndExploratoryNotebooksAreNotAskedFor() {
        Report r = TestRepo.create().file("README.md", "# X\n\n## Training\n\nPinned in `requirements.txt`.\n")
                .file("requirements.txt", "scikit-learn==1.5.0\n")
                .file("train.py", "import numpy as np\nnp.random.seed(args.seed)\nmodel.fit(X, y)\n")
                .file("notebooks/eda.ipynb", notebook("df.sample(5, random_state=3)\n"))
                .scan(new TrainingEnvironmentRule());
        assertThat(r.findings()).isEmpty();

        Report trains = TestRepo.create().file("README.md", "# X\n\n## Training\n\nPinned in `requirements.txt`.\n")
                .file("requirements.txt", "scikit-learn==1.5.0\n")
                .file("notebooks/model.ipynb", notebook("import numpy as np\nnp.random.seed(3)\nmodel.fit(X, y)\n"))
                .scan(new TrainingEnvironmentRule());
        assertThat(trains.findings()).extracting(Finding::message).singleElement().asString()
                .contains("`3` (notebooks/model.ipynb:");
    }

    @Test
    void aSeedInAScriptThatTrainsNothingIsNotAskedFor() {
        Report r = TestRepo.create()
                .file("README.md", "# X\n\n## Training\n\nPinned in `requirements.txt`; every model uses seed 42.\n")
                .file("requirements.txt", "scikit-learn==1.5.0\n")
                .file("src/train.py", "from sklearn.linear_model import LogisticRegression\n"
                        + "LogisticRegression(random_state=42).fit(X, y)\n")
                .file("scripts/make_fake_listings.py", "import numpy as np\nrng = np.random.default_rng(123)\n"
                        + "rows = rng.normal(size=100)\n")
                .scan(new TrainingEnvironmentRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void reproduceAndReproducingHeadingsAreTheSection() {
        for (String heading : List.of("Reproduce", "Reproducing the results")) {
            Report r = TestRepo.create()
                    .file("README.md", "# X\n\n## " + heading + "\n\n`pip install -r requirements.txt`, seed 42.\n")
                    .file("requirements.txt", "scikit-learn==1.5.0\n")
                    .file("src/train.py", "from sklearn.linear_model import LogisticRegression\n"
                            + "LogisticRegression(random_state=42).fit(X, y)\n")
                    .scan(new TrainingEnvironmentRule());
            assertThat(r.findings()).as(heading).isEmpty();
        }
    }

    @Test
    void aSeedOptionsDefaultCountsByItsNameOrValue() {
        String code = "import argparse\np = argparse.ArgumentParser()\np.add_argument('--seed', type=int, default=1234)\n";
        Report named = TestRepo.create().file("README.md", "# X\n\n## Reproducibility\n\nPass `--seed` to vary it.\n")
                .file("train.py", code).scan(new TrainingEnvironmentRule());
        assertThat(named.findings()).isEmpty();
        Report unnamed = TestRepo.create().file("README.md", "# X\n\n## Reproducibility\n\nDeterministic.\n")
                .file("train.py", code).scan(new TrainingEnvironmentRule());
        assertThat(unnamed.findings()).extracting(Finding::message).singleElement().asString()
                .contains("`1234` (train.py:3, `--seed (default 1234)`)");
    }

    @Test
    void aRepositoryThatTrainsNothingIsNotAskedForThePins() {
        Report r = TestRepo.create().file("README.md", "# X\n\n## Training details\n\nFine-tuned for 3 epochs.\n")
                .file("requirements.txt", "transformers==4.44.2\n").scan(new TrainingEnvironmentRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void aPullRequestAddingAnUndocumentedSeedMakesThatSeedNew() {
        TestRepo repo = project("# X\n\n## Training environment\n\n`requirements.txt`; seed 42.\n");
        Report r = repo.change().add("src/tune.py", "import random\nrandom.seed(99)\n")
                .evaluate(new TrainingEnvironmentRule());
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.isNew()).isTrue();
            assertThat(f.message()).contains("`99` (src/tune.py:2, `random.seed(99)`)");
        });
        Report untouched = repo.change().add("src/other.py", "x = 1\n").evaluate(new TrainingEnvironmentRule());
        assertThat(untouched.findings()).extracting(Finding::isNew).containsExactly(false);
    }
}
