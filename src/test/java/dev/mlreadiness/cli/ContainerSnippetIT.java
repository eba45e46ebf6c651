package dev.mlreadiness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlreadiness.engine.RuleCatalog;
import dev.mlreadiness.report.ToolInfo;

/**
 * The README's "Run the CLI from the container image" commands, run line by line by bash as written. There is no
 * Docker daemon here: {@code docker} is a shell function that does what {@code docker run --rm -v SRC:/repo IMAGE
 * ARGS} does with the CLI image, the Dockerfile's {@code cli} target: its ENTRYPOINT (read from the Dockerfile,
 * with the image's {@code /app/} files mapped to the built jar and {@code src/main/jvm/cli.options}) with ARGS, the
 * mount's paths mapped back to SRC. The image name must be the one the release workflow pushes.
 */
class ContainerSnippetIT {

    private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT (\\[.*])$");

    @TempDir
    Path tmp;

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** bash source defining {@code docker} as the CLI image would run. */
    private static String dockerFunction(String image) throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        String cliStage = dockerfile.substring(dockerfile.indexOf(" AS cli"), dockerfile.indexOf(" AS app"));
        Matcher m = ENTRYPOINT.matcher(cliStage);
        assertThat(m.find()).as("the cli target has an ENTRYPOINT").isTrue();
        List<String> entrypoint = new ArrayList<>();
        for (JsonNode part : new ObjectMapper().readTree(m.group(1))) {
            entrypoint.add(quote(part.asText().replace("/app/cli.options", CliJar.OPTIONS.toString())
                    .replace("/app/ml-readiness-cli.jar", CliJar.JAR.toString())
                    .replaceFirst("^java$", CliJar.java())));
        }
        return """
                entrypoint=(%s)
                docker() {
                  [ "$1" = run ] || { echo "docker stand-in: only run" >&2; return 125; }
                  shift
                  local mount="" image=""
                  while [ $# -gt 0 ]; do
                    case "$1" in
                      --rm) shift ;;
                      -v) mount=$2; shift 2 ;;
                      -*) echo "docker stand-in: unknown option $1" >&2; return 125 ;;
                      *) image=$1; shift; break ;;
                    esac
                  done
                  [ "$image" = %s ] || { echo "docker stand-in: unexpected image $image" >&2; return 125; }
                  local src=${mount%%%%:*} dst=${mount#*:} args=() a
                  for a in "$@"; do
                    case "$a" in "$dst" | "$dst"/*) a="$src${a#"$dst"}" ;; esac
                    args+=("$a")
                  done
                  (cd "$src" && "${entrypoint[@]}" "${args[@]}")
                }
                """.formatted(String.join(" ", entrypoint), quote(image));
    }

    @Test
    void theReadmeCommandsRunTheCliImageOnTheCurrentFolder() throws Exception {
        String repo = ToolInfo.INFORMATION_URI.replace("https://github.com/", "");
        String image = "ghcr.io/" + repo.toLowerCase() + "-cli";
        assertThat(Files.readString(Path.of(".github/workflows/release.yml")))
                .contains("repo=\"ghcr.io/${GITHUB_REPOSITORY,,}\"", "echo \"cli=$repo-cli\"");

        GitFixture g = GitFixture.init(tmp);
        Path example = Path.of("examples/churn-model").toAbsolutePath();
        try (var files = Files.walk(example)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                g.write(example.relativize(f).toString(), Files.readString(f));
            }
        }
        g.commit("example");
        CliRun expected = CliRun.of(RuleCatalog.standard(), "check", tmp.toString());

        List<String> lines = ReadmeSnippets.block("Run the CLI from the container image", "bash").lines()
                .filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(2).allMatch(l -> l.startsWith("docker run --rm -v \"$PWD:/repo\" " + image + " "));
        String prelude = dockerFunction(image);

        CliJar.Run text = CliJar.exec(List.of("bash", "-c", prelude + lines.get(0)), tmp, Map.of("NO_COLOR", "1"));
        assertThat(text.err()).isEmpty();
        assertThat(text.exit()).isEqualTo(expected.exit()).isEqualTo(Cli.FINDINGS);
        assertThat(text.out()).isEqualTo(expected.out());

        CliJar.Run sarif = CliJar.exec(List.of("bash", "-c", prelude + lines.get(1)), tmp, Map.of());
        assertThat(sarif.err()).isEmpty();
        String written = Files.readString(tmp.resolve("readiness.sarif"));
        assertThat(SarifCodeScanningTest.GitHubSarifRules.check(written)).isEmpty();
        assertThat(new ObjectMapper().readTree(written).at("/runs/0/results").size()).isPositive();
    }
}
