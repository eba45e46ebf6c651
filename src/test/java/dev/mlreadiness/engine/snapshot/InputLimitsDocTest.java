package dev.mlreadiness.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.code.CodeFiles;
import dev.mlreadiness.engine.markdown.MarkdownParser;

/** docs/limits.md, the page users read, names every budget with the value the code has. */
class InputLimitsDocTest {

    @Test
    void thePageGivesEveryBudgetItsValue() throws Exception {
        String page = Files.readString(Path.of("docs/limits.md"));
        assertThat(page).contains(number(InputLimits.MAX_CONFIG_BYTES) + " bytes")
                .contains(InputLimits.MAX_CONFIG_DEPTH + " levels of mappings and lists")
                .contains(InputLimits.MAX_CONFIG_ALIASES + " YAML aliases")
                .contains("| " + number(InputLimits.MAX_NESTING_DEPTH) + " levels |")
                .contains("| " + number(InputLimits.MAX_PYTHON_TOKENS) + " (a 50,000-line")
                .contains(number(InputLimits.MAX_HASHED_LINE_BYTES) + " bytes of its line")
                .contains("| " + InputLimits.MAX_ARGUMENT_CHARS + " characters |")
                .contains("| " + CodeFiles.MAX_PYTHON_BYTES / (1024 * 1024) + " MiB |")
                .contains("| " + CodeFiles.MAX_NOTEBOOK_BYTES / (1024 * 1024) + " MiB |")
                .contains("| " + MarkdownParser.MAX_BYTES / 1024 + " KiB |")
                .contains("| " + number(MarkdownParser.MAX_LINES) + " lines |")
                .contains("| " + number(MarkdownParser.MAX_TABLE_CELLS) + " cells in one table")
                .contains("| " + MarkdownParser.MAX_BLOCK_NESTING + " levels of lists and block quotes; "
                        + MarkdownParser.MAX_INLINE_NESTING + " of emphasis, links and images |");
        assertThat(Files.readString(Path.of("README.md"))).contains("(docs/limits.md)");
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
