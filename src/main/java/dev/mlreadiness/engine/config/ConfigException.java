package dev.mlreadiness.engine.config;

/**
 * A configuration file that cannot be used: names the file, the key, the value and what is allowed, so the
 * person who wrote it can fix it without reading code.
 */
public class ConfigException extends Exception {

    private final String source;
    private final String key;
    private final String value;
    private final String allowed;

    public ConfigException(String source, String key, String value, String allowed) {
        super(format(source, key, value, allowed));
        this.source = source;
        this.key = key;
        this.value = value;
        this.allowed = allowed;
    }

    private static String format(String source, String key, String value, String allowed) {
        StringBuilder s = new StringBuilder(source);
        if (key != null && !key.isEmpty()) {
            s.append(": `").append(key).append('`');
        }
        if (value != null) {
            s.append(": `").append(value).append("` is not allowed");
        }
        if (allowed != null) {
            s.append(value == null ? ": " : "; ").append(allowed);
        }
        return s.toString();
    }

    public String source() {
        return source;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    public String allowed() {
        return allowed;
    }
}
