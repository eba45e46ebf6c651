package dev.mlreadiness.engine;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.golden.Golden;

/**
 * The realistic repositories of {@link RealisticRepositoriesTest}, scanned with the whole catalog and rendered in
 * every output format, byte for byte against golden files (see {@link Golden}): a restructuring that should change
 * no behaviour must leave them as they are.
 */
class RealisticGoldenTest {

    private static Report scan(TestRepo repo) {
        return repo.noConfig().scan(RuleCatalog.checklist());
    }

    @Test
    void wellDocumented() {
        Golden.assertAllFormats("realistic/well-documented", scan(RealisticRepositoriesTest.wellDocumented()));
    }

    @Test
    void notebookOnly() {
        Golden.assertAllFormats("realistic/notebook-only", scan(RealisticRepositoriesTest.notebookOnly()));
    }

    @Test
    void notebookOnlyPullRequestAddingAReadme() {
        Report r = RealisticRepositoriesTest.notebookOnly().noConfig().change()
                .add("README.md", "# Titanic\n\nPredicts who survived the Titanic from the passenger list.\n")
                .add("notebooks/split.ipynb", "{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": 1, "
                        + "\"metadata\": {}, \"outputs\": [], \"source\": [\"from sklearn.model_selection import "
                        + "train_test_split\\n\", \"a, b = train_test_split(df)\\n\"]}], \"metadata\": {}, "
                        + "\"nbformat\": 4, \"nbformat_minor\": 5}")
                .evaluate(RuleCatalog.checklist());
        Golden.assertAllFormats("realistic/notebook-only-pr", r);
    }

    @Test
    void cookiecutter() {
        Golden.assertAllFormats("realistic/cookiecutter", scan(RealisticRepositoriesTest.cookiecutter()));
    }

    @Test
    void huggingFaceModel() {
        Golden.assertAllFormats("realistic/hugging-face-model", scan(RealisticRepositoriesTest.huggingFaceModel()));
    }

    @Test
    void webService() {
        Golden.assertAllFormats("realistic/web-service", scan(RealisticRepositoriesTest.webService()));
    }

    @Test
    void oddFiles() {
        Golden.assertAllFormats("realistic/odd-files", scan(RealisticRepositoriesTest.oddFiles()));
    }
}
