package dev.mlreadiness.engine.deps;

/**
 * A whole manifest could not be read (invalid TOML or YAML), so none of its entries can be trusted.
 * Line-level trouble is reported as {@link Problem}s instead.
 */
public class ManifestParseException extends Exception {

    private final String path;
    private final int line;

    /**
     * @param path the manifest's repo path
     * @param line 1-based line of the error, 0 when the parser did not say
     * @param detail what the underlying parser reported
     */
    public ManifestParseException(String path, int line, String detail, Throwable cause) {
        super(path + (line > 0 ? " line " + line : "") + ": " + detail, cause);
        this.path = path;
        this.line = line;
    }

    public String path() {
        return path;
    }

    /** 1-based line of the error, 0 when unknown. */
    public int line() {
        return line;
    }
}
