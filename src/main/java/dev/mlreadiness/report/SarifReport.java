package dev.mlreadiness.report;

import java.io.IOException;
import java.io.Writer;
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
        return JsonText.write(toJson(report, links, anchor));
    }

    /** {@link #render(Report, DocsLinks, RepositoryAnchor)} onto {@code out}, without the whole text as one string. */
    public static void write(Report report, DocsLinks links, RepositoryAnchor anchor, Writer out) throws IOException {
        JsonText.write(toJson(report, links, anchor), out);
    }

    public static ObjectNode toJson(Report report, DocsLinks links) {
        return toJson(report, links, RepositoryAnchor.NONE);
    }

    public static ObjectNode toJson(Report report, DocsLinks links, RepositoryAnchor anchor) {
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
        run.putObject("automationDetails").put("id", CATEGORY);
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            results.add(result(f, index.get(f.ruleId()), anchor));
        }
        run.putObject("properties").put("mode", JsonReport.mode(report.mode()))
                .put("conclusion", report.conclusion().name().toLowerCase(java.util.Locale.ROOT));
        return root;
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
        ObjectNode properties = r.putObject("properties");
        ArrayNode tags = properties.putArray("tags");
        tags.add(ToolInfo.NAME);
        tags.add(info.category().id());
        properties.put("precision", precision(info.doc()));
        return r;
    }

    /**
     * SARIF's {@code precision} (how often a result is right): {@code high} for rules without documented known
     * problems, {@code medium} for those whose page lists cases they get wrong.
     */
    static String precision(RuleDoc doc) {
        return doc.hasKnownProblems() ? "medium" : "high";
    }

    private static ObjectNode result(Finding f, Integer ruleIndex, RepositoryAnchor anchor) {
        ObjectNode r = JsonText.object();
        r.put("ruleId", f.ruleId());
        if (ruleIndex != null) {
            r.put("ruleIndex", ruleIndex);
        }
        r.put("level", level(f.severity()));
        r.putObject("message").put("text", f.message());
        // every result has a location: code scanning rejects the whole file otherwise
        String path = f.path() != null ? f.path() : anchor.pathFor(f);
        ObjectNode location = r.putArray("locations").addObject().putObject("physicalLocation");
        location.putObject("artifactLocation").put("uri", uri(path));
        location.putObject("region").put("startLine", f.line() != null && f.line() > 0 ? f.line() : 1);
        if (f.fingerprint() != null) {
            r.putObject("partialFingerprints").put(FINGERPRINT_KEY, f.fingerprint());
        }
        // every result says whether it is new, as JSON does: always false in a full scan
        ObjectNode properties = r.putObject("properties").put("new", f.isNew());
        properties.put("scope", f.path() == null ? "repository" : f.line() == null ? "file" : "line");
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
