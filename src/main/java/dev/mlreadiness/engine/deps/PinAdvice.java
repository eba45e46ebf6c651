package dev.mlreadiness.engine.deps;

/**
 * The message for an unpinned requirement: names the package and shows what to write in the syntax of the file
 * it sits in. Never repeats a URL, which may carry a token.
 */
public final class PinAdvice {

    /** How the manifest spells an exact version. */
    public enum Syntax {
        /** requirements files, PEP 621 arrays, environment.yml's pip list: {@code name==1.2.3}. */
        PEP508,
        /** Poetry tables: {@code name = "1.2.3"}. */
        POETRY,
        /** Pipfile: {@code name = "==1.2.3"}. */
        PIPFILE,
        /** conda specs: {@code name==1.2.3}. */
        CONDA
    }

    private PinAdvice() {
    }

    /** The one-sentence message for a requirement whose pin failed. */
    public static String unpinned(Requirement r, Syntax syntax, ManifestKind manifest) {
        String name = r.name() == null ? null : "`" + r.name() + "`";
        String advice = switch (r.kind()) {
            case VCS -> "Pin " + (name == null ? "this VCS requirement" : name) + " to a full 40-character commit ("
                    + commitSyntax(syntax) + ") instead of "
                    + (r.vcsRef() == null ? "the default branch" : "`" + r.vcsRef() + "`");
            case URL -> "Add the archive's hash to the URL of " + (name == null ? "this requirement" : name)
                    + " (`#sha256=<digest>`) so a replaced file cannot be installed unnoticed";
            case NAMED, LOCAL -> "Pin " + name + " to the exact version you tested with (`"
                    + exactSyntax(r, syntax) + "`) instead of " + current(r, syntax);
        };
        return advice + lockHint(manifest) + ".";
    }

    private static String exactSyntax(Requirement r, Syntax syntax) {
        String extras = r.extras().isEmpty() ? "" : "[" + String.join(",", r.extras()) + "]";
        return switch (syntax) {
            case PEP508 -> r.name() + extras + "==<version>";
            case POETRY -> r.name() + " = \"<version>\"";
            case PIPFILE -> r.name() + " = \"==<version>\"";
            case CONDA -> r.name() + "==<version>";
        };
    }

    private static String commitSyntax(Syntax syntax) {
        return switch (syntax) {
            case POETRY -> "`rev = \"<commit>\"`";
            case PIPFILE -> "`ref = \"<commit>\"`";
            case PEP508, CONDA -> "end the URL with `@<commit>`";
        };
    }

    /** What the file says now: the specifier as pip reads it, or the entry as written in other syntaxes. */
    private static String current(Requirement r, Syntax syntax) {
        if (r.specifier().isEmpty()) {
            return "leaving it open";
        }
        return "`" + (syntax == Syntax.PEP508 ? r.specifier() : r.rawText().strip()) + "`";
    }

    /** Where a lock file may stand in for exact pins, say which one. */
    static String lockHint(ManifestKind manifest) {
        return switch (manifest) {
            case PYPROJECT -> ", or commit the lock file of your tool (`poetry.lock`, `uv.lock` or `pdm.lock`) "
                    + "beside pyproject.toml";
            case PIPFILE -> ", or commit `Pipfile.lock` (`pipenv lock`) beside the Pipfile";
            case CONDA_ENVIRONMENT -> ", or commit a `conda-lock.yml` (`conda-lock -f environment.yml`) beside it";
            default -> "";
        };
    }
}
