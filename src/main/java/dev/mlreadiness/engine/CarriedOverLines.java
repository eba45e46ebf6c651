package dev.mlreadiness.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.snapshot.ChangeSet;
import dev.mlreadiness.engine.snapshot.FileChange;

/**
 * The line gaps on added lines that a change only carries over from its base: code moved into a helper,
 * reformatted, or kept through a rename. A gap is carried over when the base version of the file it sits in (a
 * renamed file's old path), or a file the change modifies or deletes, had a gap of the same rule and subject that
 * the change no longer has there. Occurrences are counted: adding a second identical unseeded call next to the
 * first gives one new gap.
 */
final class CarriedOverLines {

    private CarriedOverLines() {
    }

    /**
     * @param head the findings of every rule on the head side
     * @param base the findings of the line rules on the base side (their files are the changed files' origins)
     * @return the head line gaps on added lines that are not new, by identity
     */
    static Set<Findings.Raw> of(ChangeSet changes, Map<String, Findings> head, Map<String, Findings> base) {
        Map<String, String> originOf = new HashMap<>();
        List<String> deleted = new ArrayList<>();
        for (FileChange c : changes.files()) {
            switch (c.status()) {
                case MODIFIED -> originOf.put(c.path(), c.path());
                case RENAMED -> originOf.put(c.path(), c.previousPath());
                case DELETED -> deleted.add(c.path());
                default -> {
                }
            }
        }
        // per base file: how many gaps of each rule and subject
        Map<String, Map<String, Integer>> inBase = new HashMap<>();
        base.forEach((id, f) -> f.raw().stream().filter(r -> r.kind() == Findings.Kind.LINE).forEach(r -> inBase
                .computeIfAbsent(r.path(), p -> new HashMap<>()).merge(key(id, r), 1, Integer::sum)));

        // per head file and key: the gaps on untouched lines (counted) and on added lines (in line order)
        Map<String, Map<String, Integer>> untouched = new HashMap<>();
        Map<String, Map<String, List<Findings.Raw>>> added = new HashMap<>();
        head.forEach((id, f) -> f.raw().stream().filter(r -> r.kind() == Findings.Kind.LINE
                && changes.touches(r.path())).forEach(r -> {
                    if (changes.isAddedLine(r.path(), r.line())) {
                        added.computeIfAbsent(r.path(), p -> new HashMap<>())
                                .computeIfAbsent(key(id, r), k -> new ArrayList<>()).add(r);
                    } else {
                        untouched.computeIfAbsent(r.path(), p -> new HashMap<>()).merge(key(id, r), 1, Integer::sum);
                    }
                }));

        Set<Findings.Raw> carried = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<String, Integer> pool = new HashMap<>();
        List<Map.Entry<String, Findings.Raw>> unmatched = new ArrayList<>();
        // first the file's own base version: a reformatted or renamed line matches where it was
        for (Map.Entry<String, String> e : originOf.entrySet()) {
            Map<String, Integer> before = inBase.getOrDefault(e.getValue(), Map.of());
            Map<String, Integer> kept = untouched.getOrDefault(e.getKey(), Map.of());
            Map<String, List<Findings.Raw>> fresh = added.getOrDefault(e.getKey(), Map.of());
            for (Map.Entry<String, Integer> b : before.entrySet()) {
                int left = Math.max(0, b.getValue() - kept.getOrDefault(b.getKey(), 0));
                List<Findings.Raw> candidates = sorted(fresh.getOrDefault(b.getKey(), List.of()));
                int taken = Math.min(left, candidates.size());
                carried.addAll(candidates.subList(0, taken));
                pool.merge(b.getKey(), left - taken, Integer::sum);
            }
        }
        for (String path : deleted) {
            inBase.getOrDefault(path, Map.of()).forEach((k, n) -> pool.merge(k, n, Integer::sum));
        }
        // then what the change took out of other files: a call moved into a helper module
        added.forEach((path, byKey) -> byKey.forEach((k, list) -> list.stream()
                .filter(r -> !carried.contains(r)).forEach(r -> unmatched.add(Map.entry(k, r)))));
        unmatched.sort(Comparator.comparing((Map.Entry<String, Findings.Raw> e) -> e.getValue().path())
                .thenComparing(e -> e.getValue().line()));
        for (Map.Entry<String, Findings.Raw> e : unmatched) {
            int left = pool.getOrDefault(e.getKey(), 0);
            if (left > 0) {
                carried.add(e.getValue());
                pool.put(e.getKey(), left - 1);
            }
        }
        return carried;
    }

    private static String key(String ruleId, Findings.Raw raw) {
        return Newness.keys(ruleId, raw).get(0);
    }

    private static List<Findings.Raw> sorted(List<Findings.Raw> raws) {
        List<Findings.Raw> out = new ArrayList<>(raws);
        out.sort(Comparator.comparing(Findings.Raw::path).thenComparing(Findings.Raw::line));
        return out;
    }
}
