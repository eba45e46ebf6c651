package dev.mlreadiness.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
        return JsonText.write(toJson(report, links));
    }

    /** {@link #render} onto {@code out}, without the whole text as one string. */
    public static void write(Report report, DocsLinks links, Writer out) throws IOException {
        JsonText.write(toJson(report, links), out);
    }

    public static ObjectNode toJson(Report report, DocsLinks links) {
        ObjectNode root = JsonText.object();
        root.put("formatVersion", FORMAT_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", ToolInfo.NAME);
        tool.put("version", ToolInfo.version());
        root.put("mode", mode(report.mode()));
        root.put("applicable", report.applicable());
        root.put("skipReason", report.skipReason());
        root.put("conclusion", report.conclusion().name().toLowerCase(Locale.ROOT));
        root.put("failOn", report.config().failOn().id());
        if (report.readinessTracked()) {
            ObjectNode readiness = root.putObject("readiness");
            readiness.put("passed", report.rulesPassed());
            readiness.put("applicable", report.rulesApplicable());
            if (report.readinessPercent().isPresent()) {
                readiness.put("percent", report.readinessPercent().getAsInt());
            } else {
                readiness.putNull("percent");
            }
        } else {
            root.putNull("readiness"); // a pull request's evaluation reads only the files it changes
        }
        ArrayNode scores = root.putArray("scores");
        for (CategoryScore s : report.scores()) {
            ObjectNode n = scores.addObject();
            n.put("category", s.category().id());
            n.put("title", s.category().title());
            n.put("checked", s.checked());
            n.put("passed", s.passed());
            n.put("new", s.newFindings());
            n.put("existing", s.existingFindings());
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode n = findings.addObject();
            n.put("ruleId", f.ruleId());
            n.put("category", f.category().id());
            n.put("severity", f.severity().id());
            n.put("message", f.message());
            n.put("path", f.path());
            n.put("line", f.line());
            n.put("new", f.isNew());
            n.put("fingerprint", f.fingerprint());
            n.put("docs", links.rule(f.ruleId()));
        }
        ArrayNode skipped = root.putArray("skipped");
        for (SkippedFile s : report.skipped()) {
            skipped.addObject().put("path", s.path()).put("reason", s.reason()).put("changed", s.changed());
        }
        ArrayNode notes = root.putArray("notes");
        report.notes().forEach(notes::add);
        ArrayNode ignored = root.putArray("ignoredRules");
        report.ignoredRules().forEach(ignored::add);
        root.put("suppressed", report.suppressed());
        return root;
    }

    static String mode(Mode mode) {
        return mode == Mode.FULL_SCAN ? "full-scan" : "pull-request";
    }
}
