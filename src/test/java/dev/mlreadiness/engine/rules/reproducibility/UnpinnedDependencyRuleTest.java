package dev.mlreadiness.engine.rules.reproducibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.deps.RequirementsIncludes;
import dev.mlreadiness.engine.rule.Category;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.ChangeSet;
import dev.mlreadiness.engine.snapshot.ChangeStatus;
import dev.mlreadiness.engine.snapshot.FileChange;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Snapshot;

class UnpinnedDependencyRuleTest {

    private static final String COMMIT = "3f2c1a9d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39";

    private final UnpinnedDependencyRule rule = new UnpinnedDependencyRule();

    private static List<String> locations(Report r) {
        return r.findings().stream().map(Finding::location).toList();
    }

    private static String message(Report r, String location) {
        return r.findings().stream().filter(f -> f.location().equals(location)).findFirst().orElseThrow().message();
    }

    @Test
    void requirementsLinesPinnedOrNot() {
        Report r = TestRepo.create().file("requirements.txt", """
                # training environment
                --index-url https://pypi.org/simple

                numpy==1.26.4
                pandas>=2.0  # newest is fine
                torch==2.*
                scikit-learn
                -e .
                ./libs/featurelib
                requests==2.31.0 \\
                    --hash=sha256:942c5a758f98d790eaed1a29cb6eefc7ffb0d1cf7af05c3d2791656dbd6ad1e1
                flask --hash=sha256:942c5a758f98d790eaed1a29cb6eefc7ffb0d1cf7af05c3d2791656dbd6ad1e1
                git+https://github.com/org/lib.git@%s#egg=lib
                git+https://github.com/org/other.git@v1.2#egg=other
                git+https://github.com/org/short.git@3f2c1a9#egg=short
                https://example.com/dist/pkg-1.0.tar.gz
                https://example.com/dist/hashed-1.0.tar.gz#sha256=942c5a758f98d790eaed1a29cb6eefc7ffb0d1cf7af05c3d2791656dbd6ad1e1
                xgboost \\
                    >=2.0
                lightgbm===4.3.0
                """.formatted(COMMIT)).scan(rule);
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::location, Finding::isNew).containsExactly(
                tuple("reproducibility/unpinned-dependency", "requirements.txt:5", false),
                tuple("reproducibility/unpinned-dependency", "requirements.txt:6", false),
                tuple("reproducibility/unpinned-dependency", "requirements.txt:7", false),
                tuple("reproducibility/unpinned-dependency", "requirements.txt:14", false),
                tuple("reproducibility/unpinned-dependency", "requirements.txt:15", false),
                tuple("reproducibility/unpinned-dependency", "requirements.txt:16", false),
                tuple("reproducibility/unpinned-dependency", "requirements.txt:18", false));
        assertThat(message(r, "requirements.txt:5")).isEqualTo(
                "Pin `pandas` to the exact version you tested with (`pandas==<version>`) instead of `>=2.0`.");
        assertThat(message(r, "requirements.txt:6")).contains("`torch==<version>`").endsWith("instead of `==2.*`.");
        assertThat(message(r, "requirements.txt:7")).endsWith("instead of leaving it open.");
        assertThat(message(r, "requirements.txt:14")).isEqualTo(
                "Pin `other` to a full 40-character commit (end the URL with `@<commit>`) instead of `v1.2`.");
        assertThat(message(r, "requirements.txt:15")).contains("`short`").endsWith("instead of `3f2c1a9`.");
        assertThat(message(r, "requirements.txt:16")).startsWith("Add the archive's hash to the URL of `pkg`")
                .doesNotContain("example.com");
        assertThat(message(r, "requirements.txt:18")).contains("`xgboost`").contains("`>=2.0`");
    }

    @Test
    void extrasAreKeptInTheSuggestion() {
        Report r = TestRepo.create().file("requirements.txt", "transformers[torch]>=4.40\n").scan(rule);
        assertThat(r.findings()).singleElement().extracting(Finding::message).isEqualTo("Pin `transformers` to the "
                + "exact version you tested with (`transformers[torch]==<version>`) instead of `>=4.40`.");
    }

    @Test
    void anExtraBesideAnExactPinOfTheSamePackageIsPinned() {
        Report r = TestRepo.create().file("requirements.txt", """
                torch==2.3.1
                torch[cuda]>=2.1
                Transformers[torch]>=4.40
                transformers==4.44.2 ; python_version >= "3.12"
                accelerate[deepspeed]>=0.30
                accelerate-cli==1.0.0
                """).scan(rule);
        // the plain pin fixes torch; transformers is pinned only where the marker holds; accelerate not at all
        assertThat(locations(r)).containsExactly("requirements.txt:3", "requirements.txt:5");
        assertThat(message(r, "requirements.txt:5")).contains("`accelerate[deepspeed]==<version>`");
    }

    @Test
    void anExtraIsPinnedByAPinInAnIncludedFileButNotByOneInAFileThatIncludesIt() {
        Report r = TestRepo.create()
                .file("requirements.txt", "-r requirements-base.txt\ntorch[cuda]>=2.1\n")
                .file("requirements-base.txt", "torch==2.3.1\n")
                .file("requirements-gpu.txt", "torch[cuda]>=2.1\n")
                .file("requirements-all.txt", "-r requirements-gpu.txt\ntorch==2.3.1\n").scan(rule);
        // requirements-gpu.txt can be installed alone, and then nothing fixes torch
        assertThat(locations(r)).containsExactly("requirements-gpu.txt:1");
    }

    @Test
    void anExtraInPyprojectIsPinnedByThePlainPinOfTheSameFile() {
        Report r = TestRepo.create().file("pyproject.toml", """
                [project]
                name = "x"
                dependencies = ["torch==2.3.1", "numpy[dev]>=1.26"]

                [project.optional-dependencies]
                gpu = ["torch[cuda]>=2.1"]
                """).scan(rule);
        assertThat(locations(r)).containsExactly("pyproject.toml:3");
        assertThat(message(r, "pyproject.toml:3")).contains("`numpy`");
    }

    @Test
    void aPullRequestAddingAnExtraIsJudgedByThePinsOfTheFile() {
        Report r = TestRepo.create().file("requirements.txt", "torch==2.3.1\nnumpy==1.26.4\n")
                .change().modify("requirements.txt", "torch==2.3.1\nnumpy==1.26.4\ntorch[cuda]>=2.1\n"
                        + "jax[cuda12]>=0.4\n")
                .evaluate(rule);
        assertThat(r.findings()).extracting(Finding::location, Finding::isNew)
                .containsExactly(tuple("requirements.txt:4", true));
    }

    @Test
    void aFileIncludedWithDashRIsJudgedLikeItsIncluder() {
        Report r = TestRepo.create()
                .file("requirements.txt", "-r deps/common.txt\nnumpy==1.26.4\n")
                .file("deps/common.txt", "pandas\nscipy==1.13.0\n-r nested.txt\n-r gone.txt\n")
                .file("deps/nested.txt", "matplotlib>=3\n")
                .file("deps/unused.txt", "seaborn\n")
                .file("notes/todo.txt", "pandas\n")
                .scan(rule);
        // files nothing installs (deps/unused.txt, a note) are no requirements
        assertThat(locations(r)).containsExactly("deps/common.txt:1", "deps/common.txt:4", "deps/nested.txt:1");
        assertThat(message(r, "deps/common.txt:1")).isEqualTo(
                "Pin `pandas` to the exact version you tested with (`pandas==<version>`) instead of leaving it open.");
        assertThat(message(r, "deps/common.txt:4")).startsWith("Add `deps/gone.txt`, which this `-r` line");
    }

    @Test
    void theIncludersConstraintsPinAnIncludedFile() {
        Report r = TestRepo.create()
                .file("requirements.txt", "-c constraints.txt\n-r deps/common.txt\n")
                .file("deps/common.txt", "pandas\nscipy\n")
                .file("constraints.txt", "pandas==2.2.2\n").scan(rule);
        assertThat(locations(r)).containsExactly("deps/common.txt:2");
    }

    @Test
    void anIncludedFileOfAnEnvironmentPipListIsJudgedUnlessTheEnvironmentIsLocked() {
        String env = "dependencies:\n  - python=3.11\n  - pip:\n      - -r deps/pip.txt\n";
        Report r = TestRepo.create().file("environment.yml", env).file("deps/pip.txt", "pandas\n").scan(rule);
        assertThat(locations(r)).containsExactly("deps/pip.txt:1");
        assertThat(TestRepo.create().file("environment.yml", env).file("deps/pip.txt", "pandas\n")
                .file("conda-lock.yml", "").scan(rule).findings()).isEmpty();
    }

    @Test
    void longIncludeChainsAndCyclesEnd() {
        TestRepo repo = TestRepo.create().file("requirements.txt", "-r deps/d0.txt\n");
        for (int i = 0; i < 40; i++) {
            repo.file("deps/d" + i + ".txt", "-r d" + (i + 1) + ".txt\n-r d0.txt\n-r ../requirements.txt\npkg" + i
                    + "\n");
        }
        repo.file("deps/d40.txt", "-r d40.txt\n");
        Report r = repo.scan(rule);
        // followed to a depth of ten includes below requirements.txt, each file once
        assertThat(locations(r)).hasSize(RequirementsIncludes.MAX_DEPTH)
                .allSatisfy(l -> assertThat(l).matches("deps/d\\d\\.txt:4"));
    }

    @Test
    void aPullRequestChangingAnIncludedFileIsJudgedThroughTheUnchangedIncluder() {
        Report r = TestRepo.create()
                .file("requirements.txt", "-c constraints.txt\n-r deps/common.txt\n")
                .file("constraints.txt", "scipy==1.13.0\n")
                .file("deps/common.txt", "pandas\nnumpy==1.26.4\n")
                .file("deps/other.txt", "seaborn\n")
                .change().modify("deps/common.txt", "pandas\nnumpy==1.26.4\nscipy\nmatplotlib>=3\n")
                .modify("deps/other.txt", "seaborn\nplotly\n").evaluate(rule);
        assertThat(r.findings()).extracting(Finding::location, Finding::isNew).containsExactly(
                tuple("deps/common.txt:1", false), tuple("deps/common.txt:4", true));
    }

    @Test
    void aPullRequestThatAddsAnIncludeOfAnUnchangedFileIsToldWhatItBringsIn() {
        TestRepo repo = TestRepo.create()
                .file("requirements.txt", "numpy==1.26.4\n")
                .file("deps/common.txt", "pandas\nscipy>=1\ntorch==2.3.1\n-r more.txt\n")
                .file("deps/more.txt", "seaborn\n")
                .file("deps/pinned.txt", "torch==2.3.1\n");
        Report r = repo.change().modify("requirements.txt", "numpy==1.26.4\n-r deps/common.txt\n-r deps/pinned.txt\n")
                .evaluate(rule);
        assertThat(r.findings()).extracting(Finding::location, Finding::isNew, Finding::message).containsExactly(
                tuple("requirements.txt:2", true, "Pin `pandas`, `scipy` and `seaborn` in deps/common.txt and the "
                        + "files it includes, which this `-r` line adds to the install: they do not fix one version."));

        // the include is there already: the included file's debt stays where it is, on lines nobody touched
        Report untouched = TestRepo.create()
                .file("requirements.txt", "numpy==1.26.4\n-r deps/common.txt\n").file("deps/common.txt", "pandas\n")
                .change().modify("requirements.txt", "numpy==1.26.4\n-r deps/common.txt\nscipy==1.13.0\n")
                .evaluate(rule);
        assertThat(untouched.findings()).isEmpty();

        // added together with the include: findings go to the new file's own lines
        Report both = TestRepo.create().file("requirements.txt", "numpy==1.26.4\n")
                .change().modify("requirements.txt", "numpy==1.26.4\n-r deps/common.txt\n")
                .add("deps/common.txt", "pandas\n").evaluate(rule);
        assertThat(both.findings()).extracting(Finding::location, Finding::isNew)
                .containsExactly(tuple("deps/common.txt:1", true));
    }

    @Test
    void includesOfFilesAlreadyAtHandAreDeclaredAsReads() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("requirements.txt", "-r deps/common.txt\n-c constraints/pins.txt\n-r gone.txt\n");
        files.put("deps/common.txt", "-r more.txt\npandas\n");
        files.put("deps/more.txt", "scipy\n");
        files.put("constraints/pins.txt", "pandas==2.2.2\n");
        List<String> loaded = new ArrayList<>();
        Snapshot tree = Snapshot.of(files.keySet().stream().map(p -> new FileEntry(p, files.get(p).length())).toList(),
                f -> {
                    loaded.add(f.path());
                    return Optional.of(files.get(f.path()).getBytes(StandardCharsets.UTF_8));
                });
        RuleContext ctx = new RuleContext(tree, ChangeSet.fullScan(), ReadinessConfig.defaults(),
                RuleContext.Side.HEAD);
        // nothing at hand: the includes are unknown and nothing is read to learn them
        assertThat(rule.reads().select(ctx)).containsExactly("requirements.txt");
        assertThat(loaded).isEmpty();

        tree.prefetch(List.of("requirements.txt", "deps/common.txt"));
        assertThat(rule.reads().select(ctx)).containsExactly("requirements.txt", "deps/common.txt",
                "constraints/pins.txt", "deps/more.txt");
        assertThat(loaded).containsExactly("requirements.txt", "deps/common.txt");
    }

    @Test
    void constraintsFilePinsCountAndConstraintsFilesAreCheckedThemselves() {
        Report r = TestRepo.create()
                .file("requirements.txt", "-c constraints.txt\npandas\nnumpy\n")
                .file("constraints.txt", "pandas==2.2.2\nnumpy>=1.26\n").scan(rule);
        assertThat(locations(r)).containsExactly("constraints.txt:2", "requirements.txt:3");
    }

    @Test
    void constraintsReachedThroughIncludesPinTheIncludingTreeOnly() {
        Report r = TestRepo.create()
                .file("requirements/prod.txt", "-r base.txt\nscipy\n")
                .file("requirements/base.txt", "-c ../constraints.txt\npandas\n")
                .file("requirements/dev.txt", "pytest\n")
                .file("constraints.txt", "scipy==1.13.0\npandas==2.2.2\npytest==8.2.0\n").scan(rule);
        // dev.txt references no constraints file: its pytest is judged on its own
        assertThat(locations(r)).containsExactly("requirements/dev.txt:1");
    }

    @Test
    void aFileIncludedByOneWithConstraintsIsJudgedOnItsOwn() {
        Report r = TestRepo.create()
                .file("requirements.txt", "-c constraints.txt\n-r requirements-base.txt\n")
                .file("requirements-base.txt", "pandas\n")
                .file("constraints.txt", "pandas==2.2.2\n").scan(rule);
        assertThat(locations(r)).containsExactly("requirements-base.txt:1");
    }

    @Test
    void includeCyclesEndAndMissingIncludesAreReported() {
        Report r = TestRepo.create()
                .file("requirements-a.txt", "-r requirements-b.txt\nnumpy==1.26.4\n")
                .file("requirements-b.txt", "-r requirements-a.txt\n-c constraints-missing.txt\npandas\n"
                        + "-r https://example.com/requirements.txt\n-r ../../../outside.txt\n")
                .scan(rule);
        assertThat(locations(r)).containsExactly("requirements-b.txt:2", "requirements-b.txt:3");
        assertThat(message(r, "requirements-b.txt:2")).isEqualTo("Add `constraints-missing.txt`, which this `-c` "
                + "line includes, or remove the line: pip fails on a missing file and its pins cannot be checked.");
    }

    @Test
    void unreadableEntriesAreReportedOnTheirLine() {
        Report r = TestRepo.create().file("requirements.txt", "numpy==1.26.4 --hash=md5:abc\npandas>=>2\n")
                .scan(rule);
        assertThat(locations(r)).containsExactly("requirements.txt:1", "requirements.txt:2");
        assertThat(message(r, "requirements.txt:1")).startsWith("Fix this entry so its version can be checked: "
                + "`--hash` needs");
    }

    @Test
    void pyprojectWithoutLockFileEveryUnpinnedEntryButNeverBuildSystemOrPoetryPython() {
        String pyproject = """
                [build-system]
                requires = ["setuptools>=61", "wheel"]

                [project]
                name = "churn"
                requires-python = ">=3.10"
                dependencies = [
                    "numpy==1.26.4",
                    "pandas>=2.0",
                ]

                [project.optional-dependencies]
                gpu = ["torch~=2.3"]

                [dependency-groups]
                dev = ["pytest>=8", {include-group = "lint"}]
                lint = ["ruff==0.4.4"]

                [tool.poetry.dependencies]
                python = "^3.10"
                scikit-learn = "^1.5"
                xgboost = "2.0.3"
                """;
        Report r = TestRepo.create().file("pyproject.toml", pyproject).scan(rule);
        assertThat(locations(r)).containsExactly("pyproject.toml:9", "pyproject.toml:13", "pyproject.toml:16",
                "pyproject.toml:21");
        assertThat(message(r, "pyproject.toml:9")).isEqualTo("Pin `pandas` to the exact version you tested with "
                + "(`pandas==<version>`) instead of `>=2.0`, or commit the lock file of your tool (`poetry.lock`, "
                + "`uv.lock` or `pdm.lock`) beside pyproject.toml.");
        assertThat(message(r, "pyproject.toml:21")).startsWith("Pin `scikit-learn` to the exact version you tested "
                + "with (`scikit-learn = \"<version>\"`) instead of `scikit-learn = \"^1.5\"`");

        assertThat(TestRepo.create().file("pyproject.toml", pyproject).file("uv.lock", "version = 1\n").scan(rule)
                .findings()).isEmpty();
        assertThat(TestRepo.create().file("pyproject.toml", pyproject).file("other/poetry.lock", "").scan(rule)
                .findings()).hasSize(4);
        assertThat(TestRepo.create().file("pyproject.toml", pyproject).file("Pipfile.lock", "{}").scan(rule)
                .findings()).hasSize(4);
    }

    @Test
    void pipfileRangesNeedPipfileLock() {
        String pipfile = """
                [packages]
                pandas = "*"
                numpy = "==1.26.4"
                features = {git = "https://github.com/org/features.git", ref = "main"}

                [requires]
                python_version = "3.11"
                """;
        Report r = TestRepo.create().file("Pipfile", pipfile).scan(rule);
        assertThat(locations(r)).containsExactly("Pipfile:2", "Pipfile:4");
        assertThat(message(r, "Pipfile:2")).isEqualTo("Pin `pandas` to the exact version you tested with "
                + "(`pandas = \"==<version>\"`) instead of leaving it open, or commit `Pipfile.lock` (`pipenv lock`) "
                + "beside the Pipfile.");
        assertThat(message(r, "Pipfile:4")).contains("(`ref = \"<commit>\"`) instead of `main`");
        assertThat(TestRepo.create().file("Pipfile", pipfile).file("Pipfile.lock", "{}").scan(rule).findings())
                .isEmpty();
    }

    @Test
    void condaEnvironmentSpecsAndPipListButNotPythonOrPip() {
        String env = """
                name: churn
                dependencies:
                  - python=3.11
                  - pip
                  - numpy=1.21
                  - pandas==2.2.2
                  - scipy=1.13.0
                  - pip:
                      - torch==2.3.1
                      - transformers>=4.40
                """;
        Report r = TestRepo.create().file("environment.yml", env).scan(rule);
        assertThat(locations(r)).containsExactly("environment.yml:5", "environment.yml:10");
        assertThat(message(r, "environment.yml:5")).isEqualTo("Pin `numpy` to the exact version you tested with "
                + "(`numpy==<version>`) instead of `numpy=1.21`, or commit a `conda-lock.yml` "
                + "(`conda-lock -f environment.yml`) beside it.");
        assertThat(message(r, "environment.yml:10")).contains("`transformers==<version>`").contains("conda-lock");
        assertThat(TestRepo.create().file("environment.yml", env).file("conda-lock.yml", "").scan(rule).findings())
                .isEmpty();
    }

    @Test
    void pullRequestFindingsAreNewOnAddedLinesOnlyAndUnchangedManifestsAreNotReported() {
        Report r = TestRepo.create()
                .file("requirements.txt", "pandas>=2\nnumpy==1.26.4\n")
                .file("requirements-dev.txt", "pytest\n")
                .change().modify("requirements.txt", "pandas>=2\nnumpy==1.26.4\nscipy\n").evaluate(rule);
        assertThat(r.findings()).extracting(Finding::location, Finding::isNew).containsExactly(
                tuple("requirements.txt:1", false), tuple("requirements.txt:3", true));
    }

    @Test
    void aPullRequestThatAddsAConstraintPinFixesTheLineWithoutTouchingIt() {
        Report r = TestRepo.create()
                .file("requirements.txt", "-c constraints.txt\npandas\n").file("constraints.txt", "numpy==1.26.4\n")
                .change().modify("constraints.txt", "numpy==1.26.4\npandas==2.2.2\n").evaluate(rule);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void inAPullRequestAnUnchangedRequirementsFileIsNotRead() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("requirements.txt", "pandas\n");
        files.put("requirements-gpu.txt", "-r requirements.txt\ntorch==2.3.1\n");
        files.put("src/train.py", "x = 1\n");
        List<String> loaded = new ArrayList<>();
        List<FileEntry> entries = files.keySet().stream().map(p -> new FileEntry(p, files.get(p).length())).toList();
        Snapshot tree = Snapshot.of(entries, f -> {
            loaded.add(f.path());
            return Optional.of(files.get(f.path()).getBytes(StandardCharsets.UTF_8));
        });
        BitSet line1 = new BitSet();
        line1.set(1);
        ChangeSet changes = ChangeSet.of(List.of(new FileChange("src/train.py", ChangeStatus.MODIFIED, null, line1)),
                false);
        RuleContext ctx = new RuleContext(tree, changes, ReadinessConfig.defaults(), RuleContext.Side.HEAD);
        rule.check(ctx, new Findings());
        assertThat(rule.reads().select(ctx)).isEmpty();
        assertThat(loaded).isEmpty();

        ChangeSet gpuChanged = ChangeSet.of(List.of(new FileChange("requirements-gpu.txt", ChangeStatus.MODIFIED,
                null, line1)), false);
        RuleContext gpu = new RuleContext(tree, gpuChanged, ReadinessConfig.defaults(), RuleContext.Side.HEAD);
        assertThat(rule.reads().select(gpu)).containsExactly("requirements-gpu.txt");
        rule.check(gpu, new Findings());
        // the include is followed for its constraints, but its own lines are not reported
        assertThat(loaded).containsExactly("requirements-gpu.txt", "requirements.txt");
    }

    @Test
    void includedUnchangedFileGetsNoFindingsInAPullRequest() {
        Report r = TestRepo.create()
                .file("requirements.txt", "pandas\n").file("requirements-gpu.txt", "-r requirements.txt\n")
                .change().modify("requirements-gpu.txt", "-r requirements.txt\ntorch==2.3.1\n").evaluate(rule);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void notApplicableWithoutACheckableManifestAndInvalidTomlIsSkipped() {
        Report none = TestRepo.create().file("setup.py", "setup(install_requires=['pandas'])\n").scan(rule);
        assertThat(none.findings()).isEmpty();
        assertThat(none.scores()).noneMatch(s -> s.category() == Category.REPRODUCIBILITY);

        Report broken = TestRepo.create().file("pyproject.toml", "[project\n").scan(rule);
        assertThat(broken.findings()).isEmpty();
        assertThat(broken.skipped()).singleElement().satisfies(s -> {
            assertThat(s.path()).isEqualTo("pyproject.toml");
            assertThat(s.reason()).contains("pyproject.toml");
        });
    }

    @Test
    void commentsBlankLinesAndOptionsAloneGiveNothing() {
        Report r = TestRepo.create().file("requirements.txt", "# pandas\n\n   \n--pre\n-i https://x.org/simple\n"
                + "numpy==1.26.4  # pandas>=2\n").scan(rule);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void inlineSuppressionOnARequirementLine() {
        Report r = TestRepo.create().file("requirements.txt",
                "pandas>=2  # readiness: ignore[reproducibility/unpinned-dependency]\nscipy\n").scan(rule);
        assertThat(locations(r)).containsExactly("requirements.txt:2");
        assertThat(r.suppressed()).isEqualTo(1);
    }
}
