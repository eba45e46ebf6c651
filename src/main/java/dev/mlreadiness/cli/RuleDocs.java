package dev.mlreadiness.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.report.DocsLinks;

/**
 * The documentation generated from the rule catalog, the one source: a page per rule under {@code docs/rules/}
 * and the rule table of the README between {@code <!-- rules:start -->} and {@code <!-- rules:end -->}.
 * {@code readiness docs} writes them; a test fails when the committed files differ.
 */
public final class RuleDocs {

    public static final String START = "<!-- rules:start -->";
    public static final String END = "<!-- rules:end -->";

    private final Path root;
    private final List<RuleInfo> rules;

    /** @param root the project's root folder, holding {@code README.md} and {@code docs/} */
    public RuleDocs(Path root, List<RuleInfo> rules) {
        this.root = root;
        this.rules = List.copyOf(rules);
    }

    /** Every generated file, repository-relative path to content. */
    public Map<String, String> expected() throws InputException {
        Map<String, String> out = new TreeMap<>();
        for (RuleInfo r : rules) {
            out.put(DocsLinks.RELATIVE_BASE + r.docPath(), r.toMarkdown());
        }
        out.put("README.md", withTable(read(root.resolve("README.md")), table(rules)));
        return out;
    }

    /** Generated files whose committed version differs or is missing, and pages of rules that no longer exist. */
    public List<String> outOfDate() throws InputException {
        Map<String, String> expected = expected();
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path p = root.resolve(e.getKey());
            if (!Files.isRegularFile(p) || !read(p).equals(e.getValue())) {
                out.add(e.getKey());
            }
        }
        for (String stale : pagesOnDisk()) {
            if (!expected.containsKey(stale)) {
                out.add(stale);
            }
        }
        return out;
    }

    /** Writes what is out of date and deletes pages of removed rules; returns the paths it touched. */
    public List<String> write() throws InputException {
        Map<String, String> expected = expected();
        List<String> touched = outOfDate();
        try {
            for (String path : touched) {
                Path p = root.resolve(path);
                if (expected.containsKey(path)) {
                    Files.createDirectories(p.getParent());
                    Files.writeString(p, expected.get(path), StandardCharsets.UTF_8);
                } else {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new InputException("could not write the rule docs: " + e.getMessage(), e);
        }
        return touched;
    }

    /** The README's rule table: id linking to its page, severity, title, in catalog order. */
    static String table(List<RuleInfo> rules) {
        StringBuilder t = new StringBuilder("| Rule | Default severity | Checks |\n|---|---|---|\n");
        DocsLinks links = DocsLinks.relative();
        for (RuleInfo r : rules) {
            t.append("| [`").append(r.id()).append("`](").append(links.rule(r.id())).append(") | ")
                    .append(r.defaultSeverity().id()).append(" | ").append(r.title().replace("|", "\\|"))
                    .append(" |\n");
        }
        if (rules.isEmpty()) {
            t.append("| (no rules yet) | | |\n");
        }
        return t.toString();
    }

    static String withTable(String readme, String table) throws InputException {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < start) {
            throw new InputException("README.md needs the markers " + START + " and " + END + " around the rule table");
        }
        return readme.substring(0, start + START.length()) + "\n" + table + readme.substring(end);
    }

    private List<String> pagesOnDisk() throws InputException {
        Path dir = root.resolve(DocsLinks.RELATIVE_BASE + "rules");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new InputException("could not list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path p) throws InputException {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException("could not read " + p + ": " + e.getMessage(), e);
        }
    }
}
