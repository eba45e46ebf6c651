package dev.mlreadiness.engine.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.config.ProjectPaths;
import dev.mlreadiness.engine.docs.DocsOutline;
import dev.mlreadiness.engine.markdown.InlineCode;
import dev.mlreadiness.engine.markdown.SchemaTable;
import dev.mlreadiness.engine.repo.ArtifactKinds;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.FileEntry;

/**
 * The documented schema compared with the headers of the data files ({@code docs/data-schema}).
 *
 * <p>
 * Which table describes which file: a table whose heading (the deepest heading above it) or caption (the paragraph
 * right above it) names a data file by its file name describes that file; a table in a doc inside the data folder
 * ({@code data/raw/README.md}) describes the files of that folder; the other tables together describe the other raw
 * data files together (union of tables against union of headers). Where that mapping could be wrong, nothing is
 * said:
 * <ul>
 * <li>a file's undocumented columns are reported only when a table names the file, or when the tables describe at
 * least one of its columns (a table of something else, an API payload or the model's features, says nothing about
 * it);</li>
 * <li>a documented column that a file lacks is reported when a table names the file; for tables that name no file,
 * only when every data file they could describe was read and one of them has an undocumented column of a similar
 * name (a rename): a documented column that no file has may be a feature the code derives;</li>
 * <li>a table that names a file but shares no column with it is not compared (it mentions the file in passing);</li>
 * <li>derived data (processed, interim, predictions) is compared only with a table that names it.</li>
 * </ul>
 * A documented type is compared with the type of at least three sampled values (see {@link DocumentedType}).
 * Column names match case-insensitively, ignoring punctuation, spaces, formatting and units in parentheses
 * ({@code Customer ID (int)} is {@code customer_id}), a qualified key by its last part ({@code Person.name} is
 * {@code name}), and a row such as {@code V1 … V28}, {@code pixel*} or {@code feature_1..n} covers the columns
 * named by its prefix and a number.
 */
public final class SchemaVsData {

    private static final Set<String> INDEX_COLUMNS = Set.of("", "index", "unnamed0", "level0");
    private static final List<String> RANGE_MARKS = List.of("*", "…", "..", "{", "<", "[");
    /** {@code V1 - V28}, {@code V1 to V28}, {@code feature_1–feature_n}. */
    private static final Pattern RANGE = Pattern.compile("\\d\\s*(-|–|—|to)\\s*[A-Za-z_]*(\\d+|n|N)\\b");
    /** The letters a numbered range of columns starts with: {@code pixel} in {@code pixel0 … pixel783}. */
    private static final Pattern LEADING_NAME = Pattern.compile("[A-Za-z][A-Za-z_]*");
    private static final int MAX_SHOWN_NAME = 60;

    /** A documented column: one row of a schema table. */
    private record Entry(String name, String typeCell, Set<String> keys, String prefix) {

        boolean matches(String column) {
            String key = key(column);
            if (keys.contains(key) || keys.contains(key(lastPart(column)))) {
                return true;
            }
            return prefix != null && key.startsWith(prefix) && key.length() > prefix.length()
                    && key.substring(prefix.length()).chars().allMatch(Character::isDigit);
        }
    }

    /** Tables and the files they describe. */
    private static final class Scope {
        final List<DocsOutline.DocSchemaTable> tables = new ArrayList<>();
        final List<DataFiles.DataFile> files = new ArrayList<>();
        final boolean named;
        /** Whether every file the tables could describe gave its columns. */
        boolean complete = true;

        Scope(boolean named) {
            this.named = named;
        }
    }

    private SchemaVsData() {
    }

    /** Reports where the schema tables and the data files' headers disagree. */
    public static void check(RuleContext ctx, List<DocsOutline.DocSchemaTable> tables, Findings out) {
        DataFiles data = DataFiles.of(ctx);
        if (data.tabular().isEmpty()) {
            return;
        }
        String dataFolder = ctx.paths().data();
        List<String> dataNames = ctx.snapshot().under(dataFolder).map(FileEntry::path)
                .filter(ArtifactKinds::isDataOrModelFile).toList();
        Map<String, Scope> named = new LinkedHashMap<>();
        Map<String, Scope> byFolder = new LinkedHashMap<>();
        Scope rest = new Scope(false);
        Set<String> namedPaths = new HashSet<>();
        for (DocsOutline.DocSchemaTable t : tables) {
            List<String> mentioned = mentionedDataFiles(ctx, t, dataNames);
            if (!mentioned.isEmpty()) {
                for (String p : mentioned) {
                    namedPaths.add(p);
                    named.computeIfAbsent(p, k -> new Scope(true)).tables.add(t);
                }
            } else if (ProjectPaths.isUnder(t.path(), dataFolder)
                    && folderOf(t.path()).length() > dataFolder.length()) {
                byFolder.computeIfAbsent(folderOf(t.path()), k -> new Scope(false)).tables.add(t);
            } else {
                rest.tables.add(t);
            }
        }
        Map<String, DataFiles.DataFile> files = data.byPath();
        named.forEach((path, scope) -> {
            DataFiles.DataFile f = files.get(path);
            if (f != null && f.hasColumns()) {
                scope.files.add(f);
                compare(scope, out);
            }
        });
        for (DataFiles.DataFile f : data.tabular()) {
            if (namedPaths.contains(f.path()) || DataFiles.isDerived(f.path(), dataFolder)) {
                continue;
            }
            Scope scope = byFolder.entrySet().stream().filter(e -> ProjectPaths.isUnder(f.path(), e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(rest);
            if (f.hasColumns()) {
                scope.files.add(f);
            } else {
                scope.complete = false;
            }
        }
        for (String other : data.otherData()) {
            if (!namedPaths.contains(other) && !DataFiles.isDerived(other, dataFolder)) {
                byFolder.entrySet().stream().filter(e -> ProjectPaths.isUnder(other, e.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse(rest).complete = false;
            }
        }
        byFolder.values().forEach(s -> compare(s, out));
        compare(rest, out);
    }

    private static void compare(Scope scope, Findings out) {
        if (scope.tables.isEmpty() || scope.files.isEmpty()) {
            return;
        }
        List<Entry> entries = new ArrayList<>();
        for (DocsOutline.DocSchemaTable t : scope.tables) {
            SchemaTable s = t.table();
            for (List<String> row : s.table().rows()) {
                if (s.nameColumn() < row.size() && !row.get(s.nameColumn()).isBlank()) {
                    entries.addAll(entries(row.get(s.nameColumn()),
                            s.typeColumn() < row.size() ? row.get(s.typeColumn()) : ""));
                }
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        String doc = scope.tables.get(0).path();
        String tableLabel = "The schema table" + (scope.tables.size() > 1 ? "s" : "") + " in " + doc
                + (scope.tables.stream().anyMatch(t -> !t.path().equals(doc)) ? " and other docs" : "");
        Set<Entry> used = new HashSet<>();
        Map<DataFiles.DataFile, List<String>> undocumented = new LinkedHashMap<>();
        for (DataFiles.DataFile f : scope.files) {
            List<String> missing = new ArrayList<>();
            int described = 0;
            List<String> columns = f.columns();
            List<String[]> typeProblems = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                String column = columns.get(i);
                if (INDEX_COLUMNS.contains(key(column)) || key(column).startsWith("unnamed")) {
                    continue;
                }
                Optional<Entry> entry = entries.stream().filter(e -> e.matches(column)).findFirst();
                if (entry.isEmpty()) {
                    missing.add(column);
                    continue;
                }
                described++;
                entries.stream().filter(e -> e.matches(column)).forEach(used::add);
                List<String> values = f.header().get().values(i);
                DocumentedType.of(entry.get().typeCell()).flatMap(t -> t.contradiction(values))
                        .ifPresent(why -> typeProblems.add(new String[] { column, entry.get().typeCell(), why }));
            }
            if (described == 0) {
                continue; // the tables describe something else, or mention the file in passing
            }
            if (!missing.isEmpty()) {
                undocumented.put(f, missing);
                out.repository(doc, f.path() + " has column" + (missing.size() == 1 ? " " : "s ") + list(missing)
                        + " that " + tableLabel.substring(0, 1).toLowerCase(Locale.ROOT) + tableLabel.substring(1)
                        + " do" + (scope.tables.size() > 1 ? "" : "es") + " not describe: add a row for "
                        + (missing.size() == 1 ? "it" : "each") + ".",
                        missing.stream().map(c -> "undocumented column " + key(c) + " of " + f.path()).toList());
            }
            for (String[] p : typeProblems) {
                out.repository(doc, tableLabel + " give" + (scope.tables.size() > 1 ? "" : "s") + " "
                        + shown(p[0]) + " the type " + shown(p[1]) + ", but " + f.path() + " holds " + p[2]
                        + " in it: correct the type, or the data.",
                        List.of("type of " + key(p[0]) + " in " + f.path()));
            }
        }
        reportDropped(scope, entries, used, undocumented, tableLabel, doc, out);
    }

    private static void reportDropped(Scope scope, List<Entry> entries, Set<Entry> used,
            Map<DataFiles.DataFile, List<String>> undocumented, String tableLabel, String doc, Findings out) {
        if (used.isEmpty()) {
            return;
        }
        Set<String> dropped = new LinkedHashSet<>();
        Set<String> renamedTo = new LinkedHashSet<>();
        for (Entry e : entries) {
            if (used.contains(e) || e.prefix() != null) {
                continue;
            }
            if (scope.named) {
                dropped.add(e.name());
            } else if (scope.complete) {
                undocumented.values().stream().flatMap(List::stream).filter(c -> similar(e.name(), c)).findFirst()
                        .ifPresent(c -> {
                            dropped.add(e.name());
                            renamedTo.add(c);
                        });
            }
        }
        if (dropped.isEmpty()) {
            return;
        }
        List<String> names = List.copyOf(dropped);
        String which = scope.named ? scope.files.get(0).path() + " does not have"
                : "no data file has any more (" + list(List.copyOf(renamedTo)) + " may be "
                        + (renamedTo.size() == 1 ? "its" : "their") + " new name" + (renamedTo.size() == 1 ? "" : "s")
                        + ")";
        out.repository(doc, tableLabel + " describe" + (scope.tables.size() > 1 ? "" : "s") + " " + list(names)
                + ", which " + which + ": rename or remove " + (names.size() == 1 ? "its row" : "their rows") + ".",
                names.stream().map(n -> "documented column " + key(n) + " not in "
                        + (scope.named ? scope.files.get(0).path() : "the data")).toList());
    }

    /**
     * The row of one name cell: {@code lat, lon} covers either name (and a column named so), {@code V1 … V28} the
     * numbered columns of its prefix.
     */
    private static List<Entry> entries(String nameCell, String typeCell) {
        String cell = nameCell.strip();
        if (RANGE_MARKS.stream().anyMatch(cell::contains) || RANGE.matcher(cell).find()) {
            Matcher m = LEADING_NAME.matcher(cell);
            String prefix = m.find() ? key(m.group()) : "";
            return prefix.isEmpty() ? List.of() : List.of(new Entry(cell, typeCell, Set.of(prefix), prefix));
        }
        Set<String> keys = new HashSet<>(List.of(key(cell), key(lastPart(cell))));
        for (String part : cell.split("\\s*[,/]\\s*|\\s+or\\s+")) {
            if (!part.isBlank()) {
                keys.add(key(part));
                keys.add(key(lastPart(part)));
            }
        }
        keys.remove("");
        return keys.isEmpty() ? List.of() : List.of(new Entry(cell, typeCell, Set.copyOf(keys), null));
    }

    /** The name as compared: lower case, letters and digits only, units in parentheses dropped. */
    static String key(String name) {
        String s = name.replaceAll("\\([^)]*\\)|\\[[^]]*]", "").toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static String lastPart(String name) {
        String s = name.strip();
        int dot = s.lastIndexOf('.');
        return dot > 0 && dot < s.length() - 1 ? s.substring(dot + 1) : s;
    }

    /** A rename: one name holds the other, or they share a word of three letters or more. */
    static boolean similar(String documented, String column) {
        String a = key(documented);
        String b = key(column);
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        if (a.length() >= 3 && b.length() >= 3 && (a.contains(b) || b.contains(a))) {
            return true;
        }
        Set<String> wordsA = words(documented);
        return words(column).stream().anyMatch(w -> w.length() >= 3 && wordsA.contains(w));
    }

    private static Set<String> words(String name) {
        Set<String> out = new HashSet<>();
        for (String w : name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * The data files (under the data folder) that the table's caption names by file name, else those its heading
     * names.
     */
    private static List<String> mentionedDataFiles(RuleContext ctx, DocsOutline.DocSchemaTable t,
            List<String> dataFiles) {
        List<String> byCaption = mentioned(caption(ctx, t), dataFiles);
        return byCaption.isEmpty() ? mentioned(heading(ctx, t), dataFiles) : byCaption;
    }

    /** The data files whose file name the text holds as a word. */
    private static List<String> mentioned(String text, List<String> dataFiles) {
        String context = text.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String p : dataFiles) {
            String name = p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            int at = context.indexOf(name);
            while (at >= 0) {
                boolean startOk = at == 0 || !isNameChar(context.charAt(at - 1));
                int end = at + name.length();
                boolean endOk = end == context.length() || !Character.isLetterOrDigit(context.charAt(end));
                if (startOk && endOk) {
                    out.add(p);
                    break;
                }
                at = context.indexOf(name, at + 1);
            }
        }
        return out;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    /** The text of the deepest heading above the table, in its doc. */
    private static String heading(RuleContext ctx, DocsOutline.DocSchemaTable t) {
        return DocLines.sectionOf(ctx, t).map(s -> s.section().text()).orElse("");
    }

    /** The paragraph right above the table (at most five lines, up to a blank line or a heading). */
    private static String caption(RuleContext ctx, DocsOutline.DocSchemaTable t) {
        Optional<String> text = ctx.text(t.path());
        if (text.isEmpty()) {
            return "";
        }
        String[] lines = text.get().split("\r\n|\r|\n", -1);
        int i = Math.min(t.table().line() - 2, lines.length - 1);
        while (i >= 0 && lines[i].isBlank()) {
            i--;
        }
        List<String> caption = new ArrayList<>();
        while (i >= 0 && !lines[i].isBlank() && caption.size() < 5) {
            String line = lines[i].strip();
            if (line.startsWith("#") || line.startsWith("|")) {
                break;
            }
            caption.add(line.length() > 1_000 ? line.substring(0, 1_000) : line);
            i--;
        }
        return String.join("\n", caption);
    }

    private static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String shown(String name) {
        String s = name.strip();
        return InlineCode.span(s.length() > MAX_SHOWN_NAME ? s.substring(0, MAX_SHOWN_NAME) + "…" : s);
    }

    /** {@code `a`}, {@code `a` and `b`}, {@code `a`, `b` and `c`}, {@code `a`, `b`, `c` and 2 more}. */
    static String list(List<String> names) {
        List<String> shown = new ArrayList<>(names.stream().limit(names.size() > 4 ? 3 : 4)
                .map(SchemaVsData::shown).toList());
        if (names.size() > shown.size()) {
            shown.add((names.size() - shown.size()) + " more");
        }
        return shown.size() == 1 ? shown.get(0)
                : String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.get(shown.size() - 1);
    }
}
