package dev.mlreadiness.engine.rules.reproducibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class UndeclaredDependencyRuleTest {

    private final UndeclaredDependencyRule rule = new UndeclaredDependencyRule();

    private static String declare(String distribution, String imported) {
        return "Declare `" + distribution + "`" + (imported == null ? "" : " (imported as `" + imported + "`)")
                + " in requirements.txt: no dependency manifest of the repository lists it, so a fresh install "
                + "cannot run this import.";
    }

    @Test
    void thirdPartyImportsNoManifestDeclaresAreReportedOnTheirLine() {
        Report r = TestRepo.create().file("requirements.txt", "pandas==2.2.2\n").file("src/train.py", """
                import os
                import pandas as pd
                from sklearn.ensemble import RandomForestClassifier
                import cv2, yaml
                import torch
                import torch.nn
                """).scan(rule);
        assertThat(r.findings()).extracting(Finding::path, Finding::line, Finding::message).containsExactlyInAnyOrder(
                tuple("src/train.py", 3, declare("scikit-learn", "sklearn")),
                tuple("src/train.py", 4, declare("opencv-python", "cv2")),
                tuple("src/train.py", 4, declare("PyYAML", "yaml")),
                tuple("src/train.py", 5, declare("torch", null)));
    }

    @Test
    void packagesADeclaredOneRequiresAreNotReportedButOthersAre() {
        // numpy comes with pandas, scipy and joblib with scikit-learn: every install of the manifest runs these
        // imports. torch's wheels do not require numpy, and nothing declared brings matplotlib.
        Report r = TestRepo.create().file("requirements.txt", "pandas==2.2.2\nscikit-learn==1.5.0\n")
                .file("train.py", """
                        import joblib
                        import numpy as np
                        import scipy.sparse
                        import matplotlib.pyplot as plt
                        """).scan(rule);
        assertThat(r.findings()).extracting(Finding::path, Finding::line, Finding::message)
                .containsExactly(tuple("train.py", 4, declare("matplotlib", null)));
        Report torchOnly = TestRepo.create().file("requirements.txt", "torch==2.4.0\n")
                .file("train.py", "import numpy as np\n").scan(rule);
        assertThat(torchOnly.findings()).extracting(Finding::path, Finding::line, Finding::message)
                .containsExactly(tuple("train.py", 1, declare("numpy", null)));
    }

    @Test
    void everyManifestKindDeclaresWithNormalisedNamesVariantsAndCondaNames() {
        Report r = TestRepo.create()
                .file("requirements.txt", "-r requirements/base.txt\nScikit_Learn==1.5.0\n")
                .file("requirements/base.txt", "opencv-python-headless==4.9.0.80\n")
                .file("pyproject.toml", """
                        [project]
                        name = "x"
                        dependencies = ["PyYAML>=6"]
                        [project.optional-dependencies]
                        viz = ["matplotlib"]
                        [dependency-groups]
                        dev = ["pytest"]
                        """)
                .file("env/environment.yml", "dependencies:\n  - pytorch=2.1\n  - py-xgboost\n  - pip\n  - pip:\n"
                        + "    - beautifulsoup4==4.12.3\n")
                .file("setup.cfg", "[options]\ninstall_requires =\n    python-dateutil\n")
                .file("Pipfile", "[packages]\nPillow = \"*\"\n")
                .file("src/app.py", """
                        import sklearn, cv2, yaml, torch, xgboost, bs4, pytest
                        import matplotlib.pyplot as plt
                        from dateutil import parser
                        from PIL import Image
                        """).scan(rule);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void trapsStdlibLocalRelativeOptionalAndTypeCheckingImports() {
        Report r = TestRepo.create().file("requirements.txt", "pandas==2.2.2\n")
                .file("src/churn/__init__.py", "")
                .file("src/churn/train.py", """
                        import json, typing, tomllib, __future__
                        from . import features
                        from .features import build
                        from churn.features import build
                        import features
                        import helpers
                        try:
                            import ujson as json
                        except ImportError:
                            import simplejson as json
                        try:
                            from numba import jit
                        except (ModuleNotFoundError, AttributeError):
                            jit = None
                        from typing import TYPE_CHECKING
                        if TYPE_CHECKING:
                            import torch
                        s = "import flask"
                        # import django
                        """)
                .file("src/churn/features.py", "")
                .file("scripts/helpers.py", "")
                .file("notebooks/eda.ipynb", notebook("from google.colab import drive\\nimport google.cloud.x\\n"))
                .scan(rule);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void removedStandardModulesNeedADistributionOnThePythonVersionTheProjectFixes() {
        String code = "from distutils.version import LooseVersion\n";
        assertThat(TestRepo.create().file("requirements.txt", "pandas==2.2.2\n").file("a.py", code).scan(rule)
                .findings()).isEmpty();
        assertThat(TestRepo.create().file("requirements.txt", "pandas==2.2.2\n").file(".python-version", "3.12\n")
                .file("a.py", code).scan(rule).findings()).extracting(Finding::message)
                .containsExactly(declare("setuptools", "distutils"));
    }

    @Test
    void notebooksAreReadAndAFullScanReportsEachPackageOnce() {
        Report r = TestRepo.create().file("requirements.txt", "pandas==2.2.2\n")
                .file("a.py", "import seaborn as sns\n").file("b.py", "import seaborn\n")
                .file("nb.ipynb", notebook("import pandas as pd\\nimport seaborn\\nimport plotly.express as px\\n"))
                .scan(rule);
        assertThat(r.findings()).extracting(Finding::path, Finding::isNew).containsExactly(tuple("a.py", false),
                tuple("nb.ipynb", false));
        assertThat(r.findings().get(1).message()).contains("`plotly`");
    }

    @Test
    void trapsToolingFilesTestsDocsAndTaskRunnersImportDevTools() {
        Report r = TestRepo.create().file("requirements.txt", "pandas==2.2.2\n")
                .file("docs/conf.py", "import sphinx_rtd_theme\n")
                .file("docs/examples/plot.py", "import matplotlib.pyplot as plt\n")
                .file("noxfile.py", "import nox\n").file("tasks.py", "from invoke import task\n")
                .file("fabfile.py", "from fabric import Connection\n")
                .file("conftest.py", "import pytest\n")
                .file("tests/test_train.py", "import pytest\nfrom hypothesis import given\n")
                .file("src/train.py", "import pandas\nimport yaml\n").scan(rule);
        assertThat(r.findings()).extracting(Finding::path, Finding::message)
                .containsExactly(tuple("src/train.py", declare("PyYAML", "yaml")));
    }

    @Test
    void withoutAManifestTheRuleDoesNotApply() {
        Report r = TestRepo.create().file("a.py", "import sklearn\n").scan(rule);
        assertThat(r.findings()).isEmpty();
        assertThat(r.scores()).allSatisfy(s -> assertThat(s.checked()).isZero());
    }

    @Test
    void inAPullRequestOnlyAddedImportsAreNew() {
        TestRepo base = TestRepo.create().file("requirements.txt", "requests==2.32.3\n")
                .file("a.py", "import requests\nimport numpy\n");
        Report r = base.change().modify("a.py", "import requests\nimport numpy\nimport scipy.stats\n")
                .add("b.py", "import numpy as np\n").evaluate(rule);
        // numpy was undeclared before in a.py, which the change modifies: b.py repeats an existing gap
        assertThat(r.findings()).extracting(Finding::path, Finding::line, Finding::isNew).containsExactly(
                tuple("a.py", 3, true), tuple("b.py", 1, false));
        assertThat(base.change().add("c.py", "import torch\n").evaluate(rule).findings())
                .extracting(Finding::path, Finding::line, Finding::isNew).containsExactly(tuple("c.py", 1, true));
        // declaring it in the same pull request clears it
        Report fixed = base.change().modify("a.py", "import requests\nimport numpy\nimport scipy.stats\n")
                .modify("requirements.txt", "requests==2.32.3\nnumpy==1.26.4\nscipy==1.13.0\n").evaluate(rule);
        assertThat(fixed.findings()).isEmpty();
    }

    private static String notebook(String source) {
        return "{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {}, \"outputs\": [], "
                + "\"source\": [\"" + source + "\"]}], \"metadata\": {\"kernelspec\": {\"name\": \"python3\"}}, "
                + "\"nbformat\": 4, \"nbformat_minor\": 5}";
    }
}
