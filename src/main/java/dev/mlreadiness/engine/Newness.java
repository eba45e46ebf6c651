package dev.mlreadiness.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.snapshot.ChangeSet;
import dev.mlreadiness.engine.snapshot.Mode;

/**
 * Which head findings a pull request introduces, by kind: a repository gap when one of its subjects is not among
 * the base's gaps of that rule, a file finding when the change touches the file, a line finding when it sits on an
 * added line and is not only carried over from the base ({@link CarriedOverLines}), a pull-request finding always.
 * Nothing is new in a full scan.
 */
final class Newness {

    private final Mode mode;
    private final ChangeSet changes;
    private final Set<String> baseKeys;
    private final Set<Findings.Raw> carriedOver;

    private Newness(Mode mode, ChangeSet changes, Set<String> baseKeys, Set<Findings.Raw> carriedOver) {
        this.mode = mode;
        this.changes = changes;
        this.baseKeys = baseKeys;
        this.carriedOver = carriedOver;
    }

    /**
     * Runs on the base side what the decision needs: the repository rules, and the line rules only when one of
     * them reports on an added line.
     *
     * @param head the findings of every active rule on the head side, by rule id
     * @param baseCtx the base side, or null when there is none
     */
    static Newness of(Mode mode, ChangeSet changes, List<Rule> active, Map<String, Findings> head,
            RuleContext baseCtx) {
        Set<String> baseKeys = new HashSet<>();
        Set<Findings.Raw> carriedOver = Set.of();
        if (baseCtx != null && mode == Mode.PULL_REQUEST) {
            // also when the base is no ML project yet: its gaps (CI, tests, Python version) are not the change's
            List<Rule> repositoryRules = active.stream().filter(r -> r.info().scope() == Scope.REPOSITORY).toList();
            Checklist.run(repositoryRules, baseCtx).forEach((id, f) -> f.raw().stream()
                    .filter(raw -> raw.kind() == Findings.Kind.REPOSITORY)
                    .forEach(raw -> baseKeys.addAll(keys(id, raw))));
            List<Rule> lineRules = active.stream().filter(r -> r.info().scope() == Scope.LINE
                    && head.get(r.info().id()).raw().stream().anyMatch(raw -> raw.kind() == Findings.Kind.LINE
                            && changes.isAddedLine(raw.path(), raw.line())))
                    .toList();
            if (!lineRules.isEmpty()) {
                carriedOver = CarriedOverLines.of(changes, head, Checklist.run(lineRules, baseCtx));
            }
        }
        return new Newness(mode, changes, baseKeys, carriedOver);
    }

    boolean isNew(String ruleId, Findings.Raw raw) {
        return switch (raw.kind()) {
            case REPOSITORY -> mode == Mode.PULL_REQUEST && !baseKeys.containsAll(keys(ruleId, raw));
            case FILE -> mode == Mode.PULL_REQUEST && changes.touches(raw.path());
            case LINE -> mode == Mode.PULL_REQUEST && changes.isAddedLine(raw.path(), raw.line())
                    && !carriedOver.contains(raw);
            case PULL_REQUEST -> mode == Mode.PULL_REQUEST;
        };
    }

    /**
     * What makes a gap "the same" on both sides: rule and subjects (by default the message), not the
     * path, which only says where to annotate. A README the change adds must not turn the docs gaps the base
     * already had into new ones; messages name the file whenever the file is part of the gap. A head gap is new
     * when one of its subjects is not among the base's for that rule.
     */
    static List<String> keys(String ruleId, Findings.Raw raw) {
        return raw.subjects().stream().map(s -> ruleId + "\u0000" + s).toList();
    }
}
