package dev.mlreadiness.engine.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;

import dev.mlreadiness.engine.Glob;
import dev.mlreadiness.engine.config.ProjectPaths.Folder;
import dev.mlreadiness.engine.config.ReadinessConfig.CommentMode;
import dev.mlreadiness.engine.config.ReadinessConfig.Enabled;
import dev.mlreadiness.engine.config.ReadinessConfig.FailOn;
import dev.mlreadiness.engine.config.ReadinessConfig.Project;
import dev.mlreadiness.engine.config.ReadinessConfig.RuleSetting;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.InputLimits;

/**
 * Reads {@code .github/ml-readiness.yml}: parses YAML, merges a repository file over the organization's, and
 * checks every key and value. Anything wrong is a {@link ConfigException} naming the key, the value and what is
 * allowed; never a stack trace.
 */
public final class ConfigLoader {

    /** Where the file lives in a repository (and in the organization's {@code .github} repository). */
    public static final String PATH = ".github/ml-readiness.yml";

    private static final List<String> TOP_KEYS = List.of("enabled", "fail-on", "fail-on-existing", "comments",
            "max-file-size", "paths", "ignore", "rules", "extends", "sections", "project", "seed");
    private static final List<String> PATH_KEYS = List.of("data", "models", "notebooks", "docs");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]i?b?|b)?",
            Pattern.CASE_INSENSITIVE);

    /**
     * Bounded as a file anyone who opens a pull request writes: at most {@link InputLimits#MAX_CONFIG_BYTES} code
     * points, {@link InputLimits#MAX_CONFIG_DEPTH} levels and {@link InputLimits#MAX_CONFIG_ALIASES} aliases
     * (an alias bomb expands nothing), besides the size check before parsing.
     */
    private final YAMLMapper yaml = new YAMLMapper(YAMLFactory.builder().loaderOptions(loaderOptions())
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(InputLimits.MAX_CONFIG_DEPTH)
                    .maxStringLength(InputLimits.MAX_CONFIG_BYTES).build())
            .build());
    private final Set<String> knownRuleIds;

    /** @param knownRuleIds the catalog's ids, to reject misspelt rule names under {@code rules:} */
    public ConfigLoader(Set<String> knownRuleIds) {
        this.knownRuleIds = new TreeSet<>(knownRuleIds);
    }

    /** One file on its own (no organization defaults). Null or blank text gives the defaults. */
    public ReadinessConfig load(String text, String source) throws ConfigException {
        return bind(parse(text, source), source);
    }

    /**
     * The repository file over the organization's defaults. Either may be null (absent). The repository file
     * may say {@code extends: false} to ignore the organization's file.
     */
    public ReadinessConfig load(String orgText, String orgSource, String repoText, String repoSource)
            throws ConfigException {
        ObjectNode org = parse(orgText, orgSource);
        ObjectNode repo = parse(repoText, repoSource);
        JsonNode ext = repo.get("extends");
        if (ext != null && !ext.isBoolean()) {
            throw new ConfigException(repoSource, "extends", ext.asText(), "use true or false");
        }
        if (orgText == null || (ext != null && !ext.booleanValue())) {
            return bind(repo, repoSource);
        }
        // check the org file on its own first, so an error names the file it is in
        bind(org, orgSource);
        ObjectNode merged = org.deepCopy();
        merged.remove("extends");
        merge(merged, repo);
        return bind(merged, repoText == null ? orgSource : repoSource + " (over " + orgSource + ")");
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(InputLimits.MAX_CONFIG_BYTES);
        options.setNestingDepthLimit(InputLimits.MAX_CONFIG_DEPTH);
        options.setMaxAliasesForCollections(InputLimits.MAX_CONFIG_ALIASES);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    /**
     * Refuses a config over {@link InputLimits#MAX_CONFIG_BYTES} before reading any of it as YAML: a 10 MB comment
     * line took 20.8 s and 968 MB of the parser before it was refused (issue #10).
     */
    public static void checkSize(long bytes, String source) throws ConfigException {
        if (bytes > InputLimits.MAX_CONFIG_BYTES) {
            throw new ConfigException(source, null, null, String.format(Locale.ROOT,
                    "the file is %,d bytes; a config file may have at most %,d bytes (see docs/limits.md)", bytes,
                    InputLimits.MAX_CONFIG_BYTES));
        }
    }

    ObjectNode parse(String text, String source) throws ConfigException {
        if (text == null || text.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        checkSize(utf8Length(text), source);
        JsonNode node;
        try {
            node = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new ConfigException(source, null, null, "not valid YAML" + where + ": " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw new ConfigException(source, null, null,
                    "the file must be a mapping of keys (enabled, fail-on, rules, ...), not a " + kind(node));
        }
        return (ObjectNode) node;
    }

    private static long utf8Length(String text) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    /** Maps override key by key; lists and scalars replace. */
    static void merge(ObjectNode base, ObjectNode over) {
        Iterator<Map.Entry<String, JsonNode>> it = over.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = base.get(e.getKey());
            if (existing instanceof ObjectNode eo && e.getValue() instanceof ObjectNode vo) {
                merge(eo, vo);
            } else {
                base.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    /** The largest seed numpy's legacy {@code np.random.seed} takes. */
    static final long MAX_SEED = 4_294_967_295L;

    ReadinessConfig bind(ObjectNode root, String source) throws ConfigException {
        ReadinessConfig d = ReadinessConfig.defaults();
        unknownKeys(root, TOP_KEYS, "", source);

        Enabled enabled = d.enabled();
        JsonNode n = root.get("enabled");
        if (n != null) {
            String v = n.asText().toLowerCase(Locale.ROOT);
            enabled = switch (v) {
                case "auto" -> Enabled.AUTO;
                case "true" -> Enabled.TRUE;
                case "false" -> Enabled.FALSE;
                default -> throw new ConfigException(source, "enabled", n.asText(),
                        "use auto (ML projects only), true or false");
            };
        }
        FailOn failOn = enumValue(root, "fail-on", FailOn.values(), FailOn::id, d.failOn(), source);
        boolean failOnExisting = bool(root, "fail-on-existing", d.failOnExisting(), source);
        CommentMode comments = enumValue(root, "comments", CommentMode.values(),
                c -> c.name().toLowerCase(Locale.ROOT), d.comments(), source);
        long maxSize = d.maxFileSize();
        n = root.get("max-file-size");
        if (n != null) {
            maxSize = parseSize(n, source);
        }
        ProjectPaths paths = paths(root.get("paths"), source);
        List<Glob> ignore = globs(root.get("ignore"), "ignore", source);
        Map<String, RuleSetting> rules = rules(root.get("rules"), source);
        boolean ext = bool(root, "extends", true, source);
        Map<String, List<String>> sections = sections(root.get("sections"), source);
        Project project = project(root.get("project"), d.project(), source);
        long seed = seed(root.get("seed"), d.seed(), source);
        return new ReadinessConfig(enabled, failOn, failOnExisting, comments, maxSize, paths, ignore, rules, ext,
                sections, project, seed);
    }

    /** {@code seed:} a whole number from 0 to 2^32 - 1, which every seeded library accepts. */
    private static long seed(JsonNode n, long fallback, String source) throws ConfigException {
        if (n == null) {
            return fallback;
        }
        if (n.isIntegralNumber() && n.canConvertToLong() && n.longValue() >= 0 && n.longValue() <= MAX_SEED) {
            return n.longValue();
        }
        throw new ConfigException(source, "seed", n.isValueNode() ? n.asText() : n.toString(),
                "use a whole number from 0 to " + MAX_SEED + " (numpy's seeds stop there), e.g. seed: 42");
    }

    private static Project project(JsonNode n, Project fallback, String source) throws ConfigException {
        if (n == null) {
            return fallback;
        }
        String v = n.asText().trim().toLowerCase(Locale.ROOT);
        for (Project p : Project.values()) {
            if (n.isTextual() && p.id().equals(v)) {
                return p;
            }
        }
        throw new ConfigException(source, "project", n.isValueNode() ? n.asText() : n.toString(),
                "use auto (decided from the repository), service (it serves a model: deployment and monitoring "
                        + "apply) or research (it serves none: they do not)");
    }

    private void unknownKeys(JsonNode node, List<String> allowed, String prefix, String source)
            throws ConfigException {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!allowed.contains(k)) {
                throw new ConfigException(source, prefix + k, null,
                        "unknown key; allowed keys" + (prefix.isEmpty() ? "" : " under " + prefix) + ": "
                                + String.join(", ", allowed));
            }
        }
    }

    private static <E> E enumValue(JsonNode root, String key, E[] values, Function<E, String> id, E fallback,
            String source) throws ConfigException {
        JsonNode n = root.get(key);
        if (n == null) {
            return fallback;
        }
        String v = n.asText().trim().toLowerCase(Locale.ROOT);
        List<String> ids = new ArrayList<>();
        for (E e : values) {
            if (id.apply(e).equals(v)) {
                return e;
            }
            ids.add(id.apply(e));
        }
        throw new ConfigException(source, key, n.asText(), "use one of " + String.join(", ", ids));
    }

    private static boolean bool(JsonNode root, String key, boolean fallback, String source) throws ConfigException {
        JsonNode n = root.get(key);
        if (n == null) {
            return fallback;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        throw new ConfigException(source, key, n.asText(), "use true or false");
    }

    /** {@code 5MB}, {@code 512 KiB}, {@code 1g}, or a number of bytes. Units are binary: 5MB = 5 MiB. */
    static long parseSize(JsonNode n, String source) throws ConfigException {
        String allowed = "use a size such as 5MB, 512KB or 1GB (binary units: 1MB = 1,048,576 bytes), "
                + "or a number of bytes";
        if (n.isIntegralNumber() && n.longValue() > 0) {
            return n.longValue();
        }
        Matcher m = SIZE.matcher(n.asText().trim());
        if (!n.isTextual() || !m.matches()) {
            throw new ConfigException(source, "max-file-size", n.asText(), allowed);
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        long factor = switch (unit.charAt(0)) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            case 't' -> 1024L * 1024 * 1024 * 1024;
            default -> 1L;
        };
        long bytes = (long) (number * factor);
        if (bytes <= 0) {
            throw new ConfigException(source, "max-file-size", n.asText(), allowed);
        }
        return bytes;
    }

    private ProjectPaths paths(JsonNode n, String source) throws ConfigException {
        if (n == null || n.isNull()) {
            return ProjectPaths.defaults();
        }
        if (!n.isObject()) {
            throw new ConfigException(source, "paths", n.toString(),
                    "use a mapping with keys " + String.join(", ", PATH_KEYS));
        }
        unknownKeys(n, PATH_KEYS, "paths.", source);
        ProjectPaths d = ProjectPaths.defaults();
        String data = folder(n, "data", d.data(), source);
        String models = folder(n, "models", d.models(), source);
        String notebooks = folder(n, "notebooks", d.notebooks(), source);
        List<String> docs = null;
        JsonNode docsNode = n.get("docs");
        if (docsNode != null) {
            docs = globs(docsNode, "paths.docs", source).stream().map(Glob::pattern).toList();
        }
        // a folder named here is the one: its common equivalents (datasets/, weights/, ...) are not looked for
        Set<Folder> configured = EnumSet.noneOf(Folder.class);
        for (Folder f : Folder.values()) {
            if (n.has(f.key())) {
                configured.add(f);
            }
        }
        return ProjectPaths.of(data, models, notebooks, docs, configured);
    }

    private static String folder(JsonNode paths, String key, String fallback, String source) throws ConfigException {
        JsonNode n = paths.get(key);
        if (n == null) {
            return fallback;
        }
        String v = n.isTextual() ? n.asText().trim() : "";
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        if (v.startsWith("./")) {
            v = v.substring(2);
        }
        if (v.isEmpty() || v.startsWith("/") || v.contains("..") || v.contains("*")) {
            throw new ConfigException(source, "paths." + key, n.asText(),
                    "use a folder path relative to the repository root, such as " + fallback);
        }
        return v;
    }

    private static List<Glob> globs(JsonNode n, String key, String source) throws ConfigException {
        if (n == null || n.isNull()) {
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        if (n.isTextual()) {
            items.add(n);
        } else if (n.isArray()) {
            n.forEach(items::add);
        } else {
            throw new ConfigException(source, key, n.toString(), "use a list of globs such as [\"vendor/**\"]");
        }
        List<Glob> out = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.isTextual()) {
                throw new ConfigException(source, key, item.toString(), "each entry must be a glob string");
            }
            try {
                out.add(Glob.compile(item.asText()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(source, key, item.asText(), "not a valid glob: " + e.getMessage());
            }
        }
        return out;
    }

    private Map<String, RuleSetting> rules(JsonNode n, String source) throws ConfigException {
        Map<String, RuleSetting> out = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            throw new ConfigException(source, "rules", n.toString(),
                    "use a mapping of rule id to off, error, warning or notice");
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String id = e.getKey();
            if (!knownRuleIds.contains(id)) {
                throw new ConfigException(source, "rules." + id, null, "unknown rule id" + suggestion(id));
            }
            JsonNode v = e.getValue();
            RuleSetting setting;
            if (v.isBoolean() && !v.booleanValue()) {
                setting = RuleSetting.OFF; // YAML 1.1 readers turn a bare `off` into false
            } else if ("off".equalsIgnoreCase(v.asText())) {
                setting = RuleSetting.OFF;
            } else {
                Severity s = Severity.parse(v.asText()).orElseThrow(() -> new ConfigException(source,
                        "rules." + id, v.asText(), "use off, error, warning or notice"));
                setting = new RuleSetting(s);
            }
            out.put(id, setting);
        }
        return out;
    }

    private Map<String, List<String>> sections(JsonNode n, String source) throws ConfigException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return out;
        }
        String allowed = "use a mapping of docs rule id to a list of extra heading words, "
                + "e.g. docs/usage: [\"how to use\"]";
        if (!n.isObject()) {
            throw new ConfigException(source, "sections", n.toString(), allowed);
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String id = e.getKey();
            if (!knownRuleIds.contains(id) || !id.startsWith("docs/")) {
                throw new ConfigException(source, "sections." + id, null, "not a docs rule id" + suggestion(id));
            }
            List<String> words = new ArrayList<>();
            JsonNode v = e.getValue();
            if (v.isTextual()) {
                words.add(v.asText());
            } else if (v.isArray()) {
                for (JsonNode w : v) {
                    if (!w.isTextual() || w.asText().isBlank()) {
                        throw new ConfigException(source, "sections." + id, w.toString(), allowed);
                    }
                    words.add(w.asText().trim());
                }
            } else {
                throw new ConfigException(source, "sections." + id, v.toString(), allowed);
            }
            out.put(id, List.copyOf(words));
        }
        return out;
    }

    private String suggestion(String id) {
        List<String> close = ClosestNames.closest(id, knownRuleIds, 3);
        return close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?";
    }

    private static String kind(JsonNode n) {
        return n.isArray() ? "list" : n.isTextual() ? "string" : n.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
