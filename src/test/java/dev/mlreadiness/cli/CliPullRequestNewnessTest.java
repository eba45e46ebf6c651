package dev.mlreadiness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlreadiness.engine.RuleCatalog;

/**
 * {@code readiness check DIR --base main} with the real checklist on git repositories built here: what a pull
 * request only moves, renames or bumps stays existing; what it adds is new.
 */
class CliPullRequestNewnessTest {

    private static final String README = """
            # Churn

            Predicts which customers leave.

            ## Usage

            ```bash
            python train.py
            ```
            """;

    private static final String TRAIN = """
            import numpy as np
            from sklearn.model_selection import train_test_split

            X = np.load("x.npy")
            y = np.load("y.npy")
            X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)
            """;

    @TempDir
    Path tmp;

    private GitFixture base() {
        return GitFixture.init(tmp).write("README.md", README).write("train.py", TRAIN)
                .write("requirements.txt", "numpy==1.26.4\nscikit-learn>=1.4\n").write("tests/test_train.py", "x = 1\n")
                .commit("base");
    }

    /** "rule path:line new|existing" of each finding of the JSON report. */
    private List<String> check(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("check", tmp.toString(), "--base", "main", "--format", "json"));
        args.addAll(List.of(extra));
        CliRun r = CliRun.of(RuleCatalog.standard(), args.toArray(String[]::new));
        assertThat(r.err()).isEmpty();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("mode").asText()).isEqualTo("pull-request");
        List<String> out = new ArrayList<>();
        for (JsonNode f : root.get("findings")) {
            out.add(f.get("ruleId").asText() + " " + f.get("path").asText("-")
                    + (f.get("line").isNull() ? "" : ":" + f.get("line").asInt())
                    + (f.get("new").asBoolean() ? " new" : " existing"));
        }
        return out;
    }

    private int exit(String... extra) {
        List<String> args = new ArrayList<>(List.of("check", tmp.toString(), "--base", "main"));
        args.addAll(List.of(extra));
        return CliRun.of(RuleCatalog.standard(), args.toArray(String[]::new)).exit();
    }

    @Test
    void aCallMovedIntoAHelperStaysExistingAndItsCopyIsNew() throws Exception {
        GitFixture g = base();
        g.branch("move").write("train.py", TRAIN.replace("from sklearn.model_selection import train_test_split",
                "from helpers import split").replace("train_test_split(X, y, test_size=0.2)", "split(X, y)"))
                .write("helpers.py", """
                        from sklearn.model_selection import train_test_split


                        def split(X, y):
                            return train_test_split(X, y, test_size=0.2)
                        """).commit("move the split into a helper");
        assertThat(check()).contains("reproducibility/random-seed helpers.py:5 existing")
                .noneMatch(f -> f.startsWith("reproducibility/random-seed") && f.endsWith(" new"))
                .noneMatch(f -> f.startsWith("docs/stale"));

        g.git("checkout", "-q", "main");
        g.branch("copy").write("helpers.py", """
                from sklearn.model_selection import train_test_split


                def split(X, y):
                    return train_test_split(X, y, test_size=0.2)
                """).commit("a second split next to the first");
        assertThat(check()).contains("reproducibility/random-seed helpers.py:5 new");
    }

    @Test
    void aRenamedAndReformattedFileKeepsItsGapsExisting() throws Exception {
        GitFixture g = base();
        g.branch("rename").git("rm", "-q", "train.py");
        g.write("src/train.py", TRAIN.replace("train_test_split(X, y, test_size=0.2)",
                "train_test_split(\n    X,\n    y,\n    test_size=0.2,\n)")).commit("move and reformat");
        List<String> findings = check();
        assertThat(findings).contains("reproducibility/random-seed src/train.py:6 existing")
                .noneMatch(f -> f.startsWith("reproducibility/random-seed") && f.endsWith(" new"));
        // the README runs `python train.py`: the move makes it stale
        assertThat(findings).contains("docs/stale - new");
    }

    @Test
    void aVersionBumpIsNeitherANewUnpinnedDependencyNorStaleDocs() throws Exception {
        GitFixture g = base();
        g.branch("bump").write("requirements.txt", "numpy==2.0.1\nscikit-learn>=1.5\n").commit("Bump versions");
        assertThat(check()).contains("reproducibility/unpinned-dependency requirements.txt:2 existing")
                .noneMatch(f -> f.endsWith(" new"));
        assertThat(exit("--fail-on", "warning")).isEqualTo(Cli.OK);

        g.write("requirements.txt", "numpy==2.0.1\nscikit-learn>=1.5\ntorch>=2.3\n").commit("Add torch");
        assertThat(check()).contains("reproducibility/unpinned-dependency requirements.txt:2 existing",
                "reproducibility/unpinned-dependency requirements.txt:3 new", "docs/stale - new");
        assertThat(exit()).as("a new unpinned dependency is an error").isEqualTo(Cli.FINDINGS);
    }

    @Test
    void testChangesAloneLeaveTheDocsCurrent() throws Exception {
        GitFixture g = base();
        g.branch("tests").write("tests/test_train.py", "import argparse\n\nparser = argparse.ArgumentParser()\n"
                + "parser.add_argument(\"--fast\")\n").write("tests/fixtures/rows.csv", "a,b\n1,2\n")
                .commit("more tests");
        assertThat(check()).noneMatch(f -> f.endsWith(" new"));
    }

    @Test
    void theFirstMlPullRequestReportsOnlyWhatItAddsAsNew() throws Exception {
        GitFixture g = GitFixture.init(tmp).write("README.md", "# Shop\n\nA small web shop.\n")
                .write("app.py", "from flask import Flask\napp = Flask(__name__)\n")
                .write("requirements.txt", "flask==3.0.3\n").commit("a web shop");
        g.branch("churn").write("requirements.txt", "flask==3.0.3\npandas==2.2.2\nscikit-learn==1.5.0\n")
                .write("data/churn.csv", "tenure,churned\n1,0\n2,1\n")
                .write("src/train.py", """
                        import pandas as pd
                        from sklearn.ensemble import RandomForestClassifier
                        from sklearn.model_selection import train_test_split

                        df = pd.read_csv("data/churn.csv")
                        X_train, X_test, y_train, y_test = train_test_split(df[["tenure"]], df["churned"])
                        clf = RandomForestClassifier(random_state=0).fit(X_train, y_train)
                        """).commit("predict churn");
        List<String> findings = check();
        assertThat(findings).contains("docs/data-sources README.md new", "docs/data-schema README.md new",
                "reproducibility/random-seed src/train.py:6 new", "docs/stale - new",
                "production/ci - existing", "production/tests - existing", "reproducibility/python-version - existing");
        assertThat(findings).doesNotContain("production/ci - new", "production/tests - new",
                "reproducibility/python-version - new");
    }
}
