package dev.mlreadiness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code readiness} launcher, run by {@code sh} in a copy of the project's layout where {@code mvnw} and
 * {@code java} are stand-ins that record how they were called: it builds when the jar is missing or a source is newer
 * (changed, added or deleted), and only then; it makes the class-data-sharing archive after a build with the training
 * run; and it runs the jar with the options file and the archive.
 */
class LauncherTest {

    @TempDir
    Path root;
    private Path calls;
    private Path source;

    @BeforeEach
    void layout() throws IOException {
        Files.copy(Path.of("readiness"), root.resolve("readiness"));
        executable(root.resolve("readiness"));
        calls = root.resolve("calls.txt");
        source = root.resolve("src/main/java/A.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class A {}\n");
        Files.createDirectories(root.resolve("src/main/jvm"));
        Files.writeString(root.resolve("src/main/jvm/cli.options"), "-XX:+UseSerialGC\n");
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        // the build: makes the jar (or fails when asked to)
        script(root.resolve("mvnw"), """
                echo "mvnw $*" >> "%s"
                [ -f fail-build ] && { echo "compilation error"; exit 1; }
                mkdir -p target && echo jar > target/ml-readiness-cli.jar
                """.formatted(calls));
        // java: records its arguments; the archive run writes the archive it is asked for
        Path bin = Files.createDirectories(root.resolve("bin"));
        script(bin.resolve("java"), """
                echo "java $*" >> "%s"
                for a in "$@"; do
                  case "$a" in -XX:ArchiveClassesAtExit=*) echo archive > "${a#*=}" ;; esac
                done
                """.formatted(calls));
        age(root, Instant.now().minusSeconds(3600));
    }

    @Test
    void buildsOnFirstUseThenMakesTheArchiveWithTheTrainingRunThenRuns() throws Exception {
        CliJar.Run first = launch("check", "some dir");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).contains("readiness: building the application");
        Path real = root.toRealPath(); // as the launcher resolves its folder
        Path jar = real.resolve("target/ml-readiness-cli.jar");
        Path archive = real.resolve("target/ml-readiness-cli.jsa");
        String options = "java @" + real.resolve("src/main/jvm/cli.options");
        assertThat(Files.readAllLines(calls)).containsExactly("mvnw -q -B -DskipTests package",
                options + " -XX:ArchiveClassesAtExit=" + archive + "."
                        + pidOf(Files.readAllLines(calls).get(1)) + " -cp " + jar
                        + " dev.mlreadiness.cli.ArchiveTraining " + real.resolve("examples/churn-model"),
                options + " -XX:SharedArchiveFile=" + archive + " -jar "
                        + jar + " check some dir");
        assertThat(archive).hasContent("archive");

        Files.delete(calls);
        CliJar.Run second = launch("rules");
        assertThat(second.err()).isEmpty();
        assertThat(Files.readAllLines(calls)).as("up to date: no build, no new archive")
                .containsExactly(options + " -XX:SharedArchiveFile=" + archive + " -jar " + jar
                        + " rules");
    }

    @Test
    void rebuildsWhenASourceIsChangedAddedOrDeletedOrThePomChanges() throws Exception {
        launch("--version");
        assertThat(builds()).isEqualTo(1);
        launch("--version");
        assertThat(builds()).isEqualTo(1);

        edit(source);
        launch("--version");
        assertThat(builds()).as("an edited source").isEqualTo(2);
        assertThat(archiveRuns()).as("the archive is made again for the new jar").isEqualTo(2);

        Path added = root.resolve("src/main/java/B.java");
        Files.writeString(added, "class B {}\n");
        Files.setLastModifiedTime(added, FileTime.from(Instant.now().minusSeconds(7200))); // an old file moved in
        launch("--version");
        assertThat(builds()).as("an added source (its folder changed)").isEqualTo(3);

        Files.delete(added);
        launch("--version");
        assertThat(builds()).as("a deleted source (its folder changed)").isEqualTo(4);

        edit(root.resolve("pom.xml"));
        launch("--version");
        assertThat(builds()).as("the pom").isEqualTo(5);
        launch("--version");
        assertThat(builds()).isEqualTo(5);
    }

    @Test
    void aFailedBuildShowsItsOutputAndExitsWithTwo() throws Exception {
        Files.writeString(root.resolve("fail-build"), "");
        CliJar.Run run = launch("check", ".");
        assertThat(run.exit()).isEqualTo(Cli.ERROR);
        assertThat(run.err()).contains("compilation error", "readiness: the build failed");
        assertThat(Files.readAllLines(calls)).noneMatch(l -> l.startsWith("java "));
    }

    @Test
    void worksFromAnyFolderAndThroughARelativePath() throws Exception {
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        CliJar.Run run = CliJar.exec(List.of("sh", "../readiness", "--version"), elsewhere, env());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readAllLines(calls)).last().asString().endsWith(" -jar "
                + root.toRealPath().resolve("target/ml-readiness-cli.jar") + " --version");
    }

    @Test
    void worksThroughSymbolicLinksInAnotherFolder() throws Exception {
        Path bin = Files.createDirectories(root.resolve("elsewhere/bin"));
        Files.createSymbolicLink(bin.resolve("relative"), Path.of("../../readiness"));
        Files.createSymbolicLink(bin.resolve("readiness"), bin.resolve("relative")); // a link to a link
        CliJar.Run run = CliJar.exec(List.of("sh", bin.resolve("readiness").toString(), "--version"),
                bin.getParent(), env());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readAllLines(calls)).last().asString().endsWith(" -jar "
                + root.toRealPath().resolve("target/ml-readiness-cli.jar") + " --version");
    }

    private CliJar.Run launch(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("sh", root.resolve("readiness").toString()));
        cmd.addAll(List.of(args));
        CliJar.Run run = CliJar.exec(cmd, root, env());
        // what the next step changes must be newer than what this run built, whatever the clock's granularity
        age(root, Instant.now().minusSeconds(60));
        return run;
    }

    private Map<String, String> env() {
        return Map.of("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
    }

    private long builds() throws IOException {
        return Files.readAllLines(calls).stream().filter(l -> l.startsWith("mvnw ")).count();
    }

    private long archiveRuns() throws IOException {
        return Files.readAllLines(calls).stream().filter(l -> l.contains("ArchiveTraining")).count();
    }

    private static String pidOf(String archiveRun) {
        return archiveRun.replaceAll(".*\\.jsa\\.(\\d+) .*", "$1");
    }

    private static void edit(Path file) throws IOException {
        Files.writeString(file, "changed\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    }

    /** Sets every file and folder under {@code dir} to {@code when}, build outputs a second later than sources. */
    private static void age(Path dir, Instant when) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                boolean built = p.toString().contains("/target/") || p.endsWith("target");
                Files.setLastModifiedTime(p, FileTime.from(built ? when.plusSeconds(1) : when));
            }
        }
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body);
        executable(file);
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
