package dev.mlreadiness.engine.deps;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import dev.mlreadiness.engine.rule.FileParser;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * The shared {@link FileParser}s of dependency manifests, one per kind, so the ML-project detector and every
 * dependency rule get each manifest parsed once per evaluation. A manifest that is not valid TOML or YAML is
 * listed as skipped with the parser's reason.
 */
public final class ManifestParsers {

    /** {@code requirements*.txt}, {@code constraints*.txt}. Never fails on text: bad lines become problems. */
    public static final FileParser<RequirementsFile> REQUIREMENTS = (path, content) -> new RequirementsParser()
            .parse(path, text(content));

    public static final FileParser<PyprojectManifest> PYPROJECT = strict(new PyprojectParser()::parse);

    public static final FileParser<PipfileManifest> PIPFILE = strict(new PipfileParser()::parse);

    /** {@code environment.yml} and its spellings. */
    public static final FileParser<CondaEnvironment> CONDA_ENVIRONMENT = strict(new EnvironmentYmlParser()::parse);

    /** Package names of the manifests without a parser of their own (setup.py, setup.cfg, R files). */
    private static final FileParser<List<String>> OTHER_DECLARED = (path, content) -> DeclaredPackages.of(path,
            text(content));

    private ManifestParsers() {
    }

    /** A parser that rejects the whole file when it is not valid TOML or YAML. */
    private interface TextParser<T> {
        T parse(String path, String text) throws ManifestParseException;
    }

    private static <T> FileParser<T> strict(TextParser<T> parser) {
        return (path, content) -> {
            try {
                return parser.parse(path, text(content));
            } catch (ManifestParseException e) {
                throw new FileParser.ParseFailure(e.getMessage(), e);
            }
        };
    }

    /**
     * The normalised package names the manifest declares, each once, in file order; empty when the path is no
     * manifest or cannot be read.
     */
    public static List<String> declaredPackages(RuleContext ctx, String path) {
        Optional<ManifestKind> kind = ManifestFiles.kind(path);
        if (kind.isEmpty()) {
            return List.of();
        }
        Optional<List<Requirement>> requirements = switch (kind.get()) {
            case REQUIREMENTS, CONSTRAINTS -> ctx.parse(path, REQUIREMENTS).map(RequirementsFile::requirements);
            case PYPROJECT -> ctx.parse(path, PYPROJECT).map(PyprojectManifest::requirements);
            case PIPFILE -> ctx.parse(path, PIPFILE).map(PipfileManifest::requirements);
            case CONDA_ENVIRONMENT -> ctx.parse(path, CONDA_ENVIRONMENT).map(CondaEnvironment::requirements);
            case SETUP_CFG, SETUP_PY, RENV_LOCK, R_DESCRIPTION -> null;
        };
        if (requirements == null) {
            return ctx.parse(path, OTHER_DECLARED).orElse(List.of());
        }
        return DeclaredPackages.namesOf(requirements.orElse(List.of()));
    }

    /** UTF-8 without a byte-order mark; binary content is no manifest. */
    private static String text(byte[] content) throws FileParser.ParseFailure {
        if (Snapshot.isBinary(content)) {
            throw new FileParser.ParseFailure("binary content where a dependency manifest was expected");
        }
        String text = new String(content, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
