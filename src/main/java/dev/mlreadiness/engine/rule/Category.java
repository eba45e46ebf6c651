package dev.mlreadiness.engine.rule;

/** The checklist's five groups, in the order reports show them. The id is the rule-id prefix. */
public enum Category {
    STRUCTURE("structure", "Project structure"),
    DOCS("docs", "Documentation"),
    REPRODUCIBILITY("reproducibility", "Reproducibility"),
    VERSIONING("versioning", "Versioning"),
    PRODUCTION("production", "Production");

    private final String id;
    private final String title;

    Category(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The category of a rule id such as {@code docs/usage}. */
    public static Category ofRuleId(String ruleId) {
        String prefix = ruleId.substring(0, Math.max(0, ruleId.indexOf('/')));
        for (Category c : values()) {
            if (c.id.equals(prefix)) {
                return c;
            }
        }
        throw new IllegalArgumentException("rule id without a known category: " + ruleId);
    }
}
