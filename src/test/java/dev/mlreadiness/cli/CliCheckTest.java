package dev.mlreadiness.cli;

import static dev.mlreadiness.engine.TestRules.LICENSE;
import static dev.mlreadiness.engine.TestRules.SPACES;
import static dev.mlreadiness.engine.TestRules.TODO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlreadiness.engine.Checklist;
import dev.mlreadiness.engine.TestRules;
import dev.mlreadiness.report.DocsLinks;

/** {@code readiness check} end to end on folders and git repositories built in temp folders. */
class CliCheckTest {

    private static final Checklist RULES = TestRules.checklist(true, LICENSE, SPACES, TODO);

    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(RULES, args);
    }

    private static JsonNode json(CliRun run) throws Exception {
        return new ObjectMapper().readTree(run.out());
    }

    /** (path, line, new) of each finding, line 0 when absent. */
    private static List<String> findings(JsonNode root) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : root.get("findings")) {
            out.add(f.get("ruleId").asText() + " " + f.get("path").asText("-") + ":" + f.get("line").asInt()
                    + (f.get("new").asBoolean() ? " new" : " existing"));
        }
        return out;
    }

    private static void write(Path p, String content) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    @Test
    void plainFolderIsWalkedAndPrintedAsText() throws Exception {
        write(tmp.resolve("LICENSE"), "MIT\n");
        write(tmp.resolve("src/train.py"), "x = 1\n# TODO: seed\n");
        write(tmp.resolve("vendor/lib/.git/hooks/x.py"), "# TODO inside a nested .git\n");
        CliRun r = run("check", tmp.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                Project structure  2/2 checks pass  (0 new, 0 existing)

                Reproducibility  0/1 checks pass  (0 new, 1 existing)
                  src/train.py:2  warning  reproducibility/test-todo  Resolve the TODO.

                Result: success  (1 finding(s); fail-on: error)
                """);
        assertThat(r.exit()).isEqualTo(Cli.OK);
    }

    @Test
    void findingsAtFailOnExitWithOne() throws Exception {
        write(tmp.resolve("a.py"), "# TODO\n");
        CliRun missingLicense = run("check", tmp.toString());
        assertThat(missingLicense.exit()).isEqualTo(Cli.FINDINGS);
        assertThat(missingLicense.out()).contains("-       error    structure/test-license  Add a LICENSE file.");

        write(tmp.resolve("LICENSE"), "MIT\n");
        assertThat(run("check", tmp.toString()).exit()).as("warnings only, fail-on error").isEqualTo(Cli.OK);
        assertThat(run("check", tmp.toString(), "--fail-on", "warning").exit()).isEqualTo(Cli.FINDINGS);
        assertThat(run("check", tmp.toString(), "--fail-on=notice").exit()).isEqualTo(Cli.FINDINGS);
    }

    @Test
    void failOnFromTheCommandLineOverridesTheConfig() throws Exception {
        write(tmp.resolve("a.py"), "# TODO\n");
        write(tmp.resolve("LICENSE"), "MIT\n");
        write(tmp.resolve(".github/ml-readiness.yml"), "fail-on: warning\n");
        assertThat(run("check", tmp.toString()).exit()).isEqualTo(Cli.FINDINGS);
        assertThat(run("check", tmp.toString(), "--fail-on", "never").exit()).isEqualTo(Cli.OK);
        assertThat(run("check", tmp.toString(), "--fail-on", "error").exit()).isEqualTo(Cli.OK);
    }

    @Test
    void gitWorkTreeIsListedAsGitSeesIt() throws Exception {
        GitFixture g = GitFixture.init(tmp).write("LICENSE", "MIT\n").write(".gitignore", "build/\n")
                .write("a.py", "# TODO tracked\n").commit("base");
        g.write("untracked.py", "# TODO untracked\n").write("build/gen.py", "# TODO ignored\n");
        CliRun r = run("check", tmp.toString(), "--format", "json");
        assertThat(r.exit()).isEqualTo(Cli.OK);
        JsonNode root = json(r);
        assertThat(root.get("mode").asText()).isEqualTo("full-scan");
        assertThat(findings(root)).containsExactly("reproducibility/test-todo a.py:1 existing",
                "reproducibility/test-todo untracked.py:1 existing");
    }

    @Test
    void subfolderOfAGitRepositoryIsScannedWithPathsRelativeToIt() throws Exception {
        GitFixture.init(tmp).write("project/LICENSE", "MIT\n").write("project/src/a.py", "# TODO\n")
                .write("other/b.py", "# TODO elsewhere\n").commit("base");
        JsonNode root = json(run("check", tmp.resolve("project").toString(), "--format", "json"));
        assertThat(findings(root)).containsExactly("reproducibility/test-todo src/a.py:1 existing");
    }

    @Test
    void pullRequestModeJudgesNewAgainstTheMergeBase() throws Exception {
        GitFixture g = GitFixture.init(tmp).write("LICENSE", "MIT\n").write("a.py", "old = 1  # TODO\n")
                .write("untouched.py", "# TODO never read\n").commit("base");
        g.branch("feature").write("a.py", "old = 1  # TODO\nnew = 2  # TODO\n").write("b.py", "x = 1\n# TODO\n")
                .commit("feature");
        g.git("checkout", "-q", "main");
        g.write("main-only.py", "# TODO after the branch point\n").commit("main moves on");
        g.git("checkout", "-q", "feature");

        CliRun r = run("check", tmp.toString(), "--base", "main", "--format", "json");
        assertThat(r.err()).isEmpty();
        JsonNode root = json(r);
        assertThat(root.get("mode").asText()).isEqualTo("pull-request");
        assertThat(findings(root)).containsExactly("reproducibility/test-todo a.py:1 existing",
                "reproducibility/test-todo a.py:2 new", "reproducibility/test-todo b.py:2 new");
        assertThat(r.exit()).as("new warnings, fail-on error").isEqualTo(Cli.OK);
        assertThat(run("check", tmp.toString(), "--base", "main", "--fail-on", "warning").exit())
                .isEqualTo(Cli.FINDINGS);
    }

    @Test
    void existingDebtDoesNotFailAPullRequest() throws Exception {
        GitFixture g = GitFixture.init(tmp).write("a.py", "x = 1\n").commit("base without LICENSE");
        g.branch("feature").write("b.py", "y = 2\n").commit("feature");
        CliRun r = run("check", tmp.toString(), "--base", "main", "--format", "json");
        assertThat(findings(json(r))).containsExactly("structure/test-license -:0 existing");
        assertThat(r.exit()).isEqualTo(Cli.OK);

        GitFixture h = GitFixture.init(Files.createDirectories(tmp.resolve("second"))).write("LICENSE", "MIT\n")
                .commit("base");
        h.branch("feature").git("rm", "-q", "LICENSE");
        h.commit("drop the license");
        CliRun caused = run("check", h.dir().toString(), "--base", "main", "--format", "json");
        assertThat(findings(json(caused))).containsExactly("structure/test-license -:0 new");
        assertThat(caused.exit()).isEqualTo(Cli.FINDINGS);
    }

    @Test
    void renamedFileIsNewForFileRulesButItsOldLinesAreExisting() throws Exception {
        GitFixture g = GitFixture.init(tmp).write("LICENSE", "MIT\n")
                .write("src/model.py", "import os\n# TODO keep\nx = 1\ny = 2\nz = 3\n").commit("base");
        g.branch("feature").move("src/model.py", "src/my model.py").commit("rename");
        CliRun r = run("check", tmp.toString(), "--base", "main", "--format", "json");
        assertThat(findings(json(r))).containsExactly("structure/test-spaces src/my model.py:0 new",
                "reproducibility/test-todo src/my model.py:2 existing");
    }

    @Test
    void deletedFilesAreNotReadAndUnicodeNamesSurvive() throws Exception {
        GitFixture g = GitFixture.init(tmp).write("LICENSE", "MIT\n").write("gone.py", "# TODO\n").commit("base");
        g.branch("feature").git("rm", "-q", "gone.py");
        // content unlike gone.py's, or git would call it a rename; another TODO, or it would be gone.py's, moved
        g.write("données/étape.py", "import pandas as pd\n# TODO: read the encoding\n").commit("feature");
        JsonNode root = json(run("check", tmp.toString(), "--base", "main", "--format", "json"));
        assertThat(findings(root)).containsExactly("reproducibility/test-todo données/étape.py:2 new");
    }

    @Test
    void badBaseRefIsAClearError() throws Exception {
        GitFixture.init(tmp).write("a.py", "x\n").commit("base");
        CliRun r = run("check", tmp.toString(), "--base", "no-such-branch");
        assertThat(r.exit()).isEqualTo(Cli.ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("readiness: --base no-such-branch: no such commit, branch or tag in "
                + tmp.toAbsolutePath().normalize() + "\n");
    }

    @Test
    void baseOnAFolderWithoutGitIsAnError() throws Exception {
        write(tmp.resolve("a.py"), "x\n");
        CliRun r = run("check", tmp.toString(), "--base", "main");
        assertThat(r.exit()).isEqualTo(Cli.ERROR);
        assertThat(r.err()).startsWith("readiness: --base needs a git repository").doesNotContain("Exception");
    }

    @Test
    void badConfigNamesTheKey() throws Exception {
        write(tmp.resolve(".github/ml-readiness.yml"), "fail-on: sometimes\n");
        CliRun r = run("check", tmp.toString());
        assertThat(r.exit()).isEqualTo(Cli.ERROR);
        assertThat(r.err()).isEqualTo("readiness: .github/ml-readiness.yml: `fail-on`: `sometimes` is not allowed; "
                + "use one of error, warning, notice, never\n");

        write(tmp.resolve("other.yml"), "rules:\n  reproducibility/test-todoo: off\n");
        CliRun misspelt = run("check", tmp.toString(), "--config", tmp.resolve("other.yml").toString());
        assertThat(misspelt.exit()).isEqualTo(Cli.ERROR);
        assertThat(misspelt.err()).contains("`rules.reproducibility/test-todoo`")
                .contains("did you mean reproducibility/test-todo?");
    }

    @Test
    void explicitConfigFileMustExist() {
        CliRun r = run("check", tmp.toString(), "--config", tmp.resolve("nope.yml").toString());
        assertThat(r.exit()).isEqualTo(Cli.ERROR);
        assertThat(r.err()).isEqualTo("readiness: config file " + tmp.resolve("nope.yml") + " not found\n");
    }

    @Test
    void configTurnsRulesOffAndIgnoresPaths() throws Exception {
        write(tmp.resolve("a.py"), "# TODO\n");
        write(tmp.resolve("vendor/b.py"), "# TODO\n");
        write(tmp.resolve(".github/ml-readiness.yml"),
                "ignore: [\"vendor/**\"]\nrules:\n  structure/test-license: off\n");
        JsonNode root = json(run("check", tmp.toString(), "--format", "json"));
        assertThat(findings(root)).containsExactly("reproducibility/test-todo a.py:1 existing");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("check", tmp.toString(), "--format", "html"))
                .extracting(CliRun::exit, CliRun::err)
                .containsExactly(Cli.ERROR,
                        "readiness: unknown --format html; use one of text, markdown, json, sarif, github\n");
        assertThat(run("check", tmp.toString(), "--fail-on", "fatal").err())
                .isEqualTo("readiness: unknown --fail-on fatal; use one of error, warning, notice, never\n");
        assertThat(run("check").err()).isEqualTo("readiness: check needs a folder: readiness check DIR\n");
        assertThat(run("check", tmp.resolve("missing").toString()).err())
                .isEqualTo("readiness: " + tmp.resolve("missing") + " is not a folder\n");
        assertThat(run("check", tmp.toString(), "--bogus", "x").exit()).isEqualTo(Cli.ERROR);
        assertThat(run("check", tmp.toString(), "--base").err()).isEqualTo("readiness: --base needs a value\n");
        assertThat(run("frobnicate").exit()).isEqualTo(Cli.ERROR);
        CliRun none = run();
        assertThat(none.exit()).isEqualTo(Cli.ERROR);
        assertThat(none.err()).startsWith("Usage:");
    }

    @Test
    void outputFileReceivesTheReport() throws Exception {
        write(tmp.resolve("LICENSE"), "MIT\n");
        Path out = Files.createDirectories(tmp.resolve("reports")).resolve("out.sarif");
        CliRun r = run("check", tmp.toString(), "--format", "sarif", "--output", out.toString());
        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(r.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(out.toFile()).get("version").asText()).isEqualTo("2.1.0");
    }

    /** A report file is replaced whole or not at all: a write that fails half-way keeps the previous report. */
    @Test
    void aReportFileThatFailsHalfWayKeepsThePreviousOneAndLeavesNoTemporaryFile() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("reports"));
        Path out = dir.resolve("out.json");
        Files.writeString(out, "{\"previous\": \"good report\"}\n");
        IOException full = new IOException("No space left on device");
        Cli.Rendering failing = w -> {
            w.write("{\"findings\": [" + "x".repeat(100_000));
            w.flush();
            throw full;
        };
        assertThatThrownBy(() -> Cli.writeFile(failing, out)).isSameAs(full);
        assertThat(Files.readString(out)).isEqualTo("{\"previous\": \"good report\"}\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    /** A report that succeeds replaces the previous one, keeps its permissions, and goes through a link. */
    @Test
    void aReportFileReplacesThePreviousOneInPlace() throws Exception {
        write(tmp.resolve("LICENSE"), "MIT\n");
        Path dir = Files.createDirectories(tmp.resolve("reports"));
        Path out = dir.resolve("out.sarif");
        Files.writeString(out, "previous report, longer than nothing\n");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve("latest.sarif"), out.getFileName());
        CliRun r = run("check", tmp.toString(), "--format", "sarif", "--output", link.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(new ObjectMapper().readTree(out.toFile()).get("version").asText()).isEqualTo("2.1.0");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-r-----");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(out, link);
        }
        // a file that cannot be replaced (a device, a named pipe) is written in place
        CliRun device = run("check", tmp.toString(), "--output", "/dev/null");
        assertThat(device.err()).isEmpty();
        assertThat(device.exit()).isEqualTo(Cli.OK);
    }

    /** Issue #10: a mistyped folder used to be created silently, as a tree of new folders. */
    @Test
    void outputIntoAMissingFolderIsAnErrorAndCreatesNothing() throws Exception {
        write(tmp.resolve("LICENSE"), "MIT\n");
        Path out = tmp.resolve("nonexistent/dir/x");
        CliRun r = run("check", tmp.toString(), "--output", out.toString());
        assertThat(r.exit()).isEqualTo(Cli.ERROR);
        assertThat(r.err()).contains("cannot write " + out).contains("does not exist");
        assertThat(tmp.resolve("nonexistent")).doesNotExist();
    }

    /** Issue #10: a 10 MB comment line took 20.8 s and 968 MB of the YAML parser before it was refused. */
    @Test
    void anOversizedConfigIsAnErrorBeforeItIsRead() throws Exception {
        write(tmp.resolve(".github/ml-readiness.yml"), "# " + "x".repeat(10 * 1024 * 1024) + "\n");
        CliRun r = run("check", tmp.toString());
        assertThat(r.exit()).isEqualTo(Cli.ERROR);
        assertThat(r.err()).contains(".github/ml-readiness.yml: the file is 10,485,763 bytes")
                .contains("at most 65,536 bytes");
    }

    @Test
    void markdownFormatUsesTheSharedRendererWithOnlineLinks() throws Exception {
        write(tmp.resolve("a.py"), "# TODO\n");
        CliRun r = run("check", tmp.toString(), "--format", "markdown");
        assertThat(r.exit()).isEqualTo(Cli.FINDINGS);
        assertThat(r.out()).contains("| Category | Rules passed | New findings | Existing findings |")
                .contains("[how to fix](" + DocsLinks.ONLINE_BASE + "rules/structure/test-license.md)")
                .contains("`reproducibility/test-todo`");
    }

    @Test
    void pullRequestSarifIsValidAndMarksNewResults() throws Exception {
        GitFixture g = GitFixture.init(tmp).write("LICENSE", "MIT\n").write("a.py", "# TODO\n").commit("base");
        g.branch("feature").write("a.py", "# TODO\n# TODO two\n").commit("feature");
        CliRun r = run("check", tmp.toString(), "--base", "main", "--format", "sarif");
        JsonNode root = json(r);
        try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in).validate(root))
                    .isEmpty();
        }
        JsonNode results = root.get("runs").get(0).get("results");
        assertThat(results).extracting(n -> n.get("locations").get(0).get("physicalLocation").get("region")
                .get("startLine").asInt(), n -> n.get("properties").get("new").asBoolean())
                .containsExactly(tuple(1, false), tuple(2, true));
    }

    @Test
    void fullScanSarifAndJsonSayNothingIsNewAndExistingDebtFails() throws Exception {
        write(tmp.resolve("a.py"), "# TODO\n");
        CliRun sarif = run("check", tmp.toString(), "--format", "sarif");
        assertThat(sarif.exit()).as("the missing LICENSE is an error: a full scan fails on it").isEqualTo(Cli.FINDINGS);
        JsonNode root = json(sarif);
        try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in).validate(root))
                    .isEmpty();
        }
        assertThat(root.at("/runs/0/results")).hasSize(2)
                .allSatisfy(n -> assertThat(n.at("/properties/new").isBoolean()).isTrue())
                .extracting(n -> n.at("/properties/new").asBoolean()).containsOnly(false);

        CliRun json = run("check", tmp.toString(), "--format", "json");
        assertThat(json.exit()).isEqualTo(Cli.FINDINGS);
        assertThat(json(json).get("findings")).hasSize(2)
                .allSatisfy(n -> assertThat(n.get("new").isBoolean()).isTrue())
                .extracting(n -> n.get("new").asBoolean()).containsOnly(false);
    }

    @Test
    void notAnMlProjectSaysWhyAndExitsZero() throws Exception {
        write(tmp.resolve("main.go"), "package main\n");
        CliRun r = CliRun.of(TestRules.checklist(false, LICENSE, TODO), "check", tmp.toString());
        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(r.out()).startsWith("Not checked: not an ML project").endsWith("Result: skipped\n");
    }
}
