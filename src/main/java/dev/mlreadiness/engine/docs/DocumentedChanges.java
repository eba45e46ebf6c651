package dev.mlreadiness.engine.docs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.mlreadiness.engine.code.CodeFiles;
import dev.mlreadiness.engine.deps.ManifestFiles;
import dev.mlreadiness.engine.deps.ManifestKind;
import dev.mlreadiness.engine.deps.ManifestParsers;
import dev.mlreadiness.engine.docs.CodeSurface.Item;
import dev.mlreadiness.engine.docs.CodeSurface.Kind;
import dev.mlreadiness.engine.repo.ArtifactKinds;
import dev.mlreadiness.engine.repo.TestFiles;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.ChangeStatus;
import dev.mlreadiness.engine.snapshot.FileChange;
import dev.mlreadiness.engine.snapshot.FileEntry;

/**
 * The changes of a pull request that documentation describes or should describe, each as a short phrase
 * ("adds the dependency `torch` (requirements.txt)"), compared with the base: new dependencies, entry points,
 * command-line options, settings, config keys, data files and model classes; and changes to names, options,
 * keys and files the docs mention. Version bumps, bug fixes inside functions and test changes give none.
 */
public final class DocumentedChanges {

    private record Reason(int order, String path, int line, String text) {
    }

    private static final Comparator<Reason> ORDER = Comparator.comparingInt(Reason::order)
            .thenComparing(Reason::path).thenComparingInt(Reason::line).thenComparing(Reason::text);

    private final RuleContext head;
    private final Optional<RuleContext> base;
    private final DocMentions docs;
    private final List<Reason> reasons = new ArrayList<>();

    private DocumentedChanges(RuleContext head) {
        this.head = head;
        this.base = head.base();
        this.docs = DocMentions.of(head);
    }

    /** The phrases, most telling first (dependencies and entry points, then options, settings, data, names). */
    public static List<String> of(RuleContext head) {
        DocumentedChanges d = new DocumentedChanges(head);
        List<FileChange> changes = head.changes().files().stream()
                .filter(c -> !TestFiles.isTestFile(c.path())).sorted(Comparator.comparing(FileChange::path))
                .toList();
        d.code(changes);
        d.manifests(changes);
        d.configs(changes);
        d.files(changes);
        d.reasons.sort(ORDER);
        return List.copyOf(new LinkedHashSet<>(d.reasons.stream().map(Reason::text).toList()));
    }

    /** The files of one side this rule reads: the changed code, manifests and configs (their base versions). */
    public static List<String> reads(RuleContext ctx) {
        Set<String> out = new LinkedHashSet<>();
        for (FileChange c : ctx.changes().files()) {
            String path = ctx.side() == RuleContext.Side.HEAD ? (c.status().exists() ? c.path() : null)
                    : origin(c);
            if (path != null && !TestFiles.isTestFile(path) && isCompared(path)) {
                out.add(path);
            }
        }
        return List.copyOf(out);
    }

    private static boolean isCompared(String path) {
        return CodeFiles.isCode(path) || isDependencyManifest(path) || ConfigText.isConfig(path);
    }

    private static boolean isDependencyManifest(String path) {
        return ManifestFiles.kind(path).filter(k -> k != ManifestKind.CONSTRAINTS).isPresent();
    }

    /** The base path a changed file's content comes from; null for added and copied files. */
    private static String origin(FileChange c) {
        return switch (c.status()) {
            case MODIFIED, DELETED -> c.path();
            case RENAMED -> c.previousPath();
            case ADDED, COPIED -> null;
        };
    }

    private void code(List<FileChange> changes) {
        Map<Kind, Set<String>> before = new EnumMap<>(Kind.class);
        Set<String> signaturesBefore = new HashSet<>();
        Map<Kind, Set<String>> after = new EnumMap<>(Kind.class);
        Map<FileChange, CodeSurface> heads = new LinkedHashMap<>();
        int entryPointsBefore = 0;
        int entryPointsAfter = 0;
        for (FileChange c : changes) {
            String origin = origin(c);
            CodeSurface old = origin != null && CodeFiles.isCode(origin) ? surface(base, origin) : CodeSurface.EMPTY;
            old.items().forEach(i -> {
                before.computeIfAbsent(i.kind(), k -> new HashSet<>()).add(i.name());
                signaturesBefore.add(i.kind() + " " + i.signature());
            });
            entryPointsBefore += hasEntryPoint(old) ? 1 : 0;
            if (c.status().exists() && CodeFiles.isCode(c.path())) {
                CodeSurface now = surface(Optional.of(head), c.path());
                now.items().forEach(i -> after.computeIfAbsent(i.kind(), k -> new HashSet<>()).add(i.name()));
                entryPointsAfter += hasEntryPoint(now) ? 1 : 0;
                heads.put(c, now);
            }
        }
        boolean newEntryPoint = entryPointsAfter > entryPointsBefore;
        heads.forEach((c, surface) -> {
            for (Item i : surface.items()) {
                // an item the base had word for word (moved, re-indented, reformatted) is unchanged
                boolean unchanged = i.kind() != Kind.ENTRY_POINT
                        && signaturesBefore.contains(i.kind() + " " + i.signature());
                if (c.isAddedLine(i.line()) && !unchanged) {
                    added(c.path(), i, before, newEntryPoint);
                }
            }
        });
        for (Kind kind : List.of(Kind.OPTION, Kind.SETTING, Kind.DEFINITION, Kind.MODEL_CLASS)) {
            for (String name : before.getOrDefault(kind, Set.of())) {
                boolean gone = !after.getOrDefault(kind, Set.of()).contains(name)
                        && !after.getOrDefault(kind == Kind.DEFINITION ? Kind.MODEL_CLASS : Kind.DEFINITION, Set.of())
                                .contains(name);
                if (gone && (kind == Kind.OPTION ? docs.option(name) : docs.name(name))) {
                    reasons.add(new Reason(6, "", 0, "removes `" + name + "`, which the docs mention"));
                }
            }
        }
    }

    private void added(String path, Item i, Map<Kind, Set<String>> before, boolean newEntryPoint) {
        boolean known = before.getOrDefault(i.kind(), Set.of()).contains(i.name());
        String at = " (" + path + ")";
        switch (i.kind()) {
            case OPTION -> {
                if (!known) {
                    reasons.add(new Reason(1, path, i.line(), "adds the command-line option `" + i.name() + "`" + at));
                } else if (docs.option(i.name())) {
                    reasons.add(new Reason(5, path, i.line(), "changes the command-line option `" + i.name()
                            + "` the docs mention" + at));
                }
            }
            case SETTING -> {
                if (!known) {
                    reasons.add(new Reason(2, path, i.line(), "reads the new setting `" + i.name() + "`" + at));
                } else if (docs.name(i.name())) {
                    reasons.add(new Reason(5, path, i.line(), "changes the setting `" + i.name()
                            + "` the docs mention" + at));
                }
            }
            case MODEL_CLASS -> {
                if (!known && !before.getOrDefault(Kind.DEFINITION, Set.of()).contains(i.name())) {
                    reasons.add(new Reason(3, path, i.line(), "adds the model class `" + i.name() + "`" + at));
                } else if (docs.name(i.name())) {
                    reasons.add(new Reason(5, path, i.line(), "changes `" + i.name() + "`, which the docs mention"
                            + at));
                }
            }
            case DEFINITION -> {
                if (docs.name(i.name())) {
                    reasons.add(new Reason(5, path, i.line(), "changes `" + i.name() + "`, which the docs mention"
                            + at));
                }
            }
            case ENTRY_POINT -> {
                if (newEntryPoint) {
                    reasons.add(new Reason(0, path, i.line(), "adds the script " + path));
                }
            }
        }
    }

    private static boolean hasEntryPoint(CodeSurface s) {
        return s.items().stream().anyMatch(i -> i.kind() == Kind.ENTRY_POINT);
    }

    private static CodeSurface surface(Optional<RuleContext> side, String path) {
        if (side.isEmpty()) {
            return CodeSurface.EMPTY;
        }
        RuleContext ctx = side.get();
        Optional<FileEntry> entry = ctx.snapshot().file(path);
        return entry.flatMap(e -> CodeFiles.read(ctx, e)).map(CodeSurface::of).orElse(CodeSurface.EMPTY);
    }

    private void manifests(List<FileChange> changes) {
        Map<String, String> added = new LinkedHashMap<>();
        Set<String> before = new HashSet<>();
        Set<String> after = new HashSet<>();
        Map<String, String> scripts = new LinkedHashMap<>();
        Set<String> scriptsBefore = new HashSet<>();
        for (FileChange c : changes) {
            String origin = origin(c);
            if (origin != null && isDependencyManifest(origin) && base.isPresent()) {
                before.addAll(ManifestParsers.declaredPackages(base.get(), origin));
                base.get().text(origin).ifPresent(t -> scriptsBefore.addAll(ConfigText.entryPoints(t)));
            }
            if (c.status().exists() && isDependencyManifest(c.path())) {
                for (String name : ManifestParsers.declaredPackages(head, c.path())) {
                    after.add(name);
                    added.putIfAbsent(name, c.path());
                }
                head.text(c.path()).ifPresent(t -> ConfigText.entryPoints(t)
                        .forEach(s -> scripts.putIfAbsent(s, c.path())));
            }
        }
        Map<String, List<String>> newByPath = new LinkedHashMap<>();
        added.forEach((name, path) -> {
            if (!before.contains(name)) {
                newByPath.computeIfAbsent(path, p -> new ArrayList<>()).add(name);
            }
        });
        newByPath.forEach((path, names) -> reasons.add(new Reason(0, path, 0, "adds the dependenc"
                + (names.size() == 1 ? "y " : "ies ") + list(names) + " (" + path + ")")));
        scripts.forEach((name, path) -> {
            if (!scriptsBefore.contains(name)) {
                reasons.add(new Reason(0, path, 0, "adds the entry point `" + name + "` (" + path + ")"));
            }
        });
        for (String name : before) {
            if (!after.contains(name) && docs.name(name)) {
                reasons.add(new Reason(6, "", 0, "removes the dependency `" + name + "`, which the docs mention"));
            }
        }
    }

    private void configs(List<FileChange> changes) {
        Set<String> before = new HashSet<>();
        Set<String> after = new HashSet<>();
        for (FileChange c : changes) {
            String origin = origin(c);
            if (origin != null && ConfigText.isConfig(origin) && base.isPresent()) {
                base.get().text(origin).ifPresent(t -> ConfigText.keys(t).forEach(k -> before.add(k.name())));
            }
        }
        for (FileChange c : changes) {
            if (!c.status().exists() || !ConfigText.isConfig(c.path())) {
                continue;
            }
            Set<String> fresh = new LinkedHashSet<>();
            int firstLine = 0;
            for (ConfigText.Key k : head.text(c.path()).map(ConfigText::keys).orElse(List.of())) {
                after.add(k.name());
                if (!c.isAddedLine(k.line())) {
                    continue;
                }
                String at = " (" + c.path() + ")";
                if (!before.contains(k.name())) {
                    firstLine = fresh.isEmpty() ? k.line() : firstLine;
                    fresh.add(k.name());
                } else if (docs.name(k.name())) {
                    reasons.add(new Reason(5, c.path(), k.line(), "changes the config key `" + k.name()
                            + "` the docs mention" + at));
                }
            }
            if (!fresh.isEmpty()) {
                reasons.add(new Reason(2, c.path(), firstLine, "adds the config key" + (fresh.size() == 1 ? " " : "s ")
                        + list(List.copyOf(fresh)) + " (" + c.path() + ")"));
            }
        }
        for (String name : before) {
            if (!after.contains(name) && docs.name(name)) {
                reasons.add(new Reason(6, "", 0, "removes the config key `" + name + "`, which the docs mention"));
            }
        }
    }

    /** {@code `a`}, {@code `a` and `b`}, {@code `a`, `b` and `c`}, {@code `a`, `b`, `c` and 2 more}. */
    static String list(List<String> names) {
        List<String> shown = names.stream().limit(names.size() > 4 ? 3 : 4).map(n -> "`" + n + "`").toList();
        String rest = names.size() > shown.size() ? (names.size() - shown.size()) + " more" : null;
        List<String> all = new ArrayList<>(shown);
        if (rest != null) {
            all.add(rest);
        }
        return all.size() == 1 ? all.get(0)
                : String.join(", ", all.subList(0, all.size() - 1)) + " and " + all.get(all.size() - 1);
    }

    /** Data and model files the change adds; files the docs mention that it moves or deletes. */
    private void files(List<FileChange> changes) {
        for (FileChange c : changes) {
            String path = c.path();
            if (c.status() == ChangeStatus.ADDED) {
                String data = path.endsWith(".dvc") ? path.substring(0, path.length() - ".dvc".length()) : path;
                if (ArtifactKinds.isDataOrModelFile(data)) {
                    String kind = ArtifactKinds.isModelArtifact(data, head.paths()) ? "model" : "data";
                    reasons.add(new Reason(4, path, 0, "adds the " + kind + " file " + data
                            + (data.equals(path) ? "" : " (tracked by DVC)")));
                }
            } else if (c.status() == ChangeStatus.RENAMED && !TestFiles.isTestFile(c.previousPath())
                    && docs.path(c.previousPath())) {
                reasons.add(new Reason(6, path, 0, "moves " + c.previousPath() + ", which the docs mention, to "
                        + path));
            } else if (c.status() == ChangeStatus.DELETED && docs.path(path)) {
                reasons.add(new Reason(6, path, 0, "deletes " + path + ", which the docs mention"));
            }
        }
    }
}
