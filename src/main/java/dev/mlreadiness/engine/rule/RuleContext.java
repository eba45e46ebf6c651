package dev.mlreadiness.engine.rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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
 * config, and shared, cached views of files (each file parsed once per evaluation whatever the number of rules,
 * as long as the cache's memory budget lasts).
 */
public final class RuleContext {

    /**
     * Which tree a context describes. Rules rarely care: on the base side repository rules run to tell old gaps
     * from new ones, and line rules read the base versions of the changed files to match moved code.
     */
    public enum Side {
        HEAD,
        BASE
    }

    private static final Object FAILED = new Object();
    /**
     * How many bytes of parsed files ({@link FileParser#weight}) an evaluation keeps: enough for every file of
     * ordinary repositories; a repository of 60 MB of Python is parsed again by each rule reading it rather than
     * held whole (several GB).
     */
    static final long PARSE_CACHE_BUDGET = 32L * 1024 * 1024;

    private final Snapshot snapshot;
    private final ChangeSet changes;
    private final ReadinessConfig config;
    private final Side side;
    private final RuleContext base;
    private final Map<FileParser<?>, Map<String, Object>> parsed = Collections.synchronizedMap(new IdentityHashMap<>());
    private final AtomicLong cacheUsed = new AtomicLong();
    private final Map<Class<?>, Object> facts = new ConcurrentHashMap<>();
    private final Map<String, String> skipped = new ConcurrentHashMap<>();

    public RuleContext(Snapshot snapshot, ChangeSet changes, ReadinessConfig config, Side side) {
        this(snapshot, changes, config, side, null);
    }

    /**
     * @param base the base side of the change, for the head side of a pull request (rules that compare both
     *        trees, such as {@code docs/stale}); null otherwise
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
     * The file parsed by {@code parser}, cached for the evaluation up to {@link #PARSE_CACHE_BUDGET}. Empty when
     * the file is missing or binary, or when the parser rejected it (the file is then listed as skipped with the
     * parser's reason).
     */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> parse(String path, FileParser<T> parser) {
        Map<String, Object> cache = parsed.computeIfAbsent(parser, p -> new ConcurrentHashMap<>());
        Object result = cache.get(path);
        if (result == null) {
            long[] weight = { 0 };
            result = parseNow(path, parser, weight);
            // results are kept while the budget lasts, the first ones first: rules read files in the same order,
            // so the files at the front are shared by every rule (evicting the oldest would keep none for the next
            // rule's pass); a failure is kept so that it is recorded once
            if (result == FAILED || cacheUsed.addAndGet(weight[0]) <= PARSE_CACHE_BUDGET) {
                Object prev = cache.putIfAbsent(path, result);
                result = prev == null ? result : prev;
            } else {
                cacheUsed.addAndGet(-weight[0]);
            }
        }
        return result == FAILED ? Optional.empty() : Optional.of((T) result);
    }

    private <T> Object parseNow(String path, FileParser<T> parser, long[] weight) {
        Optional<byte[]> bytes = snapshot.bytes(path);
        if (bytes.isEmpty()) {
            return FAILED;
        }
        try {
            T value = parser.parse(path, bytes.get());
            if (value == null) {
                return FAILED;
            }
            weight[0] = parser.weight(value, bytes.get());
            return value;
        } catch (FileParser.ParseFailure e) {
            skip(path, e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            // a parser bug must not end the review; say which file was not checked
            skip(path, "could not be analysed (" + e.getClass().getSimpleName() + ")");
            return FAILED;
        }
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
