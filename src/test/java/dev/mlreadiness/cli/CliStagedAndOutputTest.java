package dev.mlreadiness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlreadiness.engine.RuleCatalog;

/**
 * {@code check --staged} (the index against HEAD, as a pre-commit hook sees it) on git repositories built here, and
 * the CI-facing output options: {@code --format github} and {@code --color}/{@code NO_COLOR}.
 */
class CliStagedAndOutputTest {

    private static final String README = """
            # Churn

            Predicts which customers leave.

            ## Usage

            ```bash
            python train.py
            ```
            """;

    private static final String SEEDED = """
            import numpy as np
            from sklearn.model_selection import train_test_split

            X = np.load("x.npy")
            y = np.load("y.npy")
            X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
            """;

    private static final String UNSEEDED = SEEDED.replace(", random_state=0", "");

    @TempDir
    Path tmp;

    private GitFixture committed() {
        return GitFixture.init(tmp).write("README.md", README).write("train.py", SEEDED)
                .write("requirements.txt", "numpy==1.26.4\nscikit-learn==1.4.2\n").commit("base");
    }

    /** "rule path:line new|existing" of each finding of {@code check --staged --format json}, and the exit code. */
    private List<String> staged(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("check", tmp.toString(), "--staged", "--format", "json"));
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
        out.add("exit " + r.exit());
        return out;
    }

    /** Standard output that fails (a full disk, a closed pipe): exit 2 and a line on stderr, not 0 or 1 in silence. */
    @Test
    void aReportThatCannotBeWrittenIsAnError() throws Exception {
        committed();
        for (String format : List.of("text", "json", "sarif")) {
            OutputStream full = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    throw new IOException("No space left on device");
                }
            };
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = new Cli(RuleCatalog.standard(), new PrintStream(full, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run("check", tmp.toString(), "--format",
                            format);
            assertThat(exit).as(format).isEqualTo(Cli.ERROR);
            assertThat(err.toString(StandardCharsets.UTF_8)).as(format)
                    .isEqualTo("readiness: could not write the report to standard output\n");

            // Main's standard output keeps the cause, and the message says it
            err.reset();
            exit = new Cli(RuleCatalog.standard(), StandardOutput.over(failingAfter(20, "No space left on device"),
                    StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run("check",
                            tmp.toString(), "--format", format);
            assertThat(exit).as(format).isEqualTo(Cli.ERROR);
            assertThat(err.toString(StandardCharsets.UTF_8)).as(format)
                    .isEqualTo("readiness: could not write the report to standard output: No space left on device\n");
        }
    }

    /**
     * {@code readiness check . | head}: the reader closed the pipe on purpose. Not an error: the report stops quietly
     * and the exit code is the check's own, as for tools that die quietly on SIGPIPE.
     */
    @Test
    void aReaderThatClosesThePipeEndsTheReportQuietlyWithTheChecksExitCode() throws Exception {
        GitFixture g = committed();
        g.write("train.py", UNSEEDED).commit("unseeded");
        for (String format : List.of("text", "json", "sarif")) {
            CliRun whole = CliRun.of(RuleCatalog.standard(), "check", tmp.toString(), "--format", format,
                    "--fail-on", "warning");
            assertThat(whole.exit()).as(format).isEqualTo(Cli.FINDINGS);
            assertThat(whole.out().length()).as(format).isGreaterThan(20);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = new Cli(RuleCatalog.standard(),
                    StandardOutput.over(failingAfter(20, "Broken pipe"), StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run("check", tmp.toString(), "--format",
                            format, "--fail-on", "warning");
            assertThat(err.toString(StandardCharsets.UTF_8)).as(format).isEmpty();
            assertThat(exit).as(format).isEqualTo(whole.exit());
        }
        // and the same with nothing to report at or above fail-on: 0, not 2
        int exit = new Cli(RuleCatalog.standard(),
                StandardOutput.over(failingAfter(0, "Broken pipe"), StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run("check",
                        tmp.toString(), "--fail-on", "never");
        assertThat(exit).isEqualTo(Cli.OK);
    }

    /** A sink that takes {@code limit} bytes, then fails every write with {@code message}. */
    private static OutputStream failingAfter(int limit, String message) {
        return new OutputStream() {
            private int taken;

            @Override
            public void write(int b) throws IOException {
                if (taken >= limit) {
                    throw new IOException(message);
                }
                taken++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int i = 0; i < len; i++) {
                    write(b[off + i]);
                }
            }
        };
    }

    @Test
    void onlyWhatIsStagedIsReviewedAndOnlyItsNewGapsFail() throws Exception {
        GitFixture g = committed();
        assertThat(staged()).as("nothing staged").noneMatch(f -> f.endsWith(" new")).contains("exit 0");

        // an unseeded split in the work tree but not staged: not part of the commit, not reviewed
        g.write("train.py", UNSEEDED);
        assertThat(staged()).noneMatch(f -> f.endsWith(" new")).contains("exit 0");

        g.git("add", "train.py");
        assertThat(staged()).as("a warning: not at fail-on error").contains(
                "reproducibility/random-seed train.py:6 new", "exit 0");
        assertThat(staged("--fail-on", "warning")).contains("reproducibility/random-seed train.py:6 new", "exit 1");

        // the work tree fixed again but the index still holds the gap: the commit would hold it
        g.write("train.py", SEEDED);
        assertThat(staged("--fail-on", "warning")).contains("reproducibility/random-seed train.py:6 new", "exit 1");

        // existing debt never fails a staged review: the repository has many existing gaps, none new
        g.git("add", "train.py");
        assertThat(staged("--fail-on", "notice")).anyMatch(f -> f.endsWith(" existing"))
                .noneMatch(f -> f.endsWith(" new")).contains("exit 0");
    }

    @Test
    void aStagedNewFileAndTheFirstCommitOfARepository() throws Exception {
        GitFixture g = GitFixture.init(tmp).write("README.md", README).write("train.py", UNSEEDED)
                .write("requirements.txt", "numpy==1.26.4\nscikit-learn==1.4.2\n")
                .write("notes.py", "import random\n\nrandom.shuffle([1, 2])\n");
        g.git("add", "README.md", "train.py", "requirements.txt");
        // no commit yet: the base is the empty tree, everything staged is new; notes.py is not staged, not seen
        assertThat(staged("--fail-on", "warning")).contains("reproducibility/random-seed train.py:6 new", "exit 1")
                .noneMatch(f -> f.contains("notes.py"));

        g.git("commit", "-q", "-m", "first");
        g.git("add", "notes.py");
        assertThat(staged()).anyMatch(f -> f.startsWith("reproducibility/random-seed notes.py") && f.endsWith(" new"))
                .as("a review of a change reads only the files it changes")
                .noneMatch(f -> f.contains("train.py"));
    }

    @Test
    void stagedNeedsGitAndExcludesBase() throws Exception {
        CliRun plain = CliRun.of(RuleCatalog.standard(), "check", tmp.toString(), "--staged");
        assertThat(plain.exit()).isEqualTo(Cli.ERROR);
        assertThat(plain.err()).contains("--staged needs a git repository");

        committed();
        CliRun both = CliRun.of(RuleCatalog.standard(), "check", tmp.toString(), "--staged", "--base", "main");
        assertThat(both.exit()).isEqualTo(Cli.ERROR);
        assertThat(both.err()).contains("--base and --staged");
    }

    @Test
    void githubFormatAnnotatesTheStagedGap() throws Exception {
        GitFixture g = committed();
        g.write("train.py", UNSEEDED);
        g.git("add", "train.py");
        CliRun r = CliRun.of(RuleCatalog.standard(), "check", tmp.toString(), "--staged", "--format", "github",
                "--fail-on", "warning");
        assertThat(r.exit()).isEqualTo(Cli.FINDINGS);
        assertThat(r.out().lines().filter(l -> l.startsWith("::")))
                .anyMatch(l -> l
                        .startsWith("::warning file=train.py,line=6,title=ml-readiness reproducibility/random-seed::"))
                .as("only the staged change's new gaps").allMatch(l -> l.contains("file=train.py"));
        assertThat(r.out().lines().reduce((a, b) -> b).orElseThrow()).startsWith("ml-readiness: ")
                .contains("result: failure");
    }

    /** The text report with a given environment and terminal. */
    private static String text(Map<String, String> env, boolean terminal, String... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("check", Path.of("examples/churn-model").toString()));
        args.addAll(List.of(extra));
        new Cli(RuleCatalog.standard(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                env::get, () -> terminal).run(args.toArray(String[]::new));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void colourOnlyInATerminalWithoutNoColourUnlessAsked() {
        String plain = text(Map.of(), false);
        assertThat(plain).doesNotContain("\u001b[");

        String coloured = text(Map.of(), true);
        assertThat(coloured).contains("\u001b[31merror\u001b[0m", "Result: \u001b[31mfailure\u001b[0m");
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).as("colour only, same text").isEqualTo(plain);

        assertThat(text(Map.of("NO_COLOR", "1"), true)).isEqualTo(plain);
        assertThat(text(Map.of("NO_COLOR", ""), true)).as("an empty NO_COLOR is unset").isEqualTo(coloured);
        assertThat(text(Map.of("TERM", "dumb"), true)).isEqualTo(plain);
        assertThat(text(Map.of("NO_COLOR", "1"), false, "--color=always")).isEqualTo(coloured);
        assertThat(text(Map.of(), true, "--color", "never")).isEqualTo(plain);
        assertThat(text(Map.of(), true, "--format", "json")).doesNotContain("\u001b[");

        CliRun bad = CliRun.of(RuleCatalog.standard(), "check", ".", "--color", "sometimes");
        assertThat(bad.exit()).isEqualTo(Cli.ERROR);
        assertThat(bad.err()).contains("unknown --color sometimes");
    }
}
