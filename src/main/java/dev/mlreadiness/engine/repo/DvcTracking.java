package dev.mlreadiness.engine.repo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.mlreadiness.engine.rule.FileParser;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * What DVC tracks in a tree: the outputs of every {@code .dvc} file ({@code data.dvc} tracks {@code data}) and
 * the {@code outs}, {@code metrics} and {@code plots} of every stage of every {@code dvc.yaml}, each relative to
 * its file's folder (and the stage's {@code wdir}). A path is tracked when it or a folder above it is an output.
 */
public final class DvcTracking {

    /** Reads a DVC YAML file as a tree; shared so each file is parsed once per evaluation. */
    public static final FileParser<JsonNode> YAML = (path, content) -> {
        try {
            JsonNode n = new YAMLMapper().readTree(content);
            return n == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : n;
        } catch (IOException e) {
            throw new FileParser.ParseFailure("is not valid YAML (" + e.getClass().getSimpleName() + ")", e);
        }
    };

    private final Set<String> outputs;

    private DvcTracking(Set<String> outputs) {
        this.outputs = outputs;
    }

    /** The DVC outputs of the context's tree, read once per evaluation. */
    public static DvcTracking in(RuleContext ctx) {
        return ctx.fact(DvcTracking.class, c -> {
            Set<String> outs = new LinkedHashSet<>();
            for (String path : files(c.snapshot())) {
                String folder = GitPattern.folderOf(path);
                Optional<JsonNode> yaml = c.parse(path, YAML);
                if (path.endsWith(".dvc")) {
                    // the file's own name says what it tracks even when its content cannot be read
                    outs.add(path.substring(0, path.length() - ".dvc".length()));
                    yaml.ifPresent(n -> addEntries(n.path("outs"), folder, outs));
                } else {
                    yaml.ifPresent(n -> addStages(n, folder, outs));
                }
            }
            return new DvcTracking(outs);
        });
    }

    /** Tracking made of known outputs (repository-relative paths), for tests and callers with their own reading. */
    public static DvcTracking of(Set<String> outputs) {
        return new DvcTracking(Set.copyOf(outputs));
    }

    /** The DVC files of the tree: every {@code *.dvc} file and every {@code dvc.yaml}. */
    public static List<String> files(Snapshot snapshot) {
        return snapshot.stream().map(FileEntry::path)
                .filter(p -> (p.endsWith(".dvc") && !p.endsWith("/.dvc")) || p.equals("dvc.yaml")
                        || p.endsWith("/dvc.yaml"))
                .toList();
    }

    /** True when DVC tracks the file or folder itself or a folder above it. */
    public boolean tracks(String path) {
        for (String o : outputs) {
            if (path.equals(o) || path.startsWith(o + "/")) {
                return true;
            }
        }
        return false;
    }

    /** True when DVC tracks the folder, a folder above it, or anything inside it: the folder exists in use. */
    public boolean tracksFolder(String folder) {
        return tracks(folder) || outputs.stream().anyMatch(o -> o.startsWith(folder + "/"));
    }

    /** The outputs found, repository-relative. */
    public Set<String> outputs() {
        return outputs;
    }

    private static void addStages(JsonNode root, String folder, Set<String> outs) {
        JsonNode stages = root.path("stages");
        Iterator<Map.Entry<String, JsonNode>> it = stages.fields();
        while (it.hasNext()) {
            JsonNode stage = it.next().getValue();
            String wdir = stage.path("wdir").isTextual() ? stage.path("wdir").asText() : ".";
            String base = resolve(folder, wdir);
            if (base == null) {
                continue;
            }
            for (String key : List.of("outs", "metrics", "plots")) {
                addEntries(stage.path(key), base, outs);
            }
        }
    }

    /** Entries are strings, {@code {path: ...}} maps (.dvc files) or one-key maps {@code {out: {cache: false}}}. */
    private static void addEntries(JsonNode list, String folder, Set<String> outs) {
        if (!list.isArray()) {
            return;
        }
        List<String> raw = new ArrayList<>();
        for (JsonNode e : list) {
            if (e.isTextual()) {
                raw.add(e.asText());
            } else if (e.isObject() && e.path("path").isTextual()) {
                raw.add(e.path("path").asText());
            } else if (e.isObject() && e.size() == 1) {
                raw.add(e.fieldNames().next());
            }
        }
        for (String r : raw) {
            if (r.contains("${")) {
                continue; // templated (foreach/matrix) outputs cannot be resolved without running DVC
            }
            String p = resolve(folder, r);
            if (p != null && !p.isEmpty()) {
                outs.add(p);
            }
        }
    }

    /** Joins and normalises {@code folder/relative}; null when it leaves the repository. */
    static String resolve(String folder, String relative) {
        List<String> parts = new ArrayList<>();
        String joined = folder.isEmpty() ? relative : folder + "/" + relative;
        for (String seg : joined.replace('\\', '/').split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(seg);
            }
        }
        return String.join("/", parts);
    }
}
