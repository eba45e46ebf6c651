package dev.mlreadiness.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mlreadiness.engine.Checklist;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rules.production.EvaluationRule;
import dev.mlreadiness.engine.rules.reproducibility.AbsolutePathRule;
import dev.mlreadiness.engine.rules.reproducibility.NotebookErrorOutputRule;
import dev.mlreadiness.engine.rules.reproducibility.NotebookExecutionOrderRule;
import dev.mlreadiness.engine.rules.reproducibility.RandomSeedRule;
import dev.mlreadiness.engine.rules.versioning.SecretRule;
import dev.mlreadiness.engine.snapshot.EvaluationInput;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * Speed and memory of the code rules (not a test): a generated 50,000-line Python file and a generated 20 MB
 * notebook with large outputs, each analysed by every code rule in a full scan. Prints the median time of several
 * runs and, for the notebook, the heap held after analysis and the peak heap during it.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.mlreadiness.bench.CodeBenchmark
 * </pre>
 */
public final class CodeBenchmark {

    private static final int RUNS = 7;
    private static final List<Rule> CODE_RULES = List.of(new RandomSeedRule(), new AbsolutePathRule(),
            new NotebookExecutionOrderRule(), new NotebookErrorOutputRule(), new SecretRule(), new EvaluationRule());

    public static void main(String[] args) {
        byte[] python = pythonFile(50_000).getBytes(StandardCharsets.UTF_8);
        byte[] notebook = notebook(20_000_000).getBytes(StandardCharsets.UTF_8);
        System.out.printf("python file: %,d lines, %,d bytes%n", 50_000, python.length);
        time("src/big.py", python);
        System.out.printf("notebook: %,d bytes%n", notebook.length);
        time("notebooks/big.ipynb", notebook);
        memory("notebooks/big.ipynb", notebook);
    }

    private static void time(String path, byte[] content) {
        long[] ms = new long[RUNS];
        int findings = 0;
        for (int i = -2; i < RUNS; i++) { // two warm-up runs
            long start = System.nanoTime();
            Report r = evaluate(path, content);
            long took = (System.nanoTime() - start) / 1_000_000;
            if (i >= 0) {
                ms[i] = took;
            }
            findings = r.findings().size();
        }
        Arrays.sort(ms);
        System.out.printf("  %s: median %d ms (min %d, max %d) over %d runs, %d findings%n", path, ms[RUNS / 2],
                ms[0], ms[RUNS - 1], RUNS, findings);
    }

    private static void memory(String path, byte[] content) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long before = usedAfterGc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        Map<String, byte[]> files = Map.of(path, content);
        Snapshot snapshot = Snapshot.of(List.of(new FileEntry(path, content.length)),
                f -> Optional.ofNullable(files.get(f.path())));
        Report r = checklist().evaluate(EvaluationInput.fullScan(snapshot, ReadinessConfig.defaults(), false));
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long held = usedAfterGc() - before;
        // the file's bytes were allocated before the baseline: this is what the analysis keeps beyond them
        System.out.printf("  heap retained after analysis beyond the file's bytes (snapshot, report): %,d bytes%n",
                held);
        System.out.printf("  peak heap during analysis, garbage included: %,d bytes above the %,d before%n",
                peak - before, before);
        if (r.findings().isEmpty() || snapshot.size() != 1) {
            System.out.println("  (unexpected: no findings)");
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static Report evaluate(String path, byte[] content) {
        Map<String, byte[]> files = Map.of(path, content);
        Snapshot snapshot = Snapshot.of(List.of(new FileEntry(path, content.length)),
                f -> Optional.ofNullable(files.get(f.path())));
        return checklist().evaluate(EvaluationInput.fullScan(snapshot, ReadinessConfig.defaults(), false));
    }

    private static Checklist checklist() {
        return new Checklist(CODE_RULES, ctx -> Optional.of("benchmark"));
    }

    /** Varied lines of ordinary length (about 40 bytes on average, like hand-written ML code). */
    static String pythonFile(int lines) {
        String[] shapes = {
                "import numpy as np", "x%d = np.random.rand(3)", "# note %d: keep the churn window at 90 days",
                "def feature_%d(frame, window=30):", "    return frame.rolling(window).mean()",
                "s%d = 'text /tmp/x'", "model_%d.fit(X_train, y_train, sample_weight=weights)",
                "t%d = tts(X, y, test_size=0.2, stratify=y)", "y%d = [value * 2 for value in range(10)]", "",
                "k%d = build_pipeline(scaler=StandardScaler(), n_components=8)",
                "p%d = \"\"\"Monthly charges, tenure and contract type.\"\"\"",
        };
        StringBuilder sb = new StringBuilder("from sklearn.model_selection import train_test_split as tts\n");
        for (int i = 1; i < lines; i++) {
            sb.append(shapes[i % shapes.length].formatted(i % 1000)).append('\n');
        }
        return sb.toString();
    }

    /** Code cells with stream, image and error outputs until the text reaches {@code bytes}. */
    static String notebook(int bytes) {
        String image = "iVBORw0KGgo".repeat(9_000); // ~100 KB of base64, as a PNG output would be
        StringBuilder sb = new StringBuilder("{\n \"cells\": [\n");
        List<String> cells = new ArrayList<>();
        int size = 0;
        for (int i = 1; size < bytes - 200_000; i++) {
            String cell = "  {\n   \"cell_type\": \"code\",\n   \"execution_count\": " + i
                    + ",\n   \"metadata\": {},\n   \"outputs\": [\n"
                    + "    {\"name\": \"stdout\", \"output_type\": \"stream\", \"text\": [\"loss 0.1\\n\"]},\n"
                    + "    {\"data\": {\"image/png\": \"" + image + "\", \"text/plain\": [\"<Figure>\"]},"
                    + " \"metadata\": {}, \"output_type\": \"display_data\"}"
                    + (i % 50 == 0 ? ",\n    {\"ename\": \"ValueError\", \"evalue\": \"x\", \"output_type\": "
                            + "\"error\", \"traceback\": [\"" + "tb ".repeat(2_000) + "\"]}" : "")
                    + "\n   ],\n   \"source\": [\n    \"import numpy as np\\n\",\n    \"x = np.random.rand(3)\\n\","
                    + "\n    \"plt.plot(x)\\n\",\n    \"path = '/home/alice/data/x.csv'\"\n   ]\n  }";
            cells.add(cell);
            size += cell.length();
        }
        sb.append(String.join(",\n", cells));
        return sb.append("\n ],\n \"metadata\": {\"language_info\": {\"name\": \"python\"}},\n \"nbformat\": 4,\n"
                + " \"nbformat_minor\": 5\n}\n").toString();
    }

}
