package dev.mlreadiness.engine.rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.mlreadiness.engine.config.ProjectPaths;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.snapshot.ChangeSet;
import dev.mlreadiness.engine.snapshot.FileChange;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Mode;
import dev.mlreadiness.engine.snapshot.SkippedFile;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * What a rule sees of one side of a change (the head, or the base it is compared with): the tree, the change, the
 * config, and shared, cached views of files (each file parsed once per evaluation whatever the number of rules).
 */
public final class RuleContext {

    /**
     * Which tree a context describes. Rules rarely care: on the base side repository rules run to tell old gaps
     * from new ones, and line rules read the base versions of the changed files to match moved code.
     */
    public enum Side {
        HEAD, BASE
    }

    private static final Object FAILED = new Object();

    private final Snapshot snapshot;
    private final ChangeSet changes;
    private final ReadinessConfig config;
    private final Side side;
    private final RuleContext base;
    private final Map<FileParser<?>, Map<String, Object>> parsed = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<Class<?>, Object> facts = new ConcurrentHashMap<>();
    private final Map<String, String> skipped = new ConcurrentHashMap<>();

    public RuleContext(Snapshot snapshot, ChangeSet changes, ReadinessConfig config, Side side) {
        this(snapshot, changes, config, side, null);
    }

    /**
     * @param base the base side of the change, for the head side of a pull request (rules that compare both
     *             trees, such as {@code docs/stale}); null otherwise
     */
    public RuleContext(Snapshot snapshot, ChangeSet changes, ReadinessConfig config, Side side, RuleContext base) {
        this.snapshot = snapshot;
        this.changes = changes;
        this.config = config;
        this.side = side;
        this.base = base;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public ChangeSet changes() {
        return changes;
    }

    public ReadinessConfig config() {
        return config;
    }

    /**
     * The project's folders as this tree has them: the config's {@code paths:}, and for each folder it does not
     * name, the first of the default name and its common equivalents ({@code datasets/}, {@code input/} for
     * {@code data/}; {@code weights/}, {@code checkpoints/} for {@code models/}; {@code notebook/} for
     * {@code notebooks/}) that is a folder of the tree holding more than Python code (a {@code datasets/} package
     * of loader classes is code, not data). Decided from the file list alone, once per evaluation and side.
     */
    public ProjectPaths paths() {
        return fact(ProjectPaths.class, ctx -> ctx.config.paths().resolve(ctx::holdsMoreThanPython));
    }

    private boolean holdsMoreThanPython(String folder) {
        return snapshot.under(folder).anyMatch(f -> !f.path().toLowerCase(java.util.Locale.ROOT).endsWith(".py"));
    }

    public Side side() {
        return side;
    }

    public Mode mode() {
        return changes.isFullScan() ? Mode.FULL_SCAN : Mode.PULL_REQUEST;
    }

    /**
     * The base side of the change, seen from the head side of a pull request: empty on the base side itself, in
     * a full scan, and when the caller gave none. A rule reading base files lists them in {@link Rule#reads}
     * when asked with the base context.
     */
    public Optional<RuleContext> base() {
        return Optional.ofNullable(base);
    }

    /** True on the head side of a pull request: "the PR adds / changes" questions make sense. */
    public boolean isPullRequest() {
        return side == Side.HEAD && !changes.isFullScan();
    }

    /**
     * The files line and file rules read: every file in a full scan; in a pull request the files it adds,
     * modifies or renames whose added lines are known (see {@link FileChange#linesKnown()}). On the base side,
     * the base versions those files come from (a modified file's, a renamed file's old path) and the files the
     * change deletes: line gaps found there are not new when the change only moves or reformats them.
     */
    public List<FileEntry> filesToScan() {
        if (side == Side.BASE) {
            return origins();
        }
        if (changes.isFullScan()) {
            return List.copyOf(snapshot.files());
        }
        List<FileEntry> out = new ArrayList<>();
        for (FileChange c : changes.files()) {
            if (c.status().exists() && c.linesKnown()) {
                snapshot.file(c.path()).ifPresent(out::add);
            }
        }
        return out;
    }

    private List<FileEntry> origins() {
        if (changes.isFullScan()) {
            return List.of();
        }
        List<FileEntry> out = new ArrayList<>();
        for (FileChange c : changes.files()) {
            String origin = switch (c.status()) {
                case MODIFIED -> c.linesKnown() ? c.path() : null;
                case RENAMED -> c.linesKnown() ? c.previousPath() : null;
                case DELETED -> c.path();
                case ADDED, COPIED -> null; // a copy's source stays in place: copying a gap repeats it
            };
            if (origin != null) {
                snapshot.file(origin).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The files of the documentation set (config {@code paths.docs}) present in the tree. */
    public List<String> docFiles() {
        return fact(DocFiles.class, ctx -> new DocFiles(ctx.snapshot.stream()
                .map(FileEntry::path).filter(ctx.paths()::isDoc).toList())).paths();
    }

    private record DocFiles(List<String> paths) {
    }

    public Optional<String> text(String path) {
        return snapshot.text(path);
    }

    /**
     * The file parsed by {@code parser}, cached for the evaluation. Empty when the file is missing or binary, or
     * when the parser rejected it (the file is then listed as skipped with the parser's reason).
     */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> parse(String path, FileParser<T> parser) {
        Map<String, Object> cache = parsed.computeIfAbsent(parser, p -> new ConcurrentHashMap<>());
        Object result = cache.computeIfAbsent(path, p -> {
            Optional<byte[]> bytes = snapshot.bytes(p);
            if (bytes.isEmpty()) {
                return FAILED;
            }
            try {
                Object value = parser.parse(p, bytes.get());
                return value == null ? FAILED : value;
            } catch (FileParser.ParseFailure e) {
                skip(p, e.getMessage());
                return FAILED;
            } catch (RuntimeException e) {
                // a parser bug must not end the review; say which file was not checked
                skip(p, "could not be analysed (" + e.getClass().getSimpleName() + ")");
                return FAILED;
            }
        });
        return result == FAILED ? Optional.empty() : Optional.of((T) result);
    }

    /**
     * A fact about the repository that several rules share (code evidence, the docs outline), computed once per
     * evaluation by {@code compute}. Key it by a type of its own.
     */
    public <T> T fact(Class<T> type, Function<RuleContext, T> compute) {
        Object v = facts.get(type);
        if (v == null) {
            v = compute.apply(this);
            Object prev = facts.putIfAbsent(type, v);
            if (prev != null) {
                v = prev;
            }
        }
        return type.cast(v);
    }

    /** Records that a file was not checked, with the reason people will read. */
    public void skip(String path, String reason) {
        skipped.putIfAbsent(path, reason);
    }

    public List<SkippedFile> skippedFiles() {
        return skipped.entrySet().stream()
                .map(e -> new SkippedFile(e.getKey(), e.getValue(), side == Side.HEAD && changes.touches(e.getKey())))
                .sorted(java.util.Comparator.comparing(SkippedFile::path)).toList();
    }
}
