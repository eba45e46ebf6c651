package dev.mlreadiness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.rule.Rule;

/**
 * Fuzz-style checks (issue 10): random bytes, truncated and mutated versions of the example notebook, requirements,
 * pyproject, environment.yml, Dockerfile and Markdown files, each evaluated by the whole checklist over a small
 * repository holding it, in full scan and as a pull request. Seeded and bounded: the same cases on every run. No
 * exception may escape the engine; a file it cannot read is listed as skipped and the rest is still checked.
 */
class FuzzTest {

    private static final long SEED = 20_261_207L;
    private static final int CASES = 2_000;
    private static final int MAX_BYTES = 32 * 1024;
    private static final Rule[] ALL = RuleCatalog.rules().toArray(Rule[]::new);

    /** Tokens that open, close or nest something in one of the formats. */
    private static final List<String> SYNTAX = List.of("`", "```", "<!--", "|", "- ", "> ", "[", "]", "(", "{", "}",
            "\"", "'", "\\", "\n", "\r", "\t", "#", "*", "_", ":", "=", "==", ";", "@", "<", ">", "---\n", "\u0000",
            "\uFEFF", "é", "\uD83D\uDE00", "cell_type", "source", "outputs", "FROM ", "RUN ", "USER ", "[project]",
            "dependencies", "- pip:\n", "-r ", "--index-url ", "git+https://", "torch", "random.seed(", "np.random.",
            "/Users/alice/", "AKIA", "sk-", "    ", "\\u0000");

    private record Seed(String path, byte[] content) {
    }

    private record Case(String kind, String path, byte[] content) {
    }

    private record Timing(String kind, String path, int bytes, long nanos) {
    }

    @Test
    void noExceptionEscapesTheEngineOnMutatedInputs() throws IOException {
        List<Seed> seeds = seeds();
        Random random = new Random(SEED);
        List<Timing> timings = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Case c = mutate(seeds.get(random.nextInt(seeds.size())), random);
            long start = System.nanoTime();
            Report report;
            try {
                report = evaluate(c, i % 2 == 0);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("case " + i + " (" + c.kind() + " of " + c.path() + ", "
                        + (i % 2 == 0 ? "full scan" : "pull request") + ") escaped the engine", e);
            }
            timings.add(new Timing(c.kind(), c.path(), c.content().length, System.nanoTime() - start));

            assertThat(report).as("case %d: %s of %s", i, c.kind(), c.path()).isNotNull();
            assertThat(report.scores()).as("case %d: every category still scored", i).isNotEmpty();
        }
        // not an assertion (times depend on the machine): the slowest kinds go into bench/markdown-hostile.sh
        timings.sort(Comparator.comparingLong(Timing::nanos).reversed());
        timings.stream().limit(5).forEach(t -> System.out.printf("fuzz slowest: %s %s (%d bytes) %d ms%n",
                t.kind(), t.path(), t.bytes(), t.nanos() / 1_000_000));
    }

    private static Report evaluate(Case c, boolean fullScan) {
        TestRepo repo = TestRepo.create()
                .file("README.md", "# Churn\n\nPredicts churn.\n\n## Usage\n\n`make train`\n")
                .file("requirements.txt", "pandas==2.1.0\nscikit-learn==1.3.0\n")
                .file("src/train.py", "import pandas as pd\nfrom sklearn.model_selection import train_test_split\n");
        if (fullScan) {
            return repo.file(c.path(), c.content()).scan(ALL);
        }
        String text = new String(c.content(), StandardCharsets.UTF_8);
        TestRepo.Change change = repo.change();
        return (c.path().equals("README.md") || c.path().equals("requirements.txt") ? change.modify(c.path(), text)
                : change.add(c.path(), text)).evaluate(ALL);
    }

    private static Case mutate(Seed seed, Random random) {
        byte[] b = seed.content();
        return switch (random.nextInt(6)) {
            case 0 -> {
                byte[] noise = new byte[random.nextInt(4096)];
                random.nextBytes(noise);
                yield new Case("random bytes", seed.path(), noise);
            }
            case 1 -> new Case("truncated", seed.path(), Arrays.copyOf(b, random.nextInt(b.length + 1)));
            case 2 -> {
                byte[] flipped = b.clone();
                for (int n = 1 + random.nextInt(20); n > 0 && flipped.length > 0; n--) {
                    flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
                }
                yield new Case("bytes changed", seed.path(), flipped);
            }
            case 3 -> new Case("syntax inserted", seed.path(), insert(b, random, 1 + random.nextInt(30)));
            case 4 -> new Case("slice repeated", seed.path(), repeatSlice(b, random));
            default -> new Case("syntax run", seed.path(), syntaxRun(b, random));
        };
    }

    private static byte[] insert(byte[] b, Random random, int tokens) {
        String text = new String(b, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text);
        for (int n = 0; n < tokens; n++) {
            out.insert(random.nextInt(out.length() + 1), SYNTAX.get(random.nextInt(SYNTAX.size())));
        }
        return cap(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A slice of the file repeated many times: deep nesting, long lines, many cells or lines. */
    private static byte[] repeatSlice(byte[] b, Random random) {
        if (b.length == 0) {
            return b;
        }
        int from = random.nextInt(b.length);
        int length = 1 + random.nextInt(Math.min(64, b.length - from));
        int at = random.nextInt(b.length + 1);
        byte[] out = new byte[Math.min(MAX_BYTES, b.length + length * (1 + random.nextInt(1000)))];
        System.arraycopy(b, 0, out, 0, Math.min(at, out.length));
        int pos = at;
        while (pos < out.length - (b.length - at)) {
            out[pos] = b[from + (pos - at) % length];
            pos++;
        }
        System.arraycopy(b, at, out, pos, Math.min(b.length - at, out.length - pos));
        return out;
    }

    /** One syntax token repeated thousands of times in the middle of the file. */
    private static byte[] syntaxRun(byte[] b, Random random) {
        String text = new String(b, StandardCharsets.UTF_8);
        int at = random.nextInt(text.length() + 1);
        String run = SYNTAX.get(random.nextInt(SYNTAX.size())).repeat(1 + random.nextInt(4000));
        return cap((text.substring(0, at) + run + text.substring(at)).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] cap(byte[] b) {
        return b.length > MAX_BYTES ? Arrays.copyOf(b, MAX_BYTES) : b;
    }

    /** The example project's files, and one small valid file of each other kind, under the names the rules read. */
    private static List<Seed> seeds() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        Path example = Path.of("examples/churn-model");
        files.put("notebooks/exploration.ipynb", Files.readString(example.resolve("notebooks/exploration.ipynb")));
        files.put("requirements.txt", Files.readString(example.resolve("requirements.txt")));
        files.put("README.md", Files.readString(example.resolve("README.md")));
        files.put("data/README.md", Files.readString(example.resolve("data/README.md")));
        files.put("pyproject.toml", """
                [project]
                name = "churn"
                requires-python = "==3.11.*"
                dependencies = ["pandas==2.1.0", "torch>=2", "scikit-learn[alldeps]==1.3.0 ; python_version>'3.8'"]

                [tool.poetry.dependencies]
                numpy = "^1.26"
                """);
        files.put("environment.yml", """
                name: churn
                channels: [conda-forge]
                dependencies:
                  - python=3.11
                  - pandas=2.1.0
                  - pip:
                      - torch==2.1.0
                      - -r requirements.txt
                """);
        files.put("Dockerfile", """
                FROM python:3.11-slim AS build
                COPY requirements.txt .
                RUN pip install -r requirements.txt
                FROM python:3.11-slim
                USER app
                CMD ["python", "serve.py"]
                """);
        files.put("docs/data.md", """
                # Data

                | Column | Type | Level |
                |---|---|---|
                | age | int | ratio |

                ```python
                import pandas as pd
                ```
                """);
        List<Seed> seeds = new ArrayList<>();
        files.forEach((path, text) -> seeds.add(new Seed(path, text.getBytes(StandardCharsets.UTF_8))));
        return seeds;
    }
}
