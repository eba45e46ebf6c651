package dev.mlreadiness.report;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Severity;

/**
 * The report as a SARIF 2.1.0 log with one run, for GitHub code scanning and other SARIF viewers. Rules carry their
 * catalog documentation as help; results carry repository-relative locations, a partial fingerprint that survives
 * line shifts, and {@code properties.new} (always {@code false} in a full scan, where nothing is new). Findings
 * about the repository as a whole have no location.
 */
public final class SarifReport {

    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

    /** The key of our fingerprint in {@code partialFingerprints}; versioned so a new recipe can coexist. */
    static final String FINGERPRINT_KEY = "mlReadinessFingerprint/v1";

    private static final String UNRESERVED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/";

    private SarifReport() {
    }

    /** @param links where rule pages live; {@code helpUri} is written only when they are absolute URLs */
    public static String render(Report report, DocsLinks links) {
        return JsonText.write(toJson(report, links));
    }

    public static ObjectNode toJson(Report report, DocsLinks links) {
        ObjectNode root = JsonText.object();
        root.put("$schema", SCHEMA_URI);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", ToolInfo.NAME);
        driver.put("version", ToolInfo.version());
        driver.put("informationUri", ToolInfo.INFORMATION_URI);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        List<RuleInfo> infos = report.rules();
        for (RuleInfo info : infos) {
            index.put(info.id(), index.size());
            rules.add(rule(info, links));
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            results.add(result(f, index.get(f.ruleId())));
        }
        run.putObject("properties").put("mode", JsonReport.mode(report.mode()))
                .put("conclusion", report.conclusion().name().toLowerCase(java.util.Locale.ROOT));
        return root;
    }

    /** What the rule does, its known problems (a reader judging a finding needs them) and how to fix it. */
    /** SARIF's word for a severity: {@code error}, {@code warning} or {@code note}. */
    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTICE -> "note";
        };
    }

    static String helpText(RuleDoc doc) {
        String problems = doc.hasKnownProblems() ? "Known problems: " + doc.knownProblems().strip() + "\n\n" : "";
        return doc.what().strip() + "\n\n" + problems + doc.howToFix().strip();
    }

    private static ObjectNode rule(RuleInfo info, DocsLinks links) {
        ObjectNode r = JsonText.object();
        r.put("id", info.id());
        r.put("name", name(info.id()));
        r.putObject("shortDescription").put("text", info.title());
        r.putObject("fullDescription").put("text", info.doc().what().strip());
        ObjectNode help = r.putObject("help");
        help.put("text", helpText(info.doc()));
        help.put("markdown", info.toMarkdown());
        if (links.isAbsolute()) {
            r.put("helpUri", links.rule(info.id()));
        }
        r.putObject("defaultConfiguration").put("level", level(info.defaultSeverity()));
        ArrayNode tags = r.putObject("properties").putArray("tags");
        tags.add(ToolInfo.NAME);
        tags.add(info.category().id());
        return r;
    }

    private static ObjectNode result(Finding f, Integer ruleIndex) {
        ObjectNode r = JsonText.object();
        r.put("ruleId", f.ruleId());
        if (ruleIndex != null) {
            r.put("ruleIndex", ruleIndex);
        }
        r.put("level", level(f.severity()));
        r.putObject("message").put("text", f.message());
        if (f.path() != null) {
            ObjectNode location = r.putArray("locations").addObject().putObject("physicalLocation");
            location.putObject("artifactLocation").put("uri", uri(f.path()));
            if (f.line() != null && f.line() > 0) {
                location.putObject("region").put("startLine", f.line());
            }
        }
        if (f.fingerprint() != null) {
            r.putObject("partialFingerprints").put(FINGERPRINT_KEY, f.fingerprint());
        }
        // every result says whether it is new, as JSON does: always false in a full scan
        r.putObject("properties").put("new", f.isNew());
        return r;
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
