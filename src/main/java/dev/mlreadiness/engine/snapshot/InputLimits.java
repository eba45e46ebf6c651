package dev.mlreadiness.engine.snapshot;

/**
 * The budgets that keep every input of a repository cheap, whoever wrote it: each is a count of bytes, characters,
 * levels or tokens, never a time, so a result does not depend on how busy the machine is. A file over a budget is
 * listed as skipped with the reason and the rest of the evaluation goes on; the config file over its budget is a
 * configuration error. Users read them in {@code docs/limits.md} (a test keeps the page in step with these values).
 * The byte budgets of code files are {@code CodeFiles.MAX_PYTHON_BYTES} and {@code CodeFiles.MAX_NOTEBOOK_BYTES}.
 */
public final class InputLimits {

    /** {@code .github/ml-readiness.yml} larger than this is refused before it is parsed (64 KiB). */
    public static final int MAX_CONFIG_BYTES = 64 * 1024;
    /** Nesting of mappings and lists in the config file (it needs four). */
    public static final int MAX_CONFIG_DEPTH = 32;
    /** YAML aliases ({@code *name}) the config file may use. */
    public static final int MAX_CONFIG_ALIASES = 20;
    /** Nesting of JSON, YAML and TOML files and notebooks: arrays and objects deeper than this skip the file. */
    public static final int MAX_NESTING_DEPTH = 1_000;
    /** Python tokens of one file or notebook: more skips it (a 50,000-line module has about 500,000). */
    public static final int MAX_PYTHON_TOKENS = 1_000_000;
    /**
     * Bytes of a finding's line that its fingerprint hashes: a longer line (minified JSON, a notebook saved without
     * indentation) is hashed by its start and length, so each finding costs this much, not the line.
     */
    public static final int MAX_HASHED_LINE_BYTES = 4 * 1024;
    /** Characters of one call argument's source text kept for the rules (a nested call's text is its whole span). */
    public static final int MAX_ARGUMENT_CHARS = 200;

    private InputLimits() {
    }
}
