package dev.mlreadiness.engine.rules.structure;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.mlreadiness.engine.rule.AbstractRule;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.FileEntry;

/** {@code structure/readme}: the repository has a README at its root. */
public final class ReadmeRule extends AbstractRule {

    /** Root file names that count as a README, compared case-insensitively. */
    static final List<String> NAMES = List.of("readme.md", "readme.markdown", "readme.rst", "readme.txt", "readme");

    public static final RuleInfo INFO = new RuleInfo("structure/readme", "README at the root", Severity.ERROR,
            Scope.REPOSITORY, new RuleDoc("""
                    Checks that the repository root holds a README: `README.md`, `README.rst`, `README.txt` or
                    `README` (also `README.markdown`).
                    """, """
                    The README is the first thing a reviewer, a new team member or the on-call engineer opens. Without
                    it nobody knows what the model is for, how to install and run it, or how it is deployed, and
                    every other piece of documentation is hard to find.
                    """, """
                    Add `README.md` at the root. Say what the project is for, how to install and run it, where the
                    data comes from and how the model is deployed; link to `docs/` for the details.
                    """, """
                    ```text
                    churn-model/
                    ├── notebooks/eda.ipynb
                    └── requirements.txt
                    ```
                    """, """
                    ```text
                    churn-model/
                    ├── README.md          # purpose, usage, data, deployment
                    ├── notebooks/eda.ipynb
                    └── requirements.txt
                    ```
                    """).withKnownProblems("""
                    Names are compared case-insensitively, as GitHub does when it shows a README (`readme.md` counts),
                    and a README that holds only whitespace counts as missing.
                    """));

    /** The READMEs at the root, by any of {@link #NAMES}. */
    private static final FileSelector READMES = FileSelector.inTree(f -> f.folder().isEmpty()
            && NAMES.contains(f.name().toLowerCase(Locale.ROOT)));

    public ReadmeRule() {
        super(INFO, READMES);
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        List<FileEntry> readmes = READMES.entries(ctx);
        if (readmes.isEmpty()) {
            out.repository("Add a README.md at the repository root that says what the project is for and how to "
                    + "run it.");
            return;
        }
        for (FileEntry f : readmes) {
            Optional<String> text = ctx.text(f.path());
            if (f.size() != 0 && (text.isEmpty() || !text.get().isBlank())) {
                return; // one README with content is enough; binary content is odd but present
            }
        }
        out.repository(readmes.get(0).path(), "Write " + readmes.get(0).path()
                + ": it is empty, so say what the project is for and how to run it.");
    }
}
