package dev.mlreadiness.engine.rules.docs;

import dev.mlreadiness.engine.docs.DocsOutline;
import dev.mlreadiness.engine.docs.SectionCheck;
import dev.mlreadiness.engine.rule.AbstractRule;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleInfo;

/**
 * A rule that reads the documentation set for one kind of section. By default it asks for the section and
 * nothing more; rules that ask for more (a metric, an example, a condition for applying) override
 * {@link #check}, and name in the constructor the files besides the docs that they read.
 */
public abstract class SectionRule extends AbstractRule {

    private final SectionCheck section;

    protected SectionRule(RuleInfo info, SectionCheck section) {
        this(info, section, FileSelector.none());
    }

    /** @param alsoReads the files besides the docs the rule reads (code evidence, a manifest, {@code dvc.yaml}) */
    protected SectionRule(RuleInfo info, SectionCheck section, FileSelector alsoReads) {
        super(info, FileSelector.allOf(DocsOutline::files, alsoReads));
        this.section = section;
    }

    protected SectionCheck section() {
        return section;
    }

    /** Asks for the section where the rule {@link #applies}; elsewhere the rule is not applicable. */
    @Override
    public void check(RuleContext ctx, Findings out) {
        if (!applies(ctx)) {
            out.notApplicable();
            return;
        }
        section.require(ctx, info().id(), out);
    }

    /** Whether the repository needs the section at all (it has data, trains a classifier). Default: yes. */
    protected boolean applies(RuleContext ctx) {
        return true;
    }
}
