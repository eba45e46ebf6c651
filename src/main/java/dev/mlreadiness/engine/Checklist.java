package dev.mlreadiness.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import dev.mlreadiness.engine.code.CodeEvidence;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.rule.CodeFileRule;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.EvaluationInput;
import dev.mlreadiness.engine.snapshot.Mode;
import dev.mlreadiness.engine.snapshot.SkippedFile;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * Runs the rules over a snapshot and turns what they report into a {@link Report}: severities from config,
 * new versus existing ({@link Newness}), inline suppression ({@link InlineSuppression}), fingerprints
 * ({@link Fingerprints}), the conclusion and scores ({@link Scores}), a stable order. Whether it applies is
 * {@link Applicability}'s call; what it reads is planned by {@link ReadPlan}.
 */
public final class Checklist {

    private final List<Rule> rules;
    private final ProjectDetector detector;
    private final Applicability applicability;

    public Checklist(List<Rule> rules, ProjectDetector detector) {
        this.rules = List.copyOf(rules);
        this.detector = detector;
        this.applicability = new Applicability(detector);
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
        return applicability.skipReason(in);
    }

    /**
     * The files {@link #skipReason} will read on each side, so a remote source can fetch them in one batch: none
     * when config alone decides, and none on the base side when the head is an ML project without reading anything
     * (a notebook).
     */
    public Reads detectionReads(EvaluationInput in) {
        return applicability.reads(in);
    }

    public Report evaluate(EvaluationInput in) {
        return evaluate(in, skipReason(in));
    }

    /**
     * {@link #evaluate} with {@link #skipReason} already decided by the caller ({@link Rules}, which decides before
     * it builds the rules), so that it is decided once.
     */
    Report evaluate(EvaluationInput in, Optional<String> skip) {
        if (skip.isPresent()) {
            return notApplicable(in, skip.get());
        }
        ReadinessConfig config = in.config();
        Mode mode = mode(in);
        Snapshot head = ReadPlan.visible(in.head(), config);
        RuleContext baseCtx = in.base() == null ? null : ReadPlan.side(in, in.base(), RuleContext.Side.BASE);
        RuleContext headCtx = new RuleContext(head, in.changes(), config, RuleContext.Side.HEAD,
                mode == Mode.PULL_REQUEST ? baseCtx : null);

        List<Rule> active = active(in);
        ReadPlan.prefetch(headCtx, baseCtx, active);

        Conversion conversion = new Conversion(config, head);
        Map<String, Findings> headResults;
        Newness newness;
        if (mode == Mode.FULL_SCAN) {
            // a full scan's newness does not depend on the findings: the code file pass's findings (up to one per
            // line of every code file) are converted as soon as the pass is done, not kept raw while the other
            // rules run
            newness = Newness.of(mode, in.changes(), active, Map.of(), baseCtx);
            Newness known = newness;
            headResults = run(active, headCtx, (rule, out) -> conversion.convert(rule, out, known));
        } else {
            headResults = run(active, headCtx, (rule, out) -> {
            });
            newness = Newness.of(mode, in.changes(), active, headResults, baseCtx);
        }
        for (Rule rule : active) {
            Findings out = headResults.remove(rule.info().id()); // its raw findings go once converted
            if (out != null) {
                conversion.convert(rule, out, newness);
            }
        }
        List<Finding> findings = conversion.findings;
        int suppressed = conversion.suppressed;
        Set<String> applied = new LinkedHashSet<>();
        for (Rule rule : active) {
            if (!conversion.notApplicable.contains(rule.info().id())) {
                applied.add(rule.info().id());
            }
        }
        findings.sort(Finding.ORDER);

        List<String> notes = ReportNotes.of(in, head, headCtx);
        List<SkippedFile> skipped = headCtx.skippedFiles();
        boolean unchecked = mode == Mode.PULL_REQUEST && skipped.stream().anyMatch(SkippedFile::changed);
        return new Report(mode, true, null, List.copyOf(findings),
                Scores.conclusion(findings, mode, config, unchecked),
                Scores.of(active, applied, findings), active.stream().map(Rule::info).toList(), skipped, notes,
                new TreeSet<>(in.ignoredRules()), suppressed, config);
    }

    /** The report of an input the checklist does not apply to, {@code reason} being its {@link #skipReason}. */
    static Report notApplicable(EvaluationInput in, String reason) {
        return Report.notApplicable(mode(in), reason, in.config());
    }

    private static Mode mode(EvaluationInput in) {
        return in.changes().isFullScan() ? Mode.FULL_SCAN : Mode.PULL_REQUEST;
    }

    /**
     * Turns rules' raw findings into findings, one rule at a time and, within a rule, one file at a time (see
     * {@link #byPath}); the raw findings are let go as they are converted.
     */
    private static final class Conversion {
        private final ReadinessConfig config;
        private final FindingLines lines;
        private final InlineSuppression suppression;
        private final Fingerprints fingerprints = new Fingerprints();
        final List<Finding> findings = new ArrayList<>();
        final Set<String> notApplicable = new HashSet<>();
        int suppressed;

        Conversion(ReadinessConfig config, Snapshot head) {
            this.config = config;
            this.lines = new FindingLines(head);
            this.suppression = new InlineSuppression(head, lines);
        }

        void convert(Rule rule, Findings out, Newness newness) {
            RuleInfo info = rule.info();
            if (out.isNotApplicable()) {
                notApplicable.add(info.id());
            }
            Severity severity = config.severityOf(info.id(), info.defaultSeverity()).orElseThrow();
            List<List<Findings.Raw>> byFile = byPath(out.raw());
            out.raw().clear(); // the groups hold them now, each let go once its file is converted
            for (List<Findings.Raw> file : byFile) {
                // what is kept for counting and looking up lines holds the path: forget it between files
                lines.forget();
                suppression.forget();
                fingerprints.forget();
                suppressed += Checklist.convert(file, info, severity, newness, lines, suppression, fingerprints,
                        findings);
                file.clear();
            }
        }
    }

    /**
     * A rule's raw findings grouped by path, each group in the rule's order, the groups in the order their paths
     * first appear: occurrences are counted per rule, path and subject, so this order gives every finding the
     * fingerprint it has in the rule's own order.
     */
    private static List<List<Findings.Raw>> byPath(List<Findings.Raw> raws) {
        Map<String, List<Findings.Raw>> groups = new LinkedHashMap<>();
        for (Findings.Raw raw : raws) {
            groups.computeIfAbsent(raw.path() == null ? "\u0000" : raw.path(), p -> new ArrayList<>()).add(raw);
        }
        return new ArrayList<>(groups.values());
    }

    /** Turns one rule's raw findings in one file into findings; answers how many were suppressed. */
    private static int convert(List<Findings.Raw> raws, RuleInfo info, Severity severity, Newness newness,
            FindingLines lines, InlineSuppression suppression, Fingerprints fingerprints, List<Finding> findings) {
        int suppressed = 0;
        for (Findings.Raw raw : raws) {
            if (suppression.suppresses(raw, info.id())) {
                suppressed++;
                continue;
            }
            findings.add(new Finding(info.id(), info.category(), severity, raw.message(), raw.path(), raw.line(),
                    newness.isNew(info.id(), raw), fingerprints.of(info.id(), raw, lines.of(raw)),
                    raw.suggestion()));
        }
        return suppressed;
    }

    /**
     * The files an evaluation of {@code in} will read, per side, without reading them: lets a remote source fetch
     * head and base contents in one request before {@link #evaluate}, which then finds them loaded.
     */
    public Reads reads(EvaluationInput in) {
        return ReadPlan.evaluation(in, active(in), detector);
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
     * Each rule's findings on one side, by rule id. The rules that look at code files one at a time
     * ({@link CodeFileRule}) run together in one pass over the code files, where the first of them stands in the
     * list, so each file is parsed once for all of them; in a full scan the pass comes first and computes the code
     * evidence ({@link CodeEvidence#alongPass}) too.
     */
    static Map<String, Findings> run(List<Rule> rules, RuleContext ctx) {
        return run(rules, ctx, (rule, findings) -> {
        });
    }

    /**
     * {@link #run(List, RuleContext)}, handing the code file pass's rules with their findings to {@code afterPass}
     * when the pass comes first (a full scan), before the other rules run: what it takes from the map is taken
     * from the answer.
     */
    static Map<String, Findings> run(List<Rule> rules, RuleContext ctx, BiConsumer<Rule, Findings> afterPass) {
        Map<String, Findings> out = new HashMap<>();
        List<CodeFileRule> perFile = new ArrayList<>();
        for (Rule r : rules) {
            out.put(r.info().id(), new Findings());
            if (r instanceof CodeFileRule c) {
                perFile.add(c);
            }
        }
        boolean passDone = false;
        Optional<CodeEvidence.AlongPass> evidence = perFile.isEmpty() ? Optional.empty()
                : CodeEvidence.alongPass(ctx);
        if (evidence.isPresent()) {
            // a full scan: the pass comes first and computes the code evidence too, which rules before it would
            // otherwise compute by parsing up to 2,000 of the same files again (the rules' findings do not depend
            // on where the pass runs)
            CodeFileRule.checkEach(perFile, ctx, out, evidence.get()::read);
            evidence.get().finish();
            passDone = true;
            for (CodeFileRule r : perFile) {
                afterPass.accept(r, out.remove(r.info().id()));
            }
        }
        for (Rule r : rules) {
            if (!(r instanceof CodeFileRule)) {
                r.check(ctx, out.get(r.info().id()));
            } else if (!passDone) {
                CodeFileRule.checkEach(perFile, ctx, out);
                passDone = true;
            }
        }
        return out;
    }
}
