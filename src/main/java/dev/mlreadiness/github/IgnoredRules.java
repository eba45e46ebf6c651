package dev.mlreadiness.github;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.kohsuke.github.GHIssueComment;

import dev.mlreadiness.github.publish.Markers;
import dev.mlreadiness.report.MarkdownText;

/**
 * The rules switched off on one pull request: the ignore and unignore decisions recorded in the app's own comments,
 * applied in order, so the last word on a rule wins.
 *
 * @param active the ignore decision in force for each ignored rule, by rule id
 */
public record IgnoredRules(Map<String, IgnoreDecision> active) {

    /** Applies the decisions in order: ignore adds or replaces, unignore removes. */
    public static IgnoredRules fold(Collection<IgnoreDecision> inOrder) {
        Map<String, IgnoreDecision> active = new LinkedHashMap<>();
        for (IgnoreDecision d : inOrder) {
            if (d.ignore()) {
                active.remove(d.rule()); // re-ignoring moves the rule to the end, with its new reason
                active.put(d.rule(), d);
            } else {
                active.remove(d.rule());
            }
        }
        return new IgnoredRules(Map.copyOf(active));
    }

    /**
     * The decisions recorded in {@code comments} (in the order GitHub lists them, oldest first), then
     * {@code latest}: a decision just made, which the listing may not show yet. Only comments written by
     * {@code botLogin} count: anyone can paste a marker into a comment of their own, only the app writes as itself
     * (GitHub logins of people cannot contain the brackets of {@code name[bot]}).
     */
    public static IgnoredRules of(List<GHIssueComment> comments, String botLogin, List<IgnoreDecision> latest) {
        List<IgnoreDecision> all = new ArrayList<>();
        for (GHIssueComment c : comments) {
            if (botLogin.equals(c.getUserName())) {
                all.addAll(Markers.ignoreDecisionsOf(c.getBody()));
            }
        }
        all.addAll(latest);
        return fold(all);
    }

    public Set<String> ids() {
        return new TreeSet<>(active.keySet());
    }

    public boolean isIgnored(String rule) {
        return active.containsKey(rule);
    }

    /** For each ignored rule, who ignored it, when and why, in Markdown safe to publish. */
    public Map<String, String> notes() {
        Map<String, String> notes = new LinkedHashMap<>();
        for (IgnoreDecision d : active.values()) {
            notes.put(d.rule(), note(d));
        }
        return notes;
    }

    /** "by **login** on 2026-01-01: reason", escaped: the reason is whatever someone typed. */
    public static String note(IgnoreDecision d) {
        String day = d.at().length() >= 10 ? d.at().substring(0, 10) : d.at();
        return "by **" + MarkdownText.text(d.by()) + "** on " + MarkdownText.text(day)
                + (d.reason().isEmpty() ? " (no reason given)" : ": " + MarkdownText.text(d.reason()));
    }
}
