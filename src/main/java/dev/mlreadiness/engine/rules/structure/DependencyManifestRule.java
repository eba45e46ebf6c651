package dev.mlreadiness.engine.rules.structure;

import dev.mlreadiness.engine.deps.ManifestFiles;
import dev.mlreadiness.engine.repo.ModelRepository;
import dev.mlreadiness.engine.rule.AbstractRule;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.FileEntry;

/** {@code structure/dependency-manifest}: the repository lists the packages it needs in a manifest. */
public final class DependencyManifestRule extends AbstractRule {

    public static final RuleInfo INFO = new RuleInfo("structure/dependency-manifest", "Dependency manifest",
            Severity.ERROR, Scope.REPOSITORY, new RuleDoc("""
                    Checks that the repository has a dependency manifest: `requirements*.txt` (also
                    `dev-requirements.txt` and the `.txt` files of a `requirements/` folder), `constraints*.txt`,
                    `pyproject.toml`, `setup.cfg`, `setup.py`, `environment.yml` / `environment.yaml` /
                    `conda.yml`, `Pipfile`, or R's `renv.lock` / `DESCRIPTION`. Whether the versions are pinned is
                    `reproducibility/unpinned-dependency`'s question.
                    The rule does not apply to a model-only Hugging Face repository (a model file and a README with
                    model-card front matter, no training code): its card's `library_name` says what loads the model.
                    """, """
                    Without a list of packages nobody can rebuild the environment the model was trained in: the
                    next person guesses from the imports, gets other versions, and the model behaves differently
                    or does not load at all. Training servers, CI and the serving image all need the same list.
                    """, """
                    Write down what the code imports, with the versions you run: `pip freeze > requirements.txt`
                    in a clean virtual environment, or declare them in `pyproject.toml` and commit the lock file
                    your tool writes (`poetry.lock`, `uv.lock`, `pdm.lock`). Conda users export
                    `environment.yml` (`conda env export --from-history`, then add versions).
                    """, """
                    ```text
                    churn-model/
                    ├── README.md
                    ├── notebooks/eda.ipynb
                    └── src/train.py        # imports pandas, scikit-learn
                    ```
                    """, """
                    ```text
                    churn-model/
                    ├── README.md
                    ├── requirements.txt    # pandas==2.2.2, scikit-learn==1.5.0
                    ├── notebooks/eda.ipynb
                    └── src/train.py
                    ```
                    """).withKnownProblems("""
                    A manifest counts at any depth (`training/requirements.txt`), since ML repositories often keep one
                    per component: one component's manifest satisfies the rule for the whole repository. pip-tools'
                    `requirements.in` alone does not count, as it is the unpinned input of a requirements file.
                    """));

    public DependencyManifestRule() {
        super(INFO, ModelRepository::modelOnlyReads);
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        if (ModelRepository.isModelOnly(ctx)) {
            out.notApplicable();
            return;
        }
        boolean hasManifest = ctx.snapshot().stream().map(FileEntry::path).anyMatch(ManifestFiles::isManifest);
        if (!hasManifest) {
            out.repository("Add a dependency manifest listing the packages the project needs, such as a "
                    + "`requirements.txt` with exact versions (`pip freeze > requirements.txt`) or a "
                    + "`pyproject.toml` with its lock file.");
        }
    }
}
