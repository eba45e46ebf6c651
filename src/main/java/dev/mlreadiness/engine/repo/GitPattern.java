package dev.mlreadiness.engine.repo;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.mlreadiness.engine.Glob;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * One path pattern of a {@code .gitignore} or {@code .gitattributes} file, with git's meaning: a pattern without
 * a slash (other than a trailing one) matches the name at any depth below the file's folder; a pattern with a
 * leading or inner slash is anchored to that folder; {@code **} crosses folders; a trailing slash matches
 * folders only.
 *
 * @param folder the folder of the file the pattern comes from, repository-relative ({@code ""} at the root)
 * @param text the pattern as written, without negation
 * @param negated a {@code .gitignore} pattern starting with {@code !}
 * @param dirOnly the pattern ended with a slash
 * @param anchored the pattern is matched against the path relative to {@code folder}, not only the name
 */
public record GitPattern(String folder, String text, boolean negated, boolean dirOnly, boolean anchored,
        Glob glob) {

    /**
     * The pattern of one line, or empty for blank lines, comments and patterns git would reject (an unclosed
     * {@code [}).
     */
    public static Optional<GitPattern> parse(String line, String folder) {
        String p = line.strip();
        if (p.isEmpty() || p.startsWith("#")) {
            return Optional.empty();
        }
        boolean negated = p.startsWith("!");
        if (negated) {
            p = p.substring(1);
        } else if (p.startsWith("\\!") || p.startsWith("\\#")) {
            p = p.substring(1);
        }
        boolean dirOnly = p.endsWith("/");
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        boolean anchored = p.contains("/");
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GitPattern(folder, p, negated, dirOnly, anchored, Glob.compile(p)));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // git ignores a pattern it cannot read; so do we
        }
    }

    /** True when the pattern matches the repository-relative {@code path} (a folder when {@code isDir}). */
    public boolean matches(String path, boolean isDir) {
        if (dirOnly && !isDir) {
            return false;
        }
        String rel;
        if (folder.isEmpty()) {
            rel = path;
        } else if (path.startsWith(folder + "/")) {
            rel = path.substring(folder.length() + 1);
        } else {
            return false;
        }
        if (anchored) {
            return glob.matches(rel);
        }
        return glob.matches(rel.substring(rel.lastIndexOf('/') + 1));
    }

    /**
     * True when an anchored pattern speaks of paths inside {@code dir} ({@code data/*}, {@code data/**},
     * {@code data/raw/*.csv} for {@code data}), which says the folder exists in working copies.
     */
    public boolean reachesInside(String dir) {
        if (!anchored) {
            return false;
        }
        String full = folder.isEmpty() ? text : folder + "/" + text;
        return full.startsWith(dir + "/");
    }

    /** The folder of a repository-relative path, {@code ""} at the root. */
    public static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Every file of the tree with this name ({@code .gitignore}), shallowest first, so deeper ones win. */
    public static List<String> filesNamed(Snapshot snapshot, String name) {
        return snapshot.stream().map(FileEntry::path).filter(p -> p.equals(name) || p.endsWith("/" + name))
                .sorted(Comparator.comparingLong(p -> p.chars().filter(ch -> ch == '/').count())).toList();
    }
}
