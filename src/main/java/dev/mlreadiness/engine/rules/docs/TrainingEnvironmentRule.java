package dev.mlreadiness.engine.rules.docs;

import java.util.List;

import dev.mlreadiness.engine.docs.SectionCheck;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;

/** {@code docs/training-environment}: the docs say where the pinned versions and the random seeds are. */
public final class TrainingEnvironmentRule extends SectionRule {

    private static final SectionCheck SECTION = new SectionCheck(
            List.of("environment", "reproducibility", "reproducible", "training", "requirement", "seed", "dependency",
                    "prerequisite", "hardware", "conda", "virtualenv"),
            "Training environment",
            "where the pinned package versions are and which random seeds training uses");

    public static final RuleInfo INFO = new RuleInfo("docs/training-environment",
            "Document the training environment", Severity.WARNING, Scope.REPOSITORY, new RuleDoc(
                    """
                    Looks in the documentation set for a heading containing environment, reproducibility, \
                    reproducible, training, requirement, seed, dependency, prerequisite, hardware, conda or \
                    virtualenv (add words under `sections: docs/training-environment:`) with content under it. \
                    It checks that the section exists and is not empty, not what it says: the pins themselves are \
                    checked by `reproducibility/unpinned-dependency` and the seeds by `reproducibility/random-seed`.

                    """ + SectionCheck.HOW_SECTIONS_MATCH,
                    """
                    Reproducing a model needs the same packages at the same versions (e.g. \
                    `scikit-learn==1.1.3`) and the same random seeds for every non-deterministic step (splits, \
                    initialisation, dimensionality reduction). Written down, they keep training and production \
                    consistent; missing, a retrain months later gives a different model and nobody knows why.""",
                    "Add a `## Training environment` section that names the lock or requirements file, the "
                            + "Python version, the hardware if it matters, and the seeds used.",
                    """
                    ```markdown
                    ## Usage
                    pip install scikit-learn pandas && python train.py
                    ```""",
                    """
                    ```markdown
                    ## Training environment
                    - Python 3.11, packages pinned in `requirements.txt` (`scikit-learn==1.1.3`, `pandas==2.2.2`).
                    - Seeds: `random_state=42` for the split and the forest, `np.random.seed(42)` in `train.py`.
                    - Trained on CPU; about 4 minutes on 8 cores.
                    ```"""));

    public TrainingEnvironmentRule() {
        super(INFO, SECTION);
    }
}
