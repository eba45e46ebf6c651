package dev.mlreadiness.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How serious a gap is. Ordered from most to least severe, so {@code compareTo} ranks them.
 * Maps to GitHub annotation levels (failure/warning/notice) and SARIF levels (error/warning/note).
 */
public enum Severity {
    ERROR("error", "failure", "error"),
    WARNING("warning", "warning", "warning"),
    NOTICE("notice", "notice", "note");

    private final String id;
    private final String annotationLevel;
    private final String sarifLevel;

    Severity(String id, String annotationLevel, String sarifLevel) {
        this.id = id;
        this.annotationLevel = annotationLevel;
        this.sarifLevel = sarifLevel;
    }

    /** The word used in config files and output: {@code error}, {@code warning}, {@code notice}. */
    public String id() {
        return id;
    }

    public String annotationLevel() {
        return annotationLevel;
    }

    public String sarifLevel() {
        return sarifLevel;
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
