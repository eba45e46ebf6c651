package dev.mlreadiness.engine.rule;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How serious a gap is. Ordered from most to least severe, so {@code compareTo} ranks them.
 * Output vocabularies (SARIF levels, GitHub annotation levels) are the renderers' and publishers' business.
 */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    NOTICE("notice");

    private final String id;

    Severity(String id) {
        this.id = id;
    }

    /** The word used in config files and output: {@code error}, {@code warning}, {@code notice}. */
    public String id() {
        return id;
    }

    /** True when this severity is as serious as {@code threshold} or more. */
    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) <= 0;
    }

    public static Optional<Severity> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id.equals(v)).findFirst();
    }
}
