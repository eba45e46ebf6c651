package dev.mlreadiness.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.mlreadiness.cli.ConfigFiles;
import dev.mlreadiness.cli.InputException;
import dev.mlreadiness.cli.LocalRepository;
import dev.mlreadiness.engine.Checklist;
import dev.mlreadiness.engine.MlProjectDetector;
import dev.mlreadiness.engine.ProjectDetector;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.RuleCatalog;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.snapshot.EvaluationInput;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Snapshot;
import dev.mlreadiness.report.TextReport;

/**
 * Times a full scan of a generated repository through the CLI's own code path ({@link LocalRepository}, the
 * standard {@link Checklist}, {@link TextReport}), phase by phase, and says what the engine read. Not a test: run it
 * as {@code docs/performance.md} shows.
 *
 * <p>
 * The checklist is the standard one ({@link RuleCatalog#rules()} with {@link MlProjectDetector}) with every rule
 * and the detector wrapped in a timing decorator, so the breakdown comes from here and no timing code lives in
 * main. A rule's check time includes parsing the files it is the first to ask for (parsed files and shared facts
 * are cached per evaluation, so later rules find them ready). The listing's two parts ({@code git ls-files} and one
 * stat per file) are timed apart by repeating them here.
 *
 * <p>
 * Arguments (all optional): {@code runs} (default 5), {@code warmups} (default 3), {@code git} or {@code folder}
 * (default git: listed with {@code git ls-files}; folder: walked).
 */
public final class ScanBenchmark {

    static final int FILES = 20_000;
    static final int MARKDOWN = 300;
    static final int REQUIREMENTS = 50;

    private ScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean git = args.length <= 2 || args[2].equals("git");
        Path dir = Files.createTempDirectory("readiness-bench");
        try {
            long t0 = System.nanoTime();
            long bytes = generate(dir);
            if (git) {
                commit(dir);
            }
            System.out.printf(Locale.ROOT, "generated %,d files (%,d bytes, %d Markdown, %d requirements) in %s "
                    + "in %.1f s%n", FILES, bytes, MARKDOWN, REQUIREMENTS, git ? "a git repository" : "a folder",
                    (System.nanoTime() - t0) / 1e9);
            System.out.printf(Locale.ROOT, "rules: %d; %d warm-up run(s), %d measured%n", RuleCatalog.rules().size(),
                    warmups, runs);
            for (int i = 0; i < warmups; i++) {
                scan(dir);
            }
            List<Run> measured = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                measured.add(scan(dir));
            }
            print(measured);
            if (git) {
                listingParts(dir, runs);
            }
        } finally {
            delete(dir);
        }
    }

    /** One run: the phases as the CLI runs them, timed. */
    record Run(long listingNanos, long evaluationNanos, long renderingNanos, int files, int loads, long bytesRead,
            int findings, Map<String, Long> checkNanos, Map<String, Long> readsByRule,
            Map<String, Map<String, Integer>> declared, long readsNanos, long detectionNanos, long loadingNanos,
            Map<String, long[]> readByKind) {
    }

    /**
     * The time a rule spends in {@link Rule#reads} and {@link Rule#check}, and when: the gap between the last
     * {@code reads} and the first {@code check} of a run is the engine's prefetch (reading the declared files).
     */
    static final class Clock {
        final Map<String, Long> check = new LinkedHashMap<>();
        final Map<String, Long> readsByRule = new LinkedHashMap<>();
        /** Per rule, how many files of each kind its {@code reads} declared. */
        final Map<String, Map<String, Integer>> declared = new LinkedHashMap<>();
        long reads;
        long detection;
        long lastReadsEnd;
        long firstCheckStart;
    }

    record TimedRule(Rule rule, Clock clock) implements Rule {
        @Override
        public RuleInfo info() {
            return rule.info();
        }

        @Override
        public FileSelector reads() {
            return this::timedReads;
        }

        private Collection<String> timedReads(RuleContext ctx) {
            long t = System.nanoTime();
            Collection<String> r = rule.reads().select(ctx);
            clock.lastReadsEnd = System.nanoTime();
            clock.reads += clock.lastReadsEnd - t;
            clock.readsByRule.merge(rule.info().id(), clock.lastReadsEnd - t, Long::sum);
            Map<String, Integer> kinds = clock.declared.computeIfAbsent(rule.info().id(), k -> new TreeMap<>());
            r.forEach(path -> kinds.merge(kind(path), 1, Integer::sum));
            return r;
        }

        @Override
        public void check(RuleContext ctx, Findings out) {
            long t = System.nanoTime();
            if (clock.firstCheckStart == 0) {
                clock.firstCheckStart = t;
            }
            rule.check(ctx, out);
            clock.check.merge(rule.info().id(), System.nanoTime() - t, Long::sum);
        }
    }

    record TimedDetector(ProjectDetector detector, Clock clock) implements ProjectDetector {
        @Override
        public Optional<String> evidence(RuleContext ctx) {
            long t = System.nanoTime();
            Optional<String> e = detector.evidence(ctx);
            clock.detection += System.nanoTime() - t;
            return e;
        }

        @Override
        public Collection<String> reads(RuleContext ctx) {
            return detector.reads(ctx);
        }
    }

    /** {@link RuleCatalog#standard()}, every rule and the detector timed. */
    static Checklist timed(Clock clock) {
        List<Rule> rules = RuleCatalog.rules().stream().<Rule> map(r -> new TimedRule(r, clock)).toList();
        return new Checklist(rules, new TimedDetector(new MlProjectDetector(), clock));
    }

    static Run scan(Path dir) throws InputException {
        long t0 = System.nanoTime();
        Snapshot tree;
        ConfigFiles.Loaded config;
        Clock clock = new Clock();
        Checklist checklist = timed(clock);
        try (LocalRepository repo = LocalRepository.open(dir)) {
            tree = repo.workTree();
            config = ConfigFiles.load(repo.dir(), null, RuleCatalog::ids);
        }
        long t1 = System.nanoTime();
        Report report = checklist.evaluate(EvaluationInput.fullScan(tree, config.config(), config.present()));
        long t2 = System.nanoTime();
        String text = TextReport.render(report);
        long t3 = System.nanoTime();
        long bytesRead = tree.stream().filter(f -> tree.isLoaded(f.path())).mapToLong(FileEntry::size).sum();
        if (text.isEmpty()) {
            throw new IllegalStateException("empty report");
        }
        Map<String, long[]> byKind = new TreeMap<>();
        tree.stream().filter(f -> tree.isLoaded(f.path())).forEach(f -> {
            long[] a = byKind.computeIfAbsent(kind(f.path()), k -> new long[2]);
            a[0]++;
            a[1] += f.size();
        });
        return new Run(t1 - t0, t2 - t1, t3 - t2, tree.size(), tree.loadCount(), bytesRead,
                report.findings().size(), clock.check, clock.readsByRule, clock.declared, clock.reads, clock.detection,
                clock.firstCheckStart - clock.lastReadsEnd, byKind);
    }

    private static String kind(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot);
    }

    /** {@code git ls-files} alone, then one stat per listed file alone, as {@link LocalRepository} does them. */
    private static void listingParts(Path dir, int runs) throws IOException, InterruptedException {
        long[] ls = new long[runs];
        long[] stat = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("git", "-C", dir.toString(), "-c", "core.quotePath=false", "ls-files",
                    "-co", "--exclude-standard", "-z").redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor();
            long t1 = System.nanoTime();
            List<String> paths = new ArrayList<>();
            int start = 0;
            for (int j = 0; j < out.length; j++) {
                if (out[j] == 0) {
                    paths.add(new String(out, start, j - start, StandardCharsets.UTF_8));
                    start = j + 1;
                }
            }
            long t2 = System.nanoTime();
            long size = 0;
            for (String path : paths) {
                size += Files.readAttributes(dir.resolve(path), java.nio.file.attribute.BasicFileAttributes.class,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS).size();
            }
            long t3 = System.nanoTime();
            ls[i] = t1 - t0;
            stat[i] = t3 - t2;
            if (size == 0) {
                throw new IllegalStateException("no bytes listed");
            }
        }
        System.out.printf(Locale.ROOT, "listing parts (median ms): git ls-files %.1f (process start included); "
                + "one stat per file %.1f%n", median(ls), median(stat));
    }

    private static void print(List<Run> runs) {
        Run last = runs.get(runs.size() - 1);
        System.out.printf(Locale.ROOT, "%-22s %10s%n", "phase", "median ms");
        System.out.printf(Locale.ROOT, "%-22s %10.1f%n", "listing", median(runs, Run::listingNanos));
        System.out.printf(Locale.ROOT, "%-22s %10.1f%n", "rules / evaluation", median(runs, Run::evaluationNanos));
        System.out.printf(Locale.ROOT, "%-22s %10.1f%n", "rendering (text)", median(runs, Run::renderingNanos));
        System.out.printf(Locale.ROOT, "%-22s %10.1f%n", "total",
                median(runs, r -> r.listingNanos() + r.evaluationNanos() + r.renderingNanos()));
        System.out.printf(Locale.ROOT, "files listed %,d; files read %,d (Snapshot.loadCount); bytes read %,d; "
                + "findings %d%n", last.files(), last.loads(), last.bytesRead(), last.findings());
        System.out.printf(Locale.ROOT, "min total %.1f ms, max total %.1f ms%n",
                runs.stream().mapToLong(r -> r.listingNanos() + r.evaluationNanos() + r.renderingNanos()).min()
                        .orElse(0) / 1e6,
                runs.stream().mapToLong(r -> r.listingNanos() + r.evaluationNanos() + r.renderingNanos()).max()
                        .orElse(0) / 1e6);
        System.out.printf(Locale.ROOT, "%nevaluation, median ms: detection %.1f; rules' reads() %.1f; "
                + "prefetch (loading declared files) %.1f%n", median(runs, Run::detectionNanos),
                median(runs, Run::readsNanos), median(runs, Run::loadingNanos));
        System.out.printf(Locale.ROOT, "%-40s %16s %16s%n", "rule", "check() med/min", "reads() med/min");
        for (String id : last.checkNanos().keySet()) {
            long[] c = runs.stream().mapToLong(r -> r.checkNanos().getOrDefault(id, 0L)).sorted().toArray();
            long[] r = runs.stream().mapToLong(x -> x.readsByRule().getOrDefault(id, 0L)).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-40s %8.1f %7.1f %8.1f %7.1f%n", id, median(c), c[0] / 1e6, median(r),
                    r[0] / 1e6);
        }
        System.out.printf(Locale.ROOT, "%nfiles each rule declares it reads (Rule.reads), by kind:%n");
        last.declared().forEach((id, kinds) -> {
            if (!kinds.isEmpty()) {
                System.out.printf(Locale.ROOT, "  %-40s %s%n", id, kinds);
            }
        });
        System.out.printf(Locale.ROOT, "%nfiles read by kind (last run):%n");
        last.readByKind().forEach((k, a) -> System.out.printf(Locale.ROOT, "  %-18s %,7d files %,10d bytes%n", k,
                a[0], a[1]));
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        java.util.Arrays.sort(v);
        double m = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
        return m / 1e6;
    }

    private static double median(List<Run> runs, java.util.function.ToLongFunction<Run> phase) {
        return median(runs.stream().mapToLong(phase).toArray());
    }

    /**
     * An ML monorepo of {@link #FILES} files: Markdown and requirements files spread over the tree, the rest small
     * Python modules, CSV samples and JSON configs in nested folders three levels deep.
     */
    static long generate(Path dir) throws IOException {
        long bytes = 0;
        bytes += write(dir.resolve("README.md"),
                "# Bench monorepo\n\nMany small ML projects.\n\n## Usage\n\nRun it.\n");
        int written = 1;
        for (int i = 0; written < FILES; i++) {
            String folder = "team" + (i % 10) + "/project" + (i / 10 % 20) + "/part" + (i / 200);
            Path p;
            String content;
            if (i < MARKDOWN - 1) {
                p = dir.resolve(folder + "/NOTES" + i + ".md");
                content = "# Notes " + i + "\n\nWhat this part does.\n\n## Data\n\n| name | type |\n|---|---|\n"
                        + "| age | int |\n";
            } else if (i < MARKDOWN - 1 + REQUIREMENTS) {
                p = dir.resolve(folder + "/requirements" + (i % 3 == 0 ? "-dev" : "") + ".txt");
                content = "numpy==1.26.4\npandas>=2.0\nscikit-learn==1.4.2\ntorch\n";
            } else {
                switch (i % 5) {
                    case 0, 1, 2 -> {
                        p = dir.resolve(folder + "/module" + i + ".py");
                        content = "import numpy as np\n\n\ndef f" + i + "(x):\n    return np.asarray(x) * " + i
                                + "\n";
                    }
                    case 3 -> {
                        p = dir.resolve(folder + "/sample" + i + ".csv");
                        content = "id,value\n1," + i + "\n2," + (i * 2) + "\n";
                    }
                    default -> {
                        p = dir.resolve(folder + "/config" + i + ".json");
                        content = "{\"lr\": 0.001, \"epochs\": " + (i % 50) + "}\n";
                    }
                }
            }
            if (Files.exists(p)) {
                continue; // a second requirements.txt in the same folder: pick another slot
            }
            bytes += write(p, content);
            written++;
        }
        return bytes;
    }

    private static long write(Path p, String content) throws IOException {
        Files.createDirectories(p.getParent());
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        Files.write(p, b);
        return b.length;
    }

    private static void commit(Path dir) throws IOException, InterruptedException {
        // no background gc: it would race the clean-up at the end
        for (List<String> cmd : List.of(List.of("init", "-q", "-b", "main"), List.of("config", "gc.auto", "0"),
                List.of("config", "maintenance.auto", "false"),
                List.of("-c", "user.name=bench", "-c", "user.email=bench@example.com", "add", "-A"),
                List.of("-c", "user.name=bench", "-c", "user.email=bench@example.com", "-c", "commit.gpgsign=false",
                        "commit", "-q", "-m", "bench"))) {
            List<String> full = new ArrayList<>(List.of("git", "-C", dir.toString()));
            full.addAll(cmd);
            Process p = new ProcessBuilder(full).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException("git " + cmd + " failed");
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete all of " + dir + ": " + e.getMessage());
        }
    }
}
