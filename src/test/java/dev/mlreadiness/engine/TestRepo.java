package dev.mlreadiness.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.mlreadiness.engine.config.ConfigException;
import dev.mlreadiness.engine.config.ConfigLoader;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.snapshot.ChangeSet;
import dev.mlreadiness.engine.snapshot.ChangeStatus;
import dev.mlreadiness.engine.snapshot.EvaluationInput;
import dev.mlreadiness.engine.snapshot.FileChange;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * An in-memory repository for rule tests: files of the base, then a change on top, then a full scan or a
 * pull-request evaluation with any set of rules. Added lines of modified files come from a real line diff.
 *
 * <pre>
 * Report r = TestRepo.create().file("README.md", "# x").scan(new ReadmeRule());
 * Report pr = TestRepo.create().file("a.py", "x = 1\n").change().modify("a.py", "x = 1\ny = 2\n").evaluate(rule);
 * </pre>
 */
public final class TestRepo {

    private final Map<String, byte[]> base = new LinkedHashMap<>();
    private final Map<String, Long> declaredSizes = new LinkedHashMap<>();
    private String configYaml = "enabled: true\n";
    private boolean configPresent = true;

    public static TestRepo create() {
        return new TestRepo();
    }

    public TestRepo file(String path, String content) {
        base.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** A file of any bytes, valid UTF-8 or not. */
    public TestRepo file(String path, byte[] content) {
        base.put(path, content.clone());
        return this;
    }

    /** A file of the given size whose content is not interesting (weights, data). Reads return no bytes. */
    public TestRepo file(String path, long size) {
        base.put(path, new byte[0]);
        declaredSizes.put(path, size);
        return this;
    }

    /** The content of a base file as text, for tests that change part of it. */
    public String content(String path) {
        return new String(base.get(path), StandardCharsets.UTF_8);
    }

    /** The config to evaluate with (YAML); default {@code enabled: true} so detection does not interfere. */
    public TestRepo config(String yaml) {
        this.configYaml = yaml;
        return this;
    }

    /** Evaluate with defaults and no config file, as an unconfigured repository would be. */
    public TestRepo noConfig() {
        this.configYaml = null;
        this.configPresent = false;
        return this;
    }

    public Report scan(Rule... rules) {
        return scan(new Checklist(List.of(rules), ctx -> Optional.of("test")));
    }

    public Report scan(Checklist checklist) {
        readsAsDeclared(checklist, scanInput(checklist));
        return checklist.evaluate(scanInput(checklist));
    }

    /**
     * Fails when a rule of the catalog reads a file its {@link Rule#reads()} selector does not give (see
     * {@link DeclaredReads}): every rule test checks it on its own inputs. Test rules outside the catalog may read
     * what they like.
     */
    private static void readsAsDeclared(Checklist checklist, EvaluationInput in) {
        List<String> problems = new ArrayList<>();
        for (Rule rule : checklist.rules()) {
            if (RuleCatalog.rules().stream().anyMatch(r -> r.getClass() == rule.getClass())) {
                DeclaredReads.problems(rule, in).forEach(p -> problems.add(rule.info().id() + ": " + p));
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("rules read files they did not select:\n" + String.join("\n", problems));
        }
    }

    EvaluationInput scanInput(Checklist checklist) {
        return EvaluationInput.fullScan(snapshot(base, declaredSizes), config(checklist), configPresent);
    }

    /** A pull request that changes every file: a line added at the end of each (files given by size are renamed). */
    public Change changeEveryFile() {
        Change c = change();
        base.forEach((path, bytes) -> {
            if (declaredSizes.containsKey(path)) {
                c.rename(path, path + ".moved");
            } else {
                c.modify(path, new String(bytes, StandardCharsets.UTF_8) + "\n");
            }
        });
        return c;
    }

    /** A pull request that deletes every file. */
    public Change deleteEveryFile() {
        Change c = change();
        base.keySet().forEach(c::delete);
        return c;
    }

    /** A pull request that adds every file of this repository to an empty one with the same config. */
    public Change addEveryFile() {
        TestRepo empty = new TestRepo();
        empty.configYaml = configYaml;
        empty.configPresent = configPresent;
        Change c = empty.change();
        base.forEach((path, bytes) -> {
            if (declaredSizes.containsKey(path)) {
                c.add(path, declaredSizes.get(path));
            } else {
                c.add(path, new String(bytes, StandardCharsets.UTF_8));
            }
        });
        return c;
    }

    /** Starts a change on top of the files so far (the base). */
    public Change change() {
        return new Change();
    }

    ReadinessConfig config(Checklist checklist) {
        Set<String> ids = new java.util.TreeSet<>(RuleCatalog.ids());
        checklist.rules().forEach(r -> ids.add(r.info().id()));
        try {
            return new ConfigLoader(ids).load(configYaml, ConfigLoader.PATH);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static Snapshot snapshot(Map<String, byte[]> files, Map<String, Long> sizes) {
        List<FileEntry> entries = new ArrayList<>();
        files.forEach((p, b) -> entries.add(new FileEntry(p, sizes.getOrDefault(p, (long) b.length))));
        Map<String, byte[]> copy = new LinkedHashMap<>(files);
        return Snapshot.of(entries, f -> Optional.ofNullable(copy.get(f.path())));
    }

    /** The pull request: files added, modified, deleted or renamed on top of the base. */
    public final class Change {
        private final Map<String, byte[]> head = new LinkedHashMap<>(base);
        private final Map<String, Long> headSizes = new LinkedHashMap<>(declaredSizes);
        private final List<FileChange> changes = new ArrayList<>();

        public Change add(String path, String content) {
            byte[] b = content.getBytes(StandardCharsets.UTF_8);
            head.put(path, b);
            changes.add(new FileChange(path, ChangeStatus.ADDED, null, allLines(content)));
            return this;
        }

        public Change add(String path, long size) {
            head.put(path, new byte[0]);
            headSizes.put(path, size);
            changes.add(new FileChange(path, ChangeStatus.ADDED, null, null));
            return this;
        }

        public Change modify(String path, String content) {
            String old = base.containsKey(path) ? new String(base.get(path), StandardCharsets.UTF_8) : "";
            head.put(path, content.getBytes(StandardCharsets.UTF_8));
            changes.add(new FileChange(path, ChangeStatus.MODIFIED, null, LineDiff.addedLines(old, content)));
            return this;
        }

        public Change delete(String path) {
            head.remove(path);
            headSizes.remove(path);
            changes.add(new FileChange(path, ChangeStatus.DELETED, null, new BitSet()));
            return this;
        }

        public Change rename(String from, String to) {
            byte[] b = head.remove(from);
            head.put(to, b);
            Long size = headSizes.remove(from);
            if (size != null) {
                headSizes.put(to, size);
            }
            changes.add(new FileChange(to, ChangeStatus.RENAMED, from, new BitSet()));
            return this;
        }

        /** A rename that also edits the file, as git reports a similar-enough file under a new name. */
        public Change rename(String from, String to, String content) {
            String old = new String(head.remove(from), StandardCharsets.UTF_8);
            headSizes.remove(from);
            head.put(to, content.getBytes(StandardCharsets.UTF_8));
            changes.add(new FileChange(to, ChangeStatus.RENAMED, from, LineDiff.addedLines(old, content)));
            return this;
        }

        public Report evaluate(Rule... rules) {
            return evaluate(new Checklist(List.of(rules), ctx -> Optional.of("test")));
        }

        public Report evaluate(Checklist checklist) {
            readsAsDeclared(checklist, input(checklist));
            return checklist.evaluate(input(checklist));
        }

        /** The files the evaluation would read on each side. */
        public Checklist.Reads reads(Checklist checklist) {
            return checklist.reads(input(checklist));
        }

        EvaluationInput input(Checklist checklist) {
            return EvaluationInput.change(snapshot(base, declaredSizes), snapshot(head, headSizes),
                    ChangeSet.of(changes, false), config(checklist), configPresent);
        }

        private static BitSet allLines(String content) {
            BitSet b = new BitSet();
            int n = content.isEmpty() ? 0 : content.split("\n", -1).length - (content.endsWith("\n") ? 1 : 0);
            b.set(1, n + 1);
            return b;
        }
    }
}
