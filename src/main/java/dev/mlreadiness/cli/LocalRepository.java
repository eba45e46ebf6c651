package dev.mlreadiness.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.mlreadiness.engine.diff.UnifiedDiff;
import dev.mlreadiness.engine.snapshot.ChangeSet;
import dev.mlreadiness.engine.snapshot.ChangeStatus;
import dev.mlreadiness.engine.snapshot.FileChange;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * A repository on this machine, as the CLI reads it: the work tree for a full scan (as git lists it, or walked
 * when the folder is not a git repository), or the change {@code git diff REF...HEAD} (or the staged change,
 * {@code git diff --cached}) for pull-request mode with contents from git objects. Close it to end the
 * {@code git cat-file} process a change uses.
 */
public final class LocalRepository implements AutoCloseable {

    /** A pull request's two trees and what changed between them. */
    public record Change(Snapshot base, Snapshot head, ChangeSet changes) {
    }

    private final Path dir;
    private final Git git;
    private final boolean isGit;
    private GitObjectLoader objects;

    private LocalRepository(Path dir, Git git, boolean isGit) {
        this.dir = dir;
        this.git = git;
        this.isGit = isGit;
    }

    public static LocalRepository open(Path dir) throws InputException {
        Path d = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(d)) {
            throw new InputException(dir + " is not a folder");
        }
        Git git = new Git(d);
        boolean isGit = Files.exists(d.resolve(".git"))
                || (mayBeInsideGit(d) && git.succeeds("rev-parse", "--is-inside-work-tree"));
        return new LocalRepository(d, git, isGit);
    }

    /**
     * False when git cannot see a work tree here: no {@code .git} in the folder or any folder above it, and no
     * {@code GIT_DIR} / {@code GIT_WORK_TREE} in the environment. Saves starting git (a process) for a plain folder.
     */
    private static boolean mayBeInsideGit(Path dir) {
        if (System.getenv("GIT_DIR") != null || System.getenv("GIT_WORK_TREE") != null) {
            return true;
        }
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return true;
            }
        }
        return false;
    }

    public Path dir() {
        return dir;
    }

    public boolean isGit() {
        return isGit;
    }

    /** Every file of the work tree with its size on disk, read lazily from disk. */
    public Snapshot workTree() throws InputException {
        List<FileEntry> files = isGit ? gitListed() : walked();
        return Snapshot.of(files, new DiskLoader(dir));
    }

    /**
     * What git shows: tracked and untracked files, minus those .gitignore excludes. Git finds untracked files by
     * walking the whole work tree, the slowest part of the listing, so that walk runs beside listing and sizing the
     * tracked files rather than before it.
     */
    private List<FileEntry> gitListed() throws InputException {
        CompletableFuture<byte[]> untracked = git.runAsync("ls-files", "-o", "--exclude-standard", "-z");
        List<FileEntry> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        sized(Git.fields(git.run("ls-files", "-c", "-z")), seen, out);
        sized(Git.fields(Git.join(untracked)), seen, out);
        return out;
    }

    /**
     * Adds the regular files among {@code paths} with their size on disk: one stat per file (the listing's other
     * cost); deleted-but-tracked files, symlinks and submodules are not files to read.
     */
    private void sized(List<String> paths, Set<String> seen, List<FileEntry> out) {
        for (String p : paths) {
            if (!seen.add(p)) {
                continue; // an unmerged file is listed once per stage
            }
            try {
                BasicFileAttributes a = Files.readAttributes(dir.resolve(p), BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile()) {
                    out.add(new FileEntry(p, a.size()));
                }
            } catch (IOException e) {
                // gone since git listed it
            }
        }
    }

    private List<FileEntry> walked() throws InputException {
        List<FileEntry> out = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return d.getFileName() != null && d.getFileName().toString().equals(".git") && !d.equals(dir)
                            ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        out.add(new FileEntry(relative(f), attrs.size()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE; // an unreadable corner must not stop the scan
                }
            });
        } catch (IOException e) {
            throw new InputException("could not list " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    private String relative(Path f) {
        String p = dir.relativize(f).toString();
        return f.getFileSystem().getSeparator().equals("/") ? p : p.replace(f.getFileSystem().getSeparator(), "/");
    }

    /**
     * The change from the merge base of {@code baseRef} and HEAD to HEAD, as {@code git diff REF...HEAD} shows it:
     * added, modified, renamed and copied files with their added lines; deleted files listed but not read.
     */
    public Change change(String baseRef) throws InputException {
        if (!isGit) {
            throw new InputException("--base needs a git repository, and " + dir + " is not one");
        }
        if (baseRef.startsWith("-") || !git.succeeds("rev-parse", "--verify", "--quiet", baseRef + "^{commit}")) {
            throw new InputException("--base " + baseRef + ": no such commit, branch or tag in " + dir);
        }
        String mergeBase = git.runText("merge-base", baseRef, "HEAD").strip();
        return change(mergeBase, "HEAD", baseRef + "...HEAD");
    }

    /**
     * The change a commit of the index would make, as {@code git diff --cached} shows it: from HEAD (or the empty
     * tree before the first commit) to the index, which is what a pre-commit hook reviews. The index is read through
     * {@code git write-tree}, which stores its tree objects (never a commit or a ref) so sizes and contents come from
     * git like a commit's; unstaged edits in the work tree play no part.
     */
    public Change staged() throws InputException {
        if (!isGit) {
            throw new InputException("--staged needs a git repository, and " + dir + " is not one");
        }
        String base = git.succeeds("rev-parse", "--verify", "--quiet", "HEAD^{commit}") ? "HEAD" : EMPTY_TREE;
        String index;
        try {
            index = git.runText("write-tree").strip();
        } catch (InputException e) {
            throw new InputException("--staged: the index cannot be read as a tree (unresolved merge conflicts?): "
                    + e.getMessage(), e);
        }
        return change(base, index, "--cached", base);
    }

    /** git's well-known id of the empty tree: the base of a repository without commits. */
    static final String EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

    /** The change between two trees, listed by {@code git diff <diffArgs>}. */
    private Change change(String baseTree, String headTree, String... diffArgs) throws InputException {
        List<FileChange> changes = changedFiles(diffArgs, addedLines(diffArgs));
        if (objects == null) {
            objects = new GitObjectLoader(git);
        }
        Snapshot head = Snapshot.of(tree(headTree), objects);
        Snapshot base = Snapshot.of(tree(baseTree), objects);
        return new Change(base, head, ChangeSet.of(changes, false));
    }

    private List<FileChange> changedFiles(String[] diffArgs, Map<String, BitSet> added) throws InputException {
        List<String> f = Git.fields(git.run(diff(diffArgs, "--name-status", "-M", "-z", "--relative",
                "--no-ext-diff")));
        List<FileChange> out = new ArrayList<>();
        int i = 0;
        while (i < f.size()) {
            String status = f.get(i++);
            if (status.isEmpty()) {
                continue;
            }
            char kind = status.charAt(0);
            if ((kind == 'R' || kind == 'C') && i + 1 < f.size()) {
                String from = f.get(i++);
                String to = f.get(i++);
                out.add(new FileChange(to, kind == 'R' ? ChangeStatus.RENAMED : ChangeStatus.COPIED, from,
                        added.getOrDefault(to, new BitSet())));
            } else if (i < f.size()) {
                String path = f.get(i++);
                ChangeStatus s = switch (kind) {
                    case 'A' -> ChangeStatus.ADDED;
                    case 'D' -> ChangeStatus.DELETED;
                    default -> ChangeStatus.MODIFIED; // M, T (type change), U (unmerged)
                };
                out.add(new FileChange(path, s, null, s == ChangeStatus.DELETED ? new BitSet()
                        : added.getOrDefault(path, new BitSet())));
            }
        }
        return out;
    }

    /** {@code diff <options> <diffArgs>}: git's arguments, options first. */
    private static String[] diff(String[] diffArgs, String... options) {
        List<String> args = new ArrayList<>();
        args.add("diff");
        args.addAll(List.of(options));
        args.addAll(List.of(diffArgs));
        return args.toArray(String[]::new);
    }

    /** Added line numbers per new path, from one {@code -U0} diff of the whole change. Binary files have none. */
    private Map<String, BitSet> addedLines(String[] diffArgs) throws InputException {
        String diff = git.runText(diff(diffArgs, "-U0", "-M", "--relative", "--no-color", "--no-ext-diff",
                "--no-textconv", "--src-prefix=a/", "--dst-prefix=b/"));
        Map<String, BitSet> out = new HashMap<>();
        for (String section : diff.split("(?m)^(?=diff --git )")) {
            String path = newPath(section);
            if (path != null) {
                out.put(path, UnifiedDiff.addedLines(section));
            }
        }
        return out;
    }

    /** The {@code +++ b/path} of one file's diff; null for deleted files and diffs without hunks (binary). */
    static String newPath(String section) {
        for (String line : section.split("\n")) {
            if (line.startsWith("@@")) {
                return null;
            }
            if (line.startsWith("+++ ")) {
                String p = line.substring(4);
                if (p.startsWith("\"")) {
                    p = unquote(p);
                }
                // git ends names holding spaces with a tab so patch tools can find the end
                if (p.endsWith("\t")) {
                    p = p.substring(0, p.length() - 1);
                }
                return p.startsWith("b/") ? p.substring(2) : null;
            }
        }
        return null;
    }

    /** Undoes git's C-style quoting of unusual file names ({@code "b/tab\there"}, octal UTF-8 bytes). */
    static String unquote(String quoted) {
        String s = quoted.substring(1, quoted.lastIndexOf('"') > 0 ? quoted.lastIndexOf('"') : quoted.length());
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            char n = s.charAt(++i);
            if (n >= '0' && n <= '7' && i + 2 < s.length()) {
                bytes.write(Integer.parseInt(s.substring(i, i + 3), 8));
                i += 2;
            } else {
                bytes.write(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 'a' -> 7;
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'v' -> 11;
                    default -> n;
                });
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The files of a commit's tree (below this folder), with blob ids and sizes; symlinks and submodules left out. */
    private List<FileEntry> tree(String commit) throws InputException {
        List<FileEntry> out = new ArrayList<>();
        for (String record : Git.fields(git.run("ls-tree", "-r", "-l", "-z", commit))) {
            // "<mode> SP <type> SP <object> SP+ <size> TAB <path>"
            int tab = record.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            String[] meta = record.substring(0, tab).trim().split(" +");
            if (meta.length < 4 || !meta[1].equals("blob") || meta[0].equals("120000")) {
                continue;
            }
            long size;
            try {
                size = Long.parseLong(meta[3]);
            } catch (NumberFormatException e) {
                size = -1;
            }
            out.add(new FileEntry(record.substring(tab + 1), size, meta[2]));
        }
        return out;
    }

    @Override
    public void close() {
        if (objects != null) {
            objects.close();
        }
    }

    /** For tests: whether a change started the one {@code cat-file} process. */
    boolean objectProcessStarted() {
        return objects != null && objects.started();
    }
}
