package dev.mlreadiness.report;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mlreadiness.engine.CategoryScore;
import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.snapshot.SkippedFile;

/**
 * The JSON and SARIF reports as they were made before they were streamed (a tree of nodes, one object per finding,
 * then serialised with {@code INDENT_OUTPUT}): the reference the streamed output must equal byte for byte.
 */
final class TreeReports {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TreeReports() {
    }

    static String text(ObjectNode root) throws JsonProcessingException {
        return MAPPER.writeValueAsString(root) + "\n";
    }

    static ObjectNode json(Report report, DocsLinks links) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", JsonReport.FORMAT_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", ToolInfo.NAME);
        tool.put("version", ToolInfo.version());
        root.put("mode", JsonReport.mode(report.mode()));
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
            root.putNull("readiness");
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

    static ObjectNode sarif(Report report, DocsLinks links, RepositoryAnchor anchor) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", SarifReport.SCHEMA_URI);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", ToolInfo.NAME);
        driver.put("version", ToolInfo.version());
        driver.put("informationUri", ToolInfo.INFORMATION_URI);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (RuleInfo info : report.rules()) {
            index.put(info.id(), index.size());
            rules.add(rule(info, links));
        }
        run.putObject("automationDetails").put("id", SarifReport.CATEGORY);
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            results.add(result(f, index.get(f.ruleId()), anchor));
        }
        run.putObject("properties").put("mode", JsonReport.mode(report.mode()))
                .put("conclusion", report.conclusion().name().toLowerCase(Locale.ROOT));
        return root;
    }

    private static ObjectNode rule(RuleInfo info, DocsLinks links) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("id", info.id());
        r.put("name", SarifReport.name(info.id()));
        r.putObject("shortDescription").put("text", info.title());
        r.putObject("fullDescription").put("text", info.doc().what().strip());
        ObjectNode help = r.putObject("help");
        help.put("text", SarifReport.helpText(info.doc()));
        help.put("markdown", info.toMarkdown());
        if (links.isAbsolute()) {
            r.put("helpUri", links.rule(info.id()));
        }
        r.putObject("defaultConfiguration").put("level", SarifReport.level(info.defaultSeverity()));
        ObjectNode properties = r.putObject("properties");
        ArrayNode tags = properties.putArray("tags");
        tags.add(ToolInfo.NAME);
        tags.add(info.category().id());
        properties.put("precision", SarifReport.precision(info.doc()));
        return r;
    }

    private static ObjectNode result(Finding f, Integer ruleIndex, RepositoryAnchor anchor) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("ruleId", f.ruleId());
        if (ruleIndex != null) {
            r.put("ruleIndex", ruleIndex);
        }
        r.put("level", SarifReport.level(f.severity()));
        r.putObject("message").put("text", f.message());
        String path = f.path() != null ? f.path() : anchor.pathFor(f);
        ObjectNode location = r.putArray("locations").addObject().putObject("physicalLocation");
        location.putObject("artifactLocation").put("uri", SarifReport.uri(path));
        location.putObject("region").put("startLine", f.line() != null && f.line() > 0 ? f.line() : 1);
        if (f.fingerprint() != null) {
            r.putObject("partialFingerprints").put(SarifReport.FINGERPRINT_KEY, f.fingerprint());
        }
        ObjectNode properties = r.putObject("properties").put("new", f.isNew());
        properties.put("scope", f.path() == null ? "repository" : f.line() == null ? "file" : "line");
        return r;
    }
}
