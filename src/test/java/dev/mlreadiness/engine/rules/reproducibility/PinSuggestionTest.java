package dev.mlreadiness.engine.rules.reproducibility;

import static dev.mlreadiness.engine.SuggestedChanges.applied;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.notebook.NotebookJson;

/**
 * {@code reproducibility/unpinned-dependency} suggests the version the repository itself gives (a lock file, pip
 * freeze output, a notebook's printed {@code __version__}), never a guessed one; applying the suggestions clears
 * the findings they are on.
 */
class PinSuggestionTest {

    private static final String POETRY_LOCK = """
            [[package]]
            name = "pandas"
            version = "2.2.2"

            [[package]]
            name = "Torch"
            version = "2.3.1"

            [[package]]
            name = "numpy"
            version = "1.26.4"

            [[package]]
            name = "numpy"
            version = "2.0.0"
            """;

    private final UnpinnedDependencyRule rule = new UnpinnedDependencyRule();

    private static Report scan(Map<String, String> files) {
        TestRepo repo = TestRepo.create();
        files.forEach(repo::file);
        return repo.scan(new UnpinnedDependencyRule());
    }

    /** The files with each finding's line replaced by its suggestion. */
    @Test
    void aLockFileGivesTheVersionAndTheLineKeepsItsExtrasMarkersAndComments() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pyproject.toml", "[tool.poetry.dependencies]\npandas = \"^2\"\n");
        files.put("poetry.lock", POETRY_LOCK);
        files.put("requirements.txt", """
                pandas>=2.0  # dataframes
                torch[cuda] >= 2.1 ; python_version > "3.8"
                numpy~=1.26
                scikit-learn
                """);
        Report r = scan(files);
        assertThat(r.findings()).extracting(Finding::line, Finding::suggestion).containsExactly(
                tuple(1, "pandas==2.2.2  # dataframes"),
                tuple(2, "torch[cuda]==2.3.1 ; python_version > \"3.8\""),
                tuple(3, null), // the lock file holds two numpy versions: which one is meant is not certain
                tuple(4, null)); // no source gives scikit-learn's version: none is guessed
        assertThat(scan(applied(files, r.findings())).findings()).extracting(Finding::line).containsExactly(3, 4);
    }

    @Test
    void pipFreezeOutputAndPipfileAndUvLocksGiveVersionsAndConflictsGiveNone() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("requirements-frozen.txt", "-e git+https://github.com/org/feat.git@"
                + "3f2c1a9d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39#egg=feat\npandas==2.2.2\nrequests==2.32.3\nnumpy==1.26.4\n");
        files.put("Pipfile.lock", """
                {"default": {"requests": {"version": "==2.32.3"}, "numpy": {"version": "==2.0.0"}},
                 "develop": {"pytest": {"version": "==8.2.0"}}}
                """);
        files.put("uv.lock", "[[package]]\nname = \"black\"\nversion = \"24.4.2\"\n");
        files.put("requirements-dev.txt", "requests>=2\nnumpy\npytest\nblack>=24 --config-settings x=y\n");
        Report r = scan(files);
        assertThat(r.findings()).extracting(Finding::path, Finding::line, Finding::suggestion).containsExactly(
                tuple("requirements-dev.txt", 1, "requests==2.32.3"),
                tuple("requirements-dev.txt", 2, null), // 1.26.4 in the freeze output, 2.0.0 in Pipfile.lock
                tuple("requirements-dev.txt", 3, "pytest==8.2.0"),
                tuple("requirements-dev.txt", 4, "black==24.4.2 --config-settings x=y"));
        assertThat(scan(applied(files, r.findings())).findings()).extracting(Finding::line).containsExactly(2);
    }

    @Test
    void aRequirementsFileWithOneOpenEntryIsNoFreezeOutput() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("requirements.txt", "pandas==2.2.2\nflask\n");
        files.put("requirements-dev.txt", "pandas\n");
        assertThat(scan(files).findings()).extracting(Finding::suggestion).containsOnlyNulls().hasSize(2);
    }

    @Test
    void aNotebooksPrintedVersionsPinTheirPackages() {
        String nb = NotebookJson.create().code(1, "import pandas as pd\nimport numpy as np\nimport torch\n")
                .code(2, "print(pd.__version__, np.__version__)\n").withOutput("2.2.2 1.26.4\n")
                .code(3, "torch.__version__\n").withOutput("2.3.1+cu121")
                .code(4, "for m in (pd, np):\n    print(m.__version__)\n").withOutput("2.1.0\n1.0.0\n").json();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("notebooks/versions.ipynb", nb);
        files.put("requirements.txt", "pandas\nnumpy>=1.20\ntorch\n");
        Report r = scan(files);
        assertThat(r.findings()).extracting(Finding::suggestion).containsExactly("pandas==2.2.2", "numpy==1.26.4",
                null); // a local version (+cu121) is on no index: no suggestion
        assertThat(scan(applied(files, r.findings())).findings()).extracting(Finding::line).containsExactly(3);
    }

    @Test
    void otherManifestSyntaxesKeepTheirLayout() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("requirements-frozen.txt", "pandas==2.2.2\nnumpy==1.26.4\nrequests==2.32.3\n");
        files.put("environment.yml", """
                name: ml
                dependencies:
                  - numpy>=1.2
                  - pip
                  - pip:
                    - pandas>=2  # data
                """);
        files.put("pyproject.toml", """
                [project]
                name = "m"
                dependencies = [
                  "requests>=2",
                  "numpy", "pandas",
                ]
                """);
        files.put("svc/pyproject.toml", "[tool.poetry.dependencies]\npython = \"^3.11\"\npandas = \"^2.0\"\n"
                + "numpy = { version = \"^1.26\", optional = true }\n");
        files.put("Pipfile", "[packages]\nrequests = \"*\"\n");
        Report r = scan(files);
        assertThat(r.findings()).extracting(Finding::path, Finding::suggestion).containsExactlyInAnyOrder(
                tuple("environment.yml", null), // a conda build's version need not be pip's
                tuple("environment.yml", "    - pandas==2.2.2  # data"),
                tuple("pyproject.toml", "  \"requests==2.32.3\","),
                tuple("pyproject.toml", null), // numpy and pandas: two entries on one line
                tuple("pyproject.toml", null),
                tuple("svc/pyproject.toml", "pandas = \"2.2.2\""),
                tuple("svc/pyproject.toml", null), // an inline table
                tuple("Pipfile", "requests = \"==2.32.3\""));
        assertThat(scan(applied(files, r.findings())).findings()).extracting(Finding::path).containsExactlyInAnyOrder(
                "environment.yml", "pyproject.toml", "pyproject.toml", "svc/pyproject.toml");
    }

    @Test
    void aContinuedRequirementGetsNone() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("poetry.lock", POETRY_LOCK);
        files.put("requirements.txt", "pandas>=2 \\\n    --hash=sha256:abc\ntorch>=2 \\\n ; sys_platform == 'linux'\n");
        assertThat(scan(files).findings()).extracting(Finding::suggestion).containsOnlyNulls();
    }

    @Test
    void aVersionOutsideTheRequirementsOwnBoundIsNeverSuggested() {
        String nb = NotebookJson.create().code(1, "import sklearn\nimport pandas as pd\nimport numpy as np\n")
                .code(2, "print(sklearn.__version__, pd.__version__, np.__version__)\n")
                .withOutput("1.2.2 2.2.2 1.26.4\n").json();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("nb.ipynb", nb);
        files.put("requirements.txt", "scikit-learn>=1.3\npandas>=2,!=2.2.2\nnumpy==1.*\n");
        files.put("requirements-ok.txt", "scikit-learn<1.3\npandas~=2.1\nnumpy>=1.20,<2\n");
        Report r = scan(files);
        assertThat(r.findings()).extracting(Finding::path, Finding::suggestion).containsExactlyInAnyOrder(
                tuple("requirements.txt", null), // 1.2.2 would be a downgrade below >=1.3
                tuple("requirements.txt", null), // excluded by !=2.2.2
                tuple("requirements.txt", null), // a wildcard is not evaluated: none
                tuple("requirements-ok.txt", "scikit-learn==1.2.2"),
                tuple("requirements-ok.txt", "pandas==2.2.2"),
                tuple("requirements-ok.txt", "numpy==1.26.4"));
    }

    @Test
    void aSubprojectsLockPinsOnlyItsOwnRequirements() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("a/poetry.lock", "[[package]]\nname = \"pandas\"\nversion = \"2.2.2\"\n");
        files.put("uv.lock", "[[package]]\nname = \"requests\"\nversion = \"2.32.3\"\n");
        files.put("a/svc/requirements.txt", "pandas>=2\nrequests\n");
        files.put("b/requirements.txt", "pandas>=2\nrequests\n");
        files.put("ab/requirements.txt", "pandas>=2\n");
        Report r = scan(files);
        assertThat(r.findings()).extracting(Finding::path, Finding::suggestion).containsExactlyInAnyOrder(
                tuple("a/svc/requirements.txt", "pandas==2.2.2"),
                tuple("a/svc/requirements.txt", "requests==2.32.3"), // the root's lock counts everywhere
                tuple("b/requirements.txt", null), // a/poetry.lock is another subproject's
                tuple("b/requirements.txt", "requests==2.32.3"),
                tuple("ab/requirements.txt", null)); // a folder named like a prefix is not a parent
    }
}
