package dev.mlreadiness.engine.deps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MlLibrariesTest {

    @Test
    void knownNamesInAnySpelling() {
        assertThat(MlLibraries.isMlLibrary("numpy")).isTrue();
        assertThat(MlLibraries.isMlLibrary("Scikit_Learn")).isTrue();
        assertThat(MlLibraries.isMlLibrary("sklearn")).isTrue();
        assertThat(MlLibraries.isMlLibrary("pytorch-lightning")).isTrue();
        assertThat(MlLibraries.isMlLibrary("randomForest")).isTrue();
        assertThat(MlLibraries.isMlLibrary("requests")).isFalse();
        assertThat(MlLibraries.isMlLibrary("numpyro-extra")).isFalse();
        assertThat(MlLibraries.isMlLibrary("torchx")).isFalse();
        assertThat(MlLibraries.isMlLibrary("")).isFalse();
    }

    @Test
    void requirementsFile() {
        assertThat(MlLibraries.declaredIn("requirements.txt", "flask==3.0\nScikit-Learn>=1.3\n-e .\nnumpy\n"))
                .containsExactly("scikit-learn", "numpy");
        assertThat(MlLibraries.namesMlLibrary("requirements.txt", "flask==3.0\nrequests\n")).isFalse();
    }

    @Test
    void pyprojectPep621AndPoetry() {
        assertThat(MlLibraries.declaredIn("pyproject.toml", """
                [build-system]
                requires = ["numpy"]
                [project]
                dependencies = ["torch>=2", "rich"]
                [tool.poetry.dependencies]
                python = "^3.10"
                xgboost = "^2"
                """)).containsExactly("torch", "xgboost");
        assertThat(MlLibraries.declaredIn("pyproject.toml", "[build-system]\nrequires = [\"numpy\"]\n")).isEmpty();
        assertThat(MlLibraries.declaredIn("pyproject.toml", "not = toml = at all")).isEmpty();
    }

    @Test
    void environmentYmlAndPipfile() {
        assertThat(MlLibraries.declaredIn("environment.yml", """
                dependencies:
                  - conda-forge::pytorch=2.1
                  - pip:
                    - transformers==4.35.0
                """)).containsExactly("pytorch", "transformers");
        assertThat(MlLibraries.declaredIn("Pipfile", "[packages]\npandas = \"*\"\nflask = \"*\"\n"))
                .containsExactly("pandas");
    }

    @Test
    void setupPyListAndVariable() {
        assertThat(DeclaredPackages.of("setup.py", """
                from setuptools import setup
                REQUIRED = [
                    "lightgbm>=4",  # boosting
                    'click',
                ]
                setup(name="x", install_requires=REQUIRED, extras_require={"viz": ["matplotlib"]})
                """)).containsExactly("lightgbm", "click");
        assertThat(DeclaredPackages.of("setup.py", "setup(install_requires=['Keras==2.15', \"tqdm\"])"))
                .containsExactly("keras", "tqdm");
        assertThat(DeclaredPackages.of("setup.py", "setup(name='numpy-tools')")).isEmpty();
    }

    @Test
    void setupCfg() {
        assertThat(DeclaredPackages.of("setup.cfg", """
                [metadata]
                name = numpy-tools

                [options]
                install_requires =
                    statsmodels>=0.14  # models
                    pyyaml; python_version >= "3.8"
                python_requires = >=3.9

                [options.extras_require]
                dl = torch
                """)).containsExactly("statsmodels", "pyyaml");
    }

    @Test
    void rDescriptionImportsAndDepends() {
        assertThat(DeclaredPackages.of("DESCRIPTION", """
                Package: mypkg
                Depends: R (>= 4.1), caret
                Imports:
                    randomForest (>= 4.7),
                    dplyr
                Suggests: testthat
                """)).containsExactly("caret", "randomforest", "dplyr");
        assertThat(MlLibraries.namesMlLibrary("DESCRIPTION", "Package: x\nSuggests: caret\n")).isFalse();
    }

    @Test
    void renvLockAndUnknownFiles() {
        assertThat(DeclaredPackages.of("renv.lock", """
                {"R": {"Version": "4.3.1"}, "Packages": {"glmnet": {"Version": "4.1"}, "jsonlite": {}}}
                """)).containsExactly("glmnet", "jsonlite");
        assertThat(DeclaredPackages.of("renv.lock", "{broken")).isEmpty();
        assertThat(DeclaredPackages.of("README.md", "numpy")).isEmpty();
    }
}
