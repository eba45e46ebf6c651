package dev.mlreadiness.engine.rules.reproducibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.notebook.NotebookJson;

class AbsolutePathRuleTest {

    private final AbsolutePathRule rule = new AbsolutePathRule();

    @Test
    void flagsLocalPathsInStringLiteralsOnly() {
        Report r = TestRepo.create().file("src/load.py", """
                '''Reads /home/alice/data/ in a docstring.'''
                a = pd.read_csv("/Users/alice/Downloads/train.csv")
                b = "/home/bob/projects/x"
                c = open('/content/drive/MyDrive/d.csv')
                d = r"C:\\Users\\carol\\x.csv"
                e = "D:/datasets/y"
                f = f"/home/{user}/cache"
                # "/home/dave/old.csv" in a comment
                g = "https://example.com/home/erin/file"
                h = "file:///home/frank/x.csv"
                i = "data/home/grace/x"
                j = "/home"
                k = "/tmp/run/x.csv"
                l = "ratio 3:1 and a:b"
                m = \"\"\"first line
                then /Users/heidi/notes\"\"\"
                """).scan(rule);
        assertThat(r.findings()).extracting(Finding::line).containsExactly(2, 3, 4, 5, 6, 7, 16);
        assertThat(r.findings().get(0).message()).isEqualTo("Replace the absolute path starting `/Users/alice/` with "
                + "a path relative to the project or one read from config, so the code runs on other machines.");
        assertThat(r.findings()).extracting(Finding::isNew).containsOnly(false);
    }

    @Test
    void notebooksCodeCellsButNotOutputsOrMarkdown() {
        String nb = NotebookJson.create().markdown("Data lives in /home/alice/data/\n")
                .code(1, "# /home/alice/x/\nprint('ok')\n").withOutput("/home/alice/printed/\n")
                .codeAsString(2, "x = 1\npath = '/Users/alice/d.csv'\n").json();
        Report r = TestRepo.create().file("notebooks/a.ipynb", nb).scan(rule);
        assertThat(r.findings()).extracting(Finding::location)
                .containsExactly("notebooks/a.ipynb:" + NotebookJson.lineOf(nb, "path = "));
    }

    @Test
    void pullRequestFlagsOnlyChangedFiles() {
        Report r = TestRepo.create().file("a.py", "x = '/home/a/x'\n").file("b.py", "y = '/home/b/y'\n")
                .change().modify("a.py", "x = '/home/a/x'\nz = 'C:/data'\n").evaluate(rule);
        assertThat(r.findings()).extracting(Finding::location, Finding::isNew)
                .containsExactly(tuple("a.py:1", false), tuple("a.py:2", true));
    }
}
