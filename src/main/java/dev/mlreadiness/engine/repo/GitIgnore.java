package dev.mlreadiness.engine.repo;

import java.util.ArrayList;
import java.util.List;

import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * The {@code .gitignore} files of a tree, read to answer one question: does git ignore a folder (or what is in
 * it)? Data folders are often ignored on purpose, so a folder that {@code .gitignore} names exists in working
 * copies even though the tree has no file under it.
 */
public final class GitIgnore {

    private static final String NAME = ".gitignore";

    private final List<GitPattern> patterns;

    private GitIgnore(List<GitPattern> patterns) {
        this.patterns = patterns;
    }

    /** The ignore rules of the context's tree, read once per evaluation. */
    public static GitIgnore in(RuleContext ctx) {
        return ctx.fact(GitIgnore.class, c -> {
            List<GitPattern> all = new ArrayList<>();
            for (String path : files(c.snapshot())) {
                c.text(path).ifPresent(t -> all.addAll(parse(t, GitPattern.folderOf(path))));
            }
            return new GitIgnore(all);
        });
    }

    /** Builds the rules from one file's text (for tests and single-file callers). */
    public static GitIgnore of(String text, String folder) {
        return new GitIgnore(parse(text, folder));
    }

    /** Every {@code .gitignore} of the tree, shallowest first so that deeper files take precedence. */
    public static List<String> files(Snapshot snapshot) {
        return GitPattern.filesNamed(snapshot, NAME);
    }

    private static List<GitPattern> parse(String text, String folder) {
        List<GitPattern> out = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            GitPattern.parse(line, folder).ifPresent(out::add);
        }
        return out;
    }

    /**
     * True when the ignore rules name {@code dir} or an ancestor of it ({@code data/}, {@code /data},
     * {@code data}), or reach inside it ({@code data/*}, {@code data/**}), and no later negation
     * ({@code !data/}) takes the folder back. A negation of something inside the folder ({@code !data/.gitkeep})
     * leaves it named.
     */
    public boolean namesFolder(String dir) {
        boolean named = false;
        for (GitPattern p : patterns) {
            if (matchesSelfOrAncestor(p, dir)) {
                named = !p.negated();
            } else if (!p.negated() && p.reachesInside(dir)) {
                named = true;
            }
        }
        return named;
    }

    private static boolean matchesSelfOrAncestor(GitPattern p, String dir) {
        String current = dir;
        while (true) {
            if (p.matches(current, true)) {
                return true;
            }
            int slash = current.lastIndexOf('/');
            if (slash < 0) {
                return false;
            }
            current = current.substring(0, slash);
        }
    }

}
