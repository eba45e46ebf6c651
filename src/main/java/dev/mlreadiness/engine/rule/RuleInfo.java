package dev.mlreadiness.engine.rule;

import java.util.regex.Pattern;

/**
 * What the catalog knows of a rule: its public id, a title, its category, default severity, scope and
 * documentation.
 */
public record RuleInfo(String id, String title, Category category, Severity defaultSeverity, Scope scope,
        RuleDoc doc) {

    private static final Pattern ID = Pattern.compile("[a-z]+/[a-z0-9-]+");

    public RuleInfo {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must look like category/name: " + id);
        }
        if (Category.ofRuleId(id) != category) {
            throw new IllegalArgumentException("rule id " + id + " is not in category " + category.id());
        }
    }

    public RuleInfo(String id, String title, Severity defaultSeverity, Scope scope, RuleDoc doc) {
        this(id, title, Category.ofRuleId(id), defaultSeverity, scope, doc);
    }

    /** The rule's page in the documentation, relative to the docs folder: {@code rules/docs/usage.md}. */
    public String docPath() {
        return "rules/" + id + ".md";
    }

    /** The whole page: title, facts line, then the documentation. */
    public String toMarkdown() {
        return "# `" + id + "`: " + title + "\n\n"
                + "Category: " + category.title() + " · Default severity: " + defaultSeverity.id()
                + " · Scope: " + scope.name().toLowerCase().replace('_', ' ') + "\n\n"
                + doc.toMarkdown();
    }
}
