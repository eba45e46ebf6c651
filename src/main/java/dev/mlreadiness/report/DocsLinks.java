package dev.mlreadiness.report;

import java.net.URI;
import java.net.URISyntaxException;

import dev.mlreadiness.engine.rule.RuleInfo;

/**
 * Turns a rule id into the address of its documentation page, {@code <base>rules/<id>.md}, from one base: the
 * repository's {@code docs/} folder by default (relative, for a terminal in a checkout), or an absolute URL where a
 * reader is elsewhere (SARIF viewers, GitHub).
 */
public final class DocsLinks {

    /** The docs folder relative to the repository root, where {@code docs/rules/<id>.md} pages live. */
    public static final String RELATIVE_BASE = "docs/";

    /** The docs folder on the project's home page, for readers outside a checkout. */
    public static final String ONLINE_BASE = ToolInfo.INFORMATION_URI + "/blob/main/docs/";

    private final String base;

    public DocsLinks(String base) {
        this.base = base.isEmpty() || base.endsWith("/") ? base : base + "/";
    }

    public static DocsLinks relative() {
        return new DocsLinks(RELATIVE_BASE);
    }

    public static DocsLinks online() {
        return new DocsLinks(ONLINE_BASE);
    }

    public String base() {
        return base;
    }

    /** {@code docs/rules/structure/readme.md} with the default base (the page {@link RuleInfo#docPath()} names). */
    public String rule(String ruleId) {
        return base + "rules/" + ruleId + ".md";
    }

    /** True when links carry a scheme (https:, file:), as SARIF's {@code helpUri} requires. */
    public boolean isAbsolute() {
        try {
            return new URI(base).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
