package dev.mlreadiness.engine.rule;

/**
 * A {@link Rule} that says what it is and what it reads in its constructor, so a rule class is its constants and
 * its {@link #check}: {@code super(INFO, DOCKERFILES)}.
 */
public abstract class AbstractRule implements Rule {

    private final RuleInfo info;
    private final FileSelector reads;

    /** @param reads the files {@link #check} reads ({@link FileSelector#none()} when it reads none) */
    protected AbstractRule(RuleInfo info, FileSelector reads) {
        this.info = info;
        this.reads = reads;
    }

    @Override
    public final RuleInfo info() {
        return info;
    }

    @Override
    public final FileSelector reads() {
        return reads;
    }
}
