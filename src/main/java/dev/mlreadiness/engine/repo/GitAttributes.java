package dev.mlreadiness.engine.repo;

import java.util.ArrayList;
import java.util.List;

import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * The {@code .gitattributes} files of a tree, read to answer whether Git LFS stores a file: the last line whose
 * pattern matches the file and that sets or unsets {@code filter} decides, deeper files over the root one.
 * A pattern without a slash matches the file name at any depth below the attributes file's folder; {@code **}
 * crosses folders.
 */
public final class GitAttributes {

    private static final String NAME = ".gitattributes";

    /** One line: a pattern and whether it turns the LFS filter on (true) or off (false). */
    private record FilterRule(GitPattern pattern, boolean lfs) {
    }

    private final List<FilterRule> rules;

    private GitAttributes(List<FilterRule> rules) {
        this.rules = rules;
    }

    /** The attributes of the context's tree, read once per evaluation. */
    public static GitAttributes in(RuleContext ctx) {
        return ctx.fact(GitAttributes.class, c -> {
            List<FilterRule> all = new ArrayList<>();
            for (String path : files(c.snapshot())) {
                c.text(path).ifPresent(t -> all.addAll(parse(t, GitPattern.folderOf(path))));
            }
            return new GitAttributes(all);
        });
    }

    /** Builds the attributes from one file's text. */
    public static GitAttributes of(String text, String folder) {
        return new GitAttributes(parse(text, folder));
    }

    /** Every {@code .gitattributes} of the tree, shallowest first so that deeper files take precedence. */
    public static List<String> files(Snapshot snapshot) {
        return GitPattern.filesNamed(snapshot, NAME);
    }

    /** True when an LFS rule ({@code filter=lfs}) matches the file and no later rule unsets it. */
    public boolean isLfs(String path) {
        boolean lfs = false;
        for (FilterRule r : rules) {
            if (r.pattern().matches(path, false)) {
                lfs = r.lfs();
            }
        }
        return lfs;
    }

    private static List<FilterRule> parse(String text, String folder) {
        List<FilterRule> out = new ArrayList<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("[attr]") || line.startsWith("!")) {
                continue; // comments, macro definitions, and negative patterns git forbids here
            }
            String pattern;
            String attrs;
            if (line.startsWith("\"")) {
                int close = line.indexOf('"', 1);
                if (close < 0) {
                    continue;
                }
                pattern = line.substring(1, close);
                attrs = line.substring(close + 1);
            } else {
                String[] parts = line.split("\\s+", 2);
                pattern = parts[0];
                attrs = parts.length > 1 ? parts[1] : "";
            }
            Boolean lfs = null;
            for (String attr : attrs.strip().split("\\s+")) {
                if (attr.startsWith("filter=")) {
                    lfs = attr.equals("filter=lfs");
                } else if (attr.equals("-filter") || attr.equals("!filter")) {
                    lfs = false;
                }
            }
            if (lfs == null) {
                continue;
            }
            boolean on = lfs;
            // a pattern ending in a slash matches no file in .gitattributes, which parse() honours via dirOnly
            GitPattern.parse(pattern, folder).filter(p -> !p.negated())
                    .ifPresent(p -> out.add(new FilterRule(p, on)));
        }
        return out;
    }
}
