package dev.mlreadiness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.code.CodeFile;
import dev.mlreadiness.engine.code.CodeFiles;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.rule.CodeFilePass;
import dev.mlreadiness.engine.rule.CodeFileRule;
import dev.mlreadiness.engine.rule.CodeFileTally;
import dev.mlreadiness.engine.rule.CodeFilesToScan;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.rules.reproducibility.AbsolutePathRule;
import dev.mlreadiness.engine.rules.reproducibility.RandomSeedRule;
import dev.mlreadiness.engine.rules.reproducibility.UndeclaredDependencyRule;
import dev.mlreadiness.engine.snapshot.ChangeSet;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Snapshot;
import dev.mlreadiness.engine.snapshot.SnapshotReadException;

/**
 * The pass over the code files checks files on several threads and gives what one loop over the files gives:
 * the same findings, fingerprints and suppressions in the same order, every run; a rule's exception, a read failure
 * or an interrupt ends it with nothing left running, and a busy common pool does not hold it up.
 */
class CodeFilePassTest {

    private static final int FILES = 240;

    /** Many files with many findings each, some suppressed, some identical lines, notebooks and unreadable files. */
    private static TestRepo repository() {
        TestRepo repo = TestRepo.create().file("requirements.txt", "numpy==1.26.4\n");
        for (int i = 0; i < FILES; i++) {
            StringBuilder py = new StringBuilder("import numpy as np\nimport pandas as pd\n");
            for (int k = 0; k < i % 9; k++) {
                py.append("x").append(k).append(" = np.random.rand(").append(k).append(")\n");
                py.append("y = np.random.rand(3)\n"); // the same line again: occurrences count per file
            }
            if (i % 5 == 0) {
                py.append("z = np.random.rand(2)  # readiness: ignore[reproducibility/random-seed]\n");
            }
            if (i % 7 == 0) {
                py.append("# readiness: ignore-file[reproducibility/absolute-path]\n");
            }
            py.append("DATA = \"/home/me/data/").append(i).append(".csv\"\n");
            py.append("\n\ndef load_").append(i).append("(path):\n");
            if (i % 3 == 0) {
                py.append("    \"\"\"Loads it.\"\"\"\n");
            }
            py.append("    return path\n\n\nclass Model").append(i)
                    .append(":\n    def fit(self, x):\n        return x\n");
            repo.file(String.format("pkg%d/mod_%03d.py", i % 4, i), py.toString());
            if (i % 30 == 0) {
                repo.file(String.format("notebooks/nb_%03d.ipynb", i), notebook(i));
                repo.file(String.format("pkg%d/bin_%03d.py", i % 4, i), "\0binary");
            }
        }
        return repo;
    }

    private static String notebook(int i) {
        return "{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {}, \"outputs\": [], "
                + "\"source\": [\"import numpy as np\\n\", \"a = np.random.rand(" + i + ")\\n\", "
                + "\"p = '/Users/me/x.csv'\\n\"]}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
    }

    private static List<Rule> passRules() {
        return List.of(new RandomSeedRule(), new AbsolutePathRule(), new UndeclaredDependencyRule(), CALLS);
    }

    /**
     * A tally of the calls of the Python files outside {@code pkg3}: per folder, on the first file with a call, how
     * many calls the folder's files make and which file comes first; per file too in a pull request.
     */
    static final CodeFileTally<Integer> CALLS = new CodeFileTally<>() {
        private final FileSelector python = FileSelector.toScan(f -> f.path().endsWith(".py")
                && !f.path().startsWith("pkg3/"));

        @Override
        public RuleInfo info() {
            return new RuleInfo("reproducibility/test-calls", "Calls", Severity.NOTICE, Scope.LINE,
                    TestRules.doc("Counts calls."));
        }

        @Override
        public FileSelector reads() {
            return python;
        }

        @Override
        public Integer read(RuleContext ctx, CodeFile file) {
            int calls = file.module().calls().size();
            return calls == 0 ? null : calls;
        }

        @Override
        public Tally<Integer> tally(RuleContext ctx, Findings out) {
            Map<String, String> first = new java.util.LinkedHashMap<>();
            Map<String, Integer> calls = new HashMap<>();
            return new Tally<>() {
                @Override
                public void add(CodeFile file, Integer read) {
                    String folder = file.path().substring(0, file.path().lastIndexOf('/') + 1);
                    first.putIfAbsent(folder, file.path());
                    calls.merge(folder, read, Integer::sum);
                    if (ctx.isPullRequest()) {
                        out.line(file.path(), 1, read + " calls.", file.path());
                    }
                }

                @Override
                public void finish() {
                    first.forEach((folder, path) -> out.line(path, 1, calls.get(folder) + " calls in " + folder
                            + ", the first in " + path + ".", folder));
                }
            };
        }
    };

    /**
     * The rule as a plain rule: the checklist runs it alone, its own loop over the files, one after the other (a
     * tally: its read and tally of each file it selects, one after the other).
     */
    private static Rule alone(Rule rule) {
        if (rule instanceof CodeFileTally<?> tally) {
            return plain(rule, (ctx, out) -> tallyOneAfterTheOther(tally, ctx, out));
        }
        return plain(rule, rule::check);
    }

    private static <T> void tallyOneAfterTheOther(CodeFileTally<T> rule, RuleContext ctx, Findings out) {
        CodeFileTally.Tally<T> tally = rule.tally(ctx, out);
        for (CodeFile file : CodeFiles.readAll(ctx, rule.reads().entries(ctx))) {
            T read = rule.read(ctx, file);
            if (read != null) {
                tally.add(file, read);
            }
        }
        tally.finish();
    }

    private static Rule plain(Rule rule, java.util.function.BiConsumer<RuleContext, Findings> check) {
        return new Rule() {
            @Override
            public RuleInfo info() {
                return rule.info();
            }

            @Override
            public FileSelector reads() {
                return rule.reads();
            }

            @Override
            public void check(RuleContext ctx, Findings out) {
                check.accept(ctx, out);
            }
        };
    }

    @Test
    void manyFilesCheckedInParallelGiveWhatEachRuleGivesAloneOneFileAfterTheOther() {
        TestRepo repo = repository();
        Report parallel = repo.scan(passRules().toArray(Rule[]::new));
        Report sequential = repo.scan(passRules().stream().map(CodeFilePassTest::alone).toArray(Rule[]::new));

        assertThat(parallel.findings()).hasSizeGreaterThan(1_000).isEqualTo(sequential.findings());
        assertThat(parallel.findings()).extracting(Finding::ruleId).contains("reproducibility/random-seed",
                "reproducibility/absolute-path", "reproducibility/undeclared-dependency", "reproducibility/test-calls");
        assertThat(parallel.suppressed()).isPositive().isEqualTo(sequential.suppressed());
        assertThat(parallel.skipped()).isNotEmpty().isEqualTo(sequential.skipped());
        assertThat(parallel.scores()).isEqualTo(sequential.scores());
        assertThat(parallel.conclusion()).isEqualTo(sequential.conclusion());
    }

    @Test
    void aPullRequestChangingManyFilesGetsWhatEachRuleGivesAlone() {
        TestRepo.Change change = repository().changeEveryFile();
        Report parallel = change.evaluate(passRules().toArray(Rule[]::new));
        Report sequential = change.evaluate(passRules().stream().map(CodeFilePassTest::alone).toArray(Rule[]::new));

        assertThat(parallel.findings()).hasSizeGreaterThan(1_000).isEqualTo(sequential.findings());
        assertThat(parallel.suppressed()).isEqualTo(sequential.suppressed());
    }

    @Test
    void aTallyAloneReadsTheFilesItSelectsOnly() {
        TestRepo repo = repository();
        Report alone = repo.scan(CALLS);
        Report sequential = repo.scan(alone(CALLS));

        assertThat(alone.findings()).hasSize(3).isEqualTo(sequential.findings());
        assertThat(alone.findings()).extracting(Finding::message).containsExactly(
                sequential.findings().stream().map(Finding::message).toArray(String[]::new));
        // the notebooks and pkg3 are not read: no notebook is skipped, the binary files outside pkg3 are
        assertThat(alone.skipped()).extracting(s -> s.path()).isNotEmpty()
                .noneMatch(p -> p.startsWith("pkg3/") || p.endsWith(".ipynb"));
    }

    @Test
    void everyRunGivesTheSameReport() {
        TestRepo repo = repository();
        Report first = repo.scan(passRules().toArray(Rule[]::new));
        for (int run = 0; run < 4; run++) {
            Report again = repo.scan(passRules().toArray(Rule[]::new));
            assertThat(again.findings()).isEqualTo(first.findings());
            assertThat(again.suppressed()).isEqualTo(first.suppressed());
        }
    }

    @Test
    void theFilesComeToEachRuleInTreeOrderAndTheInOrderRulesSeeThemOneAfterTheOther() {
        List<String> seen = new ArrayList<>();
        List<String> apart = java.util.Collections.synchronizedList(new ArrayList<>());
        Report r = repository().scan(recording("reproducibility/test-in-order", false, seen),
                recording("reproducibility/test-apart", true, apart), new RandomSeedRule());

        List<String> tree = r.findings().stream().filter(f -> f.ruleId().equals("reproducibility/test-in-order"))
                .map(Finding::path).toList();
        assertThat(seen).hasSize(FILES + FILES / 30).isEqualTo(tree).isSorted();
        assertThat(apart).containsExactlyInAnyOrderElementsOf(seen);
        assertThat(r.findings().stream().filter(f -> f.ruleId().equals("reproducibility/test-apart"))
                .map(Finding::path)).containsExactlyElementsOf(seen);
    }

    /** A line gap on the first line of each file; records which files it saw, in the order it saw them. */
    private static CodeFileRule recording(String id, boolean apart, List<String> seen) {
        return rule(id, apart, (file, out) -> {
            seen.add(file.path());
            out.line(file.path(), 1, "Seen.", file.path());
        });
    }

    private static CodeFileRule rule(String id, boolean apart,
            java.util.function.BiConsumer<CodeFile, Findings> check) {
        return new CodeFileRule() {
            @Override
            public RuleInfo info() {
                return new RuleInfo(id, "Test", Severity.WARNING, Scope.LINE, TestRules.doc("Test."));
            }

            @Override
            public FileSelector reads() {
                return CodeFilesToScan.CODE;
            }

            @Override
            public void check(RuleContext ctx, Findings out) {
                for (CodeFile file : CodeFilesToScan.read(ctx)) {
                    check(ctx, file, out);
                }
            }

            @Override
            public void check(RuleContext ctx, CodeFile file, Findings out) {
                check.accept(file, out);
            }

            @Override
            public boolean checksFilesApart() {
                return apart;
            }
        };
    }

    /** A rule checking files apart that counts the checks running and throws on the files {@code fails} accepts. */
    private static CodeFileRule failing(AtomicInteger running, Predicate<String> fails) {
        return rule("reproducibility/test-fails", true, (file, out) -> {
            running.incrementAndGet();
            try {
                for (int k = 0; k < 20_000; k++) {
                    out.raw().size(); // a little work, so that several files are in flight
                }
                if (fails.test(file.path())) {
                    throw new IllegalStateException("cannot check " + file.path());
                }
            } finally {
                running.decrementAndGet();
            }
        });
    }

    @Test
    void aRuleThrowingOnOneFileFailsTheEvaluationWithThatExceptionAndNothingRunsOn() {
        for (boolean inOrder : List.of(false, true)) {
            AtomicInteger running = new AtomicInteger();
            CodeFileRule rule = inOrder ? rule("reproducibility/test-fails", false, (file, out) -> {
                if (file.path().equals("pkg1/mod_101.py")) {
                    throw new IllegalStateException("cannot check " + file.path());
                }
            }) : failing(running, p -> p.equals("pkg1/mod_101.py"));
            assertThatThrownBy(() -> repository().scan(new RandomSeedRule(), rule))
                    .isInstanceOf(IllegalStateException.class).hasMessage("cannot check pkg1/mod_101.py");
            assertThat(running.get()).isZero();
        }
    }

    @Test
    void ofTwoFilesFailingTheFirstInTreeOrderIsThrown() {
        AtomicInteger running = new AtomicInteger();
        // pkg3/mod_231.py comes after pkg0/mod_004.py in the tree whatever thread reaches it first
        CodeFileRule rule = failing(running, p -> p.equals("pkg3/mod_231.py") || p.equals("pkg0/mod_004.py"));
        for (int run = 0; run < 3; run++) {
            assertThatThrownBy(() -> repository().scan(new RandomSeedRule(), rule))
                    .hasMessage("cannot check pkg0/mod_004.py");
        }
        assertThat(running.get()).isZero();
    }

    @Test
    void aFileThatCannotBeReadEndsThePassWithTheReadFailure() {
        Map<String, byte[]> files = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            files.put(String.format("m%02d.py", i), "import numpy as np\nx = np.random.rand(3)\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        List<FileEntry> entries = files.entrySet().stream().map(e -> new FileEntry(e.getKey(), e.getValue().length))
                .toList();
        Snapshot snapshot = Snapshot.of(entries, f -> {
            if (f.path().equals("m37.py")) {
                throw new IOException("disk gone");
            }
            return Optional.of(files.get(f.path()));
        });
        RuleContext ctx = new RuleContext(snapshot, ChangeSet.fullScan(), ReadinessConfig.defaults(),
                RuleContext.Side.HEAD);
        Map<String, Findings> out = Map.of(RandomSeedRule.INFO.id(), new Findings());

        assertThatThrownBy(() -> CodeFilePass.run(List.of(new RandomSeedRule()), ctx, out))
                .isInstanceOf(SnapshotReadException.class).hasMessageContaining("m37.py")
                .hasMessageContaining("disk gone");
        // the files before it were checked, in order, and none after it was handed on
        assertThat(out.get(RandomSeedRule.INFO.id()).raw()).extracting(Findings.Raw::path).hasSize(37).isSorted()
                .allMatch(p -> p.compareTo("m37.py") < 0);
    }

    @Test
    void aBusyCommonPoolDoesNotHoldTheEvaluationUp() throws InterruptedException {
        TestRepo repo = repository();
        Report expected = repo.scan(passRules().stream().map(CodeFilePassTest::alone).toArray(Rule[]::new));
        int workers = ForkJoinPool.getCommonPoolParallelism();
        CountDownLatch busy = new CountDownLatch(workers);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < workers; i++) {
            ForkJoinPool.commonPool().execute(() -> {
                busy.countDown();
                try {
                    release.await(); // held by other work, such as another evaluation
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            assertThat(busy.await(60, TimeUnit.SECONDS)).isTrue();
            Report r = repo.scan(passRules().toArray(Rule[]::new));
            assertThat(r.findings()).isEqualTo(expected.findings());
        } finally {
            release.countDown();
        }
    }

    @Test
    void anInterruptEndsTheEvaluationWithTheInterruptKept() throws Exception {
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        CodeFileRule blocking = rule("reproducibility/test-blocks", true, (file, out) -> {
            running.incrementAndGet();
            try {
                if (file.path().equals("pkg2/mod_050.py")) {
                    reached.countDown();
                    boolean interrupted = false;
                    while (release.getCount() > 0) {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                    if (interrupted) {
                        Thread.currentThread().interrupt(); // kept for the pass to see
                    }
                }
            } finally {
                running.decrementAndGet();
            }
        });
        TestRepo repo = repository();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> interruptKept = new AtomicReference<>();
        Thread evaluation = new Thread(() -> {
            try {
                repo.scan(new RandomSeedRule(), blocking);
            } catch (RuntimeException e) {
                thrown.set(e);
            }
            interruptKept.set(Thread.interrupted());
        });
        evaluation.start();
        assertThat(reached.await(60, TimeUnit.SECONDS)).isTrue();
        evaluation.interrupt();
        release.countDown();
        evaluation.join(TimeUnit.SECONDS.toMillis(60));

        assertThat(evaluation.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("interrupted");
        assertThat(interruptKept.get()).isTrue();
        assertThat(running.get()).isZero();
    }
}
