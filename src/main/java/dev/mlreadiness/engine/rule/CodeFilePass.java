package dev.mlreadiness.engine.rule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

import dev.mlreadiness.engine.code.CodeFile;
import dev.mlreadiness.engine.code.CodeFiles;
import dev.mlreadiness.engine.snapshot.FileEntry;

/**
 * One pass over the code files to scan ({@link CodeFilesToScan#read}) for every {@link CodeFileRule} and
 * {@link CodeFileTally}, each file read and parsed once for all of them. The rules that check files apart
 * ({@link CodeFileRule#checksFilesApart()}) and the tallies' {@link CodeFileTally#read reads} work on a few files at
 * once on the common pool ({@link OrderedWork}: bounded, the caller's thread takes part), each file apart, and what
 * they find is handed on in the files' order; the other rules check the files, and the tallies add them, one after the
 * other in that order on the caller's thread. So every rule's findings, in their order, are those of one loop over the
 * files, whatever the scheduling; a rule's exception on a file ends the pass as in that loop (the first in the files'
 * order), and nothing of the pass runs on after it.
 */
public final class CodeFilePass {
    /** Files in flight beyond the one the caller's thread works on: enough to keep the pool's threads busy. */
    static final int WINDOW = Math.max(4, Math.min(16, 2 * (ForkJoinPool.getCommonPoolParallelism() + 1)));
    /**
     * Bytes of code in flight, beyond one file whatever its size: parsed, a file holds several times its size (a
     * large repository's files are small, so this rarely binds; a few 4 MB modules in a row would).
     */
    static final long BUDGET = 8L * 1024 * 1024;

    private CodeFilePass() {
    }

    /**
     * What a pass does with the findings of the rules checking files apart, file by file, in two steps.
     *
     * @param <R> what the first step hands to the second
     */
    public interface Steps<R> {

        /**
         * On any thread of the pass, once the rules checking files apart have checked {@code file}: what to hand on of
         * their findings in it ({@code found}, by rule id, in the rules' order; the file's alone). Must not depend on
         * other files.
         */
        R apart(CodeFile file, Map<String, Findings> found);

        /** On the caller's thread, in the files' order, once the rules checking files in order have checked it. */
        void inOrder(CodeFile file, R handed);
    }

    /**
     * The pass, each rule's findings added to its own in {@code out} (by rule id).
     *
     * @param rules {@link CodeFileRule}s and {@link CodeFileTally}s, in the order they report
     */
    public static void run(List<? extends Rule> rules, RuleContext ctx, Map<String, Findings> out) {
        run(rules, ctx, out, new Steps<Map<String, Findings>>() {
            @Override
            public Map<String, Findings> apart(CodeFile file, Map<String, Findings> found) {
                return found;
            }

            @Override
            public void inOrder(CodeFile file, Map<String, Findings> found) {
                found.forEach((id, f) -> out.get(id).addAll(f));
            }
        });
    }

    /**
     * The pass: the rules checking files in order and the tallies report to their own findings in {@code out} (by
     * rule id); what the rules checking files apart find goes through {@code steps}.
     */
    public static <R> void run(List<? extends Rule> rules, RuleContext ctx, Map<String, Findings> out,
            Steps<R> steps) {
        List<CodeFileRule> apart = new ArrayList<>();
        List<CodeFileRule> inOrder = new ArrayList<>();
        List<CodeFileTally<?>> tallied = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule instanceof CodeFileTally<?> t) {
                tallied.add(t);
            } else if (rule instanceof CodeFileRule c) {
                (c.checksFilesApart() ? apart : inOrder).add(c);
            } else {
                throw new IllegalArgumentException(rule.info().id() + " does not read code files one at a time");
            }
        }
        if (rules.isEmpty()) {
            return;
        }
        List<Tallying<?>> tallies = new ArrayList<>();
        for (CodeFileTally<?> t : tallied) {
            tallies.add(Tallying.of(t, ctx, out.get(t.info().id())));
        }
        // the code file rules read every code file to scan; tallies alone read what they select
        List<FileEntry> entries = apart.isEmpty() && inOrder.isEmpty()
                ? CodeFilesToScan.CODE.entries(ctx).stream().filter(f -> tallies.stream().anyMatch(t -> t.reads(f)))
                        .toList()
                : CodeFilesToScan.entries(ctx);
        try (OrderedWork<FileEntry, Checked<R>> files = OrderedWork.of(entries,
                f -> CodeFiles.read(ctx, f).map(file -> check(apart, tallies, ctx, file, steps)).orElse(null),
                FileEntry::size, WINDOW, BUDGET)) {
            while (files.hasNext()) {
                Checked<R> checked = files.next();
                if (checked == null) {
                    continue; // not read (binary, or the parser's reason listed as skipped)
                }
                for (CodeFileRule rule : inOrder) {
                    rule.check(ctx, checked.file(), out.get(rule.info().id()));
                }
                for (int i = 0; i < tallies.size(); i++) {
                    tallies.get(i).add(checked.file(), checked.reads().get(i));
                }
                steps.inOrder(checked.file(), checked.handed());
            }
        }
        tallies.forEach(Tallying::finish);
    }

    private static <R> Checked<R> check(List<CodeFileRule> rules, List<Tallying<?>> tallies, RuleContext ctx,
            CodeFile file, Steps<R> steps) {
        Map<String, Findings> found = new LinkedHashMap<>();
        for (CodeFileRule rule : rules) {
            Findings f = new Findings();
            rule.check(ctx, file, f);
            for (Findings.Raw raw : f.raw()) {
                if (!file.path().equals(raw.path())) {
                    // fingerprints count occurrences per path: a gap elsewhere would be counted apart from that
                    // file's own gaps
                    throw new IllegalStateException(rule.info().id() + " checks files apart but reported a gap "
                            + "outside " + file.path());
                }
            }
            found.put(rule.info().id(), f);
        }
        List<Object> reads = new ArrayList<>(tallies.size());
        for (Tallying<?> t : tallies) {
            reads.add(t.read(ctx, file));
        }
        return new Checked<>(file, steps.apart(file, found), reads);
    }

    /** A tally of one pass, with the rule that reads for it and the files it reads. */
    private record Tallying<T>(CodeFileTally<T> rule, CodeFileTally.Tally<T> tally, Set<String> selected) {

        static <T> Tallying<T> of(CodeFileTally<T> rule, RuleContext ctx, Findings out) {
            return new Tallying<>(rule, rule.tally(ctx, out), new HashSet<>(rule.reads().select(ctx)));
        }

        boolean reads(FileEntry file) {
            return selected.contains(file.path());
        }

        /** What the file shows the rule, null when the rule does not read it. */
        Object read(RuleContext ctx, CodeFile file) {
            return selected.contains(file.path()) ? rule.read(ctx, file) : null;
        }

        @SuppressWarnings("unchecked") // what read answered for the same rule
        void add(CodeFile file, Object read) {
            if (read != null) {
                tally.add(file, (T) read);
            }
        }

        void finish() {
            tally.finish();
        }
    }

    /** A file checked by the rules checking files apart, what of their findings goes on, and the tallies' reads. */
    private record Checked<R>(CodeFile file, R handed, List<Object> reads) {
    }
}
