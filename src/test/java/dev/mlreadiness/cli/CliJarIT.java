package dev.mlreadiness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mlreadiness.engine.RuleCatalog;

/**
 * The one-file CLI that {@code ./mvnw package} builds, run as its own process (no Quarkus, no build): it gives the
 * same report, byte for byte, as the CLI run in-process from the classes, for every format, and holds only the
 * CLI's classes and libraries.
 */
class CliJarIT {

    private static final Path EXAMPLE = Path.of("examples/churn-model").toAbsolutePath();

    @ParameterizedTest
    @ValueSource(strings = { "text", "markdown", "json", "sarif", "github" })
    void everyFormatOfTheExampleMatchesTheInProcessCli(String format) throws Exception {
        CliJar.Run jar = CliJar.run(EXAMPLE, Map.of("NO_COLOR", "1"), "check", ".", "--format", format);
        CliRun inProcess = CliRun.of(RuleCatalog.standard(), "check", EXAMPLE.toString(), "--format", format);
        assertThat(jar.err()).isEmpty();
        assertThat(jar.exit()).as("findings at fail-on error").isEqualTo(Cli.FINDINGS).isEqualTo(inProcess.exit());
        assertThat(jar.out()).isNotBlank().isEqualTo(inProcess.out());
        if (format.equals("sarif")) {
            try (InputStream in = CliJarIT.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
                var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
                assertThat(schema.validate(new ObjectMapper().readTree(jar.out()))).isEmpty();
            }
        }
    }

    @Test
    void theExamplesFolderAsAWholeAndTheCommands() throws Exception {
        CliJar.Run version = CliJar.run(EXAMPLE, Map.of(), "--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("ml-readiness ").doesNotContain("dev\n");

        CliJar.Run rules = CliJar.run(EXAMPLE, Map.of(), "rules");
        assertThat(rules.exit()).isZero();
        assertThat(rules.out().lines()).hasSize(RuleCatalog.standard().infos().size());

        CliJar.Run explain = CliJar.run(EXAMPLE, Map.of(), "explain", "structure/readme");
        assertThat(explain.exit()).isZero();
        assertThat(explain.out()).contains("## What it does");

        CliJar.Run all = CliJar.run(EXAMPLE.getParent(), Map.of(), "check", ".", "--format", "json");
        assertThat(all.err()).isEmpty();
        assertThat(new ObjectMapper().readTree(all.out()).get("findings").size()).isPositive();

        CliJar.Run bad = CliJar.run(EXAMPLE, Map.of(), "check", ".", "--format", "yaml");
        assertThat(bad.exit()).isEqualTo(Cli.ERROR);
        assertThat(bad.err()).startsWith("readiness: unknown --format yaml");
    }

    @Test
    void stagedReviewsTheIndexOfARepositoryBuiltHere(@TempDir Path tmp) throws Exception {
        GitFixture g = GitFixture.init(tmp).write("README.md", "# Churn\n\nPredicts churn.\n")
                .write("requirements.txt", "numpy==1.26.4\nscikit-learn==1.4.2\n")
                .write("train.py", "import numpy as np\nnp.random.seed(0)\n").commit("base");
        g.write("split.py", "from sklearn.model_selection import train_test_split\n\n"
                + "a, b = train_test_split([1, 2, 3, 4])\n");
        CliJar.Run unstaged = CliJar.run(tmp, Map.of(), "check", ".", "--staged", "--fail-on", "warning");
        assertThat(unstaged.exit()).as(unstaged.out() + unstaged.err()).isEqualTo(Cli.OK);

        g.git("add", "split.py");
        CliJar.Run staged = CliJar.run(tmp, Map.of(), "check", ".", "--staged", "--fail-on", "warning", "--format",
                "github");
        assertThat(staged.err()).isEmpty();
        assertThat(staged.exit()).isEqualTo(Cli.FINDINGS);
        assertThat(staged.out())
                .contains("::warning file=split.py,line=3,title=ml-readiness reproducibility/random-seed::");
    }

    /**
     * What a short run loads: a check of a folder that is not an ML project (and {@code --version}) decides before
     * any rule class is loaded, and without a config file nothing of the YAML parser; {@code rules} loads them all.
     */
    @Test
    void aFolderThatIsNotAnMlProjectLoadsNoRuleAndNoYamlParser(@TempDir Path tmp) throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        CliJar.Run check = CliJar.run(classLog(tmp, "check"), empty, Map.of(), "check", ".");
        assertThat(check.err()).isEmpty();
        assertThat(check.exit()).isEqualTo(Cli.OK);
        assertThat(check.out()).isEqualTo("Not checked: not an ML project: no notebook, no ML library in a dependency "
                + "manifest and no .github/ml-readiness.yml\nResult: skipped\n");
        assertThat(loaded(tmp, "check"))
                .contains("dev.mlreadiness.cli.Main", "dev.mlreadiness.engine.MlProjectDetector")
                .noneMatch(c -> c.startsWith("dev.mlreadiness.engine.rules.") || c.startsWith("com.fasterxml.")
                        || c.startsWith("org.yaml."));

        CliJar.Run version = CliJar.run(classLog(tmp, "version"), empty, Map.of(), "--version");
        assertThat(version.exit()).isZero();
        assertThat(loaded(tmp, "version")).contains("dev.mlreadiness.cli.Main")
                .noneMatch(c -> c.startsWith("dev.mlreadiness.engine.rules."));

        CliJar.Run rules = CliJar.run(classLog(tmp, "rules"), empty, Map.of(), "rules");
        assertThat(rules.exit()).isZero();
        assertThat(loaded(tmp, "rules")).contains("dev.mlreadiness.engine.rules.structure.ReadmeRule",
                "dev.mlreadiness.engine.rules.production.EnvironmentParityRule");
    }

    /**
     * The launcher's class-data-sharing archive, made by the training run, holds every class of ours (lambdas
     * included) that a check of a folder that is not an ML project loads, and a check of the example too.
     */
    @Test
    void theTrainingRunArchivesWhatAnEmptyFolderAndTheExampleLoad(@TempDir Path tmp) throws Exception {
        Path archive = tmp.resolve("cli.jsa");
        CliJar.Run training = CliJar.exec(List.of(CliJar.java(), "@" + CliJar.OPTIONS,
                "-XX:ArchiveClassesAtExit=" + archive, "-cp", CliJar.JAR.toString(),
                ArchiveTraining.class.getName(), EXAMPLE.toString()), tmp, Map.of());
        assertThat(training.exit()).isZero();
        assertThat(training.out()).isEmpty();
        assertThat(archive).isNotEmptyFile();

        Path empty = Files.createDirectory(tmp.resolve("empty"));
        for (Path dir : List.of(empty, EXAMPLE)) {
            String name = dir.getFileName().toString();
            List<String> options = new java.util.ArrayList<>(classLog(tmp, name));
            options.add("-XX:SharedArchiveFile=" + archive);
            CliJar.Run check = CliJar.run(options, dir, Map.of(), "check", ".");
            assertThat(check.err()).isEmpty();
            // the example's rules link some lambdas on the parse-ahead pool's threads as well as on the main one: a
            // call site linked by two threads at once may be generated at run time, so only its classes are asked
            List<String> ours = Files.readAllLines(tmp.resolve(name + ".txt")).stream()
                    .filter(l -> l.contains("] dev.mlreadiness.") && (dir == empty || !l.contains("$$Lambda")))
                    .toList();
            assertThat(ours).isNotEmpty().allMatch(l -> l.contains("source: shared objects file"));
        }
    }

    /** Without a temporary folder for the empty check, the training still archives the example's classes. */
    @Test
    void theTrainingRunWithoutATemporaryFolderStillArchivesTheExample(@TempDir Path tmp) throws Exception {
        Path archive = tmp.resolve("cli.jsa");
        CliJar.Run training = CliJar.exec(List.of(CliJar.java(), "@" + CliJar.OPTIONS,
                "-Djava.io.tmpdir=" + tmp.resolve("missing"), "-XX:ArchiveClassesAtExit=" + archive, "-cp",
                CliJar.JAR.toString(), ArchiveTraining.class.getName(), EXAMPLE.toString()), tmp, Map.of());
        assertThat(training.exit()).as(training.err()).isZero();
        List<String> options = new java.util.ArrayList<>(classLog(tmp, "example"));
        options.add("-XX:SharedArchiveFile=" + archive);
        CliJar.run(options, EXAMPLE, Map.of(), "check", ".");
        assertThat(Files.readAllLines(tmp.resolve("example.txt")))
                .anyMatch(l -> l.contains("] dev.mlreadiness.engine.rules.structure.ReadmeRule source: shared"));
    }

    /** The JVM option that logs the classes a run loads into {@code dir/NAME.txt}. */
    private static List<String> classLog(Path dir, String name) {
        return List.of("-Xlog:class+load=info:file=" + dir.resolve(name + ".txt"));
    }

    /** The classes a run logged with {@code -Xlog:class+load}, by name. */
    private static List<String> loaded(Path dir, String name) throws java.io.IOException {
        return Files.readAllLines(dir.resolve(name + ".txt")).stream().filter(l -> l.contains("[class,load]"))
                .map(l -> l.substring(l.indexOf("[class,load]") + "[class,load]".length()).strip().split(" ")[0])
                .toList();
    }

    /**
     * {@code readiness check . | head}: a reader that closes the pipe is not an error, the exit code is the check's
     * own and stderr stays empty. The pipe is closed before the report is written (the JVM takes far longer to start
     * than this takes), so the write surely meets EPIPE; closing it after reading a line would not, as the example's
     * whole report goes into the pipe's buffer in one write.
     */
    @Test
    void aReaderThatClosesThePipeIsNoError() throws Exception {
        List<String> cmd = List.of(CliJar.java(), "@" + CliJar.OPTIONS, "-jar", CliJar.JAR.toString(), "check", ".");
        Process p = new ProcessBuilder(cmd).directory(EXAMPLE.toFile()).start();
        p.getOutputStream().close();
        p.getInputStream().close();
        String err;
        try (InputStream in = p.getErrorStream()) {
            err = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(err).isEmpty();
        assertThat(p.exitValue()).as("findings at fail-on error").isEqualTo(Cli.FINDINGS);
    }

    @Test
    void theJarHoldsTheCliAndItsLibrariesOnly() throws Exception {
        try (JarFile zip = new JarFile(CliJar.JAR.toFile())) {
            List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
            assertThat(names).contains("dev/mlreadiness/cli/Main.class", "dev/mlreadiness/report/tool.properties",
                    "dev/mlreadiness/engine/deps/ml-libraries.txt");
            assertThat(names).noneMatch(n -> n.startsWith("io/quarkus/") || n.startsWith("dev/mlreadiness/github/")
                    || n.startsWith("org/kohsuke/") || n.equals("application.properties"));
            assertThat(zip.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("dev.mlreadiness.cli.Main");
        }
        // a few MB: Jackson, SnakeYAML and commonmark beside our classes (the app's lib/ is over 50 MB)
        assertThat(Files.size(CliJar.JAR)).isLessThan(8L * 1024 * 1024);
    }
}
