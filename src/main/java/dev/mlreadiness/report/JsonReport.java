package dev.mlreadiness.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.OptionalInt;

import com.fasterxml.jackson.core.JsonGenerator;

import dev.mlreadiness.engine.CategoryScore;
import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.snapshot.Mode;
import dev.mlreadiness.engine.snapshot.SkippedFile;

/**
 * The report as JSON for scripts, in a stable shape documented in {@code docs/json-report.md}. Keys always appear,
 * in this order; absent values are {@code null}; enum values are lower-case words:
 *
 * <pre>
 * { "formatVersion": 1, "tool": {"name", "version"}, "mode": "full-scan" | "pull-request",
 *   "applicable": bool, "skipReason": string | null, "conclusion": "success" | "failure", "failOn": string,
 *   "readiness": {"passed", "applicable", "percent"} | null (pull requests and git ranges),
 *   "scores": [ {"category", "title", "checked", "passed", "new", "existing"} ],
 *   "findings": [ {"ruleId", "category", "severity", "message", "path", "line", "new", "fingerprint", "docs"} ],
 *   "skipped": [ {"path", "reason"} ], "notes": [string], "ignoredRules": [string], "suppressed": int }
 * </pre>
 */
public final class JsonReport {

    /** Raised when a field is renamed or removed; adding a field does not change it. */
    public static final int FORMAT_VERSION = 1;

    private JsonReport() {
    }

    public static String render(Report report, DocsLinks links) {
        return JsonText.write(g -> write(report, links, g));
    }

    /** {@link #render} onto {@code out} as it is generated: finding by finding, never as one string or tree. */
    public static void write(Report report, DocsLinks links, Writer out) throws IOException {
        JsonText.write(g -> write(report, links, g), out);
    }

    private static void write(Report report, DocsLinks links, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("formatVersion", FORMAT_VERSION);
        g.writeObjectFieldStart("tool");
        g.writeStringField("name", ToolInfo.NAME);
        g.writeStringField("version", ToolInfo.version());
        g.writeEndObject();
        g.writeStringField("mode", mode(report.mode()));
        g.writeBooleanField("applicable", report.applicable());
        g.writeStringField("skipReason", report.skipReason());
        g.writeStringField("conclusion", report.conclusion().name().toLowerCase(Locale.ROOT));
        g.writeStringField("failOn", report.config().failOn().id());
        if (report.readinessTracked()) {
            g.writeObjectFieldStart("readiness");
            g.writeNumberField("passed", report.rulesPassed());
            g.writeNumberField("applicable", report.rulesApplicable());
            OptionalInt percent = report.readinessPercent();
            JsonText.number(g, "percent", percent.isPresent() ? percent.getAsInt() : null);
            g.writeEndObject();
        } else {
            g.writeNullField("readiness"); // a pull request's evaluation reads only the files it changes
        }
        g.writeArrayFieldStart("scores");
        for (CategoryScore s : report.scores()) {
            g.writeStartObject();
            g.writeStringField("category", s.category().id());
            g.writeStringField("title", s.category().title());
            g.writeNumberField("checked", s.checked());
            g.writeNumberField("passed", s.passed());
            g.writeNumberField("new", s.newFindings());
            g.writeNumberField("existing", s.existingFindings());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("findings");
        for (Finding f : report.findings()) {
            g.writeStartObject();
            g.writeStringField("ruleId", f.ruleId());
            g.writeStringField("category", f.category().id());
            g.writeStringField("severity", f.severity().id());
            g.writeStringField("message", f.message());
            g.writeStringField("path", f.path());
            JsonText.number(g, "line", f.line());
            g.writeBooleanField("new", f.isNew());
            g.writeStringField("fingerprint", f.fingerprint());
            g.writeStringField("docs", links.rule(f.ruleId()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("skipped");
        for (SkippedFile s : report.skipped()) {
            g.writeStartObject();
            g.writeStringField("path", s.path());
            g.writeStringField("reason", s.reason());
            g.writeBooleanField("changed", s.changed());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("notes");
        for (String note : report.notes()) {
            g.writeString(note);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("ignoredRules");
        for (String rule : report.ignoredRules()) {
            g.writeString(rule);
        }
        g.writeEndArray();
        g.writeNumberField("suppressed", report.suppressed());
        g.writeEndObject();
    }

    static String mode(Mode mode) {
        return mode == Mode.FULL_SCAN ? "full-scan" : "pull-request";
    }
}
