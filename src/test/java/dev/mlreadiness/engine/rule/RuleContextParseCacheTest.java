package dev.mlreadiness.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.code.CodeFile;
import dev.mlreadiness.engine.code.CodeFiles;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.snapshot.ChangeSet;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Snapshot;

/** The evaluation's parse cache keeps results up to a memory budget, and reading ahead changes no result. */
class RuleContextParseCacheTest {

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private RuleContextParseCacheTest file(String path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    private RuleContext context() {
        List<FileEntry> entries = new ArrayList<>();
        files.forEach((p, b) -> entries.add(new FileEntry(p, b.length)));
        Snapshot s = Snapshot.of(entries, f -> Optional.ofNullable(files.get(f.path())));
        return new RuleContext(s, ChangeSet.fullScan(), ReadinessConfig.defaults(), RuleContext.Side.HEAD);
    }

    /** Counts parses; each result claims {@code weight} bytes of the cache. */
    private static FileParser<String> counting(AtomicInteger parses, long weight) {
        return new FileParser<>() {
            @Override
            public String parse(String path, byte[] content) {
                parses.incrementAndGet();
                return new String(content, StandardCharsets.UTF_8);
            }

            @Override
            public long weight(String parsed, byte[] content) {
                return weight;
            }
        };
    }

    @Test
    void aResultWithinTheBudgetIsParsedOnce() {
        RuleContext ctx = file("a.txt", "alpha").context();
        AtomicInteger parses = new AtomicInteger();
        FileParser<String> parser = counting(parses, 1);

        assertThat(ctx.parse("a.txt", parser)).contains("alpha");
        assertThat(ctx.parse("a.txt", parser)).contains("alpha");
        assertThat(parses).hasValue(1);
    }

    @Test
    void resultsBeyondTheBudgetAreParsedAgainAndTheFirstOnesStay() {
        RuleContext ctx = file("first.txt", "one").file("second.txt", "two").context();
        AtomicInteger parses = new AtomicInteger();
        FileParser<String> parser = counting(parses, RuleContext.PARSE_CACHE_BUDGET / 2 + 1);

        assertThat(ctx.parse("first.txt", parser)).contains("one");
        assertThat(ctx.parse("second.txt", parser)).contains("two"); // over the budget: not kept
        assertThat(ctx.parse("second.txt", parser)).contains("two");
        assertThat(ctx.parse("first.txt", parser)).contains("one");
        assertThat(parses).hasValue(3);
    }

    @Test
    void aFailureIsKeptAndRecordedOnceWhateverTheBudget() {
        RuleContext ctx = file("bad.txt", "x").context();
        AtomicInteger parses = new AtomicInteger();
        FileParser<String> failing = (path, content) -> {
            parses.incrementAndGet();
            throw new FileParser.ParseFailure("not usable");
        };

        assertThat(ctx.parse("bad.txt", failing)).isEmpty();
        assertThat(ctx.parse("bad.txt", failing)).isEmpty();
        assertThat(parses).hasValue(1);
        assertThat(ctx.skippedFiles()).singleElement().satisfies(s -> assertThat(s.reason()).isEqualTo("not usable"));
    }

    @Test
    void readingAheadGivesTheFilesOneByOneInOrderAsReadingEachWould() {
        for (int i = 0; i < 40; i++) {
            file(String.format("pkg/m%02d.py", i), "import numpy as np\nx = np.random.rand(" + i + ")\n");
            if (i % 7 == 0) {
                file(String.format("pkg/m%02d.txt", i), "not code"); // skipped by both
                file(String.format("pkg/m%02d_bin.py", i), "\0binary"); // rejected by the parser
            }
        }
        RuleContext ahead = context();
        RuleContext oneByOne = context();
        List<FileEntry> all = List.copyOf(ahead.snapshot().files());

        List<String> read = new ArrayList<>();
        for (CodeFile f : CodeFiles.readAll(ahead, all)) {
            read.add(f.path() + " " + f.module().calls().size());
        }
        List<String> expected = new ArrayList<>();
        for (FileEntry f : all) {
            CodeFiles.read(oneByOne, f).ifPresent(c -> expected.add(c.path() + " " + c.module().calls().size()));
        }

        assertThat(read).hasSize(40).isEqualTo(expected);
        assertThat(ahead.skippedFiles()).hasSize(6).isEqualTo(oneByOne.skippedFiles());
    }

    @Test
    void tokensAreNotKeptButReadAgainAlike() {
        RuleContext ctx = file("a.py", "import os\nprint(os.getcwd())  # where\n").context();
        CodeFile code = CodeFiles.read(ctx, ctx.snapshot().file("a.py").orElseThrow()).orElseThrow();

        assertThat(code.module().tokens()).isNotSameAs(code.module().tokens()).isEqualTo(code.module().tokens());
        assertThat(code.module().tokens()).extracting(t -> t.text()).contains("import", "getcwd", "# where");
    }
}
