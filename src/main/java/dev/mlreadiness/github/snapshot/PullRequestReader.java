package dev.mlreadiness.github.snapshot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import jakarta.json.JsonObject;

import org.jboss.logging.Logger;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestFileDetail;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHTree;
import org.kohsuke.github.GHTreeEntry;

import dev.mlreadiness.engine.diff.UnifiedDiff;
import dev.mlreadiness.engine.snapshot.ChangeSet;
import dev.mlreadiness.engine.snapshot.ChangeStatus;
import dev.mlreadiness.engine.snapshot.FileChange;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Snapshot;
import dev.mlreadiness.github.client.PagesAhead;

/**
 * Reads what an evaluation of a pull request needs, with the three independent requests side by side: the
 * changed files (100 a page, up to GitHub's 3,000), the recursive head tree with sizes and blob ids, and the
 * config files (with, in the same GraphQL request, whether the app has runs in progress on the head, when asked,
 * and the head's usual root manifests, see {@link RootManifests}).
 * Contents are read later, only for the files rules ask for.
 */
public final class PullRequestReader {

    private static final Logger LOG = Logger.getLogger(PullRequestReader.class);

    /** GitHub lists at most this many files of a pull request. */
    public static final int MAX_FILES = 3000;

    private final Executor executor;
    private final BlobCache cache;

    public PullRequestReader(Executor executor, BlobCache cache) {
        this.executor = executor;
        this.cache = cache;
    }

    /**
     * What {@link #read} answers.
     *
     * @param runsInProgress the ids of the runs in progress asked for; empty when not asked or GitHub could not tell
     */
    public record Result(PullRequestSnapshot snapshot, ConfigTexts config, Optional<List<Long>> runsInProgress) {
    }

    /** @param runs the runs in progress to ask about in the config's request, if any */
    public Result read(GHRepository repo, GHPullRequest pr, GraphQLQuery graphql, Optional<RunsInProgress> runs)
            throws IOException {
        String headSha = pr.getHead().getSha();
        String baseSha = pr.getBase().getSha();
        CompletableFuture<ChangedFiles> files = Concurrently.supply(() -> changedFiles(pr, executor), executor);
        CompletableFuture<GHTree> tree = Concurrently.supply(() -> repo.getTreeRecursive(headSha, 1), executor);
        String alsoAsked = runs.map(RunsInProgress::field).orElse("");
        String manifests = RootManifests.fields(headSha);
        CompletableFuture<JsonObject> first = Concurrently.supply(
                () -> configAnswer(graphql, repo, alsoAsked, manifests), executor);
        Concurrently.join(CompletableFuture.allOf(files, tree, first));
        PullRequestContents contents = new PullRequestContents(new GraphQLBlobSource(graphql, repo, executor), cache);
        JsonObject data = first.join();
        JsonObject repository = data.get("repo") instanceof JsonObject r ? r : null;
        PullRequestSnapshot snapshot = assemble(headSha, baseSha, files.join(), tree.join(), contents);
        RootManifests.keep(repository, snapshot);
        return new Result(snapshot, ConfigTexts.of(data, repo), runs.flatMap(r -> r.of(repository)));
    }

    /**
     * The config's request, with {@code alsoAsked} in it. The extra question must never sink the evaluation: when
     * GitHub answers that request with no data (a timeout on the nested check suites, or a schema without one of
     * its arguments), the config is read alone, and the runs in progress are then unknown (the field is missing
     * from the answer), so the caller lists them over REST as before. One more request, only on failure. GitHub's
     * "Something went wrong" (which a timeout of the nested suites would answer) is not tried again with them: the
     * config alone is, within the retry budget this request did not spend.
     */
    private static JsonObject configAnswer(GraphQLQuery graphql, GHRepository repo, String alsoAsked,
            String manifests) throws IOException {
        if (alsoAsked.isEmpty()) {
            return graphql.run(ConfigTexts.query(repo, manifests));
        }
        try {
            return graphql.failingFastOnExecutionErrors().run(ConfigTexts.query(repo, alsoAsked + " " + manifests));
        } catch (IOException e) {
            LOG.warnf("the config's request with the runs in progress failed (%s); reading the config alone",
                    e.getMessage());
            return graphql.run(ConfigTexts.query(repo, manifests));
        }
    }

    record ChangedFiles(List<GHPullRequestFileDetail> files, boolean partial) {
    }

    /** The page size asked for, GitHub's largest. */
    static final int PAGE = 100;

    /**
     * The listed files. The client only follows each page's {@code Link} header (it has no public way to ask for
     * page k), so the pages the count of changed files says there are (the payload's, up to GitHub's 3,000) are
     * asked side by side with the first one ({@link PagesAhead}): one round trip for 300 files, not three.
     */
    private static ChangedFiles changedFiles(GHPullRequest pr, Executor executor) throws IOException {
        int pages = (Math.min(pr.getChangedFiles(), MAX_FILES) + PAGE - 1) / PAGE;
        try (PagesAhead.Scope ahead = PagesAhead.expect("/pulls/" + pr.getNumber() + "/files", pages, executor)) {
            return listed(pr);
        }
    }

    private static ChangedFiles listed(GHPullRequest pr) throws IOException {
        List<GHPullRequestFileDetail> out = new ArrayList<>();
        for (GHPullRequestFileDetail f : pr.listFiles().withPageSize(PAGE)) {
            if (out.size() == MAX_FILES) {
                return new ChangedFiles(out, true);
            }
            out.add(f);
        }
        // GitHub ends the list at 3,000 files without saying so: only the pull request's own count tells a cut list
        // from a complete one
        return new ChangedFiles(out, out.size() == MAX_FILES && pr.getChangedFiles() > MAX_FILES);
    }

    static PullRequestSnapshot assemble(String headSha, String baseSha, ChangedFiles listed, GHTree tree,
            PullRequestContents contents) {
        Map<String, FileEntry> head = new LinkedHashMap<>();
        for (GHTreeEntry e : tree.getTree()) {
            if ("blob".equals(e.getType())) {
                head.put(e.getPath(), new FileEntry(e.getPath(), e.getSize(), e.getSha()));
            }
        }
        Map<String, FileEntry> base = new LinkedHashMap<>(head);
        List<FileChange> changes = new ArrayList<>();
        for (GHPullRequestFileDetail f : listed.files()) {
            ChangeStatus status = status(f.getStatus());
            String path = f.getFilename();
            String patch = f.getPatch();
            changes.add(new FileChange(path, status, f.getPreviousFilename(),
                    patch == null ? null : UnifiedDiff.addedLines(patch),
                    patch == null ? null : UnifiedDiff.rightLines(patch)));
            if (status.exists() && !head.containsKey(path)) {
                head.put(path, new FileEntry(path, -1, f.getSha())); // a truncated tree may miss it
            }
            switch (status) {
                case ADDED -> {
                    base.remove(path);
                    FileEntry entry = head.get(path);
                    AddedFileContent.rebuild(patch, entry.size())
                            .ifPresent(b -> contents.known(new BlobKey(headSha, path, entry.blobId()), b));
                }
                case MODIFIED -> base.put(path, new FileEntry(path, -1, null));
                case DELETED -> base.put(path, new FileEntry(path, -1, null));
                case RENAMED, COPIED -> {
                    if (status == ChangeStatus.RENAMED) {
                        base.remove(path);
                    }
                    if (f.getPreviousFilename() != null) {
                        // a pure rename keeps the blob: share the head's content
                        String blob = f.getChanges() == 0 ? f.getSha() : null;
                        base.put(f.getPreviousFilename(), new FileEntry(f.getPreviousFilename(), -1, blob));
                    }
                }
            }
        }
        ChangeSet changeSet = ChangeSet.of(changes, listed.partial());
        Snapshot headSnapshot = Snapshot.of(head.values(), contents.loader(headSha), tree.isTruncated());
        Snapshot baseSnapshot = Snapshot.of(base.values(), contents.loader(baseSha), tree.isTruncated());
        return new PullRequestSnapshot(headSha, baseSha, changeSet, headSnapshot, baseSnapshot, contents);
    }

    static ChangeStatus status(String github) {
        return switch (github == null ? "" : github) {
            case "added" -> ChangeStatus.ADDED;
            case "removed" -> ChangeStatus.DELETED;
            case "renamed" -> ChangeStatus.RENAMED;
            case "copied" -> ChangeStatus.COPIED;
            default -> ChangeStatus.MODIFIED; // modified, changed, unchanged
        };
    }
}
