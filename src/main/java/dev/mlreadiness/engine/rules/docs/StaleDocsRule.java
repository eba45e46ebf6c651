package dev.mlreadiness.engine.rules.docs;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.mlreadiness.engine.config.ProjectPaths;
import dev.mlreadiness.engine.docs.DocSection;
import dev.mlreadiness.engine.docs.DocsOutline;
import dev.mlreadiness.engine.docs.DocumentedChanges;
import dev.mlreadiness.engine.docs.SectionChanges;
import dev.mlreadiness.engine.rule.AbstractRule;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.ChangeStatus;
import dev.mlreadiness.engine.snapshot.FileChange;

/**
 * {@code docs/stale}: a pull request that changes what the documentation describes (a dependency, an entry
 * point, a command-line option, a setting or config key, a data file, a model class, a name or file the docs
 * mention) and no doc file. See {@link DocumentedChanges} for what counts.
 */
public final class StaleDocsRule extends AbstractRule {

    private static final Set<ChangeStatus> COUNTED = Set.of(ChangeStatus.ADDED, ChangeStatus.MODIFIED,
            ChangeStatus.RENAMED);

    public static final RuleInfo INFO = new RuleInfo("docs/stale", "Update the docs with the code",
            Severity.WARNING, Scope.PULL_REQUEST, new RuleDoc(
                    """
                    Pull requests only (never in a full scan). One finding when the PR changes something the \
                    documentation describes or should describe, and adds, modifies or renames no doc file (any \
                    `.md` or `.rst` file, `README*`, `MODEL_CARD*`, `DATASHEET*`, anything under `docs/`, or the \
                    configured docs). Compared with the PR's base, what counts:

                    - **Dependencies**: a package added to a manifest (requirements*.txt, pyproject.toml, setup.py, \
                    setup.cfg, environment.yml, Pipfile, renv.lock, DESCRIPTION, at any depth; not constraints \
                    files), a new entry point (`[project.scripts]`, `console_scripts`), or a removed package the \
                    docs mention. Changing versions alone never counts: a bump, by a person or a bot, leaves the \
                    docs right.
                    - **Code** (Python files and notebooks): a new command-line option (argparse `add_argument`, \
                    click and typer options, absl flags), a new setting read (`os.getenv("X")`, \
                    `os.environ["X"]`, `cfg["key"]`, `config.get("key")`), a new model class (deriving from \
                    `nn.Module`, `LightningModule`, a Keras `Model` or `Layer`, `BaseEstimator`, `*Model`, ...), a \
                    new script (`if __name__ == "__main__":`); and an option, setting, `def` or `class` line the \
                    PR changes or removes whose name the docs mention. Code moved between files is not new.
                    - **Config files** (YAML, TOML, INI or JSON named `config*`, `params*`, `hparams*`, \
                    `settings*`, or under `config/`, `configs/`, `conf/`): a new key, or a changed or removed key \
                    the docs mention.
                    - **Data**: a data or model file the PR adds (or a `.dvc` file tracking one).
                    - **Files the docs mention**, by path or file name, that the PR moves or deletes.

                    A name counts as mentioned when the docs write it as code (in backticks or a code block), or \
                    when it is distinctive (an underscore, a digit or an inner capital: `build_features`, \
                    `TabularNet`) and appears anywhere; an option such as `--lr` counts anywhere. So a bug fix \
                    inside a function, a refactoring that keeps the names, a version bump and changes to tests \
                    (files under `tests/` or `test/`, `test_*.py`, `*_test.py`, `conftest.py`) do not make the \
                    docs stale. The message says what changed.

                    Besides, per section: when the PR changes what one section describes and does not touch that \
                    section (no added or changed line in it), one finding names the section and the change, whatever \
                    else the PR does to the docs (an edit elsewhere does not clear it):

                    - **Experiments** (a section whose heading contains experiment, model selection, results, \
                    evaluation, benchmark or hyperparameter): an estimator class the code constructs appears or \
                    goes (`RandomForestClassifier`, `XGBRegressor`, `LogisticRegression` ...), or its constructor's \
                    arguments change (its hyperparameters; the seed is the training environment's). A new estimator \
                    the section already names (`random forest` names `RandomForestClassifier`) is no news, and one \
                    that goes matters only when the section named it.
                    - **Training environment** (environment, reproducibility, requirements, seed): a seed value \
                    changes (`random_state=`, `seed=`, `np.random.seed(...)`, `torch.manual_seed(...)`), the Python \
                    minor version of `.python-version` or `runtime.txt` changes while the section names the old one, \
                    or a version pinned with `==` in a \
                    requirements file changes while the section names the old version (a bump of a version the docs \
                    do not state leaves them right).
                    - **Data schema** (the section holding a schema table, or a heading with schema, data dictionary, \
                    column or codebook): the header of a CSV or TSV file under the data folder gains or loses columns.
                    - **Deployment** (deployment, deploy, serving, inference, production): a Dockerfile's `CMD`, \
                    `ENTRYPOINT` or `EXPOSE` changes, or a web route of the code (`@app.post("/predict")`) appears or \
                    goes.

                    A topic the docs have no section for is left to the finding for the docs as a whole, as above \
                    (the words you add under `sections:` for `docs/experiments`, `docs/training-environment`, \
                    `docs/data-schema` and `docs/deployment` count here too).""",
                    """
                    Out-of-date documentation is technical debt: the README still describes last quarter's \
                    options, the model card last year's training data. Nobody notices until someone deploys by \
                    the docs. The cheapest time to update them is in the PR that changes the behaviour.""",
                    "Update the docs the change affects (the README's usage, the model or data sections, the "
                            + "model card) in the same PR; if nothing needs to change, say so in the PR and ignore "
                            + "the rule for it with `/readiness ignore docs/stale <reason>`.",
                    """
                    ```text
                    PR #42: "Warm up the learning rate"
                      M src/train.py       (+ parser.add_argument("--warmup-steps", type=int, default=500))
                      M configs/train.yaml (+ warmup_steps: 500)

                    PR #43: "More trees"
                      M src/train.py       (RandomForestClassifier(n_estimators=300) -> n_estimators=500)
                      M README.md          (## Usage edited; ## Results still says "300 trees")
                    ```""",
                    """
                    ```text
                    PR #42: "Warm up the learning rate"
                      M src/train.py
                      M configs/train.yaml
                      M README.md          (## Training: "--warmup-steps N ramps the learning rate up over N steps")

                    PR #43: "More trees"
                      M src/train.py
                      M README.md          (## Results: "500 trees, F1 0.70")
                    ```""").withKnownProblems("""
                    These triggers replace the original spec's "any change to training code or to the manifest", which
                    flagged bug fixes and dependency bumps that nobody would document: a change of behaviour that
                    touches none of them (a new default value, another algorithm inside a function) is not flagged.
                    """));

    /** Head: the changed code, manifests and configs, and the docs; base: those files' base versions. */
    private static final FileSelector READS = ctx -> ctx.changes().isFullScan() ? List.of()
            : FileSelector.allOf(DocumentedChanges::reads, SectionChanges::reads, StaleDocsRule::docs).select(ctx);

    public StaleDocsRule() {
        super(INFO, READS);
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        if (!ctx.isPullRequest()) {
            out.notApplicable();
            return;
        }
        staleSections(ctx, out);
        boolean docsChanged = ctx.changes().files().stream().filter(c -> COUNTED.contains(c.status()))
                .map(FileChange::path).anyMatch(p -> isDoc(p, ctx.paths()));
        if (docsChanged) {
            return;
        }
        List<String> changes = DocumentedChanges.of(ctx);
        if (changes.isEmpty()) {
            return;
        }
        String what = switch (changes.size()) {
            case 1 -> changes.get(0);
            case 2 -> changes.get(0) + " and " + changes.get(1);
            default -> changes.get(0) + ", " + changes.get(1) + " and " + (changes.size() - 2) + " more change"
                    + (changes.size() == 3 ? "" : "s") + " the docs describe";
        };
        out.pullRequest(null, "This PR " + what + " but changes no documentation: update the README or the pages "
                + "under docs/ that describe " + (changes.size() == 1 ? "it" : "them") + ".");
    }

    /**
     * One finding per section that the PR's changes make out of date and that the PR does not touch, whatever else
     * it does to the docs; a topic without a section in the docs is left to the finding for the docs as a whole.
     */
    private static void staleSections(RuleContext ctx, Findings out) {
        Map<SectionChanges.Topic, List<SectionChanges.Change>> byTopic = new EnumMap<>(SectionChanges.Topic.class);
        SectionChanges.of(ctx).forEach(c -> byTopic.computeIfAbsent(c.topic(), t -> new ArrayList<>()).add(c));
        byTopic.forEach((topic, all) -> {
            List<DocSection> sections = topic.sections(ctx);
            if (sections.isEmpty() || sections.stream().anyMatch(s -> SectionChanges.touched(ctx, s))) {
                return;
            }
            DocSection section = sections.get(0);
            String said = sections.stream().map(s -> s.section().text() + "\n" + s.section().plainText())
                    .reduce("", (a, b) -> a + "\n" + b);
            List<String> texts = all.stream().filter(c -> c.concerns(said)).map(SectionChanges.Change::text)
                    .distinct().toList();
            if (texts.isEmpty()) {
                return;
            }
            String what = texts.size() <= 2 ? String.join(" and ", texts)
                    : texts.get(0) + ", " + texts.get(1) + " and " + (texts.size() - 2) + " more change"
                            + (texts.size() == 3 ? "" : "s");
            out.pullRequest(section.path(), "This PR " + what + ", but not the " + section.label()
                    + ", which describes " + topic.label() + ": update it.");
        });
    }

    /** The docs, read on the head side only: they are matched against what changed. */
    private static List<String> docs(RuleContext ctx) {
        return ctx.side() == RuleContext.Side.HEAD ? DocsOutline.files(ctx) : List.of();
    }

    static boolean isDoc(String path, ProjectPaths paths) {
        String lower = path.toLowerCase(Locale.ROOT);
        String name = lower.substring(lower.lastIndexOf('/') + 1);
        return lower.endsWith(".md") || lower.endsWith(".rst") || name.startsWith("readme")
                || name.startsWith("model_card") || name.startsWith("datasheet") || lower.startsWith("docs/")
                || paths.isDoc(path);
    }
}
