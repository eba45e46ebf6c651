package dev.mlreadiness.engine.rule;

import dev.mlreadiness.engine.Checklist;

/**
 * One checklist rule: one small class, with its documentation in its {@link RuleInfo}. Rules read the
 * repository through the {@link RuleContext} (which parses each file once and shares the result) and report gaps
 * to {@link Findings}. They never decide severity, newness or suppression: the {@link Checklist} does.
 *
 * <p>
 * A rule says once which files it reads: a {@link FileSelector}, kept in a constant, that {@link #reads()}
 * returns and {@link #check} iterates. The checklist asks every rule's selector first and fetches all the selected
 * files in one batch (one request to GitHub instead of one per file); {@code check} then finds them loaded. A rule
 * that judges only names, sizes and the change reads {@link FileSelector#none()}. {@code DeclaredReadsTest} runs
 * every rule of the catalog alone over the example project and the realistic repositories (and {@code TestRepo}
 * over every rule test) and fails on a file a rule read that its selector does not give.
 *
 * <p>
 * Rules of the catalog extend {@link AbstractRule}, which takes both declarations in its constructor:
 *
 * <pre>
 * public final class ContainerRule extends AbstractRule {
 *     public static final RuleInfo INFO = new RuleInfo("production/container", ...);
 *     private static final FileSelector DOCKERFILES = FileSelector.toScan(f -&gt; Dockerfile.isDockerfile(f.path()));
 *
 *     public ContainerRule() {
 *         super(INFO, DOCKERFILES);
 *     }
 *
 *     public void check(RuleContext ctx, Findings out) {
 *         for (String path : DOCKERFILES.select(ctx)) {
 *             ctx.parse(path, Dockerfile.PARSER).ifPresent(file -&gt; ...);   // out.line(path, line, message)
 *         }
 *     }
 * }
 * </pre>
 */
public interface Rule {

    RuleInfo info();

    /**
     * The files {@link #check} reads. Asked once per side before rules run: with the head context, and in a pull
     * request with the base context, where it gives the base files the rule reads when it runs there (repository
     * and line rules) or through {@link RuleContext#base()} from the head side (pull-request rules that compare
     * both trees). Default: none.
     */
    default FileSelector reads() {
        return FileSelector.none();
    }

    void check(RuleContext ctx, Findings out);
}
