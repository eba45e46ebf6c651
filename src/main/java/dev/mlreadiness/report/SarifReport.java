package dev.mlreadiness.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Severity;

/**
 * The report as a SARIF 2.1.0 log with one run, for GitHub code scanning and other SARIF viewers. Rules carry their
 * catalog documentation as help; results carry repository-relative locations, a partial fingerprint that survives
 * line shifts, and {@code properties.new} (always {@code false} in a full scan, where nothing is new).
 * <p>
 * Shaped for GitHub code scanning, which rejects a whole file when one result has no location: findings about the
 * repository as a whole are anchored at line 1 of a file it has ({@link RepositoryAnchor}) and say so in
 * {@code properties.scope}; findings about a whole file are at its line 1. Rules carry {@code help.markdown} (the
 * rule page), {@code defaultConfiguration.level}, {@code properties.tags} and {@code properties.precision}; the run
 * carries {@code automationDetails.id}, the analysis category code scanning groups uploads by.
 */
public final class SarifReport {

    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

    /** The key of our fingerprint in {@code partialFingerprints}; versioned so a new recipe can coexist. */
    static final String FINGERPRINT_KEY = "mlReadinessFingerprint/v1";

    private static final String UNRESERVED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/";

    private SarifReport() {
    }

    /** The analysis category of {@code automationDetails.id} (the trailing slash: a category, no run id). */
    public static final String CATEGORY = ToolInfo.NAME + "/";

    /** @param links where rule pages live; {@code helpUri} is written only when they are absolute URLs */
    public static String render(Report report, DocsLinks links) {
        return render(report, links, RepositoryAnchor.NONE);
    }

    /** @param anchor where findings about the whole repository are shown */
    public static String render(Report report, DocsLinks links, RepositoryAnchor anchor) {
        return JsonText.write(g -> write(report, links, anchor, g));
    }

    /**
     * {@link #render(Report, DocsLinks, RepositoryAnchor)} onto {@code out} as it is generated: result by result,
     * never as one string or tree.
     */
    public static void write(Report report, DocsLinks links, RepositoryAnchor anchor, Writer out) throws IOException {
        JsonText.write(g -> write(report, links, anchor, g), out);
    }

    private static void write(Report report, DocsLinks links, RepositoryAnchor anchor, JsonGenerator g)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("$schema", SCHEMA_URI);
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
        g.writeStartObject();
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", ToolInfo.NAME);
        g.writeStringField("version", ToolInfo.version());
        g.writeStringField("informationUri", ToolInfo.INFORMATION_URI);
        g.writeArrayFieldStart("rules");
        Map<String, Integer> index = new HashMap<>();
        for (RuleInfo info : report.rules()) {
            index.put(info.id(), index.size());
            rule(info, links, g);
        }
        g.writeEndArray();
        g.writeEndObject(); // driver
        g.writeEndObject(); // tool
        g.writeObjectFieldStart("automationDetails");
        g.writeStringField("id", CATEGORY);
        g.writeEndObject();
        g.writeArrayFieldStart("results");
        for (Finding f : report.findings()) {
            result(f, index.get(f.ruleId()), anchor, g);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("properties");
        g.writeStringField("mode", JsonReport.mode(report.mode()));
        g.writeStringField("conclusion", report.conclusion().name().toLowerCase(java.util.Locale.ROOT));
        g.writeEndObject();
        g.writeEndObject(); // the run
        g.writeEndArray();
        g.writeEndObject();
    }

    /** SARIF's word for a severity: {@code error}, {@code warning} or {@code note}. */
    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTICE -> "note";
        };
    }

    /** What the rule does, its known problems (a reader judging a finding needs them) and how to fix it. */
    static String helpText(RuleDoc doc) {
        String problems = doc.hasKnownProblems() ? "Known problems: " + doc.knownProblems().strip() + "\n\n" : "";
        return doc.what().strip() + "\n\n" + problems + doc.howToFix().strip();
    }

    private static void rule(RuleInfo info, DocsLinks links, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", info.id());
        g.writeStringField("name", name(info.id()));
        text(g, "shortDescription", info.title());
        text(g, "fullDescription", info.doc().what().strip());
        g.writeObjectFieldStart("help");
        g.writeStringField("text", helpText(info.doc()));
        g.writeStringField("markdown", info.toMarkdown());
        g.writeEndObject();
        if (links.isAbsolute()) {
            g.writeStringField("helpUri", links.rule(info.id()));
        }
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(info.defaultSeverity()));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        g.writeString(ToolInfo.NAME);
        g.writeString(info.category().id());
        g.writeEndArray();
        g.writeStringField("precision", precision(info.doc()));
        g.writeEndObject();
        g.writeEndObject();
    }

    /** {@code "name": {"text": text}}, SARIF's message and description shape. */
    private static void text(JsonGenerator g, String name, String text) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("text", text);
        g.writeEndObject();
    }

    /**
     * SARIF's {@code precision} (how often a result is right): {@code high} for rules without documented known
     * problems, {@code medium} for those whose page lists cases they get wrong.
     */
    static String precision(RuleDoc doc) {
        return doc.hasKnownProblems() ? "medium" : "high";
    }

    private static void result(Finding f, Integer ruleIndex, RepositoryAnchor anchor, JsonGenerator g)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        if (ruleIndex != null) {
            g.writeNumberField("ruleIndex", ruleIndex);
        }
        g.writeStringField("level", level(f.severity()));
        text(g, "message", f.message());
        // every result has a location: code scanning rejects the whole file otherwise
        String path = f.path() != null ? f.path() : anchor.pathFor(f);
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri(path));
        g.writeEndObject();
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", f.line() != null && f.line() > 0 ? f.line() : 1);
        g.writeEndObject();
        g.writeEndObject(); // physicalLocation
        g.writeEndObject();
        g.writeEndArray();
        if (f.fingerprint() != null) {
            g.writeObjectFieldStart("partialFingerprints");
            g.writeStringField(FINGERPRINT_KEY, f.fingerprint());
            g.writeEndObject();
        }
        // every result says whether it is new, as JSON does: always false in a full scan
        g.writeObjectFieldStart("properties");
        g.writeBooleanField("new", f.isNew());
        g.writeStringField("scope", f.path() == null ? "repository" : f.line() == null ? "file" : "line");
        g.writeEndObject();
        g.writeEndObject();
    }

    /** {@code reproducibility/unpinned-dependency} becomes {@code UnpinnedDependency}, SARIF's name style. */
    static String name(String ruleId) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : ruleId.substring(ruleId.indexOf('/') + 1).toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /**
     * A repository-relative path as a relative URI reference: every byte outside the unreserved set and {@code /}
     * is percent-encoded (spaces, {@code #}, {@code %}, {@code :} which would otherwise read as a scheme, and
     * non-ASCII as UTF-8).
     */
    static String uri(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && UNRESERVED.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
