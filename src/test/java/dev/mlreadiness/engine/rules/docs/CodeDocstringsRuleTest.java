package dev.mlreadiness.engine.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.rule.CodeFileTally;
import dev.mlreadiness.engine.rules.reproducibility.RandomSeedRule;
import dev.mlreadiness.engine.snapshot.SkippedFile;

class CodeDocstringsRuleTest {

    private final CodeDocstringsRule rule = new CodeDocstringsRule();

    private static final String DOCUMENTED = """
            \"""Trains the model.\"""


            def train(df):
                \"""Fits the model on df.\"""
                return df
            """;

    @Test
    void aPullRequestAddingUndocumentedPublicCodeGetsOneFindingPerFile() {
        Report r = TestRepo.create().file("src/train.py", DOCUMENTED).change().modify("src/train.py", DOCUMENTED + """


                class Model:
                    \"""The churn model.\"""

                    def fit(self, X):
                        return self

                    def _cache(self):
                        pass

                    def __repr__(self):
                        return "Model"


                async def serve(request):
                    def helper():
                        return 1
                    return helper()
                """).evaluate(rule);
        assertThat(r.findings()).extracting(Finding::path, Finding::line, Finding::message, Finding::isNew)
                .containsExactly(tuple("src/train.py", 12, "Add docstrings to the public code this change adds: "
                        + "`Model.fit`, `serve`.", true));
    }

    @Test
    void trapsACommandWhoseDecoratorGivesHelp() {
        Report r = TestRepo.create().file("src/cli.py", DOCUMENTED).change().modify("src/cli.py", DOCUMENTED + """


                @click.command(help="Score a CSV of transactions and write the scores.")
                @click.argument("path")
                def score(path):
                    return path


                @app.command(name="fit", help=("Train " "the model."))
                def fit():
                    return 1


                def bare(x):
                    return x
                """).evaluate(rule);
        assertThat(r.findings()).extracting(Finding::message).singleElement().asString().contains("`bare`")
                .doesNotContain("`score`").doesNotContain("`fit`");
    }

    @Test
    void anAddedModuleNeedsItsOwnDocstringButNotAnEmptyInit() {
        Report r = TestRepo.create().file("README.md", "# x\n").change()
                .add("src/pkg/__init__.py", "from .train import train\n__all__ = ['train']\n")
                .add("src/pkg/features.py", "import pandas as pd\n\ndef build(df):\n    '''Builds.'''\n    return df\n")
                .add("src/pkg/_private.py", "def helper():\n    return 1\n")
                .add("src/_vendor/lib.py", "def helper():\n    return 1\n")
                .evaluate(rule);
        assertThat(r.findings()).extracting(Finding::path, Finding::line, Finding::message).containsExactly(
                tuple("src/pkg/features.py", 1, "Add docstrings to the public code this change adds: module "
                        + "`features.py`."));
    }

    @Test
    void trapsDefsInStringsCommentsOldLinesTestsNotebooksAndStubs() {
        String old = "def old():\n    return 1\n";
        Report r = TestRepo.create().file("src/m.py", old).change().modify("src/m.py", old + """
                # def commented(): pass
                SQL = '''
                def not_code():
                    pass
                '''
                from typing import overload


                @overload
                def parse(x: int) -> int: ...


                def parse(x):
                    'Parses x.'
                    return x


                class Config:
                    r'''Settings.'''

                    @property
                    def size(self):
                        \"""The size.\"""
                        return 1

                    @size.setter
                    def size(self, v):
                        self._size = v
                """).add("tests/test_m.py", "def test_old():\n    assert True\n")
                .add("notebooks/eda.ipynb", "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}")
                .evaluate(rule);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void movedCodeKeepsItsOldGap() {
        String code = "\"\"\"Helpers.\"\"\"\n\n\ndef load(path):\n    return path\n";
        Report r = TestRepo.create().file("src/io.py", code).change().delete("src/io.py")
                .add("src/data/io.py", code).evaluate(rule);
        assertThat(r.findings()).extracting(Finding::message, Finding::isNew).containsExactly(
                tuple("Add docstrings to the public code this change adds: `load`.", false));
    }

    @Test
    void filesAreReadAsTheCodeParserReadsThem() {
        // the rule reads only each file's outline, with the code parser's text (byte-order mark dropped) and its
        // reasons to skip a file
        StringBuilder undocumented = new StringBuilder("\uFEFF\"\"\"A module.\"\"\"\n\n");
        for (int i = 0; i < 5; i++) {
            undocumented.append("def f").append(i).append("(x):\n    return x\n\n");
        }
        byte[] binary = { 'd', 'e', 'f', ' ', 0, 1, 2, 0 };
        Report r = TestRepo.create().file("src/pkg/a.py", undocumented.toString()).file("src/pkg/b.py", binary)
                .file("src/pkg/c.py", "def main():\n    return 0\n").scan(rule);
        assertThat(r.findings()).extracting(Finding::path, Finding::line, Finding::message)
                .containsExactly(tuple("src/pkg/a.py", 3, "0 of 6 public classes and functions in src/pkg/ have "
                        + "docstrings: document `f0`, `f1`, `f2`, `f3`, `f4`, `main`."));
        assertThat(r.skipped()).extracting(SkippedFile::path, SkippedFile::reason)
                .containsExactly(tuple("src/pkg/b.py", "binary content, not Python source"));
    }

    @Test
    void aFullScanReportsPackagesMostlyWithoutDocstrings() {
        StringBuilder undocumented = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            undocumented.append("def f").append(i).append("(x):\n    return x\n\n");
        }
        undocumented.append("def g(x):\n    \"\"\"Documented.\"\"\"\n    return x\n");
        StringBuilder mostlyDocumented = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            mostlyDocumented.append("def h").append(i).append("(x):\n    '''Doc.'''\n    return x\n\n");
        }
        mostlyDocumented.append("def bare(x):\n    return x\n");
        Report r = TestRepo.create().file("src/pkg/a.py", undocumented.toString())
                .file("src/other/b.py", mostlyDocumented.toString())
                .file("scripts/small.py", "def one():\n    return 1\n\ndef two():\n    return 2\n").scan(rule);
        assertThat(r.findings()).extracting(Finding::path, Finding::line, Finding::message, Finding::isNew)
                .containsExactly(tuple("src/pkg/a.py", 1, "1 of 6 public classes and functions in src/pkg/ have "
                        + "docstrings: document `f0`, `f1`, `f2`, `f3`, `f4`.", false));
    }

    /** Many files in a few packages, a quarter of them documented, and a few binary ones. */
    private static TestRepo manyPackages() {
        TestRepo repo = TestRepo.create().file("requirements.txt", "numpy==1.26.4\n");
        for (int i = 0; i < 120; i++) {
            repo.file(path(i), module(i));
            if (i % 40 == 0) {
                repo.file(String.format("pkg%d/bin_%03d.py", i % 5, i), "\0binary");
            }
        }
        return repo;
    }

    private static String path(int i) {
        return String.format("pkg%d/mod_%03d.py", i % 5, i);
    }

    private static String module(int i) {
        String doc = i % 4 == 0 ? "    \"\"\"Documented.\"\"\"\n" : "";
        return "import numpy as np\nx = np.random.rand(3)\n\n\ndef load_" + i + "(path):\n" + doc
                + "    return path\n\n\nclass Model" + i + ":\n" + doc + "    def fit(self, x):\n        return x\n";
    }

    @Test
    void readsItsFilesInThePassOverTheCodeFilesAndReportsAsWhenAlone() {
        assertThat(rule).isInstanceOf(CodeFileTally.class);
        TestRepo repo = manyPackages();
        Report alone = repo.scan(rule);
        Report inPass = repo.scan(new RandomSeedRule(), rule);
        assertThat(alone.findings()).hasSize(5)
                .allMatch(f -> f.message().startsWith("12 of 72 public classes and functions in pkg"));
        assertThat(inPass.findings()).filteredOn(f -> f.ruleId().equals(rule.info().id()))
                .isEqualTo(alone.findings());
        assertThat(inPass.skipped()).isEqualTo(alone.skipped()).extracting(SkippedFile::reason)
                .containsOnly("binary content, not Python source");

        TestRepo.Change change = manyPackages().change();
        for (int i = 0; i < 120; i++) {
            change.modify(path(i), module(i) + "\n\ndef added_" + i + "(x):\n    return x\n");
            if (i % 10 == 0) {
                change.add(String.format("pkg%d/new_%03d.py", i % 5, i), module(i));
            }
        }
        Report prAlone = change.evaluate(rule);
        Report prInPass = change.evaluate(new RandomSeedRule(), rule);
        assertThat(prAlone.findings()).hasSize(132).extracting(Finding::path).startsWith("pkg0/mod_000.py");
        assertThat(prInPass.findings()).filteredOn(f -> f.ruleId().equals(rule.info().id()))
                .isEqualTo(prAlone.findings());
    }
}
