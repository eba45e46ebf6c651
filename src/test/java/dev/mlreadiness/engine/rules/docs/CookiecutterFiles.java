package dev.mlreadiness.engine.rules.docs;

/** Files as the Cookiecutter Data Science template generates them, for the tests of template text. */
public final class CookiecutterFiles {

    /** The Cookiecutter Data Science v2 README's tree, as a fenced block (v1 indents it). */
    public static final String TREE = """
            ```
            ├── LICENSE            <- Open-source license if one is chosen
            ├── Makefile           <- Makefile with convenience commands like `make data` or `make train`
            ├── README.md          <- The top-level README for developers using this project.
            ├── data
            │   ├── external       <- Data from third party sources.
            │   ├── interim        <- Intermediate data that has been transformed.
            │   ├── processed      <- The final, canonical data sets for modeling.
            │   └── raw            <- The original, immutable data dump.
            │
            ├── models             <- Trained and serialized models, model predictions, or model summaries
            └── churn              <- Source code for use in this project.
            ```
            """;

    /**
     * A README as Cookiecutter Data Science v2 generates it when the description is left at its default: the
     * template's badge, the placeholder, the tree.
     */
    static final String README = """
            # churn-prediction

            <a target="_blank" href="https://cookiecutter-data-science.drivendata.org/">
                <img src="https://img.shields.io/badge/CCDS-Project%20template-328F97?logo=cookiecutter" />
            </a>

            A short description of the project.

            ## Project Organization

            """ + TREE + """

            --------
            """;

    /** The stock {@code docs/getting-started.rst} (v1; v2's {@code docs/docs/getting-started.md} is the same). */
    static final String GETTING_STARTED = """
            Getting started
            ===============

            This is where you describe how to get set up on a clean install, including the
            commands necessary to get the raw data (using the `sync_data_from_s3` command,
            for example), and then how to make the cleaned, final data sets.
            """;

    /** The stock {@code docs/commands.rst} (v1), with the author's bucket filled in. */
    static final String COMMANDS = """
            Commands
            ========

            The Makefile contains the central entry points for common tasks related to this project.

            Syncing data to S3
            ^^^^^^^^^^^^^^^^^^

            * `make sync_data_to_s3` will use `aws s3 sync` to recursively sync files in `data/` up to
              `s3://acme/data/`.
            * `make sync_data_from_s3` will use `aws s3 sync` to recursively sync files from `s3://acme/data/`
              to `data/`.
            """;

    private CookiecutterFiles() {
    }
}
