package dev.mlreadiness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mlreadiness.engine.RuleCatalog;
import dev.mlreadiness.golden.Golden;

/**
 * The README's first command, {@code check examples/churn-model}, in every output format, byte for byte against
 * golden files (see {@link Golden}). The example is copied to a plain folder, as a user's download would be.
 */
class ExampleGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = { "text", "markdown", "json", "sarif" })
    void churnModelFullScan(String format, @TempDir Path tmp) throws Exception {
        Path example = Path.of("examples/churn-model").toAbsolutePath();
        try (Stream<Path> files = Files.walk(example)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                Path target = tmp.resolve(example.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        CliRun r = CliRun.of(RuleCatalog.standard(), "check", tmp.toString(), "--format", format);
        assertThat(r.err()).isEmpty();
        Golden.assertMatches("examples/churn-model." + format, r.out().replace(tmp.toString(), "<dir>")
                + "\nexit code: " + r.exit() + "\n");
    }
}
