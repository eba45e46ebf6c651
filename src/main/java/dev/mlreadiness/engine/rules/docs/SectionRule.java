package dev.mlreadiness.engine.rules.docs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.mlreadiness.engine.docs.DocsOutline;
import dev.mlreadiness.engine.docs.SectionCheck;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleInfo;

/**
 * A rule that reads the documentation set for one kind of section. By default it asks for the section and
 * nothing more; rules that ask for more (a metric, an example, a condition for applying) override
 * {@link #check}.
 */
public abstract class SectionRule implements Rule {

    private final RuleInfo info;
    private final SectionCheck section;

    protected SectionRule(RuleInfo info, SectionCheck section) {
        this.info = info;
        this.section = section;
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    protected SectionCheck section() {
        return section;
    }

    /** The doc files, plus what {@link #alsoReads} names. */
    @Override
    public final Collection<String> reads(RuleContext ctx) {
        List<String> files = new ArrayList<>(DocsOutline.files(ctx));
        files.addAll(alsoReads(ctx));
        return files;
    }

    /** Files besides the docs the rule reads (a manifest, {@code dvc.yaml}). Default: none. */
    protected Collection<String> alsoReads(RuleContext ctx) {
        return List.of();
    }

    /** Asks for the section where the rule {@link #applies}; elsewhere the rule is not applicable. */
    @Override
    public void check(RuleContext ctx, Findings out) {
        if (!applies(ctx)) {
            out.notApplicable();
            return;
        }
        section.require(ctx, info.id(), out);
    }

    /** Whether the repository needs the section at all (it has data, trains a classifier). Default: yes. */
    protected boolean applies(RuleContext ctx) {
        return true;
    }
}
