package dev.mlreadiness.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.config.ReadinessConfig.Enabled;

/**
 * Runs the rules over a snapshot and turns what they report into a {@link Report}: severities from config,
 * new versus existing, inline suppression, the conclusion from {@code fail-on}, a stable order.
 */
public final class Checklist {

    /** Never read, whatever the config says. */
    private static final List<Glob> ALWAYS_IGNORED = List.of(Glob.compile(".git/**"),
            Glob.compile("**/.ipynb_checkpoints/**"));

    private final List<Rule> rules;
    private final ProjectDetector detector;

    public Checklist(List<Rule> rules, ProjectDetector detector) {
        this.rules = List.copyOf(rules);
        this.detector = detector;
    }

    public List<Rule> rules() {
        return rules;
    }

    /**
     * Why the checklist does not apply to this input (config {@code enabled: false}, or not an ML project while
     * {@code enabled: auto} and no config file), or empty when it applies. The same decision
     * {@link #evaluate} makes first: callers that must stay silent before any write (the GitHub App decides before
     * creating a check run) ask this, after prefetching {@link #detectionReads}.
     */
    public Optional<String> skipReason(EvaluationInput in) {
        ReadinessConfig config = in.config();
        if (config.enabled() == Enabled.FALSE) {
            return Optional.of("disabled by config (enabled: false)");
        }
        if (config.enabled() == Enabled.TRUE || in.configPresent()) {
            return Optional.empty();
        }
        RuleContext head = new RuleContext(visible(in.head(), config), in.changes(), config, RuleContext.Side.HEAD);
        if (detector.evidence(head).isPresent()) {
            return Optional.empty();
        }
        if (in.base() != null && detector.evidence(new RuleContext(visible(in.base(), config), in.changes(),
                config, RuleContext.Side.BASE)).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("not an ML project: no notebook, no ML library in a dependency manifest and no "
                + dev.mlreadiness.engine.config.ConfigLoader.PATH);
    }

    /**
     * The files {@link #skipReason} will read on each side, so a remote source can fetch them in one batch: none
     * when config alone decides, and none on the base side when the head is an ML project without reading anything
     * (a notebook).
     */
    public Reads detectionReads(EvaluationInput in) {
        ReadinessConfig config = in.config();
        Set<String> head = new LinkedHashSet<>();
        Set<String> base = new LinkedHashSet<>();
        if (config.enabled() != Enabled.AUTO || in.configPresent()) {
            return new Reads(head, base);
        }
        RuleContext headCtx = new RuleContext(visible(in.head(), config), in.changes(), config, RuleContext.Side.HEAD);
        head.addAll(detector.reads(headCtx));
        if (head.isEmpty() && detector.evidence(headCtx).isPresent()) {
            return new Reads(head, base);
        }
        if (in.base() != null) {
            base.addAll(detector.reads(
                    new RuleContext(visible(in.base(), config), in.changes(), config, RuleContext.Side.BASE)));
        }
        return new Reads(head, base);
    }

    public Report evaluate(EvaluationInput in) {
        ReadinessConfig config = in.config();
        Mode mode = in.changes().isFullScan() ? Mode.FULL_SCAN : Mode.PULL_REQUEST;
        Optional<String> skip = skipReason(in);
        if (skip.isPresent()) {
            return Report.notApplicable(mode, skip.get(), config);
        }
        Snapshot head = visible(in.head(), config);
        Snapshot base = in.base() == null ? null : visible(in.base(), config);
        RuleContext baseCtx = base == null ? null : new RuleContext(base, in.changes(), config, RuleContext.Side.BASE);
        RuleContext headCtx = new RuleContext(head, in.changes(), config, RuleContext.Side.HEAD,
                mode == Mode.PULL_REQUEST ? baseCtx : null);

        List<Rule> active = active(in);
        prefetch(headCtx, active, baseCtx, baseSideRules(active));

        Map<String, Findings> headResults = run(active, headCtx);
        Newness newness = Newness.of(mode, in.changes(), active, headResults, baseCtx);

        List<Finding> findings = new ArrayList<>();
        int suppressed = 0;
        FindingLines lines = new FindingLines(head);
        InlineSuppression suppression = new InlineSuppression(head, lines);
        Fingerprints fingerprints = new Fingerprints();
        Set<String> applied = new LinkedHashSet<>();
        for (Rule rule : active) {
            RuleInfo info = rule.info();
            Findings out = headResults.get(info.id());
            if (!out.isNotApplicable()) {
                applied.add(info.id());
            }
            Severity severity = config.severityOf(info.id(), info.defaultSeverity()).orElseThrow();
            for (Findings.Raw raw : out.raw()) {
                if (suppression.suppresses(raw, info.id())) {
                    suppressed++;
                    continue;
                }
                boolean isNew = newness.isNew(info.id(), raw);
                String fp = fingerprints.of(info.id(), raw, lines.of(raw));
                findings.add(new Finding(info.id(), info.category(), severity, raw.message(), raw.path(), raw.line(),
                        isNew, fp));
            }
        }
        findings.sort(Finding.ORDER);

        List<String> notes = notes(in, head, headCtx);
        List<SkippedFile> skipped = headCtx.skippedFiles();
        Conclusion conclusion = findings.stream().anyMatch(f -> counts(f, mode, config)
                && config.failOn().fails(f.severity())) ? Conclusion.FAILURE : Conclusion.SUCCESS;
        return new Report(mode, true, null, List.copyOf(findings), conclusion, scores(active, applied, findings),
                active.stream().map(Rule::info).toList(), skipped, notes,
                new TreeSet<>(in.ignoredRules()), suppressed, config);
    }

    /**
     * The files an evaluation of {@code in} will read, per side, without reading them: lets a remote source fetch
     * head and base contents in one request before {@link #evaluate}, which then finds them loaded.
     */
    public Reads reads(EvaluationInput in) {
        ReadinessConfig config = in.config();
        List<Rule> active = active(in);
        RuleContext head = new RuleContext(visible(in.head(), config), in.changes(), config, RuleContext.Side.HEAD);
        Set<String> headReads = reads(head, active);
        headReads.addAll(detector.reads(head));
        Set<String> baseReads = new LinkedHashSet<>();
        if (in.base() != null) {
            RuleContext base = new RuleContext(visible(in.base(), config), in.changes(), config, RuleContext.Side.BASE);
            baseReads.addAll(reads(base, baseSideRules(active)));
            baseReads.addAll(detector.reads(base));
        }
        return new Reads(headReads, baseReads);
    }

    /** What {@link #reads} answers: paths of the head tree and of the base tree. */
    public record Reads(Set<String> head, Set<String> base) {
    }

    private List<Rule> active(EvaluationInput in) {
        List<Rule> active = new ArrayList<>();
        for (Rule r : rules) {
            if (in.config().severityOf(r.info().id(), r.info().defaultSeverity()).isPresent()
                    && !in.ignoredRules().contains(r.info().id())) {
                active.add(r);
            }
        }
        return active;
    }

    /**
     * The rules that look at the base tree: repository rules (old gaps), line rules (the base versions of the
     * changed files, for moved code) and pull-request rules (what they compare, such as dependencies before and
     * after). File rules judge only what the change adds.
     */
    private static List<Rule> baseSideRules(List<Rule> active) {
        return active.stream().filter(r -> r.info().scope() != Scope.FILE).toList();
    }

    /** Findings that can fail the check: new ones, all of them with fail-on-existing, or all in a full scan. */
    private static boolean counts(Finding f, Mode mode, ReadinessConfig config) {
        return f.isNew() || config.failOnExisting() || mode == Mode.FULL_SCAN;
    }

    private static Snapshot visible(Snapshot s, ReadinessConfig config) {
        return s.filter(p -> !config.isIgnored(p) && ALWAYS_IGNORED.stream().noneMatch(g -> g.matches(p)));
    }

    /** Head and base reads go out side by side: neither waits for the other. */
    private static void prefetch(RuleContext head, List<Rule> headRules, RuleContext base, List<Rule> baseRules) {
        CompletableFuture<Void> baseDone = base == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> base.snapshot().prefetch(reads(base, baseRules)));
        head.snapshot().prefetch(reads(head, headRules));
        try {
            baseDone.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    private static Set<String> reads(RuleContext ctx, List<Rule> rules) {
        Set<String> paths = new LinkedHashSet<>();
        for (Rule r : rules) {
            paths.addAll(r.reads(ctx));
        }
        return paths;
    }

    /** Each rule's findings on one side, by rule id. */
    static Map<String, Findings> run(List<Rule> rules, RuleContext ctx) {
        Map<String, Findings> out = new HashMap<>();
        for (Rule r : rules) {
            Findings f = new Findings();
            r.check(ctx, f);
            out.put(r.info().id(), f);
        }
        return out;
    }

    private static List<String> notes(EvaluationInput in, Snapshot head, RuleContext ctx) {
        List<String> notes = new ArrayList<>();
        if (head.truncated()) {
            notes.add("The repository tree was too large to list whole; rules about missing files saw only part "
                    + "of it.");
        }
        ctx.paths().equivalentsNote().ifPresent(notes::add);
        if (in.changes().partial()) {
            notes.add("Only the first " + String.format(java.util.Locale.ROOT, "%,d", in.changes().files().size())
                    + " changed files were evaluated (GitHub lists at most 3,000 files of a pull request).");
        }
        List<String> noPatch = in.changes().files().stream()
                .filter(c -> c.status().exists() && !c.linesKnown()).map(FileChange::path).sorted().toList();
        if (!noPatch.isEmpty()) {
            notes.add("Line rules skipped " + noPatch.size() + " changed file(s) whose diff is not available "
                    + "(binary or too large): " + String.join(", ", noPatch.subList(0, Math.min(10, noPatch.size())))
                    + (noPatch.size() > 10 ? ", ..." : "") + ".");
        }
        return notes;
    }

    private static List<CategoryScore> scores(List<Rule> active, Set<String> applied, List<Finding> findings) {
        Map<Category, int[]> acc = new EnumMap<>(Category.class);
        Set<String> withFindings = new HashSet<>();
        for (Finding f : findings) {
            withFindings.add(f.ruleId());
        }
        for (Rule r : active) {
            String id = r.info().id();
            if (!applied.contains(id)) {
                continue;
            }
            int[] a = acc.computeIfAbsent(r.info().category(), c -> new int[4]);
            a[0]++;
            if (!withFindings.contains(id)) {
                a[1]++;
            }
        }
        for (Finding f : findings) {
            int[] a = acc.computeIfAbsent(f.category(), c -> new int[4]);
            a[f.isNew() ? 2 : 3]++;
        }
        List<CategoryScore> out = new ArrayList<>();
        acc.forEach((c, a) -> out.add(new CategoryScore(c, a[0], a[1], a[2], a[3])));
        return out;
    }
}
