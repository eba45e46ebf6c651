package dev.mlreadiness.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.mlreadiness.engine.code.CodeEvidence;
import dev.mlreadiness.engine.code.CodeFile;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.rule.CodeFilePass;
import dev.mlreadiness.engine.rule.CodeFileRule;
import dev.mlreadiness.engine.rule.CodeFileTally;
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
            // line of every code file) are converted during the pass, file by file, not kept raw while the other
            // rules run
            newness = Newness.of(mode, in.changes(), active, Map.of(), baseCtx);
            headResults = run(active, headCtx, new Converting(conversion, newness));
        } else {
            headResults = run(active, headCtx);
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
            if (!conversion.notApplicable(rule.info().id())) {
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
     * {@link #byPath}); the raw findings are let go as they are converted. The code file pass hands it one rule's
     * findings in one file at a time ({@link #convertFile}, on any thread, then {@link #add} in the files' order).
     */
    private static final class Conversion {
        private final ReadinessConfig config;
        private final Snapshot head;
        final List<Finding> findings = new ArrayList<>();
        /** Per rule: whether a part of its findings said it does not apply, and how many gaps it reported. */
        private final Map<String, Tally> tallies = new HashMap<>();
        int suppressed;

        Conversion(ReadinessConfig config, Snapshot head) {
            this.config = config;
            this.head = head;
        }

        void convert(Rule rule, Findings out, Newness newness) {
            Converted converted = convert(rule.info(), out, newness, true);
            add(converted);
        }

        /** One rule's findings in one file, on the calling thread: nothing shared with other files is touched. */
        Converted convertFile(Rule rule, Findings out, Newness newness) {
            return convert(rule.info(), out, newness, false);
        }

        /** Adds a converted part of a rule's findings; parts of a rule come in the order of its raw findings. */
        void add(Converted converted) {
            findings.addAll(converted.findings());
            suppressed += converted.suppressed();
            tallies.computeIfAbsent(converted.ruleId(), id -> new Tally()).add(converted);
        }

        /**
         * True when the rule said it does not apply and reported nothing ({@link Findings#isNotApplicable()} of all
         * its findings together).
         */
        boolean notApplicable(String ruleId) {
            Tally t = tallies.get(ruleId);
            return t != null && t.notApplicable && t.raw == 0;
        }

        /**
         * @param letGo whether to let the raw findings go as they are converted (the caller does not keep them)
         */
        private Converted convert(RuleInfo info, Findings out, Newness newness, boolean letGo) {
            Severity severity = config.severityOf(info.id(), info.defaultSeverity()).orElseThrow();
            int raw = out.raw().size();
            boolean notApplicable = out.isNotApplicable();
            List<List<Findings.Raw>> byFile = byPath(out.raw());
            if (letGo) {
                out.raw().clear(); // the groups hold them now, each let go once its file is converted
            }
            List<Finding> converted = new ArrayList<>(raw);
            int suppressedHere = 0;
            for (List<Findings.Raw> file : byFile) {
                // what is kept for counting and looking up lines holds the path: nothing of it is kept between files
                FindingLines lines = new FindingLines(head);
                suppressedHere += Checklist.convert(file, info, severity, newness, lines,
                        new InlineSuppression(head, lines), new Fingerprints(), converted);
                if (letGo) {
                    file.clear();
                }
            }
            return new Converted(info.id(), converted, suppressedHere, notApplicable, raw);
        }
    }

    /** A part of one rule's findings converted: how many raw findings it had, whether they said "not applicable". */
    private record Converted(String ruleId, List<Finding> findings, int suppressed, boolean notApplicable, int raw) {
    }

    /** See {@link Conversion#notApplicable}. */
    private static final class Tally {
        boolean notApplicable;
        long raw;

        void add(Converted part) {
            notApplicable |= part.notApplicable();
            raw += part.raw();
        }
    }

    /**
     * The code file pass of a full scan that comes first: the findings of the rules checking files apart converted
     * file by file as they are found, the code evidence computed along (each file's read on the pass's threads,
     * joined in order).
     */
    private static final class Converting {
        final Conversion conversion;
        final Newness newness;

        Converting(Conversion conversion, Newness newness) {
            this.conversion = conversion;
            this.newness = newness;
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
     * ({@link CodeFileRule}, {@link CodeFileTally}) run together in one pass over the code files
     * ({@link CodeFilePass}), where the first of
     * them stands in the list, so each file is parsed once for all of them; in a full scan the pass comes first and
     * computes the code evidence ({@link CodeEvidence#alongPass}) too.
     */
    static Map<String, Findings> run(List<Rule> rules, RuleContext ctx) {
        return run(rules, ctx, null);
    }

    /**
     * {@link #run(List, RuleContext)}; when the pass comes first (a full scan) and {@code converting} is given, the
     * pass's findings are converted there and then: the answer holds none of the pass's rules.
     */
    private static Map<String, Findings> run(List<Rule> rules, RuleContext ctx, Converting converting) {
        Map<String, Findings> out = new HashMap<>();
        List<Rule> perFile = new ArrayList<>();
        for (Rule r : rules) {
            out.put(r.info().id(), new Findings());
            if (inPass(r)) {
                perFile.add(r);
            }
        }
        boolean passDone = false;
        Optional<CodeEvidence.AlongPass> evidence = perFile.isEmpty() ? Optional.empty()
                : CodeEvidence.alongPass(ctx);
        if (evidence.isPresent()) {
            // a full scan: the pass comes first and computes the code evidence too, which rules before it would
            // otherwise compute by parsing up to 2,000 of the same files again (the rules' findings do not depend
            // on where the pass runs)
            CodeFilePass.run(perFile, ctx, out, new FirstPass(perFile, evidence.get(), converting, out));
            evidence.get().finish();
            passDone = true;
            if (converting != null) {
                for (Rule r : perFile) {
                    // the findings of the rules checking files in order, and whether the others apply
                    converting.conversion.convert(r, out.remove(r.info().id()), converting.newness);
                }
            }
        }
        for (Rule r : rules) {
            if (!inPass(r)) {
                r.check(ctx, out.get(r.info().id()));
            } else if (!passDone) {
                CodeFilePass.run(perFile, ctx, out);
                passDone = true;
            }
        }
        return out;
    }

    /** Whether the rule runs in the pass over the code files. */
    private static boolean inPass(Rule rule) {
        return rule instanceof CodeFileRule || rule instanceof CodeFileTally;
    }

    /** See {@link #run(List, RuleContext, Converting)}. */
    private static final class FirstPass implements CodeFilePass.Steps<FirstPass.Handed> {
        private final Map<String, Rule> rules = new HashMap<>();
        private final CodeEvidence.AlongPass evidence;
        private final Converting converting;
        private final Map<String, Findings> out;

        /** One file's evidence, and the findings of the rules checking files apart: converted, or raw. */
        record Handed(CodeEvidence.Part evidence, List<Converted> converted, Map<String, Findings> raw) {
        }

        FirstPass(List<Rule> rules, CodeEvidence.AlongPass evidence, Converting converting,
                Map<String, Findings> out) {
            rules.forEach(r -> this.rules.put(r.info().id(), r));
            this.evidence = evidence;
            this.converting = converting;
            this.out = out;
        }

        @Override
        public Handed apart(CodeFile file, Map<String, Findings> found) {
            CodeEvidence.Part part = evidence.read(file);
            if (converting == null) {
                return new Handed(part, List.of(), found);
            }
            List<Converted> converted = new ArrayList<>(found.size());
            found.forEach((id, f) -> converted.add(
                    converting.conversion.convertFile(rules.get(id), f, converting.newness)));
            return new Handed(part, converted, Map.of());
        }

        @Override
        public void inOrder(CodeFile file, Handed handed) {
            evidence.add(file, handed.evidence());
            handed.converted().forEach(converting == null ? c -> {
            } : converting.conversion::add);
            handed.raw().forEach((id, f) -> out.get(id).addAll(f));
        }
    }
}
